import { registerRecordSchema, type RegisterRecord } from '../../contract';
import type { Db } from '../store/database';
import type { SyncEngine } from '../sync/sync-engine';

export interface UnitRecord {
  unitCode: string;
  record: RegisterRecord | null;
  fetchedAt: string | null;
  offline: boolean;
}

/** The cached record of a unit (what the desk last saw), if any. */
export function cachedRecord(db: Db, unitCode: string): { record: RegisterRecord; fetchedAt: string } | null {
  const row = db.prepare('SELECT data, fetched_at FROM review_register_cache WHERE unit_code = ?').get(unitCode) as { data: string; fetched_at: string } | undefined;
  if (!row) return null;
  const parsed = registerRecordSchema.safeParse(JSON.parse(row.data));
  return parsed.success ? { record: parsed.data, fetchedAt: row.fetched_at } : null;
}

export function storeRecord(db: Db, unitCode: string, record: unknown, now: Date): void {
  db.prepare('INSERT INTO review_register_cache (unit_code, data, fetched_at) VALUES (?, ?, ?) ON CONFLICT(unit_code) DO UPDATE SET data = excluded.data, fetched_at = excluded.fetched_at').run(
    unitCode,
    JSON.stringify(record),
    now.toISOString(),
  );
}

/**
 * The units' records as the review desk sees them now: asked from the platform when it is online
 * (and cached: this is the version the review is made against), else the cached one, marked offline.
 */
export async function unitRecords(db: () => Db, sync: SyncEngine | null, unitCodes: string[], now: Date): Promise<UnitRecord[]> {
  const out: UnitRecord[] = [];
  for (const unitCode of unitCodes) {
    const answer = sync ? await sync.registerRecord(unitCode) : 'unreachable';
    if (answer !== 'unreachable' && answer.record !== null) {
      const parsed = registerRecordSchema.safeParse(answer.record);
      if (parsed.success) {
        storeRecord(db(), unitCode, answer.record, now);
        out.push({ unitCode, record: parsed.data, fetchedAt: now.toISOString(), offline: false });
        continue;
      }
    }
    const cached = cachedRecord(db(), unitCode);
    out.push({ unitCode, record: cached?.record ?? null, fetchedAt: cached?.fetchedAt ?? null, offline: answer === 'unreachable' });
  }
  return out;
}
