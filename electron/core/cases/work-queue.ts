import { DEFAULT_HOLIDAY_CALENDAR, mergeHolidayCalendars, shanghaiDate, type MethodOutput } from '../../contract';
import type { WorkQueueItem, WorkQueueList } from '../../contract/methods/workqueue';
import { auditView } from '../audit/view-audit';
import type { Handler } from '../handler';
import { requireSession } from '../services';
import type { Db } from '../store/database';
import { addWorkingDays } from './working-days';

/** Cases the platform is still working on: their promised date is a promise still to keep. */
const OPEN_AFTER_ACCEPTANCE = ['accepted', 'submitted', 'reviewing', 'approved', 'registered'] as const;

/**
 * The counter's work queue (工作台): what the clerk left half done, and what will walk up to the
 * counter next. Each list is one indexed query on `cases` (status, created_by / accepted_at /
 * promised_date); names and addresses come from the search index, as in 业务查询.
 */
export function workQueue(db: Db, q: { username: string; now: Date; limit: number; nearDueBy: string }): { today: string; lists: Record<WorkQueueList, WorkQueueItem[]>; totals: Record<WorkQueueList, number> } {
  const today = shanghaiDate(q.now);
  const startOfToday = new Date(`${today}T00:00:00+08:00`).toISOString();
  const open = OPEN_AFTER_ACCEPTANCE.map((s) => `'${s}'`).join(', ');
  const queries: Record<WorkQueueList, { where: string; order: string; params: Record<string, unknown> }> = {
    myDrafts: { where: "c.status = 'draft' AND c.created_by = @me", order: 'c.updated_at DESC', params: { me: q.username } },
    awaitingCorrection: { where: "c.status = 'requisitioned'", order: 'c.updated_at DESC', params: {} },
    readyToCollect: { where: "c.status = 'certified'", order: 'c.updated_at DESC', params: {} },
    acceptedToday: { where: 'c.accepted_by = @me AND c.accepted_at >= @since', order: 'c.accepted_at DESC', params: { me: q.username, since: startOfToday } },
    nearDue: { where: `c.status IN (${open}) AND c.promised_date IS NOT NULL AND c.promised_date <= @by`, order: 'c.promised_date ASC, c.id ASC', params: { by: q.nearDueBy } },
  };
  const lists = {} as Record<WorkQueueList, WorkQueueItem[]>;
  const totals = {} as Record<WorkQueueList, number>;
  for (const [list, { where, order, params }] of Object.entries(queries) as Array<[WorkQueueList, (typeof queries)[WorkQueueList]]>) {
    lists[list] = db
      .prepare(
        `SELECT c.id, c.case_number AS caseNumber, c.business_type AS businessType, c.status, coalesce(s.names, '') AS names,
                coalesce(s.addresses, '') AS addresses, c.created_at AS createdAt, c.updated_at AS updatedAt, c.accepted_at AS acceptedAt,
                c.promised_date AS promisedDate, c.status_reason AS statusReason
         FROM cases c LEFT JOIN case_search s ON s.rowid = c.id WHERE ${where} ORDER BY ${order} LIMIT @limit`,
      )
      .all({ ...params, limit: q.limit }) as WorkQueueItem[];
    totals[list] = (db.prepare(`SELECT count(*) AS n FROM cases c WHERE ${where}`).get(params) as { n: number }).n;
  }
  return { today, lists, totals };
}

const get: Handler<'workqueue.get'> = (ctx, input): MethodOutput<'workqueue.get'> => {
  const s = requireSession(ctx);
  const today = shanghaiDate(ctx.now);
  const calendar = mergeHolidayCalendars(DEFAULT_HOLIDAY_CALENDAR, ctx.services.config.value.holidays);
  const result = workQueue(ctx.services.db(), { username: s.username, now: ctx.now, limit: input.limit, nearDueBy: addWorkingDays(today, input.nearDueDays, calendar) });
  // The lists show applicants' names: seen like a search result, and audited like one.
  auditView(ctx, 'workqueue.get', 'cases', { totals: result.totals });
  return result;
};

export const workQueueHandlers = { 'workqueue.get': get };
