import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../electron/core/store/database';
import { migrate } from '../../../../electron/core/store/migrate';
import { MIGRATIONS } from '../../../../electron/core/store/migrations';
import { makeTempDir } from '../../../support/temp-dir';

/** Migration 0011 on a version-10 database: the outbox keeps every command, admits ecertificate.upload; e_certificates exists. */
describe('migration 0011: e-certificates', () => {
  const dirs: Array<{ remove(): void; path: string }> = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) d.remove();
  });

  it('keeps the outbox rows and lanes, admits ecertificate.upload and refuses unknown kinds; a produced row needs its files', () => {
    const dir = makeTempDir('bdc-m11-');
    dirs.push(dir);
    const db = openDatabase(join(dir.path, 'bdc.sqlite'));
    migrate(db, MIGRATIONS.slice(0, 10), join(dir.path, 'backups'));
    db.prepare("INSERT INTO office_cases (id, case_number, stage, workstation, clerk_name, updated_at) VALUES (1, '430102-20261127-C1-0001', 'registered', '430102-C1', '张受理', '2026-11-27')").run();
    db.prepare("INSERT INTO outbox (office_case_id, lane, kind, idempotency_key, created_at, body_sealed) VALUES (1, -1, 'review.decide', 'key-review-0001', '2026-11-27', x'00')").run();
    // Up to the latest version: the later rebuilds of the outbox (0012, 0013) keep what 0011 admitted.
    const report = migrate(db, MIGRATIONS, join(dir.path, 'backups'));
    expect(report).toMatchObject({ from: 10, to: MIGRATIONS[MIGRATIONS.length - 1].version });
    expect(db.prepare('SELECT office_case_id, lane, kind, idempotency_key FROM outbox').all()).toEqual([{ office_case_id: 1, lane: -1, kind: 'review.decide', idempotency_key: 'key-review-0001' }]);
    db.prepare("INSERT INTO outbox (office_case_id, lane, kind, idempotency_key, created_at) VALUES (1, -1, 'ecertificate.upload', 'key-ecert-0001', '2026-11-27')").run();
    expect(() => db.prepare("INSERT INTO outbox (office_case_id, lane, kind, idempotency_key, created_at) VALUES (1, -1, 'something.else', 'key-other-0001', '2026-11-27')").run()).toThrow(/CHECK/);
    db.prepare("INSERT INTO e_certificates (office_case_id, number, kind, answer_sealed, created_at) VALUES (1, '湘(2026)长沙市不动产权第0200001号', 'certificate', x'00', '2026-11-27')").run();
    expect(() => db.prepare("UPDATE e_certificates SET production = 'produced' WHERE id = 1").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO e_certificates (office_case_id, number, kind, answer_sealed, created_at) VALUES (1, '湘(2026)长沙市不动产权第0200001号', 'certificate', x'00', '2026-11-27')").run()).toThrow(/UNIQUE/);
    db.close();
  });
});
