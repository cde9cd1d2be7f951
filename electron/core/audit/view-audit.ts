import type { Session } from '../auth/sessions';
import { audit, type CallContext } from '../services';

/** One view record per session × object per this many ms (DOMAIN.md §8 audit of views). */
export const VIEW_AUDIT_WINDOW_MS = 10 * 60_000;

/** When each session last had a view of each object recorded; a new session starts afresh. */
const lastRecorded = new WeakMap<Session, Map<string, number>>();

/**
 * Audits a view of personal data (a case's parties, a search listing names) without flooding the
 * log: the renderer refetches the same case after every change and on focus, so a view is
 * recorded once per session × object (× action) per 10 minutes. Changes, prints, exports and
 * reveals are audited on every call by their handlers; this is for reads only.
 */
export function auditView(ctx: CallContext, action: string, object: string, detail: Record<string, unknown> = {}, key = object): void {
  const session = ctx.session;
  const at = ctx.now.getTime();
  if (session) {
    let seen = lastRecorded.get(session);
    if (!seen) lastRecorded.set(session, (seen = new Map()));
    const k = `${action}|${key}`;
    const last = seen.get(k);
    if (last !== undefined && at - last >= 0 && at - last < VIEW_AUDIT_WINDOW_MS) return;
    seen.set(k, at);
  }
  audit(ctx, { action, object, result: 'success', detail });
}
