import { LEGACY_BUSINESS_TYPE_MAP } from '../../contract/validation/registration-catalog';
import type { CaseRecord } from '../cases/case-record';
import type { Db } from '../store/database';

/** One file the platform must hold for the case (API.md `blobs`). */
export interface SubmittedBlob {
  hash: string;
  size: number;
  mediaType: string;
}

/**
 * The body of `POST /api/v1/cases` (test/platform/API.md) for an accepted case: the full case,
 * parties with their full ID numbers (the platform registers people, not masks), and `blobs`
 * listing every file the case refers to — material scans and signatures — once each, with size
 * and media type from the blob table. Built once, at acceptance, and stored as the outbox body:
 * the same text is sent on every retry.
 */
export function submissionBody(db: Db, c: CaseRecord): string {
  if (!c.caseNumber || !c.acceptedAt) throw new Error(`case ${c.id} is not accepted`);
  const [officeCode, , workstationId] = c.caseNumber.split('-');
  const materials = c.materials
    .filter((m) => m.received || m.files.length > 0)
    .map((m) => ({ materialId: m.materialId, name: m.name, copies: m.copies, files: m.files.map((f) => ({ hash: f.blobHash, fileName: f.fileName })) }));
  const hashes = [...new Set([...c.materials.flatMap((m) => m.files.map((f) => f.blobHash)), ...c.parties.flatMap((p) => (p.signatureBlob ? [p.signatureBlob] : []))])];
  return JSON.stringify({
    caseNumber: c.caseNumber,
    officeCode,
    workstationId,
    businessType: c.businessType,
    ...catalogueParts(c.businessType),
    acceptedAt: c.acceptedAt,
    acceptedBy: c.acceptedBy,
    promisedDate: c.promisedDate,
    coOwnership: c.coOwnership,
    tracks: c.tracks,
    parties: c.parties.map((p) => ({
      ordinal: p.ordinal,
      role: p.role,
      name: p.name,
      idType: p.idType,
      idNumber: p.idNumber,
      phone: p.phone,
      share: p.share,
      signatureHash: p.signatureBlob,
    })),
    units: c.units.map((u) => ({ unitCode: u.unitCode, address: u.address, use: u.use, areaM2: u.areaM2 })),
    materials,
    fees: c.fees.map((f) => ({ code: f.code, name: f.name, amountFen: f.amountFen })),
    feeTotalFen: c.feeTotalFen,
    blobs: hashes.map((hash) => blobOf(db, hash)),
  });
}

function blobOf(db: Db, hash: string): SubmittedBlob {
  const row = db.prepare('SELECT size, media_type FROM blobs WHERE hash = ?').get(hash) as { size: number; media_type: string } | undefined;
  // A file row without its blob row cannot happen (foreign keys); if it did, accepting must fail, not send a lie.
  if (!row) throw new Error(`blob ${hash.slice(0, 12)} of an accepted case has no blob record`);
  return { hash, size: row.size, mediaType: row.media_type };
}

/** The files of a stored submission body with the names they have in the case, for upload progress. */
export function blobsOfBody(body: string): Array<SubmittedBlob & { fileName: string | null }> {
  const parsed = JSON.parse(body) as { blobs: SubmittedBlob[]; materials: Array<{ files: Array<{ hash: string; fileName: string }> }>; parties: Array<{ name: string; signatureHash: string | null }> };
  const names = new Map<string, string>();
  for (const m of parsed.materials) for (const f of m.files) if (!names.has(f.hash)) names.set(f.hash, f.fileName);
  for (const p of parsed.parties) if (p.signatureHash && !names.has(p.signatureHash)) names.set(p.signatureHash, `${p.name}的签名`);
  return parsed.blobs.map((b) => ({ ...b, fileName: names.get(b.hash) ?? null }));
}

/**
 * The 登记类型 and 权利类型 of a case's business type, sent beside it: what 登簿 writes depends on
 * them (解封 cancels the 查封, a 居住权 首次 writes a 居住权). A catalogue key names both parts; a
 * first-release id is mapped through its catalogue entry.
 */
function catalogueParts(businessType: string): { registrationType?: string; rightType?: string } {
  const key = (LEGACY_BUSINESS_TYPE_MAP as Record<string, string>)[businessType] ?? businessType;
  const [registrationType, rightType] = key.split('.');
  return registrationType && rightType ? { registrationType, rightType } : {};
}
