import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderAcceptanceReceipt } from '../../../../electron/core/documents/acceptance-receipt';
import { receiptFactsDigest } from '../../../../electron/core/documents/receipt-facts';
import { sampleReceipt } from '../../../fixtures/documents/sample-documents';
import { generateOfficeKeyPair, verifyReceiptCode } from '../../../../electron/core/documents/verification-code';
import { makeTempDir } from '../../../support/temp-dir';
import { OFFICE_KEY } from './document-cases';
import { decodeQrCodes, imageCount, pdfTextCompact, renderWithoutSystemFonts, writePdf } from './pdf-inspection';

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
      '张晓明(权利人)、李雪梅(权利人)、王建国(义务人)',
      '430102003004GB00123F00010203',
      '湖南省长沙市芙蓉区朝阳街道八一路288号湘江世纪城二期17栋2单元3205号',
      '受理人刘芳',
      '咨询电话:0731-84112345',
      '《不动产登记暂行条例》第十七条第(一)项',
    ]) {
      expect(text).toContain(fact);
    }
  });

  it('lists the materials received, with form and copies, and not the one still missing', async () => {
    const text = await pdfTextCompact(path);
    expect(text).toContain('1不动产登记申请书原件1');
    expect(text).toContain('4存量房买卖合同原件2');
    expect(text).not.toContain('婚姻关系证明');
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
