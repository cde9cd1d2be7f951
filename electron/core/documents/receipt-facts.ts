import { sm3Hex } from '../crypto/sm3';
import type { AcceptanceReceiptData } from './document-data';
import { unitArea, unitUse } from './text-format';

/**
 * The digest a receipt's verification code carries (verification-code.ts, field 7): SM3 over the
 * facts the receipt prints, in a fixed order, as UTF-8 JSON; the first 128 bits in hex.
 *
 * It covers what is printed, as printed (an ID number masked on the receipt is hashed masked), so
 * it attests this sheet of paper: a verifier with the case record rebuilds the same data, masks it
 * the same way, and compares. Layout, fonts and the PDF's bytes are not part of it.
 */
export function receiptFactsDigest(data: AcceptanceReceiptData): string {
  const facts = [
    data.office.code,
    data.caseNumber,
    data.businessTypeName,
    data.issuedDate,
    data.promisedDate,
    data.applicants.map((a) => [a.role, a.name, a.idType, a.idNumber]),
    data.units.map((u) => [u.unitCode, u.address, unitUse(u), unitArea(u).unit === '平方米' ? unitArea(u).value : `${unitArea(u).value}${unitArea(u).unit}`]),
    data.materials.filter((m) => m.status === 'received').map((m) => [m.name, m.copies, m.form ?? '', ...(m.pages === undefined ? [] : [m.pages])]),
    // Printed only when known; appended only then, so receipts without them keep their digest.
    ...(data.feeTotalFen === undefined ? [] : [['feeTotalFen', data.feeTotalFen]]),
    ...(data.collection === undefined ? [] : [['collection', data.collection.method, data.collection.address ?? '']]),
    ...(data.unifiedNumber === undefined ? [] : [['unifiedNumber', data.unifiedNumber]]),
    ...(data.reprint ? [['reprint']] : []),
  ];
  return sm3Hex(JSON.stringify(facts)).slice(0, 32);
}
