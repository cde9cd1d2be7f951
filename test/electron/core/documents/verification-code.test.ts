import fc from 'fast-check';
import { sm2 } from 'sm-crypto-v2';
import { describe, expect, it } from 'vitest';
import { receiptFactsDigest } from '../../../../electron/core/documents/receipt-facts';
import { sampleReceipt } from '../../../fixtures/documents/sample-documents';
import {
  generateOfficeKeyPair,
  signVerificationCode,
  SM2_USER_ID,
  verifyReceiptCode,
  verifyVerificationCode,
  type VerificationFacts,
} from '../../../../electron/core/documents/verification-code';

const FACTS: VerificationFacts = {
  kind: 'SLPZ',
  officeCode: '430102',
  caseNumber: '430102-20261127-A10001',
  issuedDate: '2026-11-27',
  dueDate: '2026-12-04',
  factsDigest: '0123456789abcdef0123456789abcdef',
};

describe('verification code (SM2-signed QR text)', () => {
  const office = generateOfficeKeyPair();

  it('has the documented layout: BDC1|kind|office|case|YYYYMMDD|YYYYMMDD|digest|signature', () => {
    const code = signVerificationCode(FACTS, office);
    expect(code).toMatch(/^BDC1\|SLPZ\|430102\|430102-20261127-A10001\|20261127\|20261204\|0123456789abcdef0123456789abcdef\|[0-9a-f]{128}$/);
    expect(/^[\x20-\x7e]+$/.test(code)).toBe(true);
  });

  it('verifies with the office public key and returns the facts', () => {
    const result = verifyReceiptCode(signVerificationCode(FACTS, office), office.publicKeyHex);
    expect(result).toEqual({ ok: true, facts: FACTS });
  });

  it('signs the ASCII text before the last field, checkable with sm-crypto-v2 directly (known answer)', () => {
    const code = signVerificationCode(FACTS, office);
    const message = code.slice(0, code.lastIndexOf('|'));
    const signature = code.slice(code.lastIndexOf('|') + 1);
    expect(message).toBe('BDC1|SLPZ|430102|430102-20261127-A10001|20261127|20261204|0123456789abcdef0123456789abcdef');
    expect(sm2.doVerifySignature(message, signature, office.publicKeyHex, { hash: true, der: false, userId: SM2_USER_ID })).toBe(true);
  });

  it('verifies a code signed once with the example key of GB/T 32918.2 (known answer, pinned)', () => {
    // The standard's example key pair; the code below was produced by signVerificationCode and is
    // kept verbatim, so a change in the library (hashing, user ID, string encoding) shows up here.
    const examplePrivate = '3945208f7b2144b13f36e38ac6d39f95889393692860b51a42fb81ef4df7c5b8';
    const examplePublic =
      '0409f9df311e5421a150dd7d161e4bc5c672179fad1833fc076bb08ff356f35020ccea490ce26775a52dc6ea718cc1aa600aed05fbf35e084a6632f6072da9ad13';
    expect(sm2.getPublicKeyFromPrivateKey(examplePrivate)).toBe(examplePublic);
    const pinned =
      'BDC1|SLPZ|430102|430102-20261127-A10001|20261127|20261204|0123456789abcdef0123456789abcdef|' +
      'c5810630459af73f65455e7513ed28ac40b2399457646032dfb13f7531d2358f68baccde57a0e7aaf169c87cb5d122bba7d962f028a61fc3e2937fedaa35116f';
    expect(verifyReceiptCode(pinned, examplePublic)).toEqual({ ok: true, facts: FACTS });
    expect(verifyReceiptCode(pinned.replace('A10001', 'A10009'), examplePublic).ok).toBe(false);
  });

  it('fails when the case number was altered', () => {
    const code = signVerificationCode(FACTS, office).replace('A10001', 'A10002');
    const result = verifyReceiptCode(code, office.publicKeyHex);
    expect(result).toMatchObject({ ok: false, code: 'SIGNATURE_MISMATCH' });
  });

  it('fails when any single character of the signed part is changed', () => {
    const code = signVerificationCode(FACTS, office);
    const signedLength = code.lastIndexOf('|');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: signedLength - 1 }), fc.constantFrom('0', '1', 'A', 'x', '-'), (at, char) => {
        fc.pre(code[at] !== char && code[at] !== '|');
        const altered = code.slice(0, at) + char + code.slice(at + 1);
        expect(verifyVerificationCode(altered, office.publicKeyHex).ok).toBe(false);
      }),
      { numRuns: 60 },
    );
  });

  it('fails with another office key', () => {
    const other = generateOfficeKeyPair();
    expect(verifyReceiptCode(signVerificationCode(FACTS, office), other.publicKeyHex)).toMatchObject({ ok: false, code: 'SIGNATURE_MISMATCH' });
  });

  it('derives the public key when only the private key is given', () => {
    const code = signVerificationCode(FACTS, { privateKeyHex: office.privateKeyHex });
    expect(verifyReceiptCode(code, office.publicKeyHex).ok).toBe(true);
  });

  it('tells a receipt code from another document kind and from foreign QR codes', () => {
    const notice = signVerificationCode({ ...FACTS, kind: 'JFTZ' }, office);
    expect(verifyVerificationCode(notice, office.publicKeyHex).ok).toBe(true);
    expect(verifyReceiptCode(notice, office.publicKeyHex)).toMatchObject({ ok: false, code: 'WRONG_KIND' });
    expect(verifyReceiptCode('https://example.com/', office.publicKeyHex)).toMatchObject({ ok: false, code: 'NOT_A_VERIFICATION_CODE' });
    expect(verifyReceiptCode('BDC2|SLPZ', office.publicKeyHex)).toMatchObject({ ok: false, code: 'UNSUPPORTED_VERSION' });
    expect(verifyReceiptCode('BDC1|SLPZ|430102', office.publicKeyHex)).toMatchObject({ ok: false, code: 'MALFORMED' });
    const badDate = signVerificationCode(FACTS, office).replace('20261204', '20261304');
    expect(verifyReceiptCode(badDate, office.publicKeyHex)).toMatchObject({ ok: false, code: 'MALFORMED' });
  });

  it('reports a malformed public key rather than a failed signature', () => {
    expect(verifyReceiptCode(signVerificationCode(FACTS, office), '04abcd')).toMatchObject({ ok: false, code: 'INVALID_PUBLIC_KEY' });
  });

  it('refuses to sign with a malformed private key', () => {
    expect(() => signVerificationCode(FACTS, { privateKeyHex: 'not-a-key' })).toThrow(expect.objectContaining({ code: 'DOCUMENT_SIGNING_KEY_INVALID' }));
  });

  it('never throws on arbitrary scanned text (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string().map((s) => `BDC1|${s}`), fc.array(fc.string(), { maxLength: 10 }).map((a) => ['BDC1', ...a].join('|'))), (text) => {
        const result = verifyReceiptCode(text, office.publicKeyHex);
        expect(result.ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});

describe('receipt facts digest', () => {
  it('is 32 hex digits, stable for the same facts and different when a printed fact changes', () => {
    const digest = receiptFactsDigest(sampleReceipt());
    expect(digest).toMatch(/^[0-9a-f]{32}$/);
    expect(receiptFactsDigest(sampleReceipt())).toBe(digest);
    const renamed = sampleReceipt();
    renamed.applicants[0].name = '张晓民';
    expect(receiptFactsDigest(renamed)).not.toBe(digest);
    const otherUnit = sampleReceipt();
    otherUnit.units[0].areaM2 = 128.47;
    expect(receiptFactsDigest(otherUnit)).not.toBe(digest);
  });

  it('ignores materials that were not received (they are not printed on the receipt)', () => {
    const data = sampleReceipt();
    const without = { ...data, materials: data.materials.filter((m) => m.status === 'received') };
    expect(receiptFactsDigest(without)).toBe(receiptFactsDigest(data));
  });
});
