import type { AutoDecisions } from './auto-decisions';
import type { BlobStore } from './blob-store';
import { recordCaseEvent } from './case-events';
import { findCase, insertCase, markWithdrawn } from './case-repository';
import { nextCounter, type Db } from './database';
import { errorBody, type Answer } from './http-io';
import { announceOfficeCase, findReview, setStage } from './office-review';
import { officeOfCn, officialNumber, officialNumberCounter, platformCaseId, yearInChina } from './numbers';
import type { Submission, Withdrawal } from './wire-schemas';

/**
 * The case commands of API.md (submission, withdrawal), as effects run inside the idempotency transaction (idempotency.ts).
 * Refusals that follow from the platform's state (CASE_EXISTS, CASE_NOT_FOUND, CASE_STATE_CONFLICT)
 * are returned as answers, so they are stored and replayed like successes.
 */
export interface CommandDeps {
  db: Db;
  blobs: BlobStore;
  auto: AutoDecisions;
  now: () => Date;
  /** Business types whose office review has a 复审 stage (API.md "Office review and 登簿"). */
  secondReviewTypes: readonly string[];
}

export type CommandAnswer = Answer & { caseNumber: string | null };

/** POST /api/v1/cases: the case, its expected files, `case.received` with the official number. */
export function submitCase(deps: CommandDeps, submitter: string, submission: Submission, bodyJson: string): CommandAnswer {
  const { db, blobs, auto } = deps;
  const caseNumber = submission.caseNumber;
  if (findCase(db, caseNumber)) {
    return { status: 409, body: errorBody('CASE_EXISTS', `案件 ${caseNumber} 已由另一请求提交，平台不重复受理。`), caseNumber };
  }
  const at = deps.now();
  const receivedAt = at.toISOString();
  const office = officeOfCn(submitter);
  const platformId = platformCaseId(nextCounter(db, 'case'));
  const year = yearInChina(at);
  const official = officialNumber(submission.officeCode, year, nextCounter(db, officialNumberCounter(submission.officeCode, year)));
  insertCase(db, { caseNumber, platformCaseId: platformId, officialNumber: official, office, submittedBy: submitter, businessType: submission.businessType, receivedAt }, bodyJson);

  submission.blobs.forEach((blob, i) => {
    blobs.expect(blob.hash, blob.size, blob.mediaType, `blobs.${i}.size`);
    db.prepare('INSERT INTO case_blobs (case_number, hash) VALUES (?, ?)').run(caseNumber, blob.hash);
  });
  const created = findCase(db, caseNumber)!;
  recordCaseEvent(db, created, 'case.received', { officialNumber: official, platformCaseId: platformId }, at);
  // Automatic decisions on: the platform plays the review as before. Off: the office reviews it.
  if (auto.current.enabled) auto.enrol(caseNumber);
  else {
    setStage(db, caseNumber, 'firstReview');
    announceOfficeCase(db, created, at, true);
  }

  const missingBlobs = submission.blobs.filter((blob) => !blobs.isComplete(blob.hash)).map((blob) => blob.hash);
  return { status: 201, body: { platformCaseId: platformId, receivedAt, missingBlobs }, caseNumber };
}

/** POST /api/v1/cases/{caseNumber}/withdrawal: 登簿 cannot be undone; a second withdrawal changes nothing. */
export function withdrawCase(deps: CommandDeps, submitter: string, caseNumber: string, withdrawal: Withdrawal): CommandAnswer {
  const { db, auto } = deps;
  const c = findCase(db, caseNumber);
  // Another office's case is answered as unknown: its existence is not this workstation's business.
  if (!c || c.office !== officeOfCn(submitter)) {
    return { status: 404, body: errorBody('CASE_NOT_FOUND', `平台没有案件 ${caseNumber}：请先提交案件。`), caseNumber };
  }
  if (c.status === 'registered') {
    return { status: 409, body: errorBody('CASE_STATE_CONFLICT', `案件 ${caseNumber} 已登簿，不能撤回。`), caseNumber };
  }
  if (c.status !== 'withdrawn') {
    const at = deps.now();
    markWithdrawn(db, caseNumber, withdrawal.at, withdrawal.reason);
    recordCaseEvent(db, c, 'case.withdrawn', { reason: withdrawal.reason }, at);
    auto.drop(caseNumber);
    if (findReview(db, caseNumber)) {
      setStage(db, caseNumber, 'withdrawn');
      announceOfficeCase(db, c, at, false);
    }
  }
  return { status: 200, body: { caseNumber, status: 'withdrawn' }, caseNumber };
}
