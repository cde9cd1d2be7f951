import { sm3Hex } from '../crypto/sm3';
import type { CaseRecord } from './case-record';

/**
 * The SM3 digest of what an applicant signs or seals: the application's content (who applies, for
 * what, on which units, and the 申请书's case-level block), as canonical JSON (keys in a fixed
 * order, arrays in ordinal order). Signatures, seals, materials and fees are not part of it: adding
 * a signature or receiving a paper does not change what was applied for. A change of content
 * after sealing makes the seal fail verification (CaseView shows it invalid; acceptance refuses).
 */
export function applicationDigest(c: CaseRecord): string {
  const content = {
    businessType: c.businessType,
    registrationType: c.registrationType,
    rightType: c.rightType,
    coOwnership: c.coOwnership,
    parties: c.parties.map((p) => ({
      ordinal: p.ordinal,
      role: p.role,
      name: p.name,
      idType: p.idType,
      idNumber: p.idNumber,
      share: p.share,
      address: p.address,
      postalCode: p.postalCode,
      legalRepresentative: p.legalRepresentative,
      actsFor: p.actsFor,
      agency: p.agency,
    })),
    units: c.units.map((u) => ({
      ordinal: u.ordinal,
      unitCode: u.unitCode,
      address: u.address,
      use: u.use,
      areaM2: u.areaM2,
      area: u.area,
      realEstateType: u.realEstateType,
      plannedUse: u.plannedUse,
      previousCertificateNumber: u.previousCertificateNumber,
    })),
    application: c.application,
  };
  return sm3Hex(canonicalJson(content));
}

/** JSON with object keys sorted, so the same content always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
