import { SEALED, sealParty, type PersonalDataKeys } from '../crypto/personal-data';
import type { Db } from '../store/database';
import type { Application, CaseRecord, CaseStatus, CoOwnership, FeeLine, Material, Party, SealRecord, Unit } from './case-record';

/**
 * Writes of cases (every INSERT/UPDATE/DELETE of the case tables lives here). Callers wrap them,
 * with the audit record and any outbox command, in one transaction (transition.ts, case-commit.ts).
 * ID numbers and phones are sealed (SM4-GCM) with their HMAC-SM3 lookup tags.
 */
export const caseWrites = {
  insertDraft(
    db: Db,
    c: { businessType: string; registrationType: string | null; rightType: string | null; createdBy: string; tracks: CaseRecord['tracks'] },
    now: Date,
  ): number {
    const at = now.toISOString();
    const info = db
      .prepare(
        `INSERT INTO cases (business_type, registration_type, right_type, status, track_registration, track_transaction, track_tax, created_at, created_by, updated_at)
         VALUES (?, ?, ?, 'draft', ?, ?, ?, ?, ?, ?)`,
      )
      .run(c.businessType, c.registrationType, c.rightType, c.tracks.registration, c.tracks.transaction, c.tracks.tax, at, c.createdBy, at);
    return Number(info.lastInsertRowid);
  },

  setCoOwnership(db: Db, id: number, coOwnership: CoOwnership | null, now: Date): void {
    db.prepare('UPDATE cases SET co_ownership = ?, updated_at = ? WHERE id = ?').run(coOwnership, now.toISOString(), id);
  },

  /** The application block; the mail recipient's phone is sealed apart from the JSON. */
  setApplication(db: Db, keys: PersonalDataKeys, id: number, application: Application): void {
    const { phone, ...collection } = application.collection;
    const stored = { ...application, collection: { ...collection, phone: null } };
    db.prepare('UPDATE cases SET application = ?, collection_phone_sealed = ? WHERE id = ?').run(
      JSON.stringify(stored),
      phone ? keys.seal(SEALED.collectionPhone, phone) : null,
      id,
    );
  },

  replaceParties(db: Db, keys: PersonalDataKeys, id: number, parties: Party[]): void {
    db.prepare('DELETE FROM case_parties WHERE case_id = ?').run(id);
    const insert = db.prepare(
      `INSERT INTO case_parties (case_id, ordinal, role, name, id_type, id_number_sealed, id_number_tag, phone_sealed, phone_tag, share, signature_blob, signed_at,
         address, postal_code, legal_rep, legal_rep_id_sealed, acts_for, agency, seal)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const p of parties) {
      const s = sealParty(keys, p);
      const rep = p.legalRepresentative;
      insert.run(
        id,
        p.ordinal,
        p.role,
        p.name,
        p.idType,
        s.id_number_sealed,
        s.id_number_tag,
        s.phone_sealed,
        s.phone_tag,
        p.share,
        p.signatureBlob,
        p.signedAt,
        p.address,
        p.postalCode,
        rep ? JSON.stringify({ title: rep.title, name: rep.name }) : null,
        rep && rep.idNumber ? keys.seal(SEALED.legalRepIdNumber, rep.idNumber) : null,
        JSON.stringify(p.actsFor),
        p.agency ? JSON.stringify(p.agency) : null,
        p.seal ? JSON.stringify(p.seal) : null,
      );
    }
  },

  setSignature(db: Db, id: number, ordinal: number, blobHash: string, now: Date): void {
    db.prepare('UPDATE case_parties SET signature_blob = ?, signed_at = ? WHERE case_id = ? AND ordinal = ?').run(blobHash, now.toISOString(), id, ordinal);
  },

  setSeal(db: Db, id: number, ordinal: number, seal: SealRecord): void {
    db.prepare('UPDATE case_parties SET seal = ? WHERE case_id = ? AND ordinal = ?').run(JSON.stringify(seal), id, ordinal);
  },

  replaceUnits(db: Db, id: number, units: Unit[]): void {
    db.prepare('DELETE FROM case_units WHERE case_id = ?').run(id);
    const insert = db.prepare(
      `INSERT INTO case_units (case_id, ordinal, unit_code, address, use, area_m2, area_value, area_unit, real_estate_type, planned_use, previous_certificate, previous_certificate_check)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const u of units) {
      insert.run(
        id,
        u.ordinal,
        u.unitCode,
        u.address,
        u.use,
        u.areaM2,
        u.area?.value ?? null,
        u.area?.unit ?? null,
        u.realEstateType,
        u.plannedUse,
        u.previousCertificateNumber,
        u.previousCertificateCheck,
      );
    }
  },

  replaceMaterials(db: Db, id: number, materials: Array<Omit<Material, 'files'>>): void {
    const keep = new Set(materials.map((m) => m.materialId));
    for (const row of db.prepare('SELECT id, material_id FROM case_materials WHERE case_id = ?').all(id) as Array<{ id: number; material_id: string }>) {
      if (!keep.has(row.material_id)) db.prepare('DELETE FROM case_materials WHERE id = ?').run(row.id);
    }
    const upsert = db.prepare(
      `INSERT INTO case_materials (case_id, material_id, name, required, received, copies, form, pages) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(case_id, material_id) DO UPDATE SET name = excluded.name, required = excluded.required,
         received = excluded.received, copies = excluded.copies, form = excluded.form, pages = excluded.pages`,
    );
    for (const m of materials) upsert.run(id, m.materialId, m.name, m.required ? 1 : 0, m.received ? 1 : 0, m.copies, m.form, m.pages);
  },

  attachFile(db: Db, id: number, materialId: string, blobHash: string, fileName: string): void {
    const row = db.prepare('SELECT id FROM case_materials WHERE case_id = ? AND material_id = ?').get(id, materialId) as { id: number } | undefined;
    if (!row) throw new Error(`material ${materialId} is not on case ${id}`);
    db.prepare('INSERT OR IGNORE INTO case_material_files (material_row, blob_hash, file_name) VALUES (?, ?, ?)').run(row.id, blobHash, fileName);
    db.prepare('UPDATE case_materials SET received = 1 WHERE id = ?').run(row.id);
  },

  replaceFees(db: Db, id: number, fees: FeeLine[], overrideReason: string | null, payer: string | null): void {
    db.prepare('DELETE FROM case_fees WHERE case_id = ?').run(id);
    const insert = db.prepare('INSERT INTO case_fees (case_id, code, name, amount_fen) VALUES (?, ?, ?, ?)');
    for (const f of fees) insert.run(id, f.code, f.name, f.amountFen);
    const total = fees.reduce((n, f) => n + f.amountFen, 0);
    db.prepare('UPDATE cases SET fee_total_fen = ?, fee_override_reason = ?, fee_payer = ? WHERE id = ?').run(total, overrideReason, payer, id);
  },

  setStatus(db: Db, id: number, status: CaseStatus, reason: string | null, now: Date): void {
    db.prepare('UPDATE cases SET status = ?, status_reason = ?, updated_at = ? WHERE id = ?').run(status, reason, now.toISOString(), id);
  },

  /** A platform change that repeats the state may still bring a reason (a withdrawal's confirmation). */
  setStatusKeepingReason(db: Db, id: number, status: CaseStatus, reason: string | null, now: Date): void {
    db.prepare('UPDATE cases SET status = ?, status_reason = COALESCE(?, status_reason), updated_at = ? WHERE id = ?').run(status, reason, now.toISOString(), id);
  },

  /** Where each parallel track stands (登记, 交易, 税务): opened by the intake, moved by the platform. */
  setTracks(db: Db, id: number, tracks: Partial<CaseRecord['tracks']>, now: Date): void {
    for (const track of ['registration', 'transaction', 'tax'] as const) {
      const value = tracks[track];
      if (value !== undefined) db.prepare(`UPDATE cases SET track_${track} = ?, updated_at = ? WHERE id = ?`).run(value, now.toISOString(), id);
    }
  },

  /** A case that ends ends on every track it had opened. */
  endTracks(db: Db, id: number): void {
    db.prepare(
      `UPDATE cases SET track_registration = 'cancelled',
         track_transaction = CASE track_transaction WHEN 'not_applicable' THEN 'not_applicable' ELSE 'cancelled' END,
         track_tax = CASE track_tax WHEN 'not_applicable' THEN 'not_applicable' ELSE 'cancelled' END WHERE id = ?`,
    ).run(id);
  },

  markAccepted(db: Db, id: number, a: { caseNumber: string; promisedDate: string; by: string }, now: Date): void {
    db.prepare('UPDATE cases SET case_number = ?, promised_date = ?, accepted_at = ?, accepted_by = ?, updated_at = ? WHERE id = ?').run(
      a.caseNumber,
      a.promisedDate,
      now.toISOString(),
      a.by,
      now.toISOString(),
      id,
    );
  },

  setDecision(db: Db, id: number, d: { groundIds: string[]; requisitionDeadline: string | null }): void {
    db.prepare('UPDATE cases SET decision_grounds = ?, requisition_deadline = ? WHERE id = ?').run(JSON.stringify(d.groundIds), d.requisitionDeadline, id);
  },

  setOfficialNumber(db: Db, id: number, officialNumber: string, now: Date): void {
    db.prepare('UPDATE cases SET official_number = ?, updated_at = ? WHERE id = ?').run(officialNumber, now.toISOString(), id);
  },

  setCertificateNumbers(db: Db, id: number, numbers: string[]): void {
    db.prepare("UPDATE cases SET certificate_numbers = ?, track_registration = 'registered' WHERE id = ?").run(JSON.stringify(numbers), id);
  },

  /** A notice number (notice-number.ts); a case keeps its first. */
  setNoticeNumber(db: Db, id: number, noticeNumber: string): void {
    db.prepare('UPDATE cases SET notice_number = ? WHERE id = ? AND notice_number IS NULL').run(noticeNumber, id);
  },

  /** The next sequence number of a day, allocated inside the caller's transaction. */
  nextSequence(db: Db, day: string): number {
    const row = db
      .prepare('INSERT INTO case_number_sequence (day, last) VALUES (?, 1) ON CONFLICT(day) DO UPDATE SET last = last + 1 RETURNING last')
      .get(day) as { last: number };
    return row.last;
  },
};
