import { toAuditRecordView, type AuditRow } from '../audit/audit-log';
import type { Db } from '../store/database';

export interface TimelineEntry {
  at: string;
  actor: string | null;
  action: string;
  result: string;
  detail: Record<string, unknown>;
}

/** Who the timeline names for changes that came from the change feed. */
export const PLATFORM_ACTOR = '省级平台';

/**
 * A case's history: what was done here (the audit records of `case:<id>`) and what the provincial
 * platform did (the changes applied from its feed, as `platform.<kind>`), merged in time order.
 * Platform times are the platform's clock; records with the same time keep local-first order.
 */
export function caseTimeline(db: Db, caseId: number): TimelineEntry[] {
  // Views are audited (once per session × case per 10 minutes) but are not the case's history.
  const local = (db.prepare("SELECT * FROM audit_log WHERE object = ? AND action <> 'cases.view' ORDER BY seq").all(`case:${caseId}`) as AuditRow[])
    .map(toAuditRecordView)
    .map((r) => ({ at: r.at, actor: r.actor, action: r.action, result: r.result, detail: r.detail }));
  const platform = (db.prepare('SELECT kind, at, data FROM platform_events WHERE case_id = ? ORDER BY id').all(caseId) as Array<{ kind: string; at: string; data: string }>).map(
    (e) => ({ at: e.at, actor: PLATFORM_ACTOR, action: `platform.${e.kind}`, result: 'success', detail: JSON.parse(e.data) as Record<string, unknown> }),
  );
  return mergeByTime(local, platform);
}

function mergeByTime(a: TimelineEntry[], b: TimelineEntry[]): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && Date.parse(a[i].at) <= Date.parse(b[j].at))) out.push(a[i++]);
    else out.push(b[j++]);
  }
  return out;
}
