import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../support/temp-dir';
import { PROJECT_ROOT } from '../support/web-host-process';

/**
 * The README's first command on a machine without the Electron runtime (this one, and CI): it must
 * say so in one line within 10 s and serve the same app on the web host.
 */
describe('npm start without the Electron runtime', () => {
  const data = makeTempDir('bdc-start-');
  let stop: (() => void) | undefined;
  afterEach(() => {
    stop?.();
    data.remove();
  });

  it('says in one line that it falls back, then prints a working URL', async () => {
    const started = Date.now();
    const child = spawn('npm', ['start', '--silent'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, BDC_DATA_DIR: data.path, BDC_PORT: '0', BDC_OPEN_BROWSER: '0', BDC_NO_ELECTRON: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    stop = () => {
      try {
        process.kill(-(child.pid as number), 'SIGTERM');
      } catch {
        /* already gone */
      }
    };
    let out = '';
    let fallbackAt = 0;
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL within 25 s:\n${out}`)), 25_000);
      const onData = (d: Buffer) => {
        out += d.toString();
        if (!fallbackAt && out.includes('改为在浏览器中运行')) fallbackAt = Date.now();
        const m = /(http:\/\/127\.0\.0\.1:\d+\/\?s=[\w-]+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.on('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${out}`)));
    });
    expect(fallbackAt - started).toBeLessThan(10_000);
    expect(out.split('\n').filter((l) => l.includes('Electron')).length).toBe(1);
    const health = await fetch(new URL('/api/health', url));
    expect(await health.json()).toMatchObject({ ok: true });
  }, 40_000);
});
