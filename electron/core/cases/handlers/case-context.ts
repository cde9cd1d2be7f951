import { userReads } from '../../auth/users-repository';
import { AppError, resolveBusinessType, shanghaiDate, type CatalogEntry, type CaseView } from '../../../contract';
import { requireSession, type CallContext } from '../../services';
import { caseSyncStateOf } from '../../sync/case-sync-state';
import { caseFeePieces } from '../case-fee-quote';
import type { CaseRecord } from '../case-record';
import { caseReads } from '../case-repository';
import { toCaseView } from '../case-view';
import { officeCalendar } from '../office-calendar';
import { addWorkingDays } from '../working-days';

/**
 * The catalogue entry of a stored business type: a catalogue key (transfer.stateLandHouse) or a
 * first-release id (transfer), which the catalogue maps (LEGACY_BUSINESS_TYPE_MAP).
 */
export function businessTypeOf(ctx: CallContext, id: string): CatalogEntry {
  const type = resolveBusinessType(ctx.services.catalog(), id);
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
export function caseViewOf(ctx: CallContext, c: CaseRecord, type: CatalogEntry = businessTypeOf(ctx, c.businessType)): CaseView {
  const pieces = caseFeePieces(type, c.units, ctx.services.config.value.fees);
  const view = toCaseView(c, type, caseSyncStateOf(ctx.services.db(), c.id), requireSession(ctx).role, pieces);
  // A clerk is named by their display name; an account since removed keeps its username.
  const acceptedByName = c.acceptedBy ? (userReads.byUsername(ctx.services.db(), c.acceptedBy)?.display_name ?? c.acceptedBy) : null;
  // What the accept step's summary promises: the date 受理 would set if pressed now.
  const promisedDateIfAcceptedNow = view.allowedActions.includes('accept') ? addWorkingDays(shanghaiDate(ctx.now), type.promisedWorkingDays, officeCalendar(ctx)) : null;
  return { ...view, acceptedByName, promisedDateIfAcceptedNow };
}

/** After a change: the case read back as it was committed, as a view. */
export function committedView(ctx: CallContext, id: number, type?: CatalogEntry): CaseView {
  return caseViewOf(ctx, loadCase(ctx, id), type);
}
