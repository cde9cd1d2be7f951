import { join } from 'node:path';
import { openDatabase, type Db } from '../../../../electron/core/store/database';
import { migrate } from '../../../../electron/core/store/migrate';
import { MIGRATIONS } from '../../../../electron/core/store/migrations';

/** A migrated workstation database file in `dir` (no data keys: the stock holds no personal data). */
export function stockDb(dir: string): Db {
  const db = openDatabase(join(dir, 'bdc.sqlite'));
  migrate(db, MIGRATIONS, join(dir, 'backups'));
  return db;
}
