import { printedOf, registeredNumbersOf } from './certificate-prints';
import { appendChange } from './change-feed';
import type { PlatformCase } from './case-repository';
import type { Db } from './database';
import type { Actor, OfficeStage } from './review-schemas';
import { issuanceForFeed } from './issuance-commands';

/**
 * The office's own review of a case (API.md "Office review and 登簿"): its stage and who holds it,
 * one row per case in `office_reviews`, and the `office.case` change every workstation of the office
 * reads. A claim is a column of that row, so two workstations claiming at once meet in SQLite's one
 * writer: the first commit wins, the second sees the holder.
 */
export interface Claim {
  userId: string;
  name: string;
  workstation: string | null;
  since: string;
}

export interface OfficeReview {
  caseNumber: string;
  stage: OfficeStage;
  claim: Claim | null;
  certificatePrinted: boolean;
}

interface ReviewRow {
  case_number: string;
  stage: OfficeStage;
  claim_user_id: string | null;
  claim_name: string | null;
  claim_workstation: string | null;
  claim_since: string | null;
  certificate_printed: number;
}

export function findReview(db: Db, caseNumber: string): OfficeReview | null {
  const row = db.prepare('SELECT * FROM office_reviews WHERE case_number = ?').get(caseNumber) as ReviewRow | undefined;
  if (!row) return null;
  return {
    caseNumber: row.case_number,
    stage: row.stage,
    claim: row.claim_user_id ? { userId: row.claim_user_id, name: row.claim_name ?? '', workstation: row.claim_workstation, since: row.claim_since ?? '' } : null,
    certificatePrinted: row.certificate_printed === 1,
  };
}

export function setStage(db: Db, caseNumber: string, stage: OfficeStage): void {
  db.prepare(
    `INSERT INTO office_reviews (case_number, stage) VALUES (?, ?)
     ON CONFLICT(case_number) DO UPDATE SET stage = excluded.stage, claim_user_id = NULL, claim_name = NULL, claim_role = NULL, claim_workstation = NULL, claim_since = NULL`,
  ).run(caseNumber, stage);
}

export function setClaim(db: Db, caseNumber: string, claim: (Claim & { role: string | null }) | null): void {
  db.prepare('UPDATE office_reviews SET claim_user_id = ?, claim_name = ?, claim_role = ?, claim_workstation = ?, claim_since = ? WHERE case_number = ?').run(
    claim?.userId ?? null,
    claim?.name ?? null,
    claim?.role ?? null,
    claim?.workstation ?? null,
    claim?.since ?? null,
    caseNumber,
  );
}

export function setCertificatePrinted(db: Db, caseNumber: string, printed: boolean): void {
  db.prepare('UPDATE office_reviews SET certificate_printed = ? WHERE case_number = ?').run(printed ? 1 : 0, caseNumber);
}

/** One line of the case's review history (decisions, 补正 received, 登簿, 登簿退回, reassignments). */
export function recordHistory(db: Db, entry: { caseNumber: string; stage: string; action: string; detail: Record<string, unknown>; actor: Actor; workstation: string; at: string }): void {
  db.prepare('INSERT INTO review_history (case_number, stage, action, detail, actor, workstation, at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    entry.caseNumber,
    entry.stage,
    entry.action,
    JSON.stringify(entry.detail),
    JSON.stringify(entry.actor),
    entry.workstation,
    entry.at,
  );
}

export function historyOf(db: Db, caseNumber: string): Array<{ stage: string; action: string; detail: unknown; actor: Actor; workstation: string; at: string }> {
  const rows = db.prepare('SELECT stage, action, detail, actor, workstation, at FROM review_history WHERE case_number = ? ORDER BY seq').all(caseNumber) as Array<{
    stage: string;
    action: string;
    detail: string;
    actor: string;
    workstation: string;
    at: string;
  }>;
  return rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) as unknown, actor: JSON.parse(r.actor) as Actor }));
}

/**
 * Appends `office.case` to the office's feed with the row as it is now. `withBody` adds the
 * application as the platform holds it (first entry into review, and after a 补正).
 */
export function announceOfficeCase(db: Db, c: PlatformCase, at: Date, withBody: boolean): void {
  const review = findReview(db, c.caseNumber);
  const raw = db.prepare('SELECT body FROM cases WHERE case_number = ?').get(c.caseNumber) as { body: string };
  const body = JSON.parse(raw.body) as Record<string, unknown>;
  const clerkName = typeof body.acceptedByName === 'string' ? body.acceptedByName : c.body.acceptedBy;
  appendChange(db, {
    office: c.office,
    caseNumber: c.caseNumber,
    kind: 'office.case',
    at: at.toISOString(),
    data: {
      platformCaseId: c.platformCaseId,
      officialNumber: c.officialNumber,
      stage: review?.stage ?? null,
      claim: review?.claim ?? null,
      promisedDate: c.body.promisedDate,
      submittedBy: { workstation: c.submittedBy, clerkName },
      // The print queue of every desk of the office is built from these (issue #12 part 4).
      ...(review?.stage === 'registered' ? { certificateNumbers: registeredNumbersOf(db, c.caseNumber), printed: printedOf(db, c.caseNumber) } : {}),
      ...(withBody ? { case: body } : {}),
      ...issueFields(db, c.caseNumber, review?.stage ?? null),
    },
  });
}

/**
 * Issue #12's fields of `office.case` once a case is registered: the numbers its 登簿 issued (the
 * last one not undone) and, after 发证, the issuance (masked).
 */
function issueFields(db: Db, caseNumber: string, stage: OfficeStage | null): Record<string, unknown> {
  if (stage !== 'registered' && stage !== 'issued') return {};
  const numbers = registeredNumbersOf(db, caseNumber);
  // The prints 缮证 recorded; without any, the administration flag (tests, training) stands for "all printed".
  const recorded = printedOf(db, caseNumber);
  const printed = recorded.length > 0 ? { printed: recorded } : findReview(db, caseNumber)?.certificatePrinted ? { printed: numbers.map((number) => ({ number, formSerial: null, at: null })) } : {};
  return { certificateNumbers: numbers, ...printed, issuance: issuanceForFeed(db, caseNumber) };
}
