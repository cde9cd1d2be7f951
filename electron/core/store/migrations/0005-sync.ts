import type { Migration } from './migration';

/**
 * Sync with the provincial platform (ARCHITECTURE.md "Sync"):
 * - `outbox`: commands written in the same transaction as the case change they report. `body` is
 *   the exact text sent on every retry (the platform compares the SM3 of the raw body under one
 *   Idempotency-Key, so the bytes must never be rebuilt). `next_attempt_at` is wall-clock time of
 *   the engine's scheduler, `created_at` / `sent_at` are record times.
 * - `sync_state`: the change feed's cursor (issued by the platform, never derived from our clock),
 *   last contact and last pull.
 * - `platform_events`: every change applied from the feed, for the case timeline; the cursor is
 *   unique so a change delivered twice is applied once.
 * - `unit_register_cache`: the last answer of the provincial register per unit, for offline look-ups.
 * - `cases.certificate_numbers`: e-certificate numbers (JSON array) after 登簿.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'sync',
  up(db) {
    db.exec(`
      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id),
        kind TEXT NOT NULL CHECK (kind IN ('case.submit','case.withdraw')),
        idempotency_key TEXT NOT NULL UNIQUE CHECK (length(idempotency_key) BETWEEN 8 AND 128),
        body TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','done','dead','cancelled')),
        attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        created_at TEXT NOT NULL,
        next_attempt_at TEXT,
        sent_at TEXT,
        last_error TEXT,
        last_error_code TEXT,
        answer TEXT CHECK (answer IS NULL OR json_valid(answer))
      ) STRICT;
      -- The head of a case's queue is its oldest command still pending or dead (a dead letter blocks
      -- the commands after it): this partial index answers "is there an older open command" at once.
      CREATE INDEX outbox_open_by_case ON outbox(case_id, id) WHERE state IN ('pending','dead');
      -- Pending commands in order, for the scheduler and the queue counts.
      CREATE INDEX outbox_state ON outbox(state, id);
      -- The next back-off to end, without reading every pending command (10 000 may be queued offline).
      CREATE INDEX outbox_pending_due ON outbox(next_attempt_at) WHERE state = 'pending';

      CREATE TABLE sync_state (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE platform_events (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id),
        cursor TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        at TEXT NOT NULL,
        data TEXT NOT NULL CHECK (json_valid(data)),
        received_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX platform_events_case ON platform_events(case_id, id);

      CREATE TABLE unit_register_cache (
        unit_code TEXT PRIMARY KEY,
        data TEXT NOT NULL CHECK (json_valid(data)),
        fetched_at TEXT NOT NULL
      ) STRICT;

      ALTER TABLE cases ADD COLUMN certificate_numbers TEXT NOT NULL DEFAULT '[]';
    `);
  },
};
