import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sm2, sm3 } from 'sm-crypto-v2';
import { afterEach, describe, expect, it } from 'vitest';
import { applicationDigest, canonicalJson } from '../../../../electron/core/cases/application-digest';
import { caseReads } from '../../../../electron/core/cases/case-repository';
import { BUYER, until } from '../../../support/cases';
import { BANK, SEAL_PIN, bankSealFile, base64Of } from '../../../support/e-seal';
import { makeWorkstation, type TestWorkstation } from '../../../support/workstation';

const MORTGAGOR = { ...BUYER, role: 'obligor' as const };
const AGENT = { role: 'agent' as const, name: '贺建军', idNumber: '430104198703150011', phone: '13907310022', actsFor: [1], agency: { name: '湖南诚信不动产代理有限公司', creditCode: null } };
// Three flats of one building on one parcel (宗地代码 = first 19 characters).
const UNITS = ['430102003004GB00123F00010203', '430102003004GB00123F00010204', '430102003004GB00123F00010205'].map((unitCode, i) => ({
  unitCode,
  address: `长沙市芙蓉区五一大道123号3栋20${3 + i}室`,
  use: 'residential' as const,
  areaM2: 89.5,
  plannedUse: '成套住宅',
  realEstateType: 'house' as const,
}));
const RECEIVED = ['applicationForm', 'applicantIdentity', 'titleCertificate', 'mortgageContract', 'principalDebtContract', 'powerOfAttorney', 'agentIdentity'].map((materialId) => ({
  materialId,
  copies: 1,
  form: 'original' as const,
  pages: 3,
}));
const MORTGAGE = { method: 'maximum' as const, amountFen: 150_000_000, termFrom: '2026-12-01', termTo: '2031-11-30', rank: 1, scope: '主债权及利息、违约金、实现抵押权的费用', transferRestricted: true };

/** 最高额抵押权首次登记 by a bank through its agent: the agent signs for the bank (授权委托书), or the bank's e-seal. */
describe('signing as offices do it: agents for their principals, an organisation by its e-seal', () => {
  let t: TestWorkstation;
  afterEach(() => t.close());

  async function mortgageDraft(parties: unknown[]) {
    t = makeWorkstation({ config: { workstationId: 'A7', devices: { idcard: 'none', printer: 'none-printer' } }, startDevices: true });
    await t.setup();
    await t.userWithRole('clerk', 'clerk');
    const d = await t.ok('clerk', 'cases.createDraft', { businessType: 'mortgageFirst.mortgage' });
    return t.ok('clerk', 'cases.saveDraft', {
      id: d.id,
      coOwnership: null,
      parties: parties as never,
      units: UNITS,
      materialsReceived: RECEIVED,
      application: { reason: '最高额抵押借款', reasonDocuments: '最高额抵押合同、借款合同', mortgage: MORTGAGE },
    });
  }

  async function sign(id: number, ordinal: number) {
    await until(async () => ((await t.ok('clerk', 'status.get', {})).devices.find((d) => d.kind === 'sigpad')?.state === 'connected' ? true : undefined), 'pad');
    const signing = t.call('clerk', 'cases.signParty', { id, ordinal, timeoutSeconds: 20 });
    await until(async () => ((await t.ok('clerk', 'devices.simulation', {})).sigpad?.signing ? true : undefined), 'pad signing');
    await t.ok('clerk', 'devices.simulateSign', { sample: 'zhangSan' });
    const r = await signing;
    if (!r.ok) throw new Error(r.error.code);
    return r.value as Awaited<ReturnType<typeof mortgageDraft>>;
  }

  it('a bank mortgage with an agent is accepted: the agent signs for the bank; fees are one 件 for three units on one parcel, paid by the bank', async () => {
    const draft = await mortgageDraft([BANK, MORTGAGOR, AGENT]);
    expect(draft.parties.map((p) => [p.name, p.signing, p.actsFor])).toEqual([
      [BANK.name, 'none', []],
      [MORTGAGOR.name, 'none', []],
      [AGENT.name, 'none', [1]],
    ]);
    expect(draft.acceptance.find((r) => r.rule === 'each-applicant-signed-sealed-or-represented-by-their-agent')?.reasons).toHaveLength(3);
    // 发改价格规〔2016〕2559号: the three flats on one parcel under one mortgage are one 件.
    expect(draft.fees).toEqual([{ code: expect.any(String), name: expect.stringContaining('住宅'), amountFen: 8000 }]);
    expect(draft.feePayer).toBe(BANK.name);
    expect(draft.materials.find((m) => m.materialId === 'mortgageContract')).toMatchObject({ form: 'original', pages: 3 });

    await sign(draft.id, 3);
    const signed = await sign(draft.id, 2);
    expect(signed.parties.map((p) => p.signing)).toEqual(['byAgent', 'handwritten', 'handwritten']);
    expect(signed.acceptance.filter((r) => !r.passed)).toEqual([]);
    const accepted = await t.ok('clerk', 'cases.accept', { id: draft.id });
    expect(accepted).toMatchObject({ status: 'accepted', feeTotalFen: 8000, allowedActions: ['withdraw'] });

    // Without the 授权委托书 the agent's signature covers nobody.
    const other = await t.ok('clerk', 'cases.createDraft', { businessType: 'mortgageFirst.mortgage' });
    const noAttorney = await t.ok('clerk', 'cases.saveDraft', {
      id: other.id,
      coOwnership: null,
      parties: [BANK, MORTGAGOR, AGENT],
      units: UNITS,
      materialsReceived: RECEIVED.filter((m) => m.materialId !== 'powerOfAttorney'),
    });
    expect(noAttorney.parties[0].signing).toBe('none');
    // An agent acting for someone not on the case is refused at the field.
    expect(
      await t.call('clerk', 'cases.saveDraft', { id: other.id, coOwnership: null, parties: [BANK, MORTGAGOR, { ...AGENT, actsFor: [7] }], units: UNITS, materialsReceived: RECEIVED }),
    ).toMatchObject({ ok: false, error: { code: 'AGENT_PRINCIPAL_UNKNOWN' } });

    // The 申请书 as printed: 权利类型/登记类型, the mortgage block, the agent, 代理人 代 for the bank.
    const doc = await t.ok('clerk', 'cases.document', { id: draft.id, kind: 'applicationForm' });
    const pdf = join(t.dataDir, 'form.pdf');
    writeFileSync(pdf, Buffer.from(doc.pdfBase64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    // Table cells wrap long names: compare without white space.
    const flat = text.replace(/\s+/g, '');
    for (const expected of ['911100001000044477', '代理人贺建军代', '湖南诚信不动产代理有限', '最高额抵押借款', '最高债权额1,500,000.00元', '第1顺位', '成套住宅', '■抵押权']) expect(flat, expected).toContain(expected);
  }, 90_000);

  it("the bank's e-seal: SM2 over the application's SM3 digest, verifiable independently; refused for a wrong PIN, another organisation, a person, an expired seal; void after the content changes", async () => {
    const draft = await mortgageDraft([BANK, MORTGAGOR, AGENT]);
    const seal = bankSealFile();
    expect(await t.call('clerk', 'cases.applySeal', { id: draft.id, ordinal: 1, sealFileBase64: base64Of(seal), pin: '000000' })).toMatchObject({ ok: false, error: { code: 'SEAL_PIN_WRONG' } });
    expect(await t.call('clerk', 'cases.applySeal', { id: draft.id, ordinal: 2, sealFileBase64: base64Of(seal), pin: SEAL_PIN })).toMatchObject({ ok: false, error: { code: 'SEAL_NOT_FOR_PERSON' } });
    const otherBank = bankSealFile({ organisationName: '另一家银行', creditCode: '91430100MA4L0XXX0X' });
    expect(await t.call('clerk', 'cases.applySeal', { id: draft.id, ordinal: 1, sealFileBase64: base64Of(otherBank), pin: SEAL_PIN })).toMatchObject({ ok: false, error: { code: 'SEAL_ORGANISATION_MISMATCH' } });
    const expired = bankSealFile({ validFrom: '2020-01-01', validTo: '2025-12-31' });
    expect(await t.call('clerk', 'cases.applySeal', { id: draft.id, ordinal: 1, sealFileBase64: base64Of(expired), pin: SEAL_PIN })).toMatchObject({ ok: false, error: { code: 'SEAL_EXPIRED' } });
    expect(await t.call('clerk', 'cases.applySeal', { id: draft.id, ordinal: 1, sealFileBase64: Buffer.from('{"format":"x"}').toString('base64'), pin: SEAL_PIN })).toMatchObject({
      ok: false,
      error: { code: 'SEAL_FILE_INVALID' },
    });

    const sealed = await t.ok('clerk', 'cases.applySeal', { id: draft.id, ordinal: 1, sealFileBase64: base64Of(seal), pin: SEAL_PIN });
    expect(sealed.parties[0]).toMatchObject({ signing: 'seal', signed: true, seal: { organisationName: BANK.name, creditCode: BANK.idNumber, valid: true } });

    // Independently of the application's code: the digest is SM3 over the canonical content, and
    // the signature verifies with sm-crypto's SM2 against the seal file's public key.
    const c = caseReads.byId(t.ws.services.db(), t.ws.services.keys, draft.id);
    if (!c?.parties[0].seal) throw new Error('no seal stored');
    const stored = c.parties[0].seal;
    expect(stored.publicKeyHex).toBe(seal.publicKeyHex);
    expect(JSON.stringify(stored)).not.toMatch(/privateKey|sealedHex/);
    expect(stored.digestHex).toBe(applicationDigest(c));
    expect(sm3(canonicalJson(JSON.parse(canonicalJson({ x: 1 }))))).toBe(sm3('{"x":1}'));
    expect(sm2.doVerifySignature(stored.digestHex, stored.signatureHex, seal.publicKeyHex, { hash: true, der: false, userId: '1234567812345678' })).toBe(true);
    const forged = `${stored.signatureHex.slice(0, -1)}${stored.signatureHex.endsWith('0') ? '1' : '0'}`;
    expect(sm2.doVerifySignature(stored.digestHex, forged, seal.publicKeyHex, { hash: true, der: false, userId: '1234567812345678' })).toBe(false);

    // The content changes after sealing: the seal no longer matches, and acceptance says so.
    const changed = await t.ok('clerk', 'cases.saveDraft', {
      id: draft.id,
      coOwnership: null,
      parties: [BANK, MORTGAGOR, AGENT],
      units: UNITS,
      materialsReceived: RECEIVED,
      application: { reason: '最高额抵押借款（变更金额）', mortgage: { ...MORTGAGE, amountFen: 200_000_000 } },
    });
    // (The agent has not signed here, so nothing else stands for the bank.)
    expect(changed.parties[0]).toMatchObject({ signing: 'none', signed: false, seal: { valid: false } });
    expect(changed.acceptance.find((r) => r.rule === 'organisation-seals-match-the-application')).toMatchObject({ passed: false, reasons: [expect.stringContaining('重新盖章')] });
    const timeline = await t.ok('clerk', 'cases.timeline', { id: draft.id });
    expect(timeline.filter((e) => e.action === 'cases.applySeal').map((e) => e.result)).toEqual(['success']);
  }, 90_000);
});
