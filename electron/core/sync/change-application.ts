import { z } from 'zod';
import { caseReads, caseWrites } from '../cases/case-repository';
import { indexCase } from '../cases/case-search';
import { ENDED_STATES } from '../cases/lifecycle';
import { applyPlatformEvent } from '../cases/transition';
import type { Db } from '../store/database';
import type { ChangesAnswer, FeedChange } from './platform-answers';
import { syncState } from './sync-state';
import type { PersonalDataKeys } from '../crypto/personal-data';
import { applyOfficeCase } from '../review/office-cache';
import { issuedReason, platformIssuanceSchema } from '../issuance/office-case-issuance';
import { applyECertificateState } from '../certificates/e-certificate-delivery';

/**
 * Applies one page of the change feed in one transaction, together with the cursor after it, so a
 * crash leaves either the page and its cursor or neither: the next read resumes exactly after the
 * last change applied (and a change delivered twice is recorded once, by its cursor). Changes of
 * cases this workstation does not hold (a neighbouring counter of the same office submitted them)
 * only move the cursor. Returns the ids of the local cases that changed.
 */
export function applyChangesPage(db: Db, page: ChangesAnswer, now: Date, log: (m: string) => void, keys?: PersonalDataKeys): number[] {
  const touched = new Set<number>();
  db.transaction(() => {
    for (const change of page.changes) {
      const caseId = applyChange(db, change, now, log, keys);
      if (caseId !== null) touched.add(caseId);
    }
    const cursor = page.changes.at(-1)?.cursor ?? page.cursor;
    if (cursor !== null) syncState.set(db, 'feed_cursor', cursor);
    syncState.set(db, 'last_pull_at', now.toISOString());
  })();
  return [...touched];
}

/**
 * Records one change as a platform event of its case and applies it to the case. A change whose
 * data does not match its kind, or of a kind this version does not know, is kept as an event (the
 * timeline shows it) without touching the case; applying it runs in a savepoint, so a change that
 * cannot be applied never blocks the feed behind it.
 */
export function applyChange(db: Db, change: FeedChange, now: Date, log: (m: string) => void, keys?: PersonalDataKeys): number | null {
  // `office.case` is the office's review queue (API.md "Office review and 登簿"), not an event of
  // the case's own timeline: it fills the office cache (review/office-cache.ts) that the review
  // desks work from; the counter's cases show the decisions it leads to, not the claims.
  // `ecertificate.state` (API.md "E-certificates"): 现势/注销 of an e-certificate a desk of this office produced.
  if (change.kind === 'ecertificate.state') {
    try {
      db.transaction(() => applyECertificateState(db, change.data, log))();
    } catch (err) {
      log(`ecertificate.state (cursor ${change.cursor}) not applied: ${(err as Error).message}`);
    }
    return null;
  }
  if (change.kind === 'office.case') {
    if (keys) {
      try {
        db.transaction(() => applyOfficeCase(db, keys, change.caseNumber, change.at, change.data, now, log))();
      } catch (err) {
        log(`office.case (cursor ${change.cursor}) of ${change.caseNumber} not applied: ${(err as Error).message}`);
      }
    }
    return null;
  }
  const row = caseReads.stateByNumber(db, change.caseNumber);
  if (!row) return null;
  const inserted = db
    .prepare('INSERT OR IGNORE INTO platform_events (case_id, cursor, kind, at, data, received_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(row.id, change.cursor, change.kind, change.at, JSON.stringify(change.data), now.toISOString());
  if (inserted.changes === 0) return null;
  try {
    db.transaction(() => applyToCase(db, row.id, change, now, log))();
  } catch (err) {
    log(`platform change ${change.kind} (cursor ${change.cursor}) of case ${row.id} not applied: ${(err as Error).message}`);
  }
  return row.id;
}

const trackSchema = z.enum(['registration', 'transaction', 'tax']);
const DATA = {
  'case.received': z.object({ officialNumber: z.string().min(1).max(64), platformCaseId: z.string().optional() }),
  'track.changed': z.object({ track: trackSchema, status: z.string().min(1).max(40), label: z.string().optional() }),
  'tax.notice': z.object({ items: z.array(z.object({ name: z.string(), amountFen: z.number() })).optional(), totalFen: z.number().optional() }),
  'payment.result': z.object({ paid: z.boolean() }),
  'review.decision': z.object({ decision: z.enum(['approve', 'requisition', 'reject']), reasons: z.array(z.string()).default([]) }),
  registered: z.object({ registeredAt: z.string().optional(), certificateNumbers: z.array(z.string().min(1)) }),
  'case.withdrawn': z.object({ reason: z.string().optional() }),
  issued: platformIssuanceSchema,
} as const;

function applyToCase(db: Db, caseId: number, change: FeedChange, now: Date, log: (m: string) => void): void {
  const schema = DATA[change.kind as keyof typeof DATA];
  if (!schema) return; // A kind this version does not know: recorded, not applied.
  const parsed = schema.safeParse(change.data);
  if (!parsed.success) {
    log(`platform change ${change.kind} (cursor ${change.cursor}) has malformed data at ${parsed.error.issues[0]?.path.join('.')}`);
    return;
  }
  const status = caseReads.statusOf(db, caseId);
  if (!status) return;
  const ended = ENDED_STATES.includes(status);
  const setTrack = (track: z.infer<typeof trackSchema>, value: string) => {
    if (!ended) caseWrites.setTracks(db, caseId, { [track]: value }, now);
  };
  // State changes are rows of the case lifecycle (core/cases/lifecycle.ts): a late or repeated
  // change finds the case in a state its row does not start from and changes nothing.
  const data = parsed.data as Record<string, unknown>;
  switch (change.kind) {
    case 'case.received': {
      const d = data as z.infer<(typeof DATA)['case.received']>;
      caseWrites.setOfficialNumber(db, caseId, d.officialNumber, now);
      applyPlatformEvent(db, caseId, 'platform.received', now);
      const c = caseReads.searchable(db, caseId);
      if (c) indexCase(db, c); // the official number is searchable
      return;
    }
    case 'track.changed': {
      const d = data as z.infer<(typeof DATA)['track.changed']>;
      setTrack(d.track, d.status);
      if (d.track === 'registration' && d.status === 'reviewing') applyPlatformEvent(db, caseId, 'platform.reviewing', now);
      return;
    }
    case 'tax.notice':
      return setTrack('tax', 'notified');
    case 'payment.result': {
      // One payment step covers the office's registration fees and, where 税务 assessed any, the
      // taxes. Only a payment after a tax notice says anything about tax: a mortgage's 80 元 fee
      // (no tax track) or a fee paid before any assessment leaves the tax track as it is.
      const tax = (db.prepare('SELECT track_tax AS tax FROM cases WHERE id = ?').get(caseId) as { tax: string } | undefined)?.tax;
      if (tax !== 'notified' && tax !== 'unpaid') return;
      return setTrack('tax', (data as { paid: boolean }).paid ? 'paid' : 'unpaid');
    }
    case 'review.decision': {
      const d = data as z.infer<(typeof DATA)['review.decision']>;
      const reasons = d.reasons.join('；');
      if (d.decision === 'approve') applyPlatformEvent(db, caseId, 'platform.approved', now);
      // 不予登记 (条例 第22条) decided in review.
      else if (d.decision === 'reject') applyPlatformEvent(db, caseId, 'platform.refused', now, { reason: reasons || '审核不予登记' });
      // 补正 asked by the reviewer after acceptance: the case waits for the applicant's papers.
      else applyPlatformEvent(db, caseId, 'platform.supplementRequested', now, { reason: `审核要求补正：${reasons || '请补充材料'}` });
      return;
    }
    case 'registered': {
      const d = data as z.infer<(typeof DATA)['registered']>;
      // 登簿 is final; a local withdrawal the platform did not take gives way (the lifecycle's rule).
      const wasWithdrawn = status === 'withdrawn';
      applyPlatformEvent(db, caseId, 'platform.registered', now, {
        reason: wasWithdrawn ? '撤回未生效：平台已登簿' : null,
        write: (w) => caseWrites.setCertificateNumbers(w, caseId, d.certificateNumbers),
      });
      return;
    }
    case 'issued': {
      applyPlatformEvent(db, caseId, 'platform.issued', now, { reason: issuedReason(data as z.infer<(typeof DATA)['issued']>) });
      return;
    }
    case 'case.withdrawn': {
      const d = data as z.infer<(typeof DATA)['case.withdrawn']>;
      applyPlatformEvent(db, caseId, 'platform.withdrawn', now, { reason: d.reason ?? null, keepReason: true });
      return;
    }
  }
  log(`platform change kind ${change.kind} has no handler`);
}
