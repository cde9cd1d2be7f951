import { mkdirSync } from 'node:fs';
import { ISSUANCE_SCHEMA } from './issuance-schemas';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../electron/core/store/database';
import { CERTIFICATE_PRINTS_SCHEMA } from './certificate-prints';
import { E_CERTIFICATE_SCHEMA } from './e-certificates';

export type { Db };

/**
 * The stand-in's own SQLite file, `dataDir/platform.sqlite`, opened with the same pragmas as the
 * workstation's store (WAL, synchronous=FULL): a command the platform answered must survive a
 * crash of the platform too, or the exactly-once tests would test nothing.
 *
 * One schema, created when missing. Version 2 (issue #11: office review, a register with states,
 * certificate-number templates) is reached from a version-1 folder by adding tables and columns, so a
 * training install keeps its cases; anything else unknown is refused (`--data` names the folder).
 */
export const PLATFORM_DATABASE_FILE = 'platform.sqlite';
const SCHEMA_VERSION = 2;

export function openPlatformDatabase(dataDir: string): Db {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, PLATFORM_DATABASE_FILE);
  const db = openDatabase(path);
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version !== 0 && version !== 1 && version !== SCHEMA_VERSION) {
    db.close();
    throw new Error(`${path}: schema version ${version}, this stand-in writes ${SCHEMA_VERSION}; delete the data folder to start afresh`);
  }
  db.transaction(() => {
    db.exec(SCHEMA);
    addMissingColumns(db);
    db.exec(SCHEMA_V2);
    // The e-certificate store (issue #12) only adds tables: no version step.
    db.exec(E_CERTIFICATE_SCHEMA);
    // Certificates printed on blank forms (issue #12 part 4): a table only.
    db.exec(CERTIFICATE_PRINTS_SCHEMA);
    db.exec(ISSUANCE_SCHEMA);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  })();
  return db;
}

const SCHEMA = `
-- Cases as submitted; seq makes the platform id (P + seq). office is the submitter's office (from the
-- client certificate), which decides whose change feed sees the case.
CREATE TABLE IF NOT EXISTS cases (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  case_number TEXT NOT NULL UNIQUE,
  platform_case_id TEXT NOT NULL UNIQUE,
  official_number TEXT NOT NULL UNIQUE,
  office TEXT NOT NULL,
  submitted_by TEXT NOT NULL,
  business_type TEXT NOT NULL,
  body TEXT NOT NULL,
  status TEXT NOT NULL,
  received_at TEXT NOT NULL,
  withdrawn_at TEXT,
  withdrawal_reason TEXT
);

-- Which files each case lists (API.md: a case is complete when all of them are).
CREATE TABLE IF NOT EXISTS case_blobs (
  case_number TEXT NOT NULL REFERENCES cases(case_number),
  hash TEXT NOT NULL REFERENCES blobs(hash),
  PRIMARY KEY (case_number, hash)
);

-- Expected files: offset is the durable count of bytes held (fsynced before it is written here).
CREATE TABLE IF NOT EXISTS blobs (
  hash TEXT PRIMARY KEY,
  size INTEGER NOT NULL,
  media_type TEXT NOT NULL,
  offset INTEGER NOT NULL DEFAULT 0,
  complete INTEGER NOT NULL DEFAULT 0,
  completed_at TEXT
);

-- Idempotency records: the stored answer of every executed command, per client CN and key.
CREATE TABLE IF NOT EXISTS commands (
  scope TEXT NOT NULL,
  key TEXT NOT NULL,
  method TEXT NOT NULL,
  path TEXT NOT NULL,
  body_sm3 TEXT NOT NULL,
  status INTEGER NOT NULL,
  answer TEXT NOT NULL,
  case_number TEXT,
  at TEXT NOT NULL,
  PRIMARY KEY (scope, key)
);
CREATE INDEX IF NOT EXISTS commands_case ON commands(case_number);

-- The change feed; seq is commit order (SQLite has one writer) and the cursor is derived from it.
CREATE TABLE IF NOT EXISTS changes (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  office TEXT NOT NULL,
  case_number TEXT NOT NULL,
  kind TEXT NOT NULL,
  at TEXT NOT NULL,
  data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS changes_office ON changes(office, seq);

-- Automatic decisions: the next step of each case and when it is due (ms since epoch), so a
-- restarted platform carries on where it stopped.
CREATE TABLE IF NOT EXISTS progress (
  case_number TEXT PRIMARY KEY REFERENCES cases(case_number),
  step INTEGER NOT NULL,
  due_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS progress_due ON progress(due_at);

-- Number sequences (official case numbers, certificate numbers) by name.
CREATE TABLE IF NOT EXISTS counters (
  name TEXT PRIMARY KEY,
  value INTEGER NOT NULL
);

-- The register: units, their rights and their restrictions.
CREATE TABLE IF NOT EXISTS units (
  unit_code TEXT PRIMARY KEY,
  address TEXT NOT NULL,
  use TEXT NOT NULL,
  area_m2 REAL
);
CREATE TABLE IF NOT EXISTS rights (
  id INTEGER PRIMARY KEY,
  unit_code TEXT NOT NULL REFERENCES units(unit_code),
  kind TEXT NOT NULL,
  holders TEXT NOT NULL,
  certificate_number TEXT,
  registered_at TEXT
);
CREATE INDEX IF NOT EXISTS rights_unit ON rights(unit_code);
CREATE TABLE IF NOT EXISTS restrictions (
  id INTEGER PRIMARY KEY,
  unit_code TEXT NOT NULL REFERENCES units(unit_code),
  kind TEXT NOT NULL,
  holder TEXT,
  since TEXT,
  until TEXT,
  note TEXT
);
CREATE INDEX IF NOT EXISTS restrictions_unit ON restrictions(unit_code);
`;

/** Columns version 2 added to version-1 tables (ALTER TABLE only where they are missing). */
const ADDED_COLUMNS: Record<string, Array<[string, string]>> = {
  units: [['register_version', 'INTEGER NOT NULL DEFAULT 1']],
  rights: [
    ['state', "TEXT NOT NULL DEFAULT 'current'"],
    ['shares', 'TEXT'],
    ['co_ownership', 'TEXT'],
    ['case_number', 'TEXT'],
    ['ended_at', 'TEXT'],
    ['ended_by', 'TEXT'],
  ],
  restrictions: [
    ['state', "TEXT NOT NULL DEFAULT 'current'"],
    ['case_number', 'TEXT'],
    ['ended_at', 'TEXT'],
    ['ended_by', 'TEXT'],
  ],
};

function addMissingColumns(db: Db): void {
  for (const [table, columns] of Object.entries(ADDED_COLUMNS)) {
    const have = new Set((db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).map((c) => c.name));
    for (const [name, type] of columns) if (!have.has(name)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${name} ${type}`);
  }
}

const SCHEMA_V2 = `
-- Office review (API.md "Office review"): the stage of each case the office reviews itself, and who
-- holds it. Cases decided by the automatic decisions have no row.
CREATE TABLE IF NOT EXISTS office_reviews (
  case_number TEXT PRIMARY KEY REFERENCES cases(case_number),
  stage TEXT NOT NULL,
  claim_user_id TEXT,
  claim_name TEXT,
  claim_role TEXT,
  claim_workstation TEXT,
  claim_since TEXT,
  certificate_printed INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS office_reviews_stage ON office_reviews(stage);

-- Every review decision, 补正 received, 登簿 and 登簿退回, with the acting user (history).
CREATE TABLE IF NOT EXISTS review_history (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  case_number TEXT NOT NULL,
  stage TEXT NOT NULL,
  action TEXT NOT NULL,
  detail TEXT NOT NULL,
  actor TEXT NOT NULL,
  workstation TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS review_history_case ON review_history(case_number, seq);

-- Certificate / proof numbers: every number issued, reserved or voided. The primary key is the number
-- itself, so a number exists once, whatever happens to it; allocation skips every row here.
CREATE TABLE IF NOT EXISTS certificate_numbers (
  number TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  year INTEGER NOT NULL,
  serial INTEGER NOT NULL,
  status TEXT NOT NULL,
  case_number TEXT,
  at TEXT NOT NULL
);

-- The number template per office and year (and kind); {year} and {serial} are filled in.
CREATE TABLE IF NOT EXISTS number_templates (
  office TEXT NOT NULL,
  year INTEGER NOT NULL,
  kind TEXT NOT NULL,
  template TEXT NOT NULL,
  PRIMARY KEY (office, year, kind)
);

-- 登簿 of office-reviewed cases: what it wrote, so 登簿退回 can restore the register exactly.
CREATE TABLE IF NOT EXISTS registrations (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  case_number TEXT NOT NULL,
  registered_at TEXT NOT NULL,
  certificate_numbers TEXT NOT NULL,
  effects TEXT NOT NULL,
  undone_at TEXT
);
CREATE INDEX IF NOT EXISTS registrations_case ON registrations(case_number, seq);
`;

/** The next value of a named sequence; call inside the transaction that uses the number. */
export function nextCounter(db: Db, name: string): number {
  const row = db
    .prepare('INSERT INTO counters (name, value) VALUES (?, 1) ON CONFLICT(name) DO UPDATE SET value = value + 1 RETURNING value')
    .get(name) as { value: number };
  return row.value;
}
