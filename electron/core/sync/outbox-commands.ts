import { caseReads } from '../cases/case-repository';
import type { PersonalDataKeys } from '../crypto/personal-data';
import type { Db } from '../store/database';
import { submissionBody } from './case-submission';
import { outboxWrites } from './outbox-repository';

/**
 * The commands a case change owes the platform. Call them inside the transaction that makes the
 * change (ARCHITECTURE.md: the case row, the outbox command and the audit record commit together),
 * so an accepted case always has its submission queued and a failed acceptance queues nothing.
 */
export function enqueueSubmission(db: Db, keys: PersonalDataKeys, caseId: number, now: Date): number {
  const c = caseReads.byId(db, keys, caseId);
  if (!c) throw new Error(`case ${caseId} not found`);
  return outboxWrites.enqueue(db, keys, { caseId, kind: 'case.submit', body: submissionBody(db, c) }, now);
}

/**
 * The applicant withdrew a case the platform has (or will have: its submission is queued before
 * this, and commands of a case go in order). A case whose submission a supervisor gave up never
 * reaches the platform, so there is nothing to withdraw there: returns null.
 */
export function enqueueWithdrawal(db: Db, keys: PersonalDataKeys, caseId: number, reason: string, now: Date): number | null {
  const submitted = db.prepare("SELECT 1 FROM outbox WHERE case_id = ? AND kind = 'case.submit' AND state != 'cancelled'").get(caseId);
  if (!submitted) return null;
  return outboxWrites.enqueue(db, keys, { caseId, kind: 'case.withdraw', body: JSON.stringify({ reason, at: now.toISOString() }) }, now);
}
