import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../support/web-host-process';

/** Every process whose command line mentions `text` (socat's link paths are unique per test). */
function processesMentioning(text: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(text)) found.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

/** Alive and not a zombie. */
function running(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

async function until(probe: () => boolean, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('simulator socat processes die with their parent', () => {
  it('a SIGKILL of the parent leaves no socat behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bdc-orphan-'));
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'test/native/sim/pty-pair-child.ts'), dir], {
        cwd: PROJECT_ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (out += d.toString()));
      await until(() => /PIDS [\d ]+\n/.test(out) || child.exitCode !== null, 'the child to open its pairs', 20_000);
      const pids = (/PIDS ([\d ]+)\n/.exec(out)?.[1] ?? '').split(' ').map(Number);
      expect(pids, out).toHaveLength(2);
      const socats = processesMentioning(dir).filter((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').startsWith('socat'));
      expect(socats.length).toBe(3); // two pairs and the ID card simulator's
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
      // Nothing of ours may stay: socat exits once its parent is gone, and the links go with it.
      await until(() => processesMentioning(dir).length === 0, 'every socat of the killed parent to exit');
      // Exited (a zombie until whoever adopted it reaps it: this container's init may not) holds no pty.
      // A process that is exiting has already dropped its command line but is not a zombie yet
      // (seen in CI: the check ran in that window), so wait for the state, do not sample it once.
      await until(() => pids.every((pid) => !running(pid)), `socats ${pids.join(', ')} to be gone`);
      // And the watchdogs that did it are gone too.
      await until(() => pids.every((pid) => processesMentioning(`bdc-socat-watchdog\u0000${pid}`).length === 0), 'the watchdogs to exit');
      expect(existsSync(join(dir, 'b'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
