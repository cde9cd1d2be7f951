import { AppError, type CatalogEntry, type CaseAction } from '../../contract';
import type { Db } from '../store/database';
import { audit, requireSession, type CallContext } from '../services';
import { enqueueSubmission, enqueueWithdrawal } from '../sync/outbox-commands';
import type { CaseRecord } from './case-record';
import { caseReads, caseWrites } from './case-repository';
import { indexCase } from './case-search';
import { lifecycleRow, performableBy, type LifecycleRow, type PlatformEvent } from './lifecycle';
import { failedRules, type RuleFacts } from './lifecycle-rules';

/** What one call adds to the row it performs. */
export interface ActionStep {
  /** The status reason shown with the new state (补正 list, 撤回 reason …). */
  reason?: string | null;
  /** Legal grounds and reasons in words of a decision (checked by `decision-grounds-given`). */
  groundIds?: readonly string[];
  reasons?: readonly string[];
  /** The call's own writes (the parties of a save, a case number …), in the same transaction. */
  write?: (db: Db) => void;
  /** The audit record's detail. */
  detail?: Record<string, unknown>;
  /**
   * The audit action when one row is performed by several methods (the `edit` row: saving the
   * form, attaching a scan, changing fees by hand — each audited under its own method name).
   */
  auditAction?: string;
}

/**
 * Performs a staff row of the lifecycle table on a case loaded by the caller: finds the row for
 * the action and the case's state (none: CASE_STATE_CONFLICT), checks the session's role and the
 * row's named rules (a failure is audited and refused with the rule's own code), then writes, in
 * ONE transaction, the call's own changes, the new state, the tracks it ends, the outbox command it
 * queues, the search entry and the audit record. The sync engine is woken after the commit.
 */
export function performAction(ctx: CallContext, c: CaseRecord, type: CatalogEntry, action: CaseAction, step: ActionStep = {}): LifecycleRow {
  const session = requireSession(ctx);
  const row = lifecycleRow(action, c.status);
  if (!row) throw new AppError('CASE_STATE_CONFLICT', undefined, { status: c.status, action });
  if (!performableBy(row, session.role)) throw new AppError('CASE_ACTION_NOT_ALLOWED', undefined, { status: c.status, action, role: session.role });
  const db = ctx.services.db();
  const facts: RuleFacts = { type, groundIds: step.groundIds ?? [], reasons: step.reasons ?? [], withdrawalTakenByPlatform: false };
  const failures = failedRules(row.rules, c, facts);
  if (failures.length > 0) {
    const results = failures.flatMap((f) => f.results);
    audit(ctx, { action: step.auditAction ?? row.audit, object: `case:${c.id}`, result: 'failure', detail: { rules: results.map((r) => r.rule) } });
    const code = failures[0].code;
    const message = code === 'CASE_RULES_NOT_MET' ? `受理条件未满足：${results.flatMap((r) => r.reasons).join('；')}` : undefined;
    throw new AppError(code, message, { rules: results.map((r) => ({ rule: r.rule, reasons: r.reasons })) });
  }
  db.transaction(() => {
    step.write?.(db);
    if (row.to !== null) caseWrites.setStatus(db, c.id, row.to, step.reason ?? null, ctx.now);
    if (row.endsTracks) caseWrites.endTracks(db, c.id);
    if (row.outbox === 'case.submit') enqueueSubmission(db, ctx.services.keys, c.id, ctx.now);
    if (row.outbox === 'case.withdraw') enqueueWithdrawal(db, ctx.services.keys, c.id, step.reason ?? '', ctx.now);
    const searchable = caseReads.searchable(db, c.id);
    if (searchable) indexCase(db, searchable);
    audit(ctx, { action: step.auditAction ?? row.audit, object: `case:${c.id}`, result: 'success', detail: step.detail ?? {} });
  })();
  if (row.outbox) ctx.services.sync?.notify();
  return row;
}

/** What a platform change adds to its row. */
export interface PlatformStep {
  reason?: string | null;
  /** A change that repeats the state keeps the stored reason when it brings none. */
  keepReason?: boolean;
  write?: (db: Db) => void;
}

/**
 * Applies a platform row of the lifecycle table (the change feed) inside the caller's transaction.
 * A change that finds its case in a state no row of its kind starts from (late, repeated, or after
 * an end) changes nothing and returns false.
 */
export function applyPlatformEvent(db: Db, caseId: number, event: PlatformEvent, now: Date, step: PlatformStep = {}): boolean {
  const status = caseReads.statusOf(db, caseId);
  if (!status) return false;
  const row = lifecycleRow(event, status);
  if (!row) return false;
  if (row.rules.length > 0) {
    const facts: RuleFacts = { type: null, groundIds: [], reasons: [], withdrawalTakenByPlatform: caseReads.withdrawalTakenByPlatform(db, caseId) };
    if (failedRules(row.rules, null, facts).length > 0) return false;
  }
  step.write?.(db);
  if (row.to !== null) {
    if (step.keepReason) caseWrites.setStatusKeepingReason(db, caseId, row.to, step.reason ?? null, now);
    else caseWrites.setStatus(db, caseId, row.to, step.reason ?? null, now);
  }
  if (row.endsTracks) caseWrites.endTracks(db, caseId);
  return true;
}
