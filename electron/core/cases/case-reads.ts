import { idNumberTag, openParty, SEALED, type PersonalDataKeys } from '../crypto/personal-data';
import type { Db } from '../store/database';
import { APPLICATION_DEFAULTS, type ApplicationInput } from '../../contract';
import type { CaseRecord, CaseStatus, CoOwnership, Material, Party, SealRecord, Unit } from './case-record';

interface CaseRow {
  id: number;
  case_number: string | null;
  official_number: string | null;
  business_type: string;
  registration_type: string | null;
  right_type: string | null;
  status: CaseStatus;
  co_ownership: CoOwnership | null;
  track_registration: string;
  track_transaction: string;
  track_tax: string;
  fee_total_fen: number;
  fee_override_reason: string | null;
  fee_payer: string | null;
  promised_date: string | null;
  created_at: string;
  created_by: string;
  accepted_at: string | null;
  accepted_by: string | null;
  updated_at: string;
  status_reason: string | null;
  certificate_numbers: string;
  requisition_deadline: string | null;
  notice_number: string | null;
  decision_grounds: string;
  application: string;
  collection_phone_sealed: Buffer | null;
}

interface PartyRow {
  ordinal: number;
  role: Party['role'];
  name: string;
  id_type: string;
  id_number_sealed: Buffer;
  phone_sealed: Buffer | null;
  share: string | null;
  signature_blob: string | null;
  signed_at: string | null;
  address: string | null;
  postal_code: string | null;
  legal_rep: string | null;
  legal_rep_id_sealed: Buffer | null;
  acts_for: string;
  agency: string | null;
  seal: string | null;
}

interface UnitRow {
  ordinal: number;
  unit_code: string;
  address: string;
  use: Unit['use'];
  area_m2: number | null;
  area_value: number | null;
  area_unit: 'm2' | 'mu' | 'hectare' | null;
  real_estate_type: Unit['realEstateType'];
  planned_use: string | null;
  previous_certificate: string | null;
  previous_certificate_check: Unit['previousCertificateCheck'];
}

/** The fields of a case the search index holds. */
export interface SearchableCase {
  id: number;
  caseNumber: string | null;
  officialNumber: string | null;
  parties: Array<Pick<Party, 'name'>>;
  units: Unit[];
}

/** A unit as the newest case that names it recorded it. */
export interface KnownUnit {
  unitCode: string;
  address: string;
  use: Unit['use'];
  areaM2: number | null;
  cases: Array<{ id: number; caseNumber: string | null; businessType: string; status: CaseStatus }>;
}

/**
 * Reads of cases (every SELECT of the case tables lives here or in case-search.ts). Parties' ID
 * numbers and phones are sealed at rest (SM4-GCM, `keys`): reads open them.
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

  /** The id and state of the local case with this number (the change feed names cases by number). */
  stateByNumber(db: Db, caseNumber: string): { id: number; status: CaseStatus } | undefined {
    return db.prepare('SELECT id, status FROM cases WHERE case_number = ?').get(caseNumber) as { id: number; status: CaseStatus } | undefined;
  },

  statusOf(db: Db, id: number): CaseStatus | undefined {
    return (db.prepare('SELECT status FROM cases WHERE id = ?').get(id) as { status: CaseStatus } | undefined)?.status;
  },

  /** The ids of cases with a party of this ID number (exact match through the lookup tag). */
  idsByIdNumber(db: Db, keys: PersonalDataKeys, idNumber: string): number[] {
    const tag = idNumberTag(keys, idNumber);
    return (db.prepare('SELECT DISTINCT case_id FROM case_parties WHERE id_number_tag = ? ORDER BY case_id').all(tag) as Array<{ case_id: number }>).map((r) => r.case_id);
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

  /** The newest record of a unit in earlier cases, with up to 10 cases that name it. */
  knownUnit(db: Db, unitCode: string): KnownUnit | null {
    const latest = db.prepare('SELECT unit_code, address, use, area_m2 FROM case_units WHERE unit_code = ? ORDER BY case_id DESC LIMIT 1').get(unitCode) as
      | { unit_code: string; address: string; use: Unit['use']; area_m2: number | null }
      | undefined;
    if (!latest) return null;
    const cases = db
      .prepare(
        `SELECT DISTINCT c.id, c.case_number AS caseNumber, c.business_type AS businessType, c.status FROM cases c
         JOIN case_units u ON u.case_id = c.id WHERE u.unit_code = ? ORDER BY c.id DESC LIMIT 10`,
      )
      .all(unitCode) as KnownUnit['cases'];
    return { unitCode: latest.unit_code, address: latest.address, use: latest.use, areaM2: latest.area_m2, cases };
  },

  /** Whether the platform reported executing this case's withdrawal (a `case.withdrawn` event). */
  withdrawalTakenByPlatform(db: Db, id: number): boolean {
    return db.prepare("SELECT 1 FROM platform_events WHERE case_id = ? AND kind = 'case.withdrawn'").get(id) !== undefined;
  },
};

function unitsOf(db: Db, caseId: number): Unit[] {
  return (db.prepare('SELECT * FROM case_units WHERE case_id = ? ORDER BY ordinal').all(caseId) as UnitRow[]).map((u) => ({
    ordinal: u.ordinal,
    unitCode: u.unit_code,
    address: u.address,
    use: u.use,
    areaM2: u.area_m2,
    area: u.area_value !== null && u.area_unit !== null ? { value: u.area_value, unit: u.area_unit } : null,
    realEstateType: u.real_estate_type,
    plannedUse: u.planned_use,
    previousCertificateNumber: u.previous_certificate,
    previousCertificateCheck: u.previous_certificate_check,
  }));
}

function json<T>(text: string | null, fallback: T): T {
  return text === null ? fallback : (JSON.parse(text) as T);
}

function partyOf(keys: PersonalDataKeys, p: PartyRow): Party {
  const rep = json<{ title: 'legalRepresentative' | 'responsiblePerson'; name: string } | null>(p.legal_rep, null);
  return {
    ordinal: p.ordinal,
    role: p.role,
    name: p.name,
    idType: p.id_type,
    ...openParty(keys, p),
    share: p.share,
    signatureBlob: p.signature_blob,
    signedAt: p.signed_at,
    address: p.address,
    postalCode: p.postal_code,
    legalRepresentative: rep
      ? { ...rep, idNumber: p.legal_rep_id_sealed ? keys.openText(SEALED.legalRepIdNumber, p.legal_rep_id_sealed) : '' }
      : null,
    actsFor: json<number[]>(p.acts_for, []),
    agency: json<Party['agency']>(p.agency, null),
    seal: json<SealRecord | null>(p.seal, null),
  };
}

function applicationOf(keys: PersonalDataKeys, r: CaseRow): ApplicationInput {
  const stored = json<Partial<ApplicationInput>>(r.application, {});
  const application: ApplicationInput = { ...APPLICATION_DEFAULTS, ...stored };
  const phone = r.collection_phone_sealed ? keys.openText(SEALED.collectionPhone, r.collection_phone_sealed) : null;
  return { ...application, collection: { ...application.collection, phone } };
}

function assemble(db: Db, keys: PersonalDataKeys, r: CaseRow): CaseRecord {
  const parties = (db.prepare('SELECT * FROM case_parties WHERE case_id = ? ORDER BY ordinal').all(r.id) as PartyRow[]).map((p) => partyOf(keys, p));
  const fileRows = db
    .prepare(
      `SELECT m.material_id, f.blob_hash, f.file_name FROM case_material_files f JOIN case_materials m ON m.id = f.material_row
       WHERE m.case_id = ? ORDER BY f.rowid`,
    )
    .all(r.id) as Array<{ material_id: string; blob_hash: string; file_name: string }>;
  const materials: Material[] = (
    db.prepare('SELECT * FROM case_materials WHERE case_id = ? ORDER BY id').all(r.id) as Array<{
      material_id: string;
      name: string;
      required: number;
      received: number;
      copies: number;
      form: 'original' | 'copy' | null;
      pages: number | null;
    }>
  ).map((m) => ({
    materialId: m.material_id,
    name: m.name,
    required: m.required === 1,
    received: m.received === 1,
    copies: m.copies,
    form: m.form,
    pages: m.pages,
    files: fileRows.filter((f) => f.material_id === m.material_id).map((f) => ({ blobHash: f.blob_hash, fileName: f.file_name })),
  }));
  const fees = (db.prepare('SELECT code, name, amount_fen FROM case_fees WHERE case_id = ? ORDER BY id').all(r.id) as Array<{ code: string; name: string; amount_fen: number }>).map(
    (f) => ({ code: f.code, name: f.name, amountFen: f.amount_fen }),
  );
  return {
    id: r.id,
    caseNumber: r.case_number,
    officialNumber: r.official_number,
    certificateNumbers: JSON.parse(r.certificate_numbers) as string[],
    businessType: r.business_type,
    registrationType: r.registration_type,
    rightType: r.right_type,
    status: r.status,
    coOwnership: r.co_ownership,
    tracks: { registration: r.track_registration, transaction: r.track_transaction, tax: r.track_tax },
    feeTotalFen: r.fee_total_fen,
    feeOverrideReason: r.fee_override_reason,
    feePayer: r.fee_payer,
    requisitionDeadline: r.requisition_deadline,
    noticeNumber: r.notice_number,
    decisionGroundIds: JSON.parse(r.decision_grounds) as string[],
    application: applicationOf(keys, r),
    promisedDate: r.promised_date,
    createdAt: r.created_at,
    createdBy: r.created_by,
    acceptedAt: r.accepted_at,
    acceptedBy: r.accepted_by,
    updatedAt: r.updated_at,
    statusReason: r.status_reason,
    parties,
    units: unitsOf(db, r.id),
    materials,
    fees,
  };
}
