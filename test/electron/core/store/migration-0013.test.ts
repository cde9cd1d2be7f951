import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME, openDatabase } from '../../../../electron/core/store/database';
import { migrate } from '../../../../electron/core/store/migrate';
import { MIGRATIONS } from '../../../../electron/core/store/migrations';
import { makeTempDir } from '../../../support/temp-dir';

const AT = '2026-12-04T08:00:00.000Z';

/** Migration 0013 widens two CHECKs by rebuilding the tables from their own SQL: rows, columns and indexes must survive. */
describe('migration 0013: 发证', () => {
  const dirs: Array<{ remove(): void }> = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) d.remove();
  });

  it('keeps office cases, outbox commands and their indexes; admits stage issued and the case.issue kinds, nothing else', () => {
    const dir = makeTempDir('bdc-m13-');
    dirs.push(dir);
    const db = openDatabase(join(dir.path, DATABASE_FILE_NAME));
    const before = MIGRATIONS.filter((m) => m.version < 13);
    migrate(db, before, join(dir.path, 'backups'));
    db.prepare("INSERT INTO office_cases (id, case_number, stage, workstation, clerk_name, updated_at) VALUES (7, '430102-20261204-A7-0001', 'registered', '430102-A7', '张受理', ?)").run(AT);
    db.prepare("INSERT INTO outbox (office_case_id, lane, kind, idempotency_key, body_sealed, created_at) VALUES (7, -7, 'review.decide', 'key-0001-abcdef', x'00', ?)").run(AT);
    const indexes = (table: string) => (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY name").all(table) as Array<{ name: string }>).map((r) => r.name);
    const had = { office: indexes('office_cases'), outbox: indexes('outbox') };
    migrate(db, MIGRATIONS, join(dir.path, 'backups'));

    expect(db.prepare('SELECT case_number, stage FROM office_cases WHERE id = 7').get()).toEqual({ case_number: '430102-20261204-A7-0001', stage: 'registered' });
    expect(db.prepare('SELECT kind, idempotency_key FROM outbox').get()).toEqual({ kind: 'review.decide', idempotency_key: 'key-0001-abcdef' });
    expect(indexes('office_cases')).toEqual(had.office);
    expect(indexes('outbox')).toEqual(had.outbox);
    db.prepare("UPDATE office_cases SET stage = 'issued' WHERE id = 7").run();
    db.prepare("INSERT INTO outbox (office_case_id, lane, kind, idempotency_key, body_sealed, created_at) VALUES (7, -7, 'case.issue', 'key-0002-abcdef', x'00', ?)").run(AT);
    expect(() => db.prepare("UPDATE office_cases SET stage = 'lost' WHERE id = 7").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO outbox (office_case_id, lane, kind, idempotency_key, body_sealed, created_at) VALUES (7, -7, 'case.other', 'key-0003-abcdef', x'00', ?)").run(AT)).toThrow(/CHECK/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});
