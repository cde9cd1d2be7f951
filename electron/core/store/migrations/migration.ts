import type { PersonalDataKeys } from '../../crypto/personal-data';
import type { Db } from '../database';

/** What a migration may use besides the database: the data keys, to seal data already stored. */
export interface MigrationContext {
  /** Absent in tools that migrate empty databases (benchmarks, some tests). */
  keys?: PersonalDataKeys;
}

/** A numbered schema change. `up` runs inside a transaction together with the version bump. */
export interface Migration {
  version: number;
  name: string;
  up(db: Db, ctx: MigrationContext): void;
  /**
   * Rebuilds a table others refer to (SQLite's 12-step schema change): foreign keys are switched
   * off around the transaction (the pragma is a no-op inside one) and checked before the commit.
   */
  foreignKeysOff?: boolean;
  /** Runs after the transaction committed (e.g. VACUUM, which cannot run inside one). */
  afterCommit?(db: Db): void;
}
