import { shanghaiDate } from '../../../contract';
import type { Handler } from '../../handler';
import { requireSession, type CallContext } from '../../services';
import { formatCaseNumber } from '../case-number';
import { caseWrites } from '../case-repository';
import { legalGroundsOf, requireGrounds } from '../decision-grounds';
import { assignNoticeNumber } from '../notice-number';
import { performAction } from '../transition';
import { officeCalendar } from '../office-calendar';
import { addWorkingDays } from '../working-days';
import { workstationIdFor } from '../workstation-id';
import { businessTypeOf, committedView, loadCase } from './case-context';

/**
 * 受理: the acceptance rules (the row's `acceptance-rules-met`), then the day's next case number,
 * the promised date and the payer, the new state and the platform submission in one transaction.
 */
export const accept: Handler<'cases.accept'> = (ctx, input) => {
  const s = requireSession(ctx);
  const c = loadCase(ctx, input.id);
  const type = businessTypeOf(ctx, c.businessType);
  const config = ctx.services.config.value;
  const today = shanghaiDate(ctx.now);
  performAction(ctx, c, type, 'accept', {
    detail: { businessType: c.businessType },
    write: (db) => {
      const sequence = caseWrites.nextSequence(db, today);
      const caseNumber = formatCaseNumber({ officeCode: config.officeCode ?? '000000', date: today, workstationId: workstationIdFor(db, config), sequence });
      const promisedDate = addWorkingDays(today, type.promisedWorkingDays, officeCalendar(ctx));
      caseWrites.markAccepted(db, c.id, { caseNumber, promisedDate, by: s.username }, ctx.now);
    },
  });
  return committedView(ctx, c.id, type);
};

/** 补正 at the counter: what is missing (一次性告知) and by when, in working days. */
export const requisition: Handler<'cases.requisition'> = (ctx, input) => {
  const c = loadCase(ctx, input.id);
  const type = businessTypeOf(ctx, c.businessType);
  const deadline = addWorkingDays(shanghaiDate(ctx.now), input.deadlineWorkingDays ?? ctx.services.config.value.supplementWorkingDays, officeCalendar(ctx));
  performAction(ctx, c, type, 'requisition', {
    reason: `需补正：${input.missing.join('；')}${input.note ? `（${input.note}）` : ''}`,
    detail: { missing: input.missing, deadline },
    write: (db) => {
      caseWrites.setDecision(db, c.id, { groundIds: c.decisionGroundIds, requisitionDeadline: deadline });
      // Before acceptance the 补正告知书 has no case number to carry: it gets its own.
      if (c.caseNumber === null) assignNoticeNumber(db, c, ctx.services.config.value, ctx.now);
    },
  });
  return committedView(ctx, c.id, type);
};

/** 不予受理 on the grounds of 条例 第17条 (the notice prints each article) and reasons in words. */
export const reject: Handler<'cases.reject'> = (ctx, input) => {
  const c = loadCase(ctx, input.id);
  const type = businessTypeOf(ctx, c.businessType);
  requireGrounds(input.groundIds, 'rejection');
  const grounds = legalGroundsOf(input.groundIds);
  const reason = [...grounds.map((g) => `${g.text}（${g.article}）`), ...input.reasons].join('；');
  // The requisition deadline of an earlier 补正 stays on record.
  performAction(ctx, c, type, 'reject', {
    reason,
    groundIds: input.groundIds,
    reasons: input.reasons,
    detail: { groundIds: input.groundIds, reasons: input.reasons },
    write: (db) => {
      caseWrites.setDecision(db, c.id, { groundIds: input.groundIds, requisitionDeadline: c.requisitionDeadline });
      if (c.caseNumber === null) assignNoticeNumber(db, c, ctx.services.config.value, ctx.now);
    },
  });
  return committedView(ctx, c.id, type);
};

/** 撤回 at the applicant's request; a case the platform holds is withdrawn there too (the row's outbox). */
export const withdraw: Handler<'cases.withdraw'> = (ctx, input) => {
  const c = loadCase(ctx, input.id);
  const type = businessTypeOf(ctx, c.businessType);
  performAction(ctx, c, type, 'withdraw', { reason: input.reason, detail: { reason: input.reason } });
  return committedView(ctx, c.id, type);
};

