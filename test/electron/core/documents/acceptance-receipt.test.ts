import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderAcceptanceReceipt } from '../../../../electron/core/documents/acceptance-receipt';
import { receiptFactsDigest } from '../../../../electron/core/documents/receipt-facts';
import { reprintedReceipt, sampleApplicants, sampleReceipt } from '../../../fixtures/documents/sample-documents';
import { generateOfficeKeyPair, verifyReceiptCode } from '../../../../electron/core/documents/verification-code';
import { makeTempDir } from '../../../support/temp-dir';
import { OFFICE_KEY } from './document-cases';
import { decodeQrCodes, imageCount, pdfPageCount, pdfTextCompact, renderWithoutSystemFonts, writePdf } from './pdf-inspection';

describe('acceptance receipt (受理凭证)', () => {
  const dir = makeTempDir('bdc-receipt-');
  let bytes: Uint8Array;
  let path: string;
  let scanned: string[];

  beforeAll(async () => {
    bytes = await renderAcceptanceReceipt(sampleReceipt(), { signingKey: OFFICE_KEY });
    path = writePdf(dir.path, 'receipt', bytes);
    // Scanned as a phone or the counter's scanner would see the printed sheet: 150 dpi, no system fonts.
    const [page] = await renderWithoutSystemFonts(path, dir.path, 'receipt-150', 150);
    scanned = await decodeQrCodes(page);
  });
  afterAll(() => dir.remove());

  it('states the case number, acceptance and promised dates, applicants, unit and clerk', async () => {
    const text = await pdfTextCompact(path);
    for (const fact of [
      '受理编号:430102-20261127-A10001',
      '受理日期2026年11月27日',
      '承诺办结日期2026年12月4日',
      '1权利人张晓明居民身份证430102********2318',
      '2权利人李雪梅居民身份证430104********4529',
      '3义务人王建国居民身份证430103********0019',
      '登记费用合计¥90.00(玖拾元整)领证方式窗口领取',
      '430102003004GB00123F00010203',
      '湖南省长沙市芙蓉区朝阳街道八一路288号湘江世纪城二期17栋2单元3205号',
      '受理人刘芳',
      '咨询电话:0731-84112345',
      '《不动产登记暂行条例》第十七条第(一)项',
    ]) {
      expect(text).toContain(fact);
    }
  });

  it('fits on one page', async () => {
    expect(await pdfPageCount(path)).toBe(1);
  });

  it('lists the materials received, each 原件 or 复印件 with copies and pages, and not the one still missing', async () => {
    const text = await pdfTextCompact(path);
    expect(text).toContain('序号材料名称原件/复印件份数页数');
    expect(text).toContain('1不动产登记申请书原件13');
    expect(text).toContain('2申请人身份证明复印件36');
    expect(text).toContain('4存量房买卖合同原件212');
    expect(text).not.toContain('婚姻关系证明');
    // No 统一受理编号 yet, so no reprint either.
    expect(text).not.toContain('统一受理编号');
    expect(text).not.toContain('补打');
  });

  it('masks a full ID number it is given, on the page and in the signed facts; an organisation code stays whole', async () => {
    const data = { ...sampleReceipt(), applicants: [...sampleApplicants(), { role: '权利人' as const, name: '长沙某某置业有限公司', idType: '统一社会信用代码', idNumber: '91430102MA4L0XXX8K' }] };
    const full = writePdf(dir.path, 'receipt-full-ids', await renderAcceptanceReceipt(data, { signingKey: OFFICE_KEY }));
    const text = await pdfTextCompact(full);
    expect(text).toContain('430102********2318');
    expect(text).not.toContain('430102198807152318');
    expect(text).toContain('91430102MA4L0XXX8K');
    // Four applicants may carry the notes and the QR onto a second page: look on every page.
    const pages = await renderWithoutSystemFonts(full, dir.path, 'receipt-full-ids', 150);
    const [code] = (await Promise.all(pages.map((p) => decodeQrCodes(p)))).flat();
    const masked = { ...data, applicants: data.applicants.map((a) => (a.idType === '居民身份证' ? { ...a, idNumber: `${a.idNumber.slice(0, 6)}********${a.idNumber.slice(-4)}` } : a)) };
    expect(verifyReceiptCode(code, OFFICE_KEY.publicKeyHex)).toMatchObject({ ok: true, facts: { factsDigest: receiptFactsDigest(masked) } });
  });

  it('once reprinted with the 统一受理编号, says so, shows the number and the postal address, and signs those facts too', async () => {
    const reprint = writePdf(dir.path, 'receipt-reprint', await renderAcceptanceReceipt(reprintedReceipt(), { signingKey: OFFICE_KEY }));
    const text = await pdfTextCompact(reprint);
    expect(text).toContain('不动产登记受理凭证(补打)');
    expect(text).toContain('统一受理编号43010220261127000123');
    expect(text).toContain('领证方式邮寄(湖南省长沙市芙蓉区五一大道123号张晓明13807311234)');
    expect(text).toContain('取得统一受理编号后补打,原凭证作废受理编号:430102-20261127-A10001');
    expect(await pdfPageCount(reprint)).toBe(1);
    const [page] = await renderWithoutSystemFonts(reprint, dir.path, 'receipt-reprint', 150);
    const [code] = await decodeQrCodes(page);
    const result = verifyReceiptCode(code, OFFICE_KEY.publicKeyHex);
    expect(result).toMatchObject({ ok: true, facts: { factsDigest: receiptFactsDigest(reprintedReceipt()) } });
    expect(receiptFactsDigest(reprintedReceipt())).not.toBe(receiptFactsDigest(sampleReceipt()));
  });

  it('carries one QR code that decodes from the rendered page and verifies with the office public key', () => {
    expect(scanned).toHaveLength(1);
    const result = verifyReceiptCode(scanned[0], OFFICE_KEY.publicKeyHex);
    expect(result).toEqual({
      ok: true,
      facts: {
        kind: 'SLPZ',
        officeCode: '430102',
        caseNumber: '430102-20261127-A10001',
        issuedDate: '2026-11-27',
        dueDate: '2026-12-04',
        factsDigest: receiptFactsDigest(sampleReceipt()),
      },
    });
  });

  it('a scanned code with an altered case number, or checked with another key, does not verify', () => {
    const altered = scanned[0].replace('430102-20261127-A10001', '430102-20261127-A10002');
    expect(verifyReceiptCode(altered, OFFICE_KEY.publicKeyHex)).toMatchObject({ ok: false, code: 'SIGNATURE_MISMATCH' });
    expect(verifyReceiptCode(scanned[0], generateOfficeKeyPair().publicKeyHex)).toMatchObject({ ok: false, code: 'SIGNATURE_MISMATCH' });
  });

  it('is under 100 KB, with the QR code as its only image', async () => {
    expect(bytes.length).toBeLessThan(100_000);
    expect(await imageCount(bytes)).toBe(1);
  });

  it('refuses to render without a usable signing key', async () => {
    await expect(renderAcceptanceReceipt(sampleReceipt(), { signingKey: { privateKeyHex: '12' } })).rejects.toMatchObject({
      code: 'DOCUMENT_SIGNING_KEY_INVALID',
    });
  });
});
