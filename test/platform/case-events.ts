import { appendChange } from './change-feed';
import { setCaseStatus, type PlatformCase, type PlatformCaseStatus } from './case-repository';
import type { Db } from './database';
import { applyRegistration } from './register-effects';

/**
 * One event in a case's life, whoever causes it (the automatic decisions, a test through /admin, a
 * withdrawal): the change goes to the submitting office's feed, the case status follows, and 登簿
 * updates the register — all in the caller's transaction, so the feed never reports what the
 * platform does not hold.
 */
export function recordCaseEvent(db: Db, c: PlatformCase, kind: string, data: Record<string, unknown>, at: Date): string {
  const iso = at.toISOString();
  const cursor = appendChange(db, { office: c.office, caseNumber: c.caseNumber, kind, at: iso, data });
  const status = statusAfter(c.status, kind, data);
  if (status !== c.status) {
    setCaseStatus(db, c.caseNumber, status);
    c.status = status;
  }
  if (kind === 'registered') {
    const numbers = Array.isArray(data.certificateNumbers) ? data.certificateNumbers.filter((n): n is string => typeof n === 'string') : [];
    applyRegistration(db, c, numbers, typeof data.registeredAt === 'string' ? data.registeredAt : iso);
  }
  return cursor;
}

/** The case status an event leads to; registered and withdrawn are final. */
export function statusAfter(current: PlatformCaseStatus, kind: string, data: Record<string, unknown>): PlatformCaseStatus {
  if (current === 'registered' || current === 'withdrawn') return current;
  switch (kind) {
    case 'track.changed':
      return data.track === 'registration' && data.status === 'reviewing' ? 'reviewing' : current;
    case 'review.decision':
      if (data.decision === 'approve') return 'approved';
      if (data.decision === 'requisition') return 'requisitioned';
      if (data.decision === 'reject') return 'rejected';
      return current;
    case 'registered':
      return 'registered';
    case 'case.withdrawn':
      return 'withdrawn';
    default:
      return current;
  }
}
