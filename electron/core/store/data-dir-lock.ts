import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/**
 * `workstation.lock` in the data folder says which process runs a workstation on it. Tools that
 * replace the database (the backup CLI's restore, and create, which must not race the app's own
 * writes and key ring) refuse while it names a live process. A lock left by a crash (SIGKILL, power
 * cut) names a dead process and is ignored, so a crash never locks the office out. On another
 * machine (a shared folder) the process cannot be checked, so the lock counts as held.
 *
 * Chosen over probing SQLite's WAL ownership: a WAL database gives no portable way to ask
 * "is another connection open" without changing the journal mode of the live database.
 */
export const LOCK_FILE_NAME = 'workstation.lock';

export interface LockOwner {
  pid: number;
  host: string;
  startedAt: string;
  token: string;
}

export function holdDataDirLock(dataDir: string, now: Date = new Date()): { release(): void } {
  const path = join(dataDir, LOCK_FILE_NAME);
  const owner: LockOwner = { pid: process.pid, host: hostname(), startedAt: now.toISOString(), token: randomUUID() };
  writeFileSync(path, JSON.stringify(owner), { mode: 0o600 });
  return {
    release() {
      // Only our own lock: a later start in the same process has written its own.
      if (readOwner(dataDir)?.token === owner.token) rmSync(path, { force: true });
    },
  };
}

export function readOwner(dataDir: string): LockOwner | null {
  const path = join(dataDir, LOCK_FILE_NAME);
  if (!existsSync(path)) return null;
  try {
    const o = JSON.parse(readFileSync(path, 'utf8')) as LockOwner;
    return typeof o.pid === 'number' && typeof o.host === 'string' ? o : null;
  } catch {
    return null;
  }
}

/** The workstation running on this folder, or null (no lock, or one left by a process that is gone). */
export function runningWorkstation(dataDir: string): LockOwner | null {
  const owner = readOwner(dataDir);
  if (!owner) return null;
  if (owner.host !== hostname()) return owner;
  if (owner.pid === process.pid) return owner;
  try {
    process.kill(owner.pid, 0);
    return owner;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM' ? owner : null;
  }
}
