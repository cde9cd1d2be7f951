import type { Migration } from './migration';

/**
 * Earlier password hashes of each account, so a change or a reset can refuse the last 5
 * passwords (等保: no reuse). Only scrypt hashes are kept, never passwords; the current password
 * stays in `users.password_hash` and is always one of the refused ones.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'password-history',
  up(db) {
    db.exec(`
      CREATE TABLE password_history (
        id INTEGER PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users(id),
        password_hash TEXT NOT NULL,
        replaced_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX password_history_user ON password_history(user_id, id);
    `);
  },
};
