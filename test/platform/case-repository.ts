import type { Db } from './database';
import type { Submission } from './wire-schemas';

/**
 * Cases as the platform holds them. Status follows the feed: received → reviewing → approved →
 * registered, or requisitioned / rejected by a review decision, or withdrawn.
 */
export type PlatformCaseStatus = 'received' | 'reviewing' | 'requisitioned' | 'approved' | 'rejected' | 'registered' | 'withdrawn';

export interface PlatformCase {
  caseNumber: string;
  platformCaseId: string;
  officialNumber: string;
  /** The submitter's office (from its certificate): whose feed carries the case. */
  office: string;
  submittedBy: string;
  businessType: string;
  body: Submission;
  status: PlatformCaseStatus;
  receivedAt: string;
  withdrawnAt: string | null;
  withdrawalReason: string | null;
}

interface CaseRow {
  case_number: string;
  platform_case_id: string;
  official_number: string;
  office: string;
  submitted_by: string;
  business_type: string;
  body: string;
  status: PlatformCaseStatus;
  received_at: string;
  withdrawn_at: string | null;
  withdrawal_reason: string | null;
}

export function findCase(db: Db, caseNumber: string): PlatformCase | null {
  const row = db.prepare('SELECT * FROM cases WHERE case_number = ?').get(caseNumber) as CaseRow | undefined;
  return row ? fromRow(row) : null;
}

export function allCases(db: Db): PlatformCase[] {
  return (db.prepare('SELECT * FROM cases ORDER BY seq').all() as CaseRow[]).map(fromRow);
}

/** `bodyJson` is the body exactly as sent (validated), unknown fields included. */
export function insertCase(db: Db, c: Omit<PlatformCase, 'body' | 'status' | 'withdrawnAt' | 'withdrawalReason'>, bodyJson: string): void {
  db.prepare(
    `INSERT INTO cases (case_number, platform_case_id, official_number, office, submitted_by, business_type, body, status, received_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'received', ?)`,
  ).run(c.caseNumber, c.platformCaseId, c.officialNumber, c.office, c.submittedBy, c.businessType, bodyJson, c.receivedAt);
}

export function setCaseStatus(db: Db, caseNumber: string, status: PlatformCaseStatus): void {
  db.prepare('UPDATE cases SET status = ? WHERE case_number = ?').run(status, caseNumber);
}

export function markWithdrawn(db: Db, caseNumber: string, at: string, reason: string): void {
  db.prepare("UPDATE cases SET status = 'withdrawn', withdrawn_at = ?, withdrawal_reason = ? WHERE case_number = ?").run(at, reason, caseNumber);
}

function fromRow(row: CaseRow): PlatformCase {
  return {
    caseNumber: row.case_number,
    platformCaseId: row.platform_case_id,
    officialNumber: row.official_number,
    office: row.office,
    submittedBy: row.submitted_by,
    businessType: row.business_type,
    body: JSON.parse(row.body) as Submission,
    status: row.status,
    receivedAt: row.received_at,
    withdrawnAt: row.withdrawn_at,
    withdrawalReason: row.withdrawal_reason,
  };
}
