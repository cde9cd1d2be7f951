import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface RunningWebHost {
  url: string;
  origin: string;
  port: number;
  child: ChildProcess;
  output(): string;
  /** A fresh single-use launch link (the first one, `url`, works once): asks the host with SIGUSR2. */
  freshLink(): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Starts the built web host (dist/web-host.mjs) as its own process on a free port with the given
 * data folder, and waits for the line that prints its URL.
 */
export async function startWebHostProcess(dataDir: string, env: Record<string, string> = {}): Promise<RunningWebHost> {
  const child = spawn(process.execPath, ['dist/web-host.mjs'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, BDC_DATA_DIR: dataDir, BDC_PORT: '0', BDC_OPEN_BROWSER: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host did not start:\n${out}`)), 15_000);
    const check = () => {
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?s=[\w-]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web host exited with ${code}:\n${out}`));
    });
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    port: Number(parsed.port),
    child,
    output: () => out,
    freshLink: () =>
      new Promise<string>((resolve, reject) => {
        const from = out.length;
        const timer = setTimeout(() => reject(new Error(`no fresh link printed:\n${out.slice(from)}`)), 10_000);
        const check = () => {
          const m = /新的一次性链接：(http:\/\/127\.0\.0\.1:\d+\/\?s=[\w-]+)/.exec(out.slice(from));
          if (!m) return;
          clearTimeout(timer);
          child.stdout?.off('data', check);
          resolve(m[1]);
        };
        child.stdout?.on('data', check);
        child.kill('SIGUSR2');
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
