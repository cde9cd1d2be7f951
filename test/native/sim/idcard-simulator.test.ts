import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { measureReadOverhead } from '../../../native/idcard/bench-read';
import { IdCardSimulator } from '../../../native/sim/idcard-simulator';
import { SocatPtyPair } from '../../../native/sim/socat-pty-pair';

function alive(pid: number | undefined): boolean {
  if (pid === undefined) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('ID card simulator', () => {
  it('puts the client tty at the requested link and removes everything on close', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-link-'));
    try {
      const sim = new IdCardSimulator();
      const link = join(dir, 'ttyIDCARD0');
      expect(await sim.start({ link })).toBe(link);
      expect(existsSync(link)).toBe(true);
      await sim.close();
      expect(existsSync(link)).toBe(false);
      expect(existsSync(`${link}-sim`)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('removes its own temporary folder when no link is given', async () => {
    const sim = new IdCardSimulator();
    const path = await sim.start();
    expect(existsSync(path)).toBe(true);
    await sim.close();
    expect(existsSync(dirname(path))).toBe(false);
  });

  it('kills socat by its PID when the pair is closed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pty-pair-'));
    try {
      const pair = new SocatPtyPair(join(dir, 'a'), join(dir, 'b'));
      await pair.open();
      const pid = pair.pid;
      expect(alive(pid)).toBe(true);
      await pair.close();
      expect(alive(pid)).toBe(false);
      expect(existsSync(join(dir, 'a'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses to replace a file that is not a symlink', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pty-pair-'));
    try {
      const pair = new SocatPtyPair(dir, join(dir, 'b'));
      await expect(pair.open()).rejects.toThrow(/not a symlink/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('read overhead measurement', () => {
  it('paces a full read at the line rate and reports the bytes exchanged', async () => {
    const result = await measureReadOverhead({ runs: 3 });
    // find 10+15, select 10+19, read 10+1295 bytes.
    expect(result.bytesPerRead).toBe(1359);
    expect(result.lineTimeMs).toBeCloseTo((1359 * 10 * 1000) / 115200, 6);
    // A paced read can never beat the line.
    expect(result.medianReadMs).toBeGreaterThanOrEqual(result.lineTimeMs * 0.99);
    expect(result.overheadMs).toBeCloseTo(result.medianReadMs - result.lineTimeMs, 6);
  });
});
