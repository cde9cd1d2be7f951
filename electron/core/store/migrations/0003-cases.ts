import type { Migration } from './migration';

/**
 * Cases (业务), their parties (ZTT_GY_QLR / DJF_DJ_SQR), units (KTT_FW_H), materials (DJF_DJ_SJ)
 * and fees (DJF_DJ_SF); content-addressed blobs; the per-day case number sequence; and a trigram
 * full-text index over the non-sensitive columns for substring search, Chinese included.
 * ID numbers and phones are stored as given for now; the personal-data issue encrypts them with a
 * later migration (and keeps them out of the search index, as here).
 */
export const migration0003: Migration = {
  version: 3,
  name: 'cases',
  up(db) {
    db.exec(`
      CREATE TABLE cases (
        id INTEGER PRIMARY KEY,
        case_number TEXT UNIQUE,
        official_number TEXT UNIQUE,
        business_type TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('draft','accepted','submitted','reviewing','requisitioned','approved',
          'registered','certified','delivered','closed','rejected','withdrawn')),
        co_ownership TEXT CHECK (co_ownership IN ('sole','joint','shares')),
        track_registration TEXT NOT NULL DEFAULT 'pending',
        track_transaction TEXT NOT NULL DEFAULT 'not_applicable',
        track_tax TEXT NOT NULL DEFAULT 'not_applicable',
        fee_total_fen INTEGER NOT NULL DEFAULT 0 CHECK (fee_total_fen >= 0),
        fee_override_reason TEXT,
        promised_date TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        accepted_at TEXT,
        accepted_by TEXT,
        updated_at TEXT NOT NULL,
        status_reason TEXT
      ) STRICT;
      CREATE INDEX cases_status ON cases(status, updated_at);
      CREATE INDEX cases_accepted_at ON cases(accepted_at);

      CREATE TABLE case_parties (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        ordinal INTEGER NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('holder','obligor','agent')),
        name TEXT NOT NULL,
        id_type TEXT NOT NULL DEFAULT 'resident_id',
        id_number TEXT NOT NULL,
        phone TEXT,
        share TEXT,
        signature_blob TEXT REFERENCES blobs(hash),
        signed_at TEXT,
        UNIQUE (case_id, ordinal)
      ) STRICT;

      CREATE TABLE case_units (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        ordinal INTEGER NOT NULL,
        unit_code TEXT NOT NULL,
        address TEXT NOT NULL,
        use TEXT NOT NULL CHECK (use IN ('residential','nonResidential','parking')),
        area_m2 REAL CHECK (area_m2 IS NULL OR area_m2 > 0),
        UNIQUE (case_id, ordinal)
      ) STRICT;
      CREATE INDEX case_units_code ON case_units(unit_code);

      CREATE TABLE case_materials (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        material_id TEXT NOT NULL,
        name TEXT NOT NULL,
        required INTEGER NOT NULL CHECK (required IN (0,1)),
        received INTEGER NOT NULL DEFAULT 0 CHECK (received IN (0,1)),
        copies INTEGER NOT NULL DEFAULT 1 CHECK (copies >= 0),
        UNIQUE (case_id, material_id)
      ) STRICT;

      CREATE TABLE case_material_files (
        material_row INTEGER NOT NULL REFERENCES case_materials(id) ON DELETE CASCADE,
        blob_hash TEXT NOT NULL REFERENCES blobs(hash),
        file_name TEXT NOT NULL,
        PRIMARY KEY (material_row, blob_hash)
      ) STRICT;

      CREATE TABLE case_fees (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        code TEXT NOT NULL,
        name TEXT NOT NULL,
        amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0)
      ) STRICT;

      CREATE TABLE blobs (
        hash TEXT PRIMARY KEY CHECK (length(hash) = 64),
        size INTEGER NOT NULL,
        media_type TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE case_number_sequence (
        day TEXT PRIMARY KEY,
        last INTEGER NOT NULL
      ) STRICT;

      -- Every suffix of every party name: a name containing a 1–2 character query is a range scan
      -- on this index (trigrams need 3 characters, and 张三-style names have two).
      CREATE TABLE case_name_suffixes (
        suffix TEXT NOT NULL,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE
      ) STRICT;
      CREATE INDEX case_name_suffixes_suffix ON case_name_suffixes(suffix, case_id);
      CREATE INDEX case_name_suffixes_case ON case_name_suffixes(case_id);

      CREATE VIRTUAL TABLE case_search USING fts5(
        case_number, names, unit_codes, addresses,
        tokenize = 'trigram'
      );
    `);
  },
};
