import type { Migration } from './migration';

/**
 * The e-certificates a 登簿 at this desk issues (issue #12):
 * - `e_certificates`: one row per certificate or proof number the platform assigned, written in the
 *   登簿's own transaction (`production = 'pending'`), so the obligation to produce it survives any
 *   failure of the rendering or the seal; producing it fills the identifier, the sealed facts and the
 *   hashes of the sealed OFD and its PDF (files in the blob store) and queues the upload, in one
 *   transaction. `attempts`/`next_attempt_at`/`last_error` drive the retries. `state` is the
 *   platform's (现势/注销), from the upload's answer and the feed's `ecertificate.state`.
 *   `answer_sealed` is the 登簿 answer the facts are built from (holder names: sealed like the body).
 * - `outbox` is rebuilt to admit the command `ecertificate.upload` (kinds are checked by the table).
 *   A later migration adding kinds rebuilds it from this definition.
 */
export const migration0011: Migration = {
  version: 11,
  name: 'e-certificates',
  foreignKeysOff: true,
  up(db) {
    db.exec(`
      CREATE TABLE e_certificates (
        id INTEGER PRIMARY KEY,
        office_case_id INTEGER NOT NULL REFERENCES office_cases(id) ON DELETE CASCADE,
        number TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('certificate','proof')),
        identifier TEXT UNIQUE,
        production TEXT NOT NULL DEFAULT 'pending' CHECK (production IN ('pending','produced','voided')),
        state TEXT CHECK (state IS NULL OR state IN ('现势','注销')),
        state_at TEXT,
        ofd_hash TEXT REFERENCES blobs(hash),
        pdf_hash TEXT REFERENCES blobs(hash),
        facts_sealed BLOB,
        answer_sealed BLOB NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        next_attempt_at TEXT,
        last_error TEXT,
        created_at TEXT NOT NULL,
        produced_at TEXT,
        CHECK (production <> 'produced' OR (identifier IS NOT NULL AND ofd_hash IS NOT NULL AND pdf_hash IS NOT NULL AND facts_sealed IS NOT NULL))
      ) STRICT;
      CREATE INDEX e_certificates_case ON e_certificates(office_case_id, id);
      CREATE INDEX e_certificates_pending ON e_certificates(next_attempt_at) WHERE production = 'pending';

      CREATE TABLE outbox_v11 (
        id INTEGER PRIMARY KEY,
        case_id INTEGER REFERENCES cases(id),
        office_case_id INTEGER REFERENCES office_cases(id),
        lane INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('case.submit','case.withdraw','review.decide','case.supplement','ecertificate.upload')),
        idempotency_key TEXT NOT NULL UNIQUE CHECK (length(idempotency_key) BETWEEN 8 AND 128),
        state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','done','dead','cancelled')),
        attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        created_at TEXT NOT NULL,
        next_attempt_at TEXT,
        sent_at TEXT,
        last_error TEXT,
        last_error_code TEXT,
        answer TEXT CHECK (answer IS NULL OR json_valid(answer)),
        body_sealed BLOB,
        CHECK ((case_id IS NULL) <> (office_case_id IS NULL)),
        CHECK (lane = coalesce(case_id, -office_case_id))
      ) STRICT;
      INSERT INTO outbox_v11 SELECT id, case_id, office_case_id, lane, kind, idempotency_key, state, attempts, created_at, next_attempt_at, sent_at, last_error, last_error_code, answer, body_sealed FROM outbox;
      DROP TABLE outbox;
      ALTER TABLE outbox_v11 RENAME TO outbox;
      CREATE INDEX outbox_open_by_lane ON outbox(lane, id) WHERE state IN ('pending','dead');
      CREATE INDEX outbox_case ON outbox(case_id) WHERE case_id IS NOT NULL;
      CREATE INDEX outbox_state ON outbox(state, id);
      CREATE INDEX outbox_pending_due ON outbox(next_attempt_at) WHERE state = 'pending';
    `);
  },
};
