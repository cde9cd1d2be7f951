import type { DataKeyRing } from '../crypto/data-keys';
import type { Db } from './database';
import { createVerifiedBackup, DEFAULT_BACKUP_KEEP, listBackups, pruneBackups } from './backup';
import { holdDataDirLock } from './data-dir-lock';

export const DAY_MS = 24 * 3600 * 1000;
/** After a failure (disk full, recovery mode), try again this much later. */
export const RETRY_MS = 3600 * 1000;
/** The first backup after start waits this long, so it never slows the start or the first case. */
export const FIRST_DELAY_MS = 2 * 60 * 1000;

export interface BackupSchedulerDeps {
  /** The live database; throws while the workstation is in recovery mode. */
  db(): Db;
  keys: DataKeyRing;
  backupDir: string;
  clock(): Date;
  /** Generations to keep (config `backups.keep`), read at each run. */
  keep(): number;
  log(message: string): void;
  timers?: {
    setTimeout(fn: () => void, ms: number): unknown;
    clearTimeout(handle: unknown): void;
  };
  intervalMs?: number;
  firstDelayMs?: number;
}

export interface BackupScheduler {
  stop(): void;
  /** When the next backup is planned (ms since epoch, by the injected clock). */
  readonly nextAt: number | null;
}

/**
 * The daily online backup: at start, if the newest backup (of any reason) is older than a day or
 * there is none, one is taken FIRST_DELAY_MS later; then one every day after the newest. Each run
 * prunes old generations. Timers are unref'd: they never keep a process alive.
 */
export function startBackupScheduler(deps: BackupSchedulerDeps): BackupScheduler {
  const interval = deps.intervalMs ?? DAY_MS;
  const timers = deps.timers ?? {
    setTimeout: (fn: () => void, ms: number) => {
      const t = setTimeout(fn, ms);
      t.unref();
      return t;
    },
    clearTimeout: (h: unknown) => clearTimeout(h as NodeJS.Timeout),
  };
  let handle: unknown = null;
  let stopped = false;
  const state = { nextAt: null as number | null };

  const plan = (delay: number) => {
    if (stopped) return;
    state.nextAt = deps.clock().getTime() + delay;
    handle = timers.setTimeout(run, Math.max(0, Math.min(delay, 2 ** 31 - 1)));
  };

  const newest = (): number | null => {
    const times = listBackups(deps.backupDir)
      .filter((b) => b.encrypted && b.problem === null)
      .map((b) => Date.parse(b.createdAt));
    return times.length > 0 ? Math.max(...times) : null;
  };

  function run() {
    handle = null;
    if (stopped) return;
    const now = deps.clock();
    const last = newest();
    // A manual backup since the plan was made moves the next one.
    if (last !== null && now.getTime() - last < interval) return plan(last + interval - now.getTime());
    try {
      const b = createVerifiedBackup(deps.db(), deps.backupDir, deps.keys, 'daily', now);
      const pruned = pruneBackups(deps.backupDir, deps.keep(), now);
      deps.log(`daily backup ${b.file} (${b.bytes} bytes)${pruned.length ? `, pruned ${pruned.length}` : ''}`);
      plan(interval);
    } catch (err) {
      deps.log(`daily backup failed, retrying in 1 h: ${(err as Error).message}`);
      plan(RETRY_MS);
    }
  }

  const last = newest();
  const now = deps.clock().getTime();
  plan(last === null || now - last >= interval ? (deps.firstDelayMs ?? FIRST_DELAY_MS) : last + interval - now);

  return {
    stop() {
      stopped = true;
      if (handle !== null) timers.clearTimeout(handle);
      handle = null;
      state.nextAt = null;
    },
    get nextAt() {
      return state.nextAt;
    },
  };
}

/**
 * What a running workstation does for backups: holds the data-folder lock (the backup CLI refuses
 * to run beside it) and runs the daily scheduler. startWorkstation calls this once; close() stops it.
 */
export function startBackupDuties(
  services: { dataDir: string; keys: DataKeyRing; paths: { backups: string }; clock(): Date; db(): Db; config: { value: { backups?: { keep: number } } } },
  log: (message: string) => void,
): { stop(): void } {
  const lock = holdDataDirLock(services.dataDir, services.clock());
  const scheduler = startBackupScheduler({
    db: () => services.db(),
    keys: services.keys,
    backupDir: services.paths.backups,
    clock: () => services.clock(),
    keep: () => services.config.value.backups?.keep ?? DEFAULT_BACKUP_KEEP,
    log,
  });
  return {
    stop() {
      scheduler.stop();
      lock.release();
    },
  };
}
