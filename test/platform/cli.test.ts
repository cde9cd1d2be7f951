import { spawn } from 'node:child_process';
import { join } from 'node:path';
import axios from 'axios';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../support/temp-dir';
import { clientFor, waitFor } from './harness';
import { readPlatformCertificates } from './certificates';

const root = join(import.meta.dirname, '..', '..');

describe('npm run platform (cli.ts)', () => {
  const temps: Array<{ remove(): void }> = [];
  afterEach(() => temps.splice(0).forEach((t) => t.remove()));

  it('prints the URLs, the certificate files and a config snippet, serves, and stops cleanly on SIGTERM', async () => {
    const temp = makeTempDir('bdc-platform-cli-');
    temps.push(temp);
    const child = spawn(join(root, 'node_modules', '.bin', 'tsx'), ['test/platform/cli.ts', '--data', temp.path, '--port', '0', '--admin-port', '0', '--auto-step-ms', '0'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await waitFor(() => {
        if (child.exitCode !== null) throw new Error(`cli exited early:\n${output}`);
        return output.includes('Ctrl+C');
      }, 15_000, 'the cli to start');
      const url = /"url": "(https:\/\/127\.0\.0\.1:\d+)"/.exec(output)?.[1];
      const adminUrl = /(http:\/\/127\.0\.0\.1:\d+)\/admin/.exec(output)?.[1];
      expect(url).toBeDefined();
      expect(output).toContain(join(temp.path, 'certs', 'client-key.pem'));
      // Scripts read each path up to the first blank (test/bench/separate-platform.ts).
      expect(/客户端证书 Cert:\s+(\S+)/.exec(output)?.[1]).toBe(join(temp.path, 'certs', 'client.pem'));
      const certs = readPlatformCertificates(join(temp.path, 'certs'));
      expect((await clientFor({ url: url! }, certs).get('/api/v1/health')).status).toBe(200);
      expect((await axios.get(`${adminUrl}/admin/stats`)).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(output).toContain('已停止 (stopped)');
  }, 20_000);
});
