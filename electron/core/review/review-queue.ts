import { DEFAULT_HOLIDAY_CALENDAR, mergeHolidayCalendars, REVIEW_QUEUES, shanghaiDate, type MethodOutput, type ParsedInput, type ReviewQueue } from '../../contract';
import { workingDaysBetween } from '../cases/working-days';
import type { CallContext } from '../services';
import { requireSession } from '../services';
import { syncState } from '../sync/sync-state';
import { toOfficeCase } from './office-cache';
import { businessTypeLabel } from './review-view';

/**
 * One review queue from the office cache: one indexed query on (stage, promised_date), the
 * filters after it; the countdown in working days to the promised date (negative: overdue).
 */
export function reviewQueues(ctx: CallContext, input: ParsedInput<'review.queues'>): MethodOutput<'review.queues'> {
  const s = requireSession(ctx);
  const db = ctx.services.db();
  const today = shanghaiDate(ctx.now);
  const calendar = mergeHolidayCalendars(DEFAULT_HOLIDAY_CALENDAR, ctx.services.config.value.holidays);
  const where = ['stage = @queue'];
  const params: Record<string, unknown> = { queue: input.queue };
  if (input.businessType) {
    where.push('(business_type = @bt OR business_type LIKE @btPrefix)');
    params.bt = input.businessType;
    params.btPrefix = `${input.businessType}.%`;
  }
  if (input.clerk) {
    where.push('clerk_name = @clerk');
    params.clerk = input.clerk;
  }
  if (input.from) {
    where.push('accepted_at >= @from');
    params.from = new Date(`${input.from}T00:00:00+08:00`).toISOString();
  }
  if (input.to) {
    where.push('accepted_at < @to');
    params.to = new Date(new Date(`${input.to}T00:00:00+08:00`).getTime() + 86_400_000).toISOString();
  }
  if (input.mine) {
    where.push('claim_user_id = @me');
    params.me = s.username;
  }
  const clause = where.join(' AND ');
  const rows = db
    .prepare(
      `SELECT id, case_number, platform_case_id, official_number, stage, claim_user_id, claim_name, claim_workstation, claim_since, promised_date,
              workstation, clerk_name, accepted_by, accepted_at, business_type, names, addresses, certificate_numbers, pending_decision, pending_stage,
              local_case_id, 1 AS has_body
       FROM office_cases WHERE ${clause} ORDER BY promised_date IS NULL, promised_date, id LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: input.limit, offset: input.offset }) as Parameters<typeof toOfficeCase>[0][];
  const matching = (db.prepare(`SELECT count(*) AS n FROM office_cases WHERE ${clause}`).get(params) as { n: number }).n;
  const totals = Object.fromEntries(REVIEW_QUEUES.map((q) => [q, 0])) as Record<ReviewQueue, number>;
  for (const r of db.prepare(`SELECT stage, count(*) AS n FROM office_cases WHERE stage IN (${REVIEW_QUEUES.map((q) => `'${q}'`).join(',')}) GROUP BY stage`).all() as Array<{ stage: ReviewQueue; n: number }>) {
    totals[r.stage] = r.n;
  }
  const labels = new Map<string, string>();
  const items = rows.map(toOfficeCase).map((c) => {
    if (!labels.has(c.businessType)) labels.set(c.businessType, businessTypeLabel(ctx, c.businessType));
    const overdue = c.promisedDate !== null && c.promisedDate < today;
    const left = c.promisedDate === null ? null : overdue ? -workingDaysBetween(c.promisedDate, today, calendar) : workingDaysBetween(today, c.promisedDate, calendar);
    return {
      caseId: c.id,
      caseNumber: c.caseNumber,
      officialNumber: c.officialNumber,
      businessType: c.businessType,
      businessTypeLabel: labels.get(c.businessType) ?? c.businessType,
      stage: c.stage,
      names: c.names,
      addresses: c.addresses,
      clerkName: c.clerkName,
      workstation: c.workstation,
      acceptedAt: c.acceptedAt,
      promisedDate: c.promisedDate,
      workingDaysLeft: left,
      overdue,
      claim: c.claim,
      mine: c.claim?.userId === s.username,
      pendingDecision: c.pendingDecision,
    };
  });
  return { today, items, totals, matching, syncedAt: syncState.get(db, 'last_pull_at') ?? null };
}
