import { AppError, type BusinessType, type CaseView } from '../../../contract';
import { requireSession, type CallContext } from '../../services';
import { caseSyncStateOf } from '../../sync/case-sync-state';
import type { CaseRecord } from '../case-record';
import { caseReads } from '../case-repository';
import { toCaseView } from '../case-view';

/** The office's business type of this id (configuration may have changed or disabled it). */
export function businessTypeOf(ctx: CallContext, id: string): BusinessType {
  const type = ctx.services.businessTypes().find((t) => t.id === id);
  if (!type) throw new AppError('UNKNOWN_BUSINESS_TYPE');
  return type;
}

/** The case the call works on, loaded once (its parties' numbers opened). */
export function loadCase(ctx: CallContext, id: number): CaseRecord {
  const c = caseReads.byId(ctx.services.db(), ctx.services.keys, id);
  if (!c) throw new AppError('CASE_NOT_FOUND');
  return c;
}

/** The case as the session's screens see it, with what the session's role may do now. */
export function caseViewOf(ctx: CallContext, c: CaseRecord, type: BusinessType = businessTypeOf(ctx, c.businessType)): CaseView {
  return toCaseView(c, type, caseSyncStateOf(ctx.services.db(), c.id), requireSession(ctx).role);
}

/** After a change: the case read back as it was committed, as a view. */
export function committedView(ctx: CallContext, id: number, type?: BusinessType): CaseView {
  return caseViewOf(ctx, loadCase(ctx, id), type);
}
