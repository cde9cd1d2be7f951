import type { Db } from '../store/database';
import type { UnitAnswer } from './platform-answers';

/** The provincial register's last answer per unit, kept so a look-up still answers offline. */
export const unitRegisterCache = {
  get(db: Db, unitCode: string): { data: UnitAnswer; fetchedAt: string } | null {
    const row = db.prepare('SELECT data, fetched_at FROM unit_register_cache WHERE unit_code = ?').get(unitCode) as { data: string; fetched_at: string } | undefined;
    return row ? { data: JSON.parse(row.data) as UnitAnswer, fetchedAt: row.fetched_at } : null;
  },

  put(db: Db, unitCode: string, data: UnitAnswer, fetchedAt: Date): void {
    db.prepare(
      'INSERT INTO unit_register_cache (unit_code, data, fetched_at) VALUES (?, ?, ?) ON CONFLICT(unit_code) DO UPDATE SET data = excluded.data, fetched_at = excluded.fetched_at',
    ).run(unitCode, JSON.stringify(data), fetchedAt.toISOString());
  },
};
