import type { Db } from './database';
import { createVerifiedBackup, writeVerifiedBackup } from './backup';
import type { Migration, MigrationContext } from './migrations/migration';

export interface MigrationReport {
  from: number;
  to: number;
  applied: string[];
  backup: string | null;
}

/**
 * Brings the schema to the latest version. Each migration and its version bump commit together,
 * so a crash leaves the database at a whole version. A database that already holds data is
 * backed up (and the backup verified, and sealed when `context.keys` is given) before the first
 * pending migration runs. `afterCommit` steps (VACUUM) run once their migration has committed.
 */
export function migrate(db: Db, migrations: readonly Migration[], backupDir: string, context: MigrationContext = {}): MigrationReport {
  assertOrdered(migrations);
  const from = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.length > 0 ? migrations[migrations.length - 1].version : 0;
  if (from > latest) {
    throw new Error(`数据库版本 ${from} 高于本程序支持的版本 ${latest}：请升级工作站程序。`);
  }
  const pending = migrations.filter((m) => m.version > from);
  let backup: string | null = null;
  if (pending.length > 0 && from > 0) {
    const label = `before-migration-${pending[0].version}`;
    // With the data keys the backup is sealed like every other (it holds personal data);
    // tools that migrate without keys (benchmarks, tests of empty databases) keep the plain copy.
    backup = context.keys ? createVerifiedBackup(db, backupDir, context.keys, label).file : writeVerifiedBackup(db, backupDir, label).file;
  }
  for (const m of pending) {
    const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
    if (m.foreignKeysOff) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        m.up(db, context);
        if (m.foreignKeysOff) {
          const broken = db.pragma('foreign_key_check') as unknown[];
          if (broken.length > 0) throw new Error(`migration ${m.version} left ${broken.length} broken references: ${JSON.stringify(broken.slice(0, 3))}`);
        }
        db.pragma(`user_version = ${m.version}`);
      })();
    } finally {
      if (m.foreignKeysOff) db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
    }
    m.afterCommit?.(db);
  }
  return { from, to: pending.length > 0 ? latest : from, applied: pending.map((m) => `${m.version}-${m.name}`), backup };
}

/**
 * Versions strictly increase. A gap is allowed (a number reserved by work that lands separately);
 * such a number must land before any release, since a database past it never runs it.
 */
function assertOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    const previous = i === 0 ? 0 : migrations[i - 1].version;
    if (!Number.isInteger(m.version) || m.version <= previous) throw new Error(`migration ${m.name} has version ${m.version}, expected more than ${previous}`);
  });
}
