import { idNumberTag, openParty, sealParty, type PersonalDataKeys } from '../crypto/personal-data';
import type { Db } from '../store/database';
import type { CaseRecord, CaseStatus, CoOwnership, FeeLine, Material, Party, Unit } from './case-record';

interface CaseRow {
  id: number;
  case_number: string | null;
  official_number: string | null;
  business_type: string;
  status: CaseStatus;
  co_ownership: CoOwnership | null;
  track_registration: string;
  track_transaction: string;
  track_tax: string;
  fee_total_fen: number;
  fee_override_reason: string | null;
  promised_date: string | null;
  created_at: string;
  created_by: string;
  accepted_at: string | null;
  accepted_by: string | null;
  updated_at: string;
  status_reason: string | null;
  certificate_numbers: string;
}

/**
 * Reads of cases. Parties' ID numbers and phones are sealed at rest (SM4-GCM, `keys`): reads open
 * them, writes seal them and keep their HMAC-SM3 lookup tags.
 */
export const caseReads = {
  byId(db: Db, keys: PersonalDataKeys, id: number): CaseRecord | undefined {
    const row = db.prepare('SELECT * FROM cases WHERE id = ?').get(id) as CaseRow | undefined;
    return row ? assemble(db, keys, row) : undefined;
  },

  byNumber(db: Db, keys: PersonalDataKeys, caseNumber: string): CaseRecord | undefined {
    const row = db.prepare('SELECT * FROM cases WHERE case_number = ?').get(caseNumber) as CaseRow | undefined;
    return row ? assemble(db, keys, row) : undefined;
  },

  /** The ids of cases with a party of this ID number (exact match through the lookup tag). */
  idsByIdNumber(db: Db, keys: PersonalDataKeys, idNumber: string): number[] {
    return (db.prepare('SELECT DISTINCT case_id FROM case_parties WHERE id_number_tag = ? ORDER BY case_id').all(idNumberTag(keys, idNumber)) as Array<{ case_id: number }>).map(
      (r) => r.case_id,
    );
  },

  /** What the search index needs (names, numbers, units): no personal data is opened. */
  searchable(db: Db, id: number): SearchableCase | undefined {
    const row = db.prepare('SELECT id, case_number, official_number FROM cases WHERE id = ?').get(id) as
      | { id: number; case_number: string | null; official_number: string | null }
      | undefined;
    if (!row) return undefined;
    const parties = db.prepare('SELECT name FROM case_parties WHERE case_id = ? ORDER BY ordinal').all(id) as Array<{ name: string }>;
    return { id: row.id, caseNumber: row.case_number, officialNumber: row.official_number, parties, units: unitsOf(db, id) };
  },
};

/** The fields of a case the search index holds. */
export interface SearchableCase {
  id: number;
  caseNumber: string | null;
  officialNumber: string | null;
  parties: Array<Pick<Party, 'name'>>;
  units: Unit[];
}

/** Writes of cases. Callers wrap them, with the audit record, in one transaction. */
export const caseWrites = {
  insertDraft(db: Db, c: { businessType: string; createdBy: string; tracks: CaseRecord['tracks'] }, now: Date): number {
    const at = now.toISOString();
    const info = db
      .prepare(
        `INSERT INTO cases (business_type, status, track_registration, track_transaction, track_tax, created_at, created_by, updated_at)
         VALUES (?, 'draft', ?, ?, ?, ?, ?, ?)`,
      )
      .run(c.businessType, c.tracks.registration, c.tracks.transaction, c.tracks.tax, at, c.createdBy, at);
    return Number(info.lastInsertRowid);
  },

  setCoOwnership(db: Db, id: number, coOwnership: CoOwnership | null, now: Date): void {
    db.prepare('UPDATE cases SET co_ownership = ?, updated_at = ? WHERE id = ?').run(coOwnership, now.toISOString(), id);
  },

  replaceParties(db: Db, keys: PersonalDataKeys, id: number, parties: Party[]): void {
    db.prepare('DELETE FROM case_parties WHERE case_id = ?').run(id);
    const insert = db.prepare(
      `INSERT INTO case_parties (case_id, ordinal, role, name, id_type, id_number_sealed, id_number_tag, phone_sealed, phone_tag, share, signature_blob, signed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const p of parties) {
      const s = sealParty(keys, p);
      insert.run(id, p.ordinal, p.role, p.name, p.idType, s.id_number_sealed, s.id_number_tag, s.phone_sealed, s.phone_tag, p.share, p.signatureBlob, p.signedAt);
    }
  },

  setSignature(db: Db, id: number, ordinal: number, blobHash: string, now: Date): void {
    db.prepare('UPDATE case_parties SET signature_blob = ?, signed_at = ? WHERE case_id = ? AND ordinal = ?').run(blobHash, now.toISOString(), id, ordinal);
  },

  replaceUnits(db: Db, id: number, units: Unit[]): void {
    db.prepare('DELETE FROM case_units WHERE case_id = ?').run(id);
    const insert = db.prepare('INSERT INTO case_units (case_id, ordinal, unit_code, address, use, area_m2) VALUES (?, ?, ?, ?, ?, ?)');
    for (const u of units) insert.run(id, u.ordinal, u.unitCode, u.address, u.use, u.areaM2);
  },

  replaceMaterials(db: Db, id: number, materials: Array<Omit<Material, 'files'>>): void {
    const keep = new Set(materials.map((m) => m.materialId));
    for (const row of db.prepare('SELECT id, material_id FROM case_materials WHERE case_id = ?').all(id) as Array<{ id: number; material_id: string }>) {
      if (!keep.has(row.material_id)) db.prepare('DELETE FROM case_materials WHERE id = ?').run(row.id);
    }
    const upsert = db.prepare(
      `INSERT INTO case_materials (case_id, material_id, name, required, received, copies) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(case_id, material_id) DO UPDATE SET name = excluded.name, required = excluded.required,
         received = excluded.received, copies = excluded.copies`,
    );
    for (const m of materials) upsert.run(id, m.materialId, m.name, m.required ? 1 : 0, m.received ? 1 : 0, m.copies);
  },

  attachFile(db: Db, id: number, materialId: string, blobHash: string, fileName: string): void {
    const row = db.prepare('SELECT id FROM case_materials WHERE case_id = ? AND material_id = ?').get(id, materialId) as { id: number } | undefined;
    if (!row) throw new Error(`material ${materialId} is not on case ${id}`);
    db.prepare('INSERT OR IGNORE INTO case_material_files (material_row, blob_hash, file_name) VALUES (?, ?, ?)').run(row.id, blobHash, fileName);
    db.prepare('UPDATE case_materials SET received = 1 WHERE id = ?').run(row.id);
  },

  replaceFees(db: Db, id: number, fees: FeeLine[], overrideReason: string | null): void {
    db.prepare('DELETE FROM case_fees WHERE case_id = ?').run(id);
    const insert = db.prepare('INSERT INTO case_fees (case_id, code, name, amount_fen) VALUES (?, ?, ?, ?)');
    for (const f of fees) insert.run(id, f.code, f.name, f.amountFen);
    const total = fees.reduce((n, f) => n + f.amountFen, 0);
    db.prepare('UPDATE cases SET fee_total_fen = ?, fee_override_reason = ? WHERE id = ?').run(total, overrideReason, id);
  },

  setStatus(db: Db, id: number, status: CaseStatus, reason: string | null, now: Date): void {
    db.prepare('UPDATE cases SET status = ?, status_reason = ?, updated_at = ? WHERE id = ?').run(status, reason, now.toISOString(), id);
  },

  markAccepted(db: Db, id: number, a: { caseNumber: string; promisedDate: string; by: string }, now: Date): void {
    db.prepare(
      "UPDATE cases SET status = 'accepted', case_number = ?, promised_date = ?, accepted_at = ?, accepted_by = ?, updated_at = ? WHERE id = ?",
    ).run(a.caseNumber, a.promisedDate, now.toISOString(), a.by, now.toISOString(), id);
  },

  /** The next sequence number of a day, allocated inside the caller's transaction. */
  nextSequence(db: Db, day: string): number {
    const row = db
      .prepare('INSERT INTO case_number_sequence (day, last) VALUES (?, 1) ON CONFLICT(day) DO UPDATE SET last = last + 1 RETURNING last')
      .get(day) as { last: number };
    return row.last;
  },
};

function unitsOf(db: Db, caseId: number): Unit[] {
  return (
    db.prepare('SELECT * FROM case_units WHERE case_id = ? ORDER BY ordinal').all(caseId) as Array<{
      ordinal: number;
      unit_code: string;
      address: string;
      use: Unit['use'];
      area_m2: number | null;
    }>
  ).map((u) => ({ ordinal: u.ordinal, unitCode: u.unit_code, address: u.address, use: u.use, areaM2: u.area_m2 }));
}

function assemble(db: Db, keys: PersonalDataKeys, r: CaseRow): CaseRecord {
  const parties = (
    db.prepare('SELECT * FROM case_parties WHERE case_id = ? ORDER BY ordinal').all(r.id) as Array<{
      ordinal: number;
      role: Party['role'];
      name: string;
      id_type: string;
      id_number_sealed: Buffer;
      phone_sealed: Buffer | null;
      share: string | null;
      signature_blob: string | null;
      signed_at: string | null;
    }>
  ).map((p) => ({
    ordinal: p.ordinal,
    role: p.role,
    name: p.name,
    idType: p.id_type,
    ...openParty(keys, p),
    share: p.share,
    signatureBlob: p.signature_blob,
    signedAt: p.signed_at,
  }));
  const units = unitsOf(db, r.id);
  const fileRows = db
    .prepare(
      `SELECT m.material_id, f.blob_hash, f.file_name FROM case_material_files f JOIN case_materials m ON m.id = f.material_row
       WHERE m.case_id = ? ORDER BY f.rowid`,
    )
    .all(r.id) as Array<{ material_id: string; blob_hash: string; file_name: string }>;
  const materials = (
    db.prepare('SELECT * FROM case_materials WHERE case_id = ? ORDER BY id').all(r.id) as Array<{
      material_id: string;
      name: string;
      required: number;
      received: number;
      copies: number;
    }>
  ).map((m) => ({
    materialId: m.material_id,
    name: m.name,
    required: m.required === 1,
    received: m.received === 1,
    copies: m.copies,
    files: fileRows.filter((f) => f.material_id === m.material_id).map((f) => ({ blobHash: f.blob_hash, fileName: f.file_name })),
  }));
  const fees = (db.prepare('SELECT code, name, amount_fen FROM case_fees WHERE case_id = ? ORDER BY id').all(r.id) as Array<{
    code: string;
    name: string;
    amount_fen: number;
  }>).map((f) => ({ code: f.code, name: f.name, amountFen: f.amount_fen }));
  return {
    id: r.id,
    caseNumber: r.case_number,
    officialNumber: r.official_number,
    certificateNumbers: JSON.parse(r.certificate_numbers) as string[],
    businessType: r.business_type,
    status: r.status,
    coOwnership: r.co_ownership,
    tracks: { registration: r.track_registration, transaction: r.track_transaction, tax: r.track_tax },
    feeTotalFen: r.fee_total_fen,
    feeOverrideReason: r.fee_override_reason,
    promisedDate: r.promised_date,
    createdAt: r.created_at,
    createdBy: r.created_by,
    acceptedAt: r.accepted_at,
    acceptedBy: r.accepted_by,
    updatedAt: r.updated_at,
    statusReason: r.status_reason,
    parties,
    units,
    materials,
    fees,
  };
}
