import type { Db } from '../database';
import type { Migration } from './migration';

/**
 * Paper certificates (缮证, issue #12 part 4):
 * - `form_batches`: a delivery of blank pre-printed forms (印制号 range) for one year, county and form
 *   type. Ranges never overlap, whatever the type: a sheet is identified by its 印制号 alone.
 * - `forms`: one row per sheet and its current state; every state change is decided by one
 *   conditional UPDATE inside one transaction, so two supervisors can never both use a sheet.
 * - `form_events`: each change with who, when, why, case and certificate (the sheet's history).
 * - `certificate_prints`: every print of a certificate on a sheet, with the archived PDF (blob) as
 *   printed; a spoiled print keeps its row (state `spoiled`) beside the reprint.
 * - `outbox` gains the kind `certificate.printed` (the platform told of each print, so 登簿退回 is
 *   refused after), rebuilt from its own current SQL so columns and kinds others add survive.
 */
export const migration0012: Migration = {
  version: 12,
  name: 'certificate-forms',
  foreignKeysOff: true,
  up(db) {
    addOutboxKind(db, "'certificate.printed'");
    db.exec(`
      CREATE TABLE form_batches (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2999),
        county_code TEXT NOT NULL CHECK (length(county_code) = 6),
        form_type TEXT NOT NULL CHECK (form_type IN ('certificate','proof')),
        first_serial INTEGER NOT NULL,
        last_serial INTEGER NOT NULL,
        width INTEGER NOT NULL,
        received_at TEXT NOT NULL,
        received_by TEXT NOT NULL,
        CHECK (last_serial >= first_serial)
      ) STRICT;
      CREATE INDEX form_batches_range ON form_batches(first_serial, last_serial);

      CREATE TABLE forms (
        serial TEXT PRIMARY KEY,
        batch_id INTEGER NOT NULL REFERENCES form_batches(id),
        form_type TEXT NOT NULL CHECK (form_type IN ('certificate','proof')),
        state TEXT NOT NULL CHECK (state IN ('unused','issued','used','void','lost','destroyed')),
        holder TEXT,
        case_number TEXT,
        certificate_number TEXT,
        updated_at TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX forms_state ON forms(form_type, state);
      CREATE INDEX forms_batch ON forms(batch_id, serial);

      CREATE TABLE form_events (
        id INTEGER PRIMARY KEY,
        serial TEXT NOT NULL REFERENCES forms(serial),
        from_state TEXT,
        to_state TEXT NOT NULL,
        at TEXT NOT NULL,
        actor_id INTEGER,
        actor TEXT NOT NULL,
        reason TEXT,
        holder TEXT,
        case_number TEXT,
        certificate_number TEXT
      ) STRICT;
      CREATE INDEX form_events_serial ON form_events(serial, id);

      CREATE TABLE certificate_prints (
        id INTEGER PRIMARY KEY,
        certificate_number TEXT NOT NULL,
        case_number TEXT NOT NULL,
        form_serial TEXT NOT NULL REFERENCES forms(serial),
        printer TEXT NOT NULL,
        pdf_hash TEXT NOT NULL REFERENCES blobs(hash),
        printed_at TEXT NOT NULL,
        printed_by TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('printed','spoiled')),
        spoiled_reason TEXT,
        platform_told_at TEXT
      ) STRICT;
      CREATE INDEX certificate_prints_number ON certificate_prints(certificate_number, id);
      -- One good print per certificate: a reprint needs the earlier one spoiled first.
      CREATE UNIQUE INDEX certificate_prints_one_good ON certificate_prints(certificate_number) WHERE state = 'printed';
    `);
  },
};

/** Rebuilds `outbox` from its own CREATE statement with `kinds` appended to its kind CHECK list. */
function addOutboxKind(db: Db, kinds: string): void {
  const sql = (db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'outbox'").get() as { sql: string }).sql;
  const pattern = /kind IN \(([^)]*)\)/;
  if (!pattern.test(sql)) throw new Error('migration 12: no kind CHECK list in outbox');
  const widened = sql.replace(pattern, (whole, list: string) => whole.replace(list, `${list},${kinds}`));
  const indexes = (db.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'outbox' AND sql IS NOT NULL").all() as Array<{ sql: string }>).map((r) => r.sql);
  db.exec(widened.replace(/^CREATE TABLE "?outbox"?/, 'CREATE TABLE outbox_v12'));
  db.exec('INSERT INTO outbox_v12 SELECT * FROM outbox; DROP TABLE outbox; ALTER TABLE outbox_v12 RENAME TO outbox;');
  for (const index of indexes) db.exec(index);
}
