import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * The platform stand-in in a process of its own (`npm run platform`), as a real platform is: its
 * SQLite commits and TLS work do not share the workstation's event loop. Controlled through its
 * /admin listener.
 */
export interface SeparatePlatform {
  url: string;
  files: { ca: string; clientCert: string; clientKey: string };
  casesCount(): Promise<number>;
  close(): Promise<void>;
}

const root = fileURLToPath(new URL('../..', import.meta.url));

export async function startSeparatePlatform(dataDir: string): Promise<SeparatePlatform> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/platform/cli.ts', '--data', dataDir, '--port', '0', '--admin-port', '0', '--auto-step-ms', '0'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out = await new Promise<string>((resolve, reject) => {
    let text = '';
    child.stdout!.on('data', (d) => {
      text += d;
      if (text.includes('Ctrl+C')) resolve(text);
    });
    child.stderr!.on('data', (d) => (text += d));
    child.once('exit', (code) => reject(new Error(`platform stand-in exited ${code}: ${text}`)));
  });
  const field = (label: RegExp) => {
    const m = label.exec(out);
    if (!m) throw new Error(`platform stand-in output without ${label}: ${out}`);
    return m[1]!.trim();
  };
  const url = field(/接口 API:\s+(\S+)\/api\/v1/);
  const adminUrl = field(/管理 Admin:\s+(\S+)\/admin/);
  const files = { ca: field(/平台CA CA:\s+(\S+)/), clientCert: field(/客户端证书 Cert:\s+(\S+)/), clientKey: field(/客户端私钥 Key:\s+(\S+)/) };
  return {
    url,
    files,
    async casesCount() {
      const res = await fetch(`${adminUrl}/admin/cases`);
      return ((await res.json()) as { cases: unknown[] }).cases.length;
    },
    close: () => stop(child),
  };
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
