import { z } from 'zod';
import { maskName, maskPersonalText, type ReviewClaim, type ReviewDecision, type ReviewStage } from '../../contract';
import { SEALED, type PersonalDataKeys } from '../crypto/personal-data';
import type { Db } from '../store/database';
import { applyOfficeCaseIssuance } from '../issuance/office-case-issuance';

/**
 * The office's cases on this workstation (migration 0010), filled from the platform's feed kind
 * `office.case` (API.md "Office review and 登簿"). The platform is the shared record: the stage and
 * the claim are the platform's; this cache only lets desks work offline.
 */

const claimSchema = z.object({ userId: z.string(), name: z.string(), workstation: z.string().nullable(), since: z.string() });

export const officeCaseDataSchema = z.object({
  platformCaseId: z.string().nullable().optional(),
  officialNumber: z.string().nullable().optional(),
  stage: z.enum(['firstReview', 'secondReview', 'registration', 'supplementing', 'registered', 'refused', 'withdrawn', 'issued']).nullable(),
  claim: claimSchema.nullable(),
  promisedDate: z.string().nullable().optional(),
  submittedBy: z.object({ workstation: z.string(), clerkName: z.string().nullable().optional() }),
  case: z.record(z.string(), z.unknown()).optional(),
  /** Issue #12: the numbers 登簿 issued, what was printed, how it was issued (issuance/office-case-issuance.ts). */
  certificateNumbers: z.array(z.string()).optional(),
  printed: z.array(z.object({ number: z.string(), formSerial: z.string().nullable().optional(), at: z.string().nullable().optional() })).optional(),
  issuance: z.record(z.string(), z.unknown()).nullable().optional(),
});
export type OfficeCaseData = z.infer<typeof officeCaseDataSchema>;

/** The submission body fields review reads (case-submission.ts builds it; unknown fields are kept). */
export interface SubmissionBody {
  caseNumber: string;
  businessType: string;
  registrationType?: string | null;
  acceptedAt?: string | null;
  acceptedBy?: string | null;
  promisedDate?: string | null;
  coOwnership?: 'sole' | 'joint' | 'shares' | null;
  parties: Array<{ ordinal: number; role: 'holder' | 'obligor' | 'agent'; name: string; idType?: string; idNumber?: string; phone?: string | null; share?: string | null }>;
  units: Array<{ unitCode: string; address: string; use: string; areaM2?: number | null; previousCertificateNumber?: string | null }>;
  materials: Array<{ materialId: string; name: string; copies?: number; form?: 'original' | 'copy' | null; pages?: number | null; files: Array<{ hash: string; fileName?: string | null }> }>;
  blobs?: Array<{ hash: string; size: number; mediaType: string }>;
  supplements?: Array<{ at: string; note: string; materials: Array<{ name: string; sm3: string }> }>;
}

export interface OfficeCaseRow {
  id: number;
  caseNumber: string;
  platformCaseId: string | null;
  officialNumber: string | null;
  stage: ReviewStage;
  claim: ReviewClaim | null;
  promisedDate: string | null;
  workstation: string;
  clerkName: string;
  acceptedBy: string | null;
  acceptedAt: string | null;
  businessType: string;
  names: string;
  addresses: string;
  certificateNumbers: string[];
  pendingDecision: ReviewDecision | null;
  pendingStage: string | null;
  localCaseId: number | null;
  hasBody: boolean;
}

interface Row {
  id: number;
  case_number: string;
  platform_case_id: string | null;
  official_number: string | null;
  stage: ReviewStage;
  claim_user_id: string | null;
  claim_name: string | null;
  claim_workstation: string | null;
  claim_since: string | null;
  promised_date: string | null;
  workstation: string;
  clerk_name: string;
  accepted_by: string | null;
  accepted_at: string | null;
  business_type: string;
  names: string;
  addresses: string;
  certificate_numbers: string;
  pending_decision: ReviewDecision | null;
  pending_stage: string | null;
  local_case_id: number | null;
  has_body: number;
}

const COLUMNS = `id, case_number, platform_case_id, official_number, stage, claim_user_id, claim_name, claim_workstation, claim_since, promised_date,
  workstation, clerk_name, accepted_by, accepted_at, business_type, names, addresses, certificate_numbers, pending_decision, pending_stage,
  local_case_id, body_sealed IS NOT NULL AS has_body`;

export function toOfficeCase(r: Row): OfficeCaseRow {
  return {
    id: r.id,
    caseNumber: r.case_number,
    platformCaseId: r.platform_case_id,
    officialNumber: r.official_number,
    stage: r.stage,
    claim: r.claim_user_id ? { userId: r.claim_user_id, name: r.claim_name ?? '', workstation: r.claim_workstation, since: r.claim_since ?? '' } : null,
    promisedDate: r.promised_date,
    workstation: r.workstation,
    clerkName: r.clerk_name,
    acceptedBy: r.accepted_by,
    acceptedAt: r.accepted_at,
    businessType: r.business_type,
    names: r.names,
    addresses: r.addresses,
    certificateNumbers: JSON.parse(r.certificate_numbers) as string[],
    pendingDecision: r.pending_decision,
    pendingStage: r.pending_stage,
    localCaseId: r.local_case_id,
    hasBody: r.has_body === 1,
  };
}

export const officeCases = {
  byId(db: Db, id: number): OfficeCaseRow | undefined {
    const r = db.prepare(`SELECT ${COLUMNS} FROM office_cases WHERE id = ?`).get(id) as Row | undefined;
    return r ? toOfficeCase(r) : undefined;
  },

  byNumber(db: Db, caseNumber: string): OfficeCaseRow | undefined {
    const r = db.prepare(`SELECT ${COLUMNS} FROM office_cases WHERE case_number = ?`).get(caseNumber) as Row | undefined;
    return r ? toOfficeCase(r) : undefined;
  },

  /** The application, opened (it holds full ID numbers: callers mask before anything leaves core). */
  body(db: Db, keys: PersonalDataKeys, id: number): SubmissionBody | null {
    const r = db.prepare('SELECT body_sealed FROM office_cases WHERE id = ?').get(id) as { body_sealed: Buffer | null } | undefined;
    if (!r?.body_sealed) return null;
    return JSON.parse(keys.openText(SEALED.officeCaseBody, r.body_sealed)) as SubmissionBody;
  },

  events(db: Db, id: number): Array<{ at: string; stage: string | null; decision: string | null; opinion: string | null; actor: string | null }> {
    return db.prepare('SELECT at, stage, decision, opinion, actor FROM office_case_events WHERE office_case_id = ? ORDER BY id').all(id) as never;
  },

  addEvent(db: Db, id: number, e: { at: string; stage: string | null; decision?: string | null; opinion?: string | null; actor?: string | null }): void {
    db.prepare('INSERT INTO office_case_events (office_case_id, at, stage, decision, opinion, actor) VALUES (?, ?, ?, ?, ?, ?)').run(
      id,
      e.at,
      e.stage,
      e.decision ?? null,
      e.opinion ?? null,
      e.actor ?? null,
    );
  },

  setClaim(db: Db, id: number, claim: ReviewClaim | null, now: Date): void {
    db.prepare('UPDATE office_cases SET claim_user_id = ?, claim_name = ?, claim_workstation = ?, claim_since = ?, updated_at = ? WHERE id = ?').run(
      claim?.userId ?? null,
      claim?.name ?? null,
      claim?.workstation ?? null,
      claim?.since ?? null,
      now.toISOString(),
      id,
    );
  },

  setStage(db: Db, id: number, stage: ReviewStage, now: Date): void {
    db.prepare('UPDATE office_cases SET stage = ?, updated_at = ? WHERE id = ?').run(stage, now.toISOString(), id);
  },

  setPending(db: Db, id: number, decision: ReviewDecision | null, stage: string | null, now: Date): void {
    db.prepare('UPDATE office_cases SET pending_decision = ?, pending_stage = ?, updated_at = ? WHERE id = ?').run(decision, stage, now.toISOString(), id);
  },

  setCertificateNumbers(db: Db, id: number, numbers: string[], now: Date): void {
    db.prepare('UPDATE office_cases SET certificate_numbers = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(numbers), now.toISOString(), id);
  },
};

/**
 * Applies one `office.case` change: the case's row is created (first change, with the body) or
 * updated (stage, claim; a new body after a 补正). A stage the case left ends a decision made here
 * that was still waiting (the platform took it, or someone else decided first). Returns the row id,
 * or null for a change that is not about the office's review (stage null: the platform decides it
 * automatically) or is malformed.
 */
export function applyOfficeCase(db: Db, keys: PersonalDataKeys, caseNumber: string, at: string, raw: unknown, now: Date, log: (m: string) => void): number | null {
  const parsed = officeCaseDataSchema.safeParse(raw);
  if (!parsed.success) {
    log(`office.case of ${caseNumber} has malformed data at ${parsed.error.issues[0]?.path.join('.')}`);
    return null;
  }
  const d = parsed.data;
  if (d.stage === null) return null;
  const existing = officeCases.byNumber(db, caseNumber);
  const body = d.case as SubmissionBody | undefined;
  const local = db.prepare('SELECT id FROM cases WHERE case_number = ?').get(caseNumber) as { id: number } | undefined;
  const iso = now.toISOString();
  let id: number;
  if (!existing) {
    if (!body) {
      // A stage change of a case whose first change this workstation never saw (its feed started later): kept without body.
      log(`office.case of ${caseNumber} arrived without its application; cached without it`);
    }
    const info = db
      .prepare(
        `INSERT INTO office_cases (case_number, platform_case_id, official_number, stage, promised_date, workstation, clerk_name, updated_at, local_case_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(caseNumber, d.platformCaseId ?? null, d.officialNumber ?? null, d.stage, d.promisedDate ?? null, d.submittedBy.workstation, d.submittedBy.clerkName ?? '', iso, local?.id ?? null);
    id = Number(info.lastInsertRowid);
    officeCases.addEvent(db, id, { at, stage: d.stage, actor: d.submittedBy.clerkName ?? null, decision: 'accepted' });
  } else {
    id = existing.id;
    db.prepare(
      `UPDATE office_cases SET platform_case_id = coalesce(?, platform_case_id), official_number = coalesce(?, official_number), stage = ?,
         promised_date = coalesce(?, promised_date), updated_at = ?, local_case_id = coalesce(local_case_id, ?) WHERE id = ?`,
    ).run(d.platformCaseId ?? null, d.officialNumber ?? null, d.stage, d.promisedDate ?? null, iso, local?.id ?? null, id);
    if (existing.stage !== d.stage) officeCases.addEvent(db, id, { at, stage: d.stage });
    if (existing.pendingDecision && existing.pendingStage !== d.stage) officeCases.setPending(db, id, null, null, now);
  }
  officeCases.setClaim(db, id, d.claim, now);
  if (body) writeBody(db, keys, id, body);
  applyOfficeCaseIssuance(db, id, d, now, log);
  return id;
}

/** Stores the application sealed, and the queue's columns copied out of it (masked). */
function writeBody(db: Db, keys: PersonalDataKeys, id: number, body: SubmissionBody): void {
  const names = body.parties.filter((p) => p.role !== 'agent').map((p) => maskName(p.name)).join('、');
  const addresses = body.units.map((u) => maskPersonalText(u.address)).join('；');
  db.prepare(
    `UPDATE office_cases SET body_sealed = ?, business_type = ?, names = ?, addresses = ?, accepted_by = ?, accepted_at = ?,
       promised_date = coalesce(promised_date, ?) WHERE id = ?`,
  ).run(keys.seal(SEALED.officeCaseBody, JSON.stringify(body)), body.businessType, names, addresses, body.acceptedBy ?? null, body.acceptedAt ?? null, body.promisedDate ?? null, id);
}
