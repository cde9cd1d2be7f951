import type { CertificateFacts } from '../certificate-facts';
import type { FormField } from './form-layout';

/**
 * The texts a certificate puts into the form's boxes, from the one model every rendition draws
 * (certificate-facts.ts). The form prints its captions and the number's fixed words (不动产权第 … 号)
 * itself: only the variable parts are filled in.
 */
export function formFieldTexts(facts: CertificateFacts): Record<FormField, string> {
  const [y, m, d] = facts.issueDate.split('-');
  const holders = facts.holders.map((h) => (h.share ? `${h.name}（${h.share}）` : h.name)).join('、');
  return {
    provinceShort: facts.office.provinceShort,
    year: String(facts.year),
    cityCounty: facts.office.cityCounty,
    sequence: String(facts.sequence).padStart(7, '0'),
    holders,
    coOwnership: facts.coOwnership,
    location: facts.location,
    unitCode: facts.unitCode,
    rightType: facts.rightType,
    rightNature: facts.rightNature,
    use: facts.use,
    area: facts.area,
    term: facts.term,
    otherStatus: facts.otherStatus.join('\n'),
    notes: facts.notes.join('\n'),
    issueYear: y ?? '',
    issueMonth: String(Number(m ?? '0')),
    issueDay: String(Number(d ?? '0')),
  };
}
