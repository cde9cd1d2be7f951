import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CertificateFacts } from '../../../../electron/core/certificates/certificate-facts';
import type { ECertificateRenditions } from '../../../../electron/core/certificates/e-certificate-renditions';
import { defaultRenditions } from '../../../../electron/core/certificates/default-renditions';
import { createOfficeSealKey, installOfficeSeal } from '../../../../electron/core/certificates/seal/office-seal-store';
import { verifyOfd } from '../../../../electron/core/certificates/verify/verify-ofd';
import { ownerOnlyFileProtector } from '../../../../electron/core/crypto/data-keys';
import { ringPng } from '../../../fixtures/certificates/seal-fixtures';
import { makeTempDir } from '../../../support/temp-dir';
import { ensureSealCa, issueTrainingOfficeSeal } from '../../../platform/seal-ca';
import { until } from '../../../support/cases';
import { reviewOffice, type ReviewOffice } from '../review/review-office';

const FREE_UNIT = '430102001002GB00031F00040601';
const FREE = { unitCode: FREE_UNIT, address: '湖南省长沙市芙蓉区解放西路三十一号4栋1单元601室', use: 'residential', areaM2: 95.8 };
const ACK = ['certificate-number-matches', 'objection-needs-decision', 'mortgage-on-transfer', 'pre-registration-consent'];
const party = (ordinal: number, role: string, name: string, idNumber: string) => ({ ordinal, role, name, idType: 'resident_id', idNumber, phone: null, share: null, signatureHash: null });

/**
 * A stand-in for the OFD writer and the seal (their own tests prove them): bytes that name the facts,
 * so the flow — transaction, blob store, outbox, upload, feed — is what this test proves. `fail`
 * makes rendering throw like a locked seal key would.
 */
function fakeRenditions(): ECertificateRenditions & { fail: string | null; rendered: CertificateFacts[] } {
  const r = {
    fail: null as string | null,
    rendered: [] as CertificateFacts[],
    identifier: ({ typeCode, authorityCode, serial }: { typeCode: string; authorityCode: string; serial: string }) => `1.2.156.3005.2.${typeCode}.${authorityCode}.${serial}.001.X`,
    async render(facts: CertificateFacts, identifier: string) {
      if (r.fail) throw new Error(r.fail);
      r.rendered.push(facts);
      return { ofd: Buffer.from(`PK-OFD ${identifier} ${facts.number} ${facts.holders.map((h) => h.name).join(',')}`), pdf: Buffer.from(`%PDF-1.7 ${identifier}`) };
    },
  };
  return r;
}

/** Issue #12 part 3 at the core: the e-certificate at 登簿, its upload, 注销 by a later 登簿, faults. */
describe('e-certificates at 登簿 against the platform stand-in', () => {
  let o: ReviewOffice;
  const renditions = fakeRenditions();
  beforeAll(async () => {
    o = await reviewOffice();
    o.desk.ws.services.eCertificateRenditions = renditions;
  }, 60_000);
  afterAll(async () => o?.close());

  const inQueue = (user: string, q: 'firstReview' | 'secondReview' | 'registration', n: string) =>
    o.untilDesk(async () => (await o.desk.ok(user, 'review.queues', { queue: q })).items.find((i) => i.caseNumber === n), `${n} in ${q}`);

  /** 初审 → (复审) → claimed for 登簿; returns the office case id. */
  async function toRegistration(n: string): Promise<number> {
    const first = await inQueue('rev1', 'firstReview', n);
    await o.desk.ok('rev1', 'review.claim', { caseId: first.caseId });
    await o.desk.ok('rev1', 'review.workspace', { caseId: first.caseId });
    await o.desk.ok('rev1', 'review.decide', { caseId: first.caseId, decision: 'pass', opinion: '同意', acknowledgedRules: ACK });
    const next = await o.untilDesk(async () => {
      const all = [...(await o.desk.ok('rev2', 'review.queues', { queue: 'secondReview' })).items, ...(await o.desk.ok('reg', 'review.queues', { queue: 'registration' })).items];
      return all.find((i) => i.caseNumber === n);
    }, `${n} after 初审`);
    if (next.stage === 'secondReview') {
      await o.desk.ok('rev2', 'review.claim', { caseId: next.caseId });
      await o.desk.ok('rev2', 'review.workspace', { caseId: next.caseId });
      await o.desk.ok('rev2', 'review.decide', { caseId: next.caseId, decision: 'pass', opinion: '复审同意', acknowledgedRules: ACK });
    }
    const ready = await inQueue('reg', 'registration', n);
    await o.desk.ok('reg', 'review.claim', { caseId: ready.caseId });
    await o.desk.ok('reg', 'review.workspace', { caseId: ready.caseId });
    return ready.caseId;
  }
  const list = (caseId: number) => o.desk.ok('reg', 'certificates.list', { officeCaseId: caseId });
  const uploaded = (caseId: number) =>
    until(async () => {
      await o.engine(o.desk).idle();
      const [e] = await list(caseId);
      return e?.upload === 'done' && e.state ? e : undefined;
    }, 'e-certificate uploaded', 20_000);

  let firstCaseId = 0;
  let firstIdentifier = '';

  it('a transfer 登簿 produces the e-certificate (facts of the case, sealed files, audit) and uploads it: the store has it 现势 with both files', async () => {
    const n = await o.submitElsewhere({ businessType: 'transfer', units: [FREE], parties: [party(1, 'holder', '龙金花', '433124199211080267'), party(2, 'obligor', '李秀英', '430102196001010023')] });
    firstCaseId = await toRegistration(n);
    const done = await o.desk.ok('reg', 'registration.register', { caseId: firstCaseId });
    const [e] = await list(firstCaseId);
    expect(e).toMatchObject({ number: done.certificateNumbers[0], kind: 'certificate', production: 'produced', holders: ['龙金花'], caseNumber: n, lastError: null });
    expect(e.identifier).toMatch(/^1\.2\.156\.3005\.2\.11100000MB03271699001\.12430102MB0000001A\.2026\d{7}\.001\.X$/);
    expect(renditions.rendered.at(-1)).toMatchObject({ number: done.certificateNumbers[0], rightType: '国有建设用地使用权/房屋所有权', location: FREE.address });
    firstIdentifier = e.identifier!;
    const pdf = await o.desk.ok('reg', 'certificates.file', { identifier: firstIdentifier, format: 'pdf' });
    expect(Buffer.from(pdf.base64, 'base64').toString()).toBe(`%PDF-1.7 ${firstIdentifier}`);

    expect(await uploaded(firstCaseId)).toMatchObject({ state: '现势', upload: 'done' });
    const [stored] = o.platform.admin.eCertificates(n);
    expect(stored).toMatchObject({ identifier: firstIdentifier, number: done.certificateNumbers[0], state: '现势', ofd: { complete: true }, pdf: { complete: true }, holders: [{ name: '龙金花', idNumber: '433124199211080267' }] });
    expect(stored.metadata).toMatchObject({ ZZMC: '不动产权证书', ZZBS: firstIdentifier, ZZBFJG: '长沙市芙蓉区不动产登记中心', KZ_BDCDYH: FREE_UNIT });
    const audit = await o.desk.ok('admin', 'audit.list', { action: 'certificate.produce', limit: 10 });
    expect(audit.records.map((r) => [r.result, r.actor])).toEqual([['success', 'reg']]);
  }, 120_000);

  it('a seal failure keeps the 登簿 and leaves the e-certificate pending (audited); with the platform offline the retried upload waits in the outbox and goes when it is back; a second transfer sets the first to 注销', async () => {
    renditions.fail = '印章密钥不可用（测试）';
    const n = await o.submitElsewhere({ businessType: 'transfer', units: [FREE], parties: [party(1, 'holder', '陈建国', '430102198001010011'), party(2, 'obligor', '龙金花', '433124199211080267')] });
    const caseId = await toRegistration(n);
    const done = await o.desk.ok('reg', 'registration.register', { caseId });
    expect(done).toMatchObject({ stage: 'registered', certificateNumbers: [expect.any(String)] });
    const [pending] = await list(caseId);
    expect(pending).toMatchObject({ production: 'pending', identifier: null, attempts: 1, lastError: '印章密钥不可用（测试）', upload: null });
    const failures = (await o.desk.ok('admin', 'audit.list', { action: 'certificate.produce', limit: 10 })).records.filter((r) => r.result === 'failure');
    expect(failures).toHaveLength(1);

    // The 登簿 ended the first owner's right: the platform set that e-certificate to 注销, the feed says so.
    await until(async () => {
      await o.engine(o.desk).pullNow();
      return (await list(firstCaseId))[0].state === '注销' ? true : undefined;
    }, 'first e-certificate 注销 through the feed', 15_000);
    expect(o.platform.admin.eCertificates((await list(firstCaseId))[0].caseNumber)[0]).toMatchObject({ state: '注销', endedBy: n });

    await o.stopPlatform();
    renditions.fail = null;
    const retried = await o.desk.ok('reg', 'certificates.retry', { officeCaseId: caseId });
    expect(retried[0]).toMatchObject({ production: 'produced', attempts: 2, lastError: null, upload: 'pending' });
    await o.engine(o.desk).drain();
    expect((await list(caseId))[0].upload).toBe('pending');
    await o.startPlatformAgain();
    o.engine(o.desk).kick();
    expect(await uploaded(caseId)).toMatchObject({ state: '现势', upload: 'done' });
    expect(o.platform.admin.eCertificates(n)[0]).toMatchObject({ state: '现势', ofd: { complete: true }, pdf: { complete: true } });
  }, 120_000);

  it('a mortgage yields an e-proof only (抵押权, the bank as 权利人, the mortgagor as 义务人)', async () => {
    const n = await o.submitElsewhere({
      businessType: 'mortgageFirst',
      units: [FREE],
      tracks: { registration: 'pending', transaction: 'not_applicable', tax: 'not_applicable' },
      parties: [party(1, 'holder', '招商银行股份有限公司长沙分行', '91430100MA4L0YYY2K'), party(2, 'obligor', '陈建国', '430102198001010011')],
    });
    const caseId = await toRegistration(n);
    await o.desk.ok('reg', 'registration.register', { caseId });
    const all = await list(caseId);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ kind: 'proof', production: 'produced', holders: ['招商银行股份有限公司长沙分行'] });
    expect(all[0].identifier).toContain('.11100000MB03271699022.');
    expect(renditions.rendered.at(-1)).toMatchObject({ kind: 'proof', provedMatter: '抵押权', obligors: [expect.objectContaining({ name: '陈建国' })] });
    expect(await uploaded(caseId)).toMatchObject({ state: '现势' });
  }, 120_000);
  it('with the built-in renditions and no seal installed the e-certificate waits; once the training seal is installed it is produced, sealed, uploaded, and the OFD verifies against the seal root', async () => {
    o.desk.ws.services.eCertificateRenditions = defaultRenditions(o.desk.dataDir, ownerOnlyFileProtector);
    const n = await o.submitElsewhere({
      businessType: 'mortgageFirst',
      units: [FREE],
      tracks: { registration: 'pending', transaction: 'not_applicable', tax: 'not_applicable' },
      parties: [party(1, 'holder', '中国工商银行股份有限公司长沙芙蓉支行', '91430100MA4L0ZZZ3K'), party(2, 'obligor', '陈建国', '430102198001010011')],
    });
    const caseId = await toRegistration(n);
    await o.desk.ok('reg', 'registration.register', { caseId });
    const [waiting] = await list(caseId);
    expect(waiting).toMatchObject({ production: 'pending', lastError: '本单位尚未安装电子印章，无法生成电子证照' });

    const caDir = makeTempDir('bdc-seal-ca-');
    try {
      // The desk's clock is the test's manual clock (2026-11-27): the CA and the seal are valid from before it.
      const issuedAt = new Date('2026-01-01T00:00:00Z');
      ensureSealCa(caDir.path, issuedAt);
      const { publicKeyHex } = createOfficeSealKey(o.desk.dataDir, ownerOnlyFileProtector);
      const issued = issueTrainingOfficeSeal(caDir.path, { officeName: '长沙市芙蓉区不动产登记中心', publicKeyHex, imagePng: ringPng(), now: issuedAt });
      installOfficeSeal(o.desk.dataDir, { certificateDer: issued.certificateDer, sealDer: issued.sealDer, imagePng: ringPng() });
      const [produced] = await o.desk.ok('reg', 'certificates.retry', { officeCaseId: caseId });
      expect(produced).toMatchObject({ production: 'produced', kind: 'proof' });
      const ofd = Buffer.from((await o.desk.ok('reg', 'certificates.file', { identifier: produced.identifier!, format: 'ofd' })).base64, 'base64');
      const report = await verifyOfd(ofd, { rootCertsDer: [issued.rootDer] });
      expect(report.checks.filter((c) => !c.ok)).toEqual([]);
      expect(report).toMatchObject({ ok: true, identifier: produced.identifier, number: produced.number });
      expect(await uploaded(caseId)).toMatchObject({ state: '现势' });
      expect(o.platform.admin.eCertificates(n)[0]).toMatchObject({ identifier: produced.identifier, ofd: { complete: true }, pdf: { complete: true } });
    } finally {
      caDir.remove();
    }
  }, 120_000);
});
