import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { command, patchBlob, testFile, type TestFile } from './harness';
import { SAMPLE_UNITS } from './register-seed';
import { casePath, register, REGISTRAR, startOffice, submitAt, toRegistration, type OfficeTest } from './review-harness';

const NO_TAX = { registration: 'pending', transaction: 'not_applicable', tax: 'not_applicable' };
const party = (ordinal: number, role: string, name: string, idNumber: string) => ({ ordinal, role, name, idType: 'resident_id', idNumber, phone: null, share: null, signatureHash: null });
const CLEAR = { unitCode: SAMPLE_UNITS.clear, address: '湖南省长沙市芙蓉区解放西路三十一号4栋1单元601室', use: 'residential', areaM2: 95.8 };

let sequence = 0;
function identifierFor(kind: 'certificate' | 'proof'): string {
  sequence += 1;
  return `1.2.156.3005.2.${kind === 'certificate' ? '11100000MB03271699001' : '11100000MB03271699022'}.12430102MB0000001A.2026${String(sequence).padStart(7, '0')}.001.X`;
}

interface Upload {
  identifier: string;
  body: Record<string, unknown>;
  ofd: TestFile;
  pdf: TestFile;
}

function upload(caseNumber: string, number: string, kind: 'certificate' | 'proof', holders: Array<{ name: string; idNumber: string }>, unitCodes: string[]): Upload {
  const ofd = testFile(3000);
  const pdf = testFile(2000);
  const identifier = identifierFor(kind);
  return {
    identifier,
    ofd,
    pdf,
    body: {
      identifier,
      number,
      kind,
      caseNumber,
      unitCodes,
      holders,
      issueDate: '2026-12-04',
      metadata: { ZZMC: kind === 'certificate' ? '不动产权证书' : '不动产登记证明', ZZBH: number },
      ofd: { sm3: ofd.hash, size: ofd.bytes.length },
      pdf: { sm3: pdf.hash, size: pdf.bytes.length },
    },
  };
}

/** API.md "E-certificates", over mTLS against the real stand-in. */
describe('the e-certificate store', () => {
  let t: OfficeTest;
  beforeEach(async () => {
    t = await startOffice();
  });
  afterEach(async () => t.dispose());

  const transfer = async (holder: { name: string; idNumber: string }, seller: { name: string; idNumber: string }) => {
    const n = await submitAt(t, [], { units: [CLEAR], tracks: NO_TAX, parties: [party(1, 'holder', holder.name, holder.idNumber), party(2, 'obligor', seller.name, seller.idNumber)] });
    await toRegistration(t, n);
    const done = await register(t.desk, n, [SAMPLE_UNITS.clear]);
    expect(done.status).toBe(200);
    return { caseNumber: n, number: (done.data.certificateNumbers as string[])[0] };
  };
  const get = async (identifier: string) => (await t.desk.get(`/api/v1/e-certificates/${identifier}`)).data;
  const stateChanges = async () =>
    ((await t.desk.get('/api/v1/changes', { params: { limit: 500 } })).data.changes as Array<{ kind: string; data: Record<string, unknown> }>).filter((c) => c.kind === 'ecertificate.state');

  it('stores a transfer e-certificate with the missing-blob protocol, serves it by identifier, number and holder, and the files once complete; a replay changes nothing', async () => {
    const buyer = { name: '龙金花', idNumber: '433124199211080267' };
    const { caseNumber, number } = await transfer(buyer, { name: '李秀英', idNumber: '430102196504150028' });
    const u = upload(caseNumber, number, 'certificate', [buyer], [SAMPLE_UNITS.clear]);
    const key = randomUUID();
    const first = await command(t.desk, '/api/v1/e-certificates', u.body, key);
    expect(first.status).toBe(200);
    expect(first.data).toEqual({ identifier: u.identifier, number, state: '现势', missingBlobs: [u.ofd.hash, u.pdf.hash] });
    const notYet = await t.desk.get(`/api/v1/e-certificates/${u.identifier}/file`, { params: { format: 'ofd' } });
    expect(notYet.status).toBe(404);
    for (const f of [u.ofd, u.pdf]) expect((await patchBlob(t.desk, f.hash, 0, f.bytes)).status).toBe(204);

    const replay = await command(t.desk, '/api/v1/e-certificates', u.body, key);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.data.missingBlobs).toEqual([u.ofd.hash, u.pdf.hash]);
    const again = await command(t.desk, '/api/v1/e-certificates', u.body, randomUUID());
    expect(again.data).toEqual({ identifier: u.identifier, number, state: '现势', missingBlobs: [] });

    const view = await get(u.identifier);
    expect(view).toMatchObject({ identifier: u.identifier, number, kind: 'certificate', caseNumber, state: '现势', ofd: { complete: true }, pdf: { complete: true } });
    expect((await t.desk.get('/api/v1/e-certificates', { params: { number } })).data.eCertificates.map((e: { identifier: string }) => e.identifier)).toEqual([u.identifier]);
    expect((await t.counter.get('/api/v1/e-certificates', { params: { holderIdNumber: buyer.idNumber } })).data.eCertificates).toHaveLength(1);
    const ofd = await t.desk.get(`/api/v1/e-certificates/${u.identifier}/file`, { params: { format: 'ofd' }, responseType: 'arraybuffer' });
    expect(Buffer.from(ofd.data).equals(u.ofd.bytes)).toBe(true);
    expect(ofd.headers['content-type']).toBe('application/ofd');
    const pdf = await t.desk.get(`/api/v1/e-certificates/${u.identifier}/file`, { params: { format: 'pdf' }, responseType: 'arraybuffer' });
    expect(Buffer.from(pdf.data).equals(u.pdf.bytes)).toBe(true);
  });

  it('refuses a number the 登簿 did not issue to the case, another e-certificate under a taken number, and a malformed identifier', async () => {
    const buyer = { name: '龙金花', idNumber: '433124199211080267' };
    const { caseNumber, number } = await transfer(buyer, { name: '李秀英', idNumber: '430102196504150028' });
    const wrongNumber = upload(caseNumber, number.replace(/第(\d+)号/, (_m, d: string) => `第${String(Number(d) + 1).padStart(7, '0')}号`), 'certificate', [buyer], [SAMPLE_UNITS.clear]);
    expect((await command(t.desk, '/api/v1/e-certificates', wrongNumber.body)).data.error.code).toBe('ECERTIFICATE_NUMBER_INVALID');
    const asProof = upload(caseNumber, number, 'proof', [buyer], [SAMPLE_UNITS.clear]);
    expect((await command(t.desk, '/api/v1/e-certificates', asProof.body)).data.error.code).toBe('ECERTIFICATE_NUMBER_INVALID');
    const ok = upload(caseNumber, number, 'certificate', [buyer], [SAMPLE_UNITS.clear]);
    expect((await command(t.desk, '/api/v1/e-certificates', ok.body)).status).toBe(200);
    const twin = upload(caseNumber, number, 'certificate', [buyer], [SAMPLE_UNITS.clear]);
    const refused = await command(t.desk, '/api/v1/e-certificates', twin.body);
    expect([refused.status, refused.data.error.code]).toEqual([409, 'ECERTIFICATE_EXISTS']);
    const bad = await command(t.desk, '/api/v1/e-certificates', { ...ok.body, identifier: '1.2.3' });
    expect(bad.status).toBe(400);
    const otherOffice = await command(t.otherOffice, '/api/v1/e-certificates', upload(caseNumber, number, 'certificate', [buyer], [SAMPLE_UNITS.clear]).body);
    expect(otherOffice.data.error.code).toBe('CASE_NOT_FOUND');
  });

  it('a second transfer of the unit sets the first e-certificate to 注销 in its 登簿 (feed ecertificate.state); 登簿退回 restores it and voids its own', async () => {
    const first = await transfer({ name: '龙金花', idNumber: '433124199211080267' }, { name: '李秀英', idNumber: '430102196504150028' });
    const u1 = upload(first.caseNumber, first.number, 'certificate', [{ name: '龙金花', idNumber: '433124199211080267' }], [SAMPLE_UNITS.clear]);
    await command(t.desk, '/api/v1/e-certificates', u1.body);
    const second = await transfer({ name: '陈建国', idNumber: '430102198001010011' }, { name: '龙金花', idNumber: '433124199211080267' });
    expect(await get(u1.identifier)).toMatchObject({ state: '注销', endedBy: second.caseNumber });
    expect((await get(u1.identifier)).annotations.map((a: { kind: string }) => a.kind)).toEqual(['issued', 'cancelled']);
    const u2 = upload(second.caseNumber, second.number, 'certificate', [{ name: '陈建国', idNumber: '430102198001010011' }], [SAMPLE_UNITS.clear]);
    expect((await command(t.desk, '/api/v1/e-certificates', u2.body)).data.state).toBe('现势');
    expect(await stateChanges()).toEqual([expect.objectContaining({ data: expect.objectContaining({ identifier: u1.identifier, state: '注销', byCase: second.caseNumber }) })]);

    await command(t.desk, casePath(second.caseNumber, 'claim'), { stage: 'registered', actor: REGISTRAR }).catch(() => undefined);
    const undo = await command(t.desk, casePath(second.caseNumber, 'registration/undo'), { actor: REGISTRAR, reason: '证号录入有误' });
    expect(undo.status).toBe(200);
    expect((await get(u1.identifier)).state).toBe('现势');
    expect((await get(u2.identifier)).state).toBe('注销');
    expect((await stateChanges()).map((c) => [c.data.identifier, c.data.state])).toEqual([
      [u1.identifier, '注销'],
      [u1.identifier, '现势'],
      [u2.identifier, '注销'],
    ]);
  });

  it('an upload that waited offline past a later transfer is stored as 注销 at once', async () => {
    const first = await transfer({ name: '龙金花', idNumber: '433124199211080267' }, { name: '李秀英', idNumber: '430102196504150028' });
    const second = await transfer({ name: '陈建国', idNumber: '430102198001010011' }, { name: '龙金花', idNumber: '433124199211080267' });
    const late = upload(first.caseNumber, first.number, 'certificate', [{ name: '龙金花', idNumber: '433124199211080267' }], [SAMPLE_UNITS.clear]);
    const answer = await command(t.desk, '/api/v1/e-certificates', late.body);
    expect(answer.data.state).toBe('注销');
    expect(await get(late.identifier)).toMatchObject({ state: '注销', endedBy: second.caseNumber });
  });

  it('a mortgage yields an e-proof; 抵押权注销 sets it to 注销', async () => {
    const bank = { name: '招商银行股份有限公司长沙分行', idNumber: '91430100MA4L0YYY2K' };
    const mortgage = await submitAt(t, [], { businessType: 'mortgageFirst', units: [CLEAR], tracks: NO_TAX, parties: [party(1, 'holder', bank.name, bank.idNumber), party(2, 'obligor', '李秀英', '430102196504150028')] });
    await toRegistration(t, mortgage);
    const proofNumber = ((await register(t.desk, mortgage, [SAMPLE_UNITS.clear])).data.certificateNumbers as string[])[0];
    const proof = upload(mortgage, proofNumber, 'proof', [bank], [SAMPLE_UNITS.clear]);
    expect((await command(t.desk, '/api/v1/e-certificates', proof.body)).data.state).toBe('现势');
    const cancel = await submitAt(t, [], { businessType: 'mortgageCancellation', units: [CLEAR], tracks: NO_TAX, parties: [party(1, 'holder', '李秀英', '430102196504150028'), party(2, 'obligor', bank.name, bank.idNumber)] });
    await toRegistration(t, cancel);
    expect((await register(t.desk, cancel, [SAMPLE_UNITS.clear])).status).toBe(200);
    expect(await get(proof.identifier)).toMatchObject({ kind: 'proof', state: '注销', endedBy: cancel });
  });
});
