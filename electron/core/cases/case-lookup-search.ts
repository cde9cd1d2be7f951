import { parseCertificateNumber, validatePhone, type CertificateNumber } from '../../contract';
import type { PersonalDataKeys } from '../crypto/personal-data';
import { idNumberTag, phoneTag } from '../crypto/personal-data';
import type { Db } from '../store/database';
import { idsWithNameAndIdTail, parseNameAndIdTail } from './case-id-tail-search';
import { sameCertificate } from './previous-certificate';

/** What a search text was taken for: free text (index), or a number looked up exactly. */
export type SearchedBy = 'text' | 'idNumber' | 'phone' | 'certificate' | 'nameAndIdTail';

/**
 * Numbers a clerk types into the one search box. ID numbers and phones are sealed at rest and never
 * indexed: they are found exactly through their HMAC lookup tags. Certificate numbers (the seller's
 * 原证号, or a certificate/proof issued after 登簿) are read with the tolerant parser, so one number
 * typed with other brackets, widths or spaces is found. A name with the last 4–6 digits of that
 * person's ID number (张三 1234) is checked against the named parties' ID numbers. Anything else
 * is free text.
 */
export function lookupCaseIds(db: Db, keys: PersonalDataKeys, text: string): { by: Exclude<SearchedBy, 'text'>; ids: number[] } | null {
  // As the validators read numbers: full-width digits and Ｘ folded (NFKC), blanks gone, x is X.
  const compact = text.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  if (/^\d{17}[\dX]$/.test(compact) || /^\d{15}$/.test(compact)) {
    return { by: 'idNumber', ids: idsWithTag(db, 'id_number_tag', [idNumberTag(keys, compact)]) };
  }
  if (/^[\d+\-()（）转X]+$/i.test(compact)) {
    const phone = validatePhone(compact);
    if (phone.valid) {
      // Stored as typed (blanks and dashes aside): try the typed form and the canonical one.
      const tags = new Set([phoneTag(keys, compact), phoneTag(keys, phone.normalized)]);
      if (phone.kind === 'mobile') tags.add(phoneTag(keys, `+86${phone.normalized}`));
      return { by: 'phone', ids: idsWithTag(db, 'phone_tag', [...tags]) };
    }
  }
  const certificate = parseCertificateNumber(text);
  if (certificate.valid) return { by: 'certificate', ids: idsWithCertificate(db, certificate) };
  const nameAndTail = parseNameAndIdTail(text);
  const tailIds = nameAndTail ? idsWithNameAndIdTail(db, keys, nameAndTail) : null;
  if (tailIds) return { by: 'nameAndIdTail', ids: tailIds };
  return null;
}

function idsWithTag(db: Db, column: 'id_number_tag' | 'phone_tag', tags: string[]): number[] {
  const rows = db
    .prepare(`SELECT DISTINCT case_id FROM case_parties WHERE ${column} IN (SELECT value FROM json_each(?)) ORDER BY case_id`)
    .all(JSON.stringify(tags)) as Array<{ case_id: number }>;
  return rows.map((r) => r.case_id);
}

/** The serial as typed (ASCII or full-width digits) narrows the rows; the parser decides. */
function idsWithCertificate(db: Db, wanted: CertificateNumber): number[] {
  const fullWidth = [...wanted.serial].map((d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).join('');
  const like = { ascii: `%${wanted.serial}%`, wide: `%${fullWidth}%` };
  const matches = (typed: unknown): boolean => {
    if (typeof typed !== 'string') return false;
    const parsed = parseCertificateNumber(typed);
    return parsed.valid && sameCertificate(parsed, wanted);
  };
  const ids = new Set<number>();
  const previous = db
    .prepare('SELECT case_id, previous_certificate AS typed FROM case_units WHERE previous_certificate LIKE @ascii OR previous_certificate LIKE @wide')
    .all(like) as Array<{ case_id: number; typed: string }>;
  for (const r of previous) if (matches(r.typed)) ids.add(r.case_id);
  const issued = db
    .prepare('SELECT id, certificate_numbers AS list FROM cases WHERE certificate_numbers LIKE @ascii OR certificate_numbers LIKE @wide')
    .all(like) as Array<{ id: number; list: string }>;
  for (const r of issued) {
    const list: unknown = JSON.parse(r.list);
    if (Array.isArray(list) && list.some(matches)) ids.add(r.id);
  }
  return [...ids].sort((a, b) => a - b);
}
