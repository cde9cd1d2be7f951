import type { Migration } from './migration';

/**
 * Accounts and the append-only audit log.
 * The audit triggers make UPDATE and DELETE fail, so records can only be added; altering the
 * file behind SQLite's back is caught by the SM3 hash chain (audit-chain.ts).
 */
export const migration0001: Migration = {
  version: 1,
  name: 'accounts-and-audit',
  up(db) {
    db.exec(`
      CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        username TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('clerk','reviewer','registrar','supervisor','admin')),
        password_hash TEXT NOT NULL,
        must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0,1)),
        disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0,1)),
        failed_logins INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT,
        password_changed_at TEXT NOT NULL,
        created_at TEXT NOT NULL,
        last_login_at TEXT
      ) STRICT;

      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor_id INTEGER,
        actor TEXT,
        action TEXT NOT NULL,
        object TEXT,
        result TEXT NOT NULL CHECK (result IN ('success','failure')),
        detail TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audit_log_action ON audit_log(action);
      CREATE INDEX audit_log_actor ON audit_log(actor);

      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

      CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `);
  },
};
