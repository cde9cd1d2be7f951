import type { Migration } from './migration';

/**
 * The office's review and 登簿 (issue #11):
 * - `office_cases`: the office's cases as the platform's feed (`office.case`) gives them to every
 *   workstation, so review desks work offline. The application (`body_sealed`) is the submission
 *   body the counter sent — ID numbers and phones inside — sealed at rest like outbox bodies; the
 *   queue columns (masked names, masked addresses, clerk, dates) are copied out of it for the
 *   indexed queues. `local_case_id` is the counter's own row when this workstation accepted it.
 *   `pending_*` is a decision made here and still in the outbox.
 * - `online_commands`: claims and 登簿 are sent at once, but the key is stored first, so a retry
 *   after a lost answer replays the platform's first answer instead of acting twice.
 * - `outbox` is rebuilt so a command belongs either to a local case or to an office case, and its
 *   per-case order runs on `lane` (the case id, or minus the office case id).
 */
export const migration0010: Migration = {
  version: 10,
  name: 'office-review',
  foreignKeysOff: true,
  up(db) {
    db.exec(`
      CREATE TABLE office_cases (
        id INTEGER PRIMARY KEY,
        case_number TEXT NOT NULL UNIQUE,
        platform_case_id TEXT,
        official_number TEXT,
        stage TEXT NOT NULL CHECK (stage IN ('firstReview','secondReview','registration','supplementing','registered','refused','withdrawn')),
        claim_user_id TEXT,
        claim_name TEXT,
        claim_workstation TEXT,
        claim_since TEXT,
        promised_date TEXT,
        workstation TEXT NOT NULL,
        clerk_name TEXT NOT NULL,
        accepted_by TEXT,
        accepted_at TEXT,
        business_type TEXT NOT NULL DEFAULT '',
        names TEXT NOT NULL DEFAULT '',
        addresses TEXT NOT NULL DEFAULT '',
        body_sealed BLOB,
        certificate_numbers TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(certificate_numbers)),
        pending_decision TEXT CHECK (pending_decision IS NULL OR pending_decision IN ('pass','supplement','refuse','return')),
        pending_stage TEXT,
        local_case_id INTEGER REFERENCES cases(id) ON DELETE SET NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      -- The queues: one stage, by promised date (the countdown), with the filters after it.
      CREATE INDEX office_cases_queue ON office_cases(stage, promised_date, id);
      CREATE INDEX office_cases_stage_type ON office_cases(stage, business_type);
      CREATE INDEX office_cases_stage_claim ON office_cases(stage, claim_user_id);

      CREATE TABLE office_case_events (
        id INTEGER PRIMARY KEY,
        office_case_id INTEGER NOT NULL REFERENCES office_cases(id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        stage TEXT,
        decision TEXT,
        opinion TEXT,
        actor TEXT
      ) STRICT;
      CREATE INDEX office_case_events_case ON office_case_events(office_case_id, id);

      CREATE TABLE online_commands (
        id INTEGER PRIMARY KEY,
        office_case_id INTEGER NOT NULL REFERENCES office_cases(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        idempotency_key TEXT NOT NULL UNIQUE,
        body TEXT NOT NULL,
        created_at TEXT NOT NULL,
        answered_at TEXT
      ) STRICT;
      CREATE INDEX online_commands_open ON online_commands(office_case_id, kind) WHERE answered_at IS NULL;

      -- The units' register records the review desks saw (the grown answer of GET /units: versions,
      -- states, history): the workspace offline, and the basis of 登簿 (the version reviewed against).
      CREATE TABLE review_register_cache (
        unit_code TEXT PRIMARY KEY,
        data TEXT NOT NULL CHECK (json_valid(data)),
        fetched_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE outbox_v10 (
        id INTEGER PRIMARY KEY,
        case_id INTEGER REFERENCES cases(id),
        office_case_id INTEGER REFERENCES office_cases(id),
        lane INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('case.submit','case.withdraw','review.decide','case.supplement')),
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
      INSERT INTO outbox_v10 (id, case_id, office_case_id, lane, kind, idempotency_key, state, attempts, created_at, next_attempt_at, sent_at, last_error, last_error_code, answer, body_sealed)
        SELECT id, case_id, NULL, case_id, kind, idempotency_key, state, attempts, created_at, next_attempt_at, sent_at, last_error, last_error_code, answer, body_sealed FROM outbox;
      DROP TABLE outbox;
      ALTER TABLE outbox_v10 RENAME TO outbox;
      CREATE INDEX outbox_open_by_lane ON outbox(lane, id) WHERE state IN ('pending','dead');
      CREATE INDEX outbox_case ON outbox(case_id) WHERE case_id IS NOT NULL;
      CREATE INDEX outbox_state ON outbox(state, id);
      CREATE INDEX outbox_pending_due ON outbox(next_attempt_at) WHERE state = 'pending';
    `);
  },
};
