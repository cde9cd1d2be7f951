import type { Migration } from './migration';

/** Every document produced for a case, archived as a blob: what was printed can always be shown again. */
export const migration0004: Migration = {
  version: 4,
  name: 'case-documents',
  up(db) {
    db.exec(`
      CREATE TABLE case_documents (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        blob_hash TEXT NOT NULL REFERENCES blobs(hash),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL
      ) STRICT;
      CREATE INDEX case_documents_case ON case_documents(case_id, kind);
    `);
  },
};
