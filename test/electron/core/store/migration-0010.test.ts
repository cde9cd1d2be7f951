import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataKeyRing, ownerOnlyFileProtector } from '../../../../electron/core/crypto/data-keys';
import { DATABASE_FILE_NAME, openDatabase } from '../../../../electron/core/store/database';
import { migrate } from '../../../../electron/core/store/migrate';
import { MIGRATIONS } from '../../../../electron/core/store/migrations';
import { openBody, outboxReads, outboxWrites } from '../../../../electron/core/sync/outbox-repository';
import { applyOfficeCase, officeCases } from '../../../../electron/core/review/office-cache';
import { makeTempDir } from '../../../support/temp-dir';
import { makeWorkstation, type TestWorkstation } from '../../../support/workstation';

const AT = '2026-11-27T08:00:00.000Z';
const BODY = '{"caseNumber":"430102-20261127-A7-0001"}';

/** A data folder at schema 9 (the release before issue #11) with one accepted case and its two commands. */
function version9Folder(dataDir: string): void {
  const db = openDatabase(join(dataDir, DATABASE_FILE_NAME));
  migrate(db, MIGRATIONS.slice(0, 9), join(dataDir, 'backups'));
  const keys = DataKeyRing.open(dataDir, ownerOnlyFileProtector);
  db.prepare(
    `INSERT INTO cases (id, case_number, business_type, status, created_at, created_by, accepted_at, accepted_by, updated_at)
     VALUES (1, '430102-20261127-A7-0001', 'transfer.stateLandHouse', 'accepted', ?, 'clerk', ?, 'clerk', ?)`,
  ).run(AT, AT, AT);
  const insert = db.prepare("INSERT INTO outbox (case_id, kind, idempotency_key, body_sealed, created_at, state) VALUES (1, ?, ?, ?, ?, ?)");
  insert.run('case.submit', '0b7c2a34-5d6e-4f70-8a91-b2c3d4e5f607', keys.seal('outbox.body', BODY), AT, 'done');
  insert.run('case.withdraw', '1c8d3b45-6e7f-4081-9ba2-c3d4e5f60718', keys.seal('outbox.body', '{"reason":"撤回"}'), AT, 'pending');
  db.close();
}

describe('migration 0010: the office review cache on a folder of the previous release', () => {
  let t: TestWorkstation | undefined;
  const dirs: Array<{ remove(): void }> = [];
  afterEach(async () => {
    await t?.close();
    t = undefined;
    for (const d of dirs.splice(0)) d.remove();
  });

  it('keeps every outbox command in its case lane with its key and bytes; review commands get lanes of their own', async () => {
    const dir = makeTempDir('bdc-m10-');
    dirs.push(dir);
    version9Folder(dir.path);
    t = makeWorkstation({ dataDir: dir.path, platform: null });
    expect(t.logs.some((l) => /database migrated 9 → 1\d/.test(l))).toBe(true);
    const db = t.ws.services.db();
    const keys = t.ws.services.keys;
    const rows = db.prepare('SELECT case_id, office_case_id, lane, kind, idempotency_key, state FROM outbox ORDER BY id').all();
    expect(rows).toEqual([
      { case_id: 1, office_case_id: null, lane: 1, kind: 'case.submit', idempotency_key: '0b7c2a34-5d6e-4f70-8a91-b2c3d4e5f607', state: 'done' },
      { case_id: 1, office_case_id: null, lane: 1, kind: 'case.withdraw', idempotency_key: '1c8d3b45-6e7f-4081-9ba2-c3d4e5f60718', state: 'pending' },
    ]);
    const [head] = outboxReads.dueHeads(db, new Date().toISOString(), [], 10);
    expect(head).toMatchObject({ caseId: 1, officeCaseId: null, caseNumber: '430102-20261127-A7-0001', kind: 'case.withdraw' });
    expect(openBody(keys, outboxReads.byId(db, 1)!)).toBe(BODY);

    // An office case from the feed: the application sealed, masked queue columns, the local case linked.
    const id = db.transaction(() =>
      applyOfficeCase(
        db,
        keys,
        '430102-20261127-A7-0001',
        AT,
        {
          stage: 'firstReview',
          claim: null,
          promisedDate: '2026-12-11',
          submittedBy: { workstation: '430102-A7', clerkName: '张受理' },
          case: { caseNumber: '430102-20261127-A7-0001', businessType: 'transfer', acceptedBy: 'clerk', parties: [{ ordinal: 1, role: 'holder', name: '龙金花', idNumber: '433124199211080267' }], units: [{ unitCode: 'U', address: '长沙市芙蓉区五一大道123号', use: 'residential' }], materials: [] },
        },
        new Date(AT),
        () => undefined,
      ),
    )();
    expect(officeCases.byId(db, id!)).toMatchObject({ stage: 'firstReview', names: '龙*花', localCaseId: 1, clerkName: '张受理', acceptedBy: 'clerk' });
    const sealed = db.prepare('SELECT body_sealed FROM office_cases WHERE id = ?').get(id) as { body_sealed: Buffer };
    expect(sealed.body_sealed.includes(Buffer.from('433124199211080267'))).toBe(false);
    const cmd = outboxWrites.enqueueOffice(db, keys, { officeCaseId: id!, kind: 'review.decide', body: '{"decision":"pass"}' }, new Date(AT));
    expect(outboxReads.byId(db, cmd)).toMatchObject({ caseId: -id!, officeCaseId: id, caseNumber: '430102-20261127-A7-0001' });
    // One owner per command, and the lane follows it.
    expect(() => db.prepare("INSERT INTO outbox (case_id, office_case_id, lane, kind, idempotency_key, created_at) VALUES (1, ?, 1, 'review.decide', 'abcdefgh-1', ?)").run(id, AT)).toThrow(/CHECK/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  }, 60_000);
});
