import { z } from 'zod';
import type { CaseStatus } from '../cases/case-record';
import { caseReads } from '../cases/case-repository';
import { indexCase } from '../cases/case-search';
import type { Db } from '../store/database';
import type { ChangesAnswer, FeedChange } from './platform-answers';
import { syncState } from './sync-state';

/**
 * How far along its life a case is. The platform is authoritative after submission, but the feed
 * can deliver a late or repeated change (a review step after 登簿 was already applied, a change
 * replayed after a restart): a status only ever moves to a higher rank. Withdrawn, rejected and
 * closed are ends. Draft and requisitioned are before acceptance and never come from the feed.
 */
export const STATUS_RANK: Record<CaseStatus, number> = {
  draft: 0,
  requisitioned: 0,
  accepted: 1,
  submitted: 2,
  reviewing: 3,
  approved: 4,
  registered: 5,
  certified: 6,
  delivered: 7,
  closed: 9,
  rejected: 9,
  withdrawn: 9,
};
const ENDED: readonly CaseStatus[] = ['withdrawn', 'rejected', 'closed'];

/**
 * Applies one page of the change feed in one transaction, together with the cursor after it, so a
 * crash leaves either the page and its cursor or neither: the next read resumes exactly after the
 * last change applied (and a change delivered twice is recorded once, by its cursor). Changes of
 * cases this workstation does not hold (a neighbouring counter of the same office submitted them)
 * only move the cursor. Returns the ids of the local cases that changed.
 */
export function applyChangesPage(db: Db, page: ChangesAnswer, now: Date, log: (m: string) => void): number[] {
  const touched = new Set<number>();
  db.transaction(() => {
    for (const change of page.changes) {
      const caseId = applyChange(db, change, now, log);
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
export function applyChange(db: Db, change: FeedChange, now: Date, log: (m: string) => void): number | null {
  const row = db.prepare('SELECT id FROM cases WHERE case_number = ?').get(change.caseNumber) as { id: number } | undefined;
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
} as const;

function applyToCase(db: Db, caseId: number, change: FeedChange, now: Date, log: (m: string) => void): void {
  const schema = DATA[change.kind as keyof typeof DATA];
  if (!schema) return; // A kind this version does not know: recorded, not applied.
  const parsed = schema.safeParse(change.data);
  if (!parsed.success) {
    log(`platform change ${change.kind} (cursor ${change.cursor}) has malformed data at ${parsed.error.issues[0]?.path.join('.')}`);
    return;
  }
  const status = (db.prepare('SELECT status FROM cases WHERE id = ?').get(caseId) as { status: CaseStatus }).status;
  const ended = ENDED.includes(status);
  const at = now.toISOString();
  const setTrack = (track: z.infer<typeof trackSchema>, value: string) => {
    if (!ended) db.prepare(`UPDATE cases SET track_${track} = ?, updated_at = ? WHERE id = ?`).run(value, at, caseId);
  };
  const advance = (to: CaseStatus, reason: string | null = null) => {
    if (STATUS_RANK[to] > STATUS_RANK[status]) db.prepare('UPDATE cases SET status = ?, status_reason = ?, updated_at = ? WHERE id = ?').run(to, reason, at, caseId);
  };
  const data = parsed.data as Record<string, unknown>;
  switch (change.kind) {
    case 'case.received': {
      const d = data as z.infer<(typeof DATA)['case.received']>;
      db.prepare('UPDATE cases SET official_number = ?, updated_at = ? WHERE id = ?').run(d.officialNumber, at, caseId);
      advance('submitted');
      const c = caseReads.searchable(db, caseId);
      if (c) indexCase(db, c); // the official number is searchable
      return;
    }
    case 'track.changed': {
      const d = data as z.infer<(typeof DATA)['track.changed']>;
      setTrack(d.track, d.status);
      if (d.track === 'registration' && d.status === 'reviewing') advance('reviewing');
      return;
    }
    case 'tax.notice':
      return setTrack('tax', 'notified');
    case 'payment.result':
      return setTrack('tax', (data as { paid: boolean }).paid ? 'paid' : 'unpaid');
    case 'review.decision': {
      const d = data as z.infer<(typeof DATA)['review.decision']>;
      const reasons = d.reasons.join('；');
      if (d.decision === 'approve') return advance('approved');
      if (d.decision === 'reject') return advance('rejected', reasons || '审核不予登记');
      // 补正 asked by the reviewer after acceptance: the case stays under review, waiting for the
      // applicant's papers. The counter's `requisitioned` is a different moment — the one-time
      // notice before acceptance (case-transitions.ts) — and going back to it would reopen the
      // intake form of a case the platform already holds.
      if (STATUS_RANK[status] <= STATUS_RANK.reviewing) {
        db.prepare("UPDATE cases SET status = 'reviewing', status_reason = ?, updated_at = ? WHERE id = ?").run(`审核要求补正：${reasons || '请补充材料'}`, at, caseId);
      }
      return;
    }
    case 'registered': {
      const d = data as z.infer<(typeof DATA)['registered']>;
      // 登簿 is final, and the platform never registers a case whose withdrawal it executed: a local
      // withdrawal the platform did not confirm (its request came too late, a dead letter now) gives way.
      const withdrawalNotTaken = status === 'withdrawn' && !db.prepare("SELECT 1 FROM platform_events WHERE case_id = ? AND kind = 'case.withdrawn'").get(caseId);
      if (STATUS_RANK.registered > STATUS_RANK[status] || withdrawalNotTaken) {
        db.prepare("UPDATE cases SET status = 'registered', status_reason = ?, certificate_numbers = ?, track_registration = 'registered', updated_at = ? WHERE id = ?").run(
          withdrawalNotTaken ? '撤回未生效：平台已登簿' : null,
          JSON.stringify(d.certificateNumbers),
          at,
          caseId,
        );
      }
      return;
    }
    case 'case.withdrawn': {
      const d = data as z.infer<(typeof DATA)['case.withdrawn']>;
      if (status === 'withdrawn' || STATUS_RANK.withdrawn > STATUS_RANK[status]) {
        db.prepare(
          `UPDATE cases SET status = 'withdrawn', status_reason = COALESCE(?, status_reason), updated_at = ?,
             track_registration = 'cancelled',
             track_transaction = CASE track_transaction WHEN 'not_applicable' THEN 'not_applicable' ELSE 'cancelled' END,
             track_tax = CASE track_tax WHEN 'not_applicable' THEN 'not_applicable' ELSE 'cancelled' END
           WHERE id = ?`,
        ).run(d.reason ?? null, at, caseId);
      }
      return;
    }
  }
  log(`platform change kind ${change.kind} has no handler`);
}
