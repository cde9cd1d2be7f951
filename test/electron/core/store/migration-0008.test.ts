import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { caseReads } from '../../../../electron/core/cases/case-repository';
import { DataKeyRing, ownerOnlyFileProtector } from '../../../../electron/core/crypto/data-keys';
import { sealParty } from '../../../../electron/core/crypto/personal-data';
import { DATABASE_FILE_NAME, openDatabase } from '../../../../electron/core/store/database';
import { migrate } from '../../../../electron/core/store/migrate';
import { MIGRATIONS } from '../../../../electron/core/store/migrations';
import { makeTempDir } from '../../../support/temp-dir';
import { makeWorkstation, type TestWorkstation } from '../../../support/workstation';

const AT = '2026-11-27T08:00:00.000Z';
const BUYER = { name: '龙金花', idNumber: '433124199211080267', phone: '0731-84001234' };
const SELLER = { name: '周晓岚', idNumber: '43010219860314042X', phone: '13807310001' };
const BANK = { name: '中国工商银行股份有限公司长沙芙蓉支行', idNumber: '911100001000044477', phone: null };

/**
 * A data folder as the current release (schema 7) leaves it: an accepted transfer with its
 * submission queued, a registered case with platform events, and a mortgage draft with a bank.
 */
function version7Folder(dataDir: string): void {
  const db = openDatabase(join(dataDir, DATABASE_FILE_NAME));
  migrate(db, MIGRATIONS.slice(0, 7), join(dataDir, 'backups'));
  const keys = DataKeyRing.open(dataDir, ownerOnlyFileProtector);
  const party = db.prepare(
    `INSERT INTO case_parties (case_id, ordinal, role, name, id_type, id_number_sealed, id_number_tag, phone_sealed, phone_tag, share)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)`,
  );
  const addParty = (caseId: number, ordinal: number, role: string, p: { name: string; idNumber: string; phone: string | null }, idType = 'resident_id') => {
    const s = sealParty(keys, p);
    party.run(caseId, ordinal, role, p.name, idType, s.id_number_sealed, s.id_number_tag, s.phone_sealed, s.phone_tag);
  };
  db.transaction(() => {
    const insertCase = db.prepare(
      `INSERT INTO cases (id, case_number, official_number, business_type, status, co_ownership, fee_total_fen, created_at, created_by, accepted_at, accepted_by, updated_at, certificate_numbers, promised_date, track_transaction, track_tax)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'clerk', ?, ?, ?, ?, ?, ?, ?)`,
    );
    insertCase.run(1, '430102-20261127-A7-0001', null, 'transfer', 'accepted', 'sole', 8000, AT, AT, 'clerk', AT, '[]', '2026-12-11', 'pending', 'pending');
    insertCase.run(2, '430102-20261127-A7-0002', 'HN-2026-000042', 'transfer', 'registered', 'sole', 8000, AT, AT, 'clerk', AT, '["湘(2026)长沙市不动产权第0123456号"]', '2026-12-11', 'pending', 'pending');
    insertCase.run(3, null, null, 'mortgageFirst', 'draft', null, 0, AT, null, null, AT, '[]', null, 'not_applicable', 'not_applicable');
    addParty(1, 1, 'holder', BUYER);
    addParty(1, 2, 'obligor', SELLER);
    addParty(2, 1, 'holder', SELLER);
    addParty(3, 1, 'holder', BANK, 'organization');
    addParty(3, 2, 'obligor', BUYER);
    const unit = db.prepare('INSERT INTO case_units (case_id, ordinal, unit_code, address, use, area_m2) VALUES (?, 1, ?, ?, ?, ?)');
    unit.run(1, '430102003004GB00123F00010203', '长沙市芙蓉区五一大道123号3栋203室', 'residential', 89.5);
    unit.run(2, '430102003004GB00123F00010204', '长沙市芙蓉区五一大道123号3栋204室', 'residential', 91);
    unit.run(3, '430102003004GB00123F00010205', '长沙市芙蓉区五一大道123号3栋205室', 'nonResidential', null);
    db.prepare("INSERT INTO case_materials (case_id, material_id, name, required, received, copies) VALUES (1, 'transferContract', '买卖合同', 1, 1, 2)").run();
    db.prepare("INSERT INTO case_fees (case_id, code, name, amount_fen) VALUES (1, '1041501', '住宅类不动产登记费', 8000)").run();
    db.prepare("INSERT INTO outbox (case_id, kind, idempotency_key, body_sealed, created_at) VALUES (1, 'case.submit', '0b7c2a34-5d6e-4f70-8a91-b2c3d4e5f607', ?, ?)").run(
      keys.seal('outbox.body', '{"caseNumber":"430102-20261127-A7-0001"}'),
      AT,
    );
    db.prepare("INSERT INTO platform_events (case_id, cursor, kind, at, data, received_at) VALUES (2, 'c-1', 'registered', ?, '{}', ?)").run(AT, AT);
    db.prepare("INSERT INTO case_number_sequence (day, last) VALUES ('2026-11-27', 2)").run();
  })();
  db.close();
}

describe('migration 0008: case model v2 on a folder made by the current release', () => {
  let t: TestWorkstation | undefined;
  const dirs: Array<{ remove(): void }> = [];
  afterEach(async () => {
    await t?.close();
    t = undefined;
    for (const d of dirs.splice(0)) d.remove();
  });

  it('keeps every case, maps legacy business types to the catalogue, records payers, and keeps references and cascades', async () => {
    const dir = makeTempDir('bdc-m8-');
    dirs.push(dir);
    version7Folder(dir.path);
    t = makeWorkstation({ dataDir: dir.path, platform: null });
    // 0008 runs (0009 after it, in the same start).
    expect(t.logs.some((l) => /database migrated 7 → \d+/.test(l))).toBe(true);
    expect(readdirSync(join(dir.path, 'backups')).some((f) => f.includes('before-migration-8'))).toBe(true);
    const db = t.ws.services.db();
    const keys = t.ws.services.keys;

    const accepted = caseReads.byId(db, keys, 1);
    expect(accepted).toMatchObject({
      caseNumber: '430102-20261127-A7-0001',
      businessType: 'transfer',
      registrationType: 'transfer',
      rightType: 'stateLandHouse',
      status: 'accepted',
      coOwnership: 'sole',
      feeTotalFen: 8000,
      feePayer: '龙金花',
      promisedDate: '2026-12-11',
      tracks: { registration: 'pending', transaction: 'pending', tax: 'pending' },
      decisionGroundIds: [],
      requisitionDeadline: null,
      application: { certificateFormat: 'single', separateCertificates: false, collection: { method: 'window', phone: null }, channel: 'window', mortgage: null },
    });
    expect(accepted?.parties.map((p) => [p.name, p.idNumber, p.phone, p.actsFor, p.address, p.seal])).toEqual([
      [BUYER.name, BUYER.idNumber, BUYER.phone, [], null, null],
      [SELLER.name, SELLER.idNumber, SELLER.phone, [], null, null],
    ]);
    expect(accepted?.units[0]).toMatchObject({ areaM2: 89.5, area: { value: 89.5, unit: 'm2' }, realEstateType: null, previousCertificateCheck: 'notGiven' });
    expect(accepted?.materials[0]).toMatchObject({ materialId: 'transferContract', received: true, copies: 2, form: null, pages: null });
    expect(caseReads.byId(db, keys, 2)).toMatchObject({ status: 'registered', officialNumber: 'HN-2026-000042', certificateNumbers: ['湘(2026)长沙市不动产权第0123456号'] });
    const draft = caseReads.byId(db, keys, 3);
    expect(draft).toMatchObject({ registrationType: 'mortgageFirst', rightType: 'mortgage', feePayer: null });
    expect(draft?.units[0]).toMatchObject({ areaM2: null, area: null });

    // References still point at `cases`, foreign keys are on again, and nothing dangles.
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const targets = (table: string) => (db.prepare(`SELECT "table" FROM pragma_foreign_key_list(?)`).all(table) as Array<{ table: string }>).map((r) => r.table);
    for (const table of ['case_parties', 'case_units', 'case_materials', 'case_fees', 'outbox', 'platform_events']) expect(targets(table), table).toContain('cases');
    // The states of the whole lifecycle are allowed; anything else is not.
    expect(() => db.prepare("UPDATE cases SET status = 'refused' WHERE id = 3").run()).not.toThrow();
    expect(() => db.prepare("UPDATE cases SET status = 'supplementing' WHERE id = 3").run()).not.toThrow();
    expect(() => db.prepare("UPDATE cases SET status = 'lost' WHERE id = 3").run()).toThrow(/CHECK/);
    // A draft deleted takes its parties and units with it (ON DELETE CASCADE survived the rebuild).
    db.prepare('DELETE FROM cases WHERE id = 3').run();
    expect(db.prepare('SELECT count(*) AS n FROM case_parties WHERE case_id = 3').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM case_units WHERE case_id = 3').get()).toEqual({ n: 0 });
    // A referenced case cannot vanish under its outbox command.
    expect(() => db.prepare('DELETE FROM cases WHERE id = 1').run()).toThrow(/FOREIGN KEY/);

    // Through the contract: the accepted case's view, with what a clerk may do now, and the sequence continues.
    await t.setup();
    await t.userWithRole('clerk', 'clerk');
    expect(await t.ok('clerk', 'cases.get', { id: 1 })).toMatchObject({ status: 'accepted', allowedActions: ['withdraw'], feePayer: '龙金花', registrationType: 'transfer' });
    expect(await t.ok('clerk', 'cases.get', { id: 2 })).toMatchObject({ status: 'registered', allowedActions: [] });

    // A second start migrates nothing.
    t.restart();
    expect(t.logs.filter((l) => /database migrated 7 → \d+/.test(l))).toHaveLength(1);
  }, 60_000);
});
