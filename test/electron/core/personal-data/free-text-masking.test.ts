import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { maskFreeText } from '../../../../electron/contract';
import { DataKeyRing, ownerOnlyFileProtector } from '../../../../electron/core/crypto/data-keys';
import { DATABASE_FILE_NAME, openDatabase } from '../../../../electron/core/store/database';
import { migrate } from '../../../../electron/core/store/migrate';
import { MIGRATIONS } from '../../../../electron/core/store/migrations';
import { makeTempDir } from '../../../support/temp-dir';
import { BUYER, SELLER_1, UNIT } from '../../../support/cases';
import { makeWorkstation, type TestWorkstation } from '../../../support/workstation';
import { plaintextHits } from './scan-support';

const ID = '43010219860314042X';

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'bdc-doc-'));
  try {
    writeFileSync(join(dir, 'd.pdf'), pdf);
    return execFileSync('pdftotext', [join(dir, 'd.pdf'), '-'], { encoding: 'utf8' }).normalize('NFKC');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const MOBILE = '13807310001';
const AT = '2026-11-27T08:00:00.000Z';

describe('numbers typed into free text are masked before storage, index, audit and sync', () => {
  let t: TestWorkstation | undefined;
  const dirs: Array<{ remove(): void }> = [];
  afterEach(async () => {
    await t?.close();
    t = undefined;
    for (const d of dirs.splice(0)) d.remove();
  });

  it('detects ID numbers and phones however they are typed', () => {
    expect(maskFreeText(`业主${ID}住址`)).toBe('业主430102********042X住址');
    expect(maskFreeText('证号 430102 1986 0314 042x')).toBe('证号 430102********042X');
    expect(maskFreeText('旧证号430102860314042')).toBe('旧证号430102********4042');
    expect(maskFreeText('电话 138 0731 0001')).toBe('电话 138****0001');
    expect(maskFreeText('电话１３８－０７３１－０００１')).toBe('电话138****0001');
    expect(maskFreeText('+86 138-0731-0001')).toBe('138****0001');
    expect(maskFreeText('座机 0731-84001234')).toBe('座机 0731-****1234');
    // Ordinary text with numbers stays as it was.
    for (const keep of ['五一大道123号3栋2单元203室', '价款 1234567 元', '430102003004GB00123F00010203', '第0001234号', '２０２６年']) {
      expect(maskFreeText(keep)).toBe(keep);
    }
  });

  it('address, reasons and notes arrive masked in the case, the search index, the audit log and the outbox', async () => {
    t = makeWorkstation({ config: { workstationId: 'A7', devices: { idcard: 'none', sigpad: 'none' } }, platform: null });
    await t.setup();
    await t.userWithRole('clerk', 'clerk');
    const draft = await t.ok('clerk', 'cases.createDraft', { businessType: 'seizure' });
    const address = `芙蓉区五一大道1号 业主身份证 ${ID} 电话 138 0731 0001`;
    await t.ok('clerk', 'cases.saveDraft', { id: draft.id, coOwnership: null, parties: [], materialsReceived: [], units: [{ unitCode: '430102003004GB00123F00010203', address, use: 'residential', areaM2: 80 }] });
    const c = await t.ok('clerk', 'cases.get', { id: draft.id });
    expect(c.units[0].address).toBe('芙蓉区五一大道1号 业主身份证 430102********042X 电话 138****0001');
    await t.call('clerk', 'cases.overrideFees', { id: draft.id, lines: [], reason: `申请人${MOBILE}要求减免` });
    await t.call('clerk', 'cases.withdraw', { id: draft.id, reason: `本人 ${ID} 撤回` });
    const db = t.ws.services.db();
    const everything = JSON.stringify([
      db.prepare('SELECT * FROM case_units').all(),
      db.prepare('SELECT status_reason, fee_override_reason FROM cases').all(),
      db.prepare('SELECT * FROM case_search').all(),
      db.prepare('SELECT detail FROM audit_log').all(),
    ]);
    expect(everything).not.toContain(ID);
    expect(everything).not.toContain(MOBILE);
    expect(everything).not.toContain('0731 0001');
  });

  it('printed documents carry the masked text: the 补正通知书 shows the address and the note masked', async () => {
    t = makeWorkstation({ config: { workstationId: 'A7', devices: { idcard: 'none', sigpad: 'none' } }, platform: null });
    await t.setup();
    await t.userWithRole('clerk', 'clerk');
    const draft = await t.ok('clerk', 'cases.createDraft', { businessType: 'mortgageFirst' });
    const address = `芙蓉区五一大道1号 业主身份证 ${ID}`;
    await t.ok('clerk', 'cases.saveDraft', { id: draft.id, coOwnership: null, parties: [{ ...BUYER, role: 'holder' }, SELLER_1], units: [{ ...UNIT, address }], materialsReceived: [] });
    await t.ok('clerk', 'cases.requisition', { id: draft.id, missing: [`原件（联系 ${MOBILE}）`], note: `申请人 ${ID} 电话 138 0731 0001 另约时间` });
    const doc = await t.ok('clerk', 'cases.document', { id: draft.id, kind: 'requisitionNotice' });
    const text = pdfText(Buffer.from(doc.pdfBase64, 'base64')).replace(/\s+/g, '');
    expect(text).toContain('138****0001');
    expect(text).toContain('430102********042X');
    expect(text).not.toContain(ID);
    expect(text).not.toContain(MOBILE);
  });

  it('migration 0009 masks free text stored before, and the old bytes leave the file', async () => {
    const dir = makeTempDir('bdc-m9-');
    dirs.push(dir);
    const dbPath = join(dir.path, DATABASE_FILE_NAME);
    const keys = DataKeyRing.open(dir.path, ownerOnlyFileProtector);
    const db = openDatabase(dbPath);
    migrate(db, MIGRATIONS.filter((m) => m.version <= 7), join(dir.path, 'backups'), { keys });
    db.transaction(() => {
      db.prepare(
        "INSERT INTO cases (id, case_number, business_type, status, status_reason, fee_override_reason, created_at, created_by, updated_at) VALUES (1, '430102-20261127-A7-0001', 'seizure', 'withdrawn', ?, ?, ?, 'clerk', ?)",
      ).run(`申请人 ${ID} 撤回`, `电话${MOBILE}`, AT, AT);
      db.prepare("INSERT INTO case_units (case_id, ordinal, unit_code, address, use) VALUES (1, 1, '430102003004GB00123F00010203', ?, 'residential')").run(`五一大道1号 ${ID}`);
      db.prepare("INSERT INTO case_search (rowid, case_number, names, unit_codes, addresses) VALUES (1, '430102-20261127-A7-0001', '', '', ?)").run(`五一大道1号 ${ID}`);
    })();
    db.close();
    t = makeWorkstation({ dataDir: dir.path, platform: null });
    const after = t.ws.services.db();
    expect(after.pragma('user_version', { simple: true })).toBe(MIGRATIONS[MIGRATIONS.length - 1].version);
    expect(after.prepare('SELECT address FROM case_units').get()).toEqual({ address: '五一大道1号 430102********042X' });
    expect(after.prepare('SELECT status_reason, fee_override_reason FROM cases').get()).toEqual({ status_reason: '申请人 430102********042X 撤回', fee_override_reason: '电话138****0001' });
    expect(after.prepare('SELECT addresses FROM case_search').get()).toEqual({ addresses: '五一大道1号 430102********042X' });
    expect(plaintextHits([dbPath, `${dbPath}-wal`], { id: ID, mobile: MOBILE }, dir.path)).toEqual([]);
  });
});
