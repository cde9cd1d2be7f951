import type { Db } from '../store/database';

/**
 * May a downloaded update be installed now? An update restarts the app and may migrate the
 * database, so it waits while anything could be lost or left half-done: commands the platform
 * has not yet received (pending, or dead letters a supervisor must still resend or cancel) and
 * cases a clerk is still working on at the counter (drafts, cases accepted but not yet handed to
 * the outbox). Never reads personal data: counts only.
 */
export interface UpdateBlockers {
  /** Outbox commands not yet delivered (state 'pending'). */
  unsentCommands: number;
  /** Outbox commands the platform refused (state 'dead'): still unsent until resent or cancelled. */
  deadLetters: number;
  /** Cases being entered at the counter (status 'draft'). */
  openDrafts: number;
  /** Cases accepted locally and not yet submitted (status 'accepted'). */
  acceptedNotSubmitted: number;
}

export type UpdateDecision = { apply: true } | { apply: false; reasons: string[] };

/** The decision from the counts; the reasons are shown to the administrator and logged. */
export function decideUpdate(b: UpdateBlockers): UpdateDecision {
  const reasons: string[] = [];
  if (b.unsentCommands > 0) reasons.push(`尚有 ${b.unsentCommands} 条指令未发送到省级平台`);
  if (b.deadLetters > 0) reasons.push(`尚有 ${b.deadLetters} 条被平台拒收的指令待处理（平台同步页重发或作废）`);
  if (b.openDrafts > 0) reasons.push(`尚有 ${b.openDrafts} 件正在录入的案件`);
  if (b.acceptedNotSubmitted > 0) reasons.push(`尚有 ${b.acceptedNotSubmitted} 件已受理未提交的案件`);
  return reasons.length ? { apply: false, reasons } : { apply: true };
}

/** Reads the counts in one read transaction, so they describe one moment. */
export function readUpdateBlockers(db: Db): UpdateBlockers {
  return db.transaction(() => {
    const outbox = db.prepare(`SELECT state, count(*) AS n FROM outbox WHERE state IN ('pending','dead') GROUP BY state`).all() as Array<{ state: string; n: number }>;
    const cases = db.prepare(`SELECT status, count(*) AS n FROM cases WHERE status IN ('draft','accepted') GROUP BY status`).all() as Array<{ status: string; n: number }>;
    const count = <T extends { n: number }>(rows: T[], pick: (r: T) => boolean) => rows.find(pick)?.n ?? 0;
    return {
      unsentCommands: count(outbox, (r) => r.state === 'pending'),
      deadLetters: count(outbox, (r) => r.state === 'dead'),
      openDrafts: count(cases, (r) => r.status === 'draft'),
      acceptedNotSubmitted: count(cases, (r) => r.status === 'accepted'),
    };
  })();
}

/** The decision for a workstation's database. */
export function mayApplyUpdate(db: Db): UpdateDecision {
  return decideUpdate(readUpdateBlockers(db));
}
