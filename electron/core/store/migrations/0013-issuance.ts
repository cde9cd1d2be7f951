import type { Db } from '../database';
import type { Migration } from './migration';

/**
 * 发证 (issue #12 part 5):
 * - `issuances`: one per office case, whichever counter issued it (here: `local` = 1; learnt from
 *   the platform's `office.case`: 0). Masked copies for screens; the collector's full ID number and
 *   the courier address and phone sealed in `personal_sealed` (key rotation re-seals it).
 * - `issuance_events`: 已发证 / 待寄出 / 已寄出 / 已签收 with who and when.
 * - `office_case_printed`: what the platform's `office.case` says was printed (null: it does not say).
 * - `office_cases` gains the stage `issued`, and `outbox` the kinds `case.issue`,
 *   `case.issueShipped`, `case.issueDelivered`. Both are rebuilt from their own current SQL (the
 *   CHECK widened, every column and index kept), so columns other migrations of this release add
 *   to them survive.
 */
export const migration0013: Migration = {
  version: 13,
  name: 'issuance',
  foreignKeysOff: true,
  up(db) {
    widenCheck(db, 'office_cases', /stage IN \(([^)]*)\)/, "'issued'");
    widenCheck(db, 'outbox', /kind IN \(([^)]*)\)/, "'case.issue','case.issueShipped','case.issueDelivered'");
    db.exec(`
      CREATE TABLE issuances (
        id INTEGER PRIMARY KEY,
        office_case_id INTEGER NOT NULL UNIQUE REFERENCES office_cases(id) ON DELETE CASCADE,
        method TEXT NOT NULL CHECK (method IN ('counter','courier','electronic')),
        state TEXT NOT NULL CHECK (state IN ('issued','toShip','shipped','delivered')),
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        actor_name TEXT NOT NULL,
        workstation TEXT NOT NULL,
        collector_role TEXT CHECK (collector_role IS NULL OR collector_role IN ('holder','agent')),
        collector_name TEXT,
        collector_id_masked TEXT,
        recipient_name TEXT,
        address_masked TEXT,
        phone_masked TEXT,
        carrier TEXT CHECK (carrier IS NULL OR carrier IN ('ems','sf')),
        waybill TEXT,
        personal_sealed BLOB,
        signature_blob TEXT REFERENCES blobs(hash),
        power_of_attorney_blob TEXT REFERENCES blobs(hash),
        document_blob TEXT REFERENCES blobs(hash),
        local INTEGER NOT NULL CHECK (local IN (0,1)),
        updated_at TEXT NOT NULL,
        CHECK (method = 'counter' OR collector_role IS NULL),
        CHECK (method = 'courier' OR state = 'issued')
      ) STRICT;
      CREATE INDEX issuances_state ON issuances(state, at);

      CREATE TABLE issuance_events (
        id INTEGER PRIMARY KEY,
        issuance_id INTEGER NOT NULL REFERENCES issuances(id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        state TEXT NOT NULL,
        actor_name TEXT NOT NULL,
        detail TEXT
      ) STRICT;
      CREATE INDEX issuance_events_issuance ON issuance_events(issuance_id, id);

      CREATE TABLE office_case_printed (
        office_case_id INTEGER PRIMARY KEY REFERENCES office_cases(id) ON DELETE CASCADE,
        printed TEXT NOT NULL CHECK (json_valid(printed))
      ) STRICT;
    `);
  },
};

/** Rebuilds `table` from its own CREATE statement with `extra` appended to the IN list `pattern` matches. */
function widenCheck(db: Db, table: string, pattern: RegExp, extra: string): void {
  const sql = (db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) as { sql: string }).sql;
  const match = pattern.exec(sql);
  if (!match) throw new Error(`migration 13: no CHECK list in ${table}`);
  const widened = sql.replace(pattern, (whole, list: string) => whole.replace(list, `${list},${extra}`));
  const indexes = (db.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL").all(table) as Array<{ sql: string }>).map((r) => r.sql);
  const next = `${table}_v13`;
  db.exec(widened.replace(new RegExp(`^CREATE TABLE "?${table}"?`), `CREATE TABLE ${next}`));
  db.exec(`INSERT INTO ${next} SELECT * FROM ${table}; DROP TABLE ${table}; ALTER TABLE ${next} RENAME TO ${table};`);
  for (const index of indexes) db.exec(index);
}
