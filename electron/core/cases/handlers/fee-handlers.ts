import { AppError } from '../../../contract';
import type { Handler } from '../../handler';
import { feePayerOf } from '../case-fee-quote';
import { caseWrites } from '../case-repository';
import { overrideFees } from '../fees';
import { performAction } from '../transition';
import { businessTypeOf, committedView, loadCase } from './case-context';

/** The fee lines changed by hand, with the reason (audited); part of editing the application. */
export const overrideFeesHandler: Handler<'cases.overrideFees'> = (ctx, input) => {
  const c = loadCase(ctx, input.id);
  const type = businessTypeOf(ctx, c.businessType);
  if (c.status !== 'draft' && c.status !== 'requisitioned') throw new AppError('CASE_NOT_EDITABLE');
  const current = { lines: c.fees.map((f) => ({ ...f, quantity: 1 })), totalFen: c.feeTotalFen, exemptionId: null, notes: [], manual: c.feeOverrideReason !== null, overrideReason: c.feeOverrideReason };
  const result = overrideFees(current, { lines: input.lines.map((l) => ({ ...l, quantity: 1 })), reason: input.reason }, ctx.services.config.value.fees);
  if (!result.ok) throw new AppError('INVALID_FEE_OVERRIDE', result.reasons.join('；'));
  performAction(ctx, c, type, 'edit', {
    auditAction: 'cases.overrideFees',
    detail: { reason: input.reason, before: c.feeTotalFen, after: result.quote.totalFen },
    write: (db) =>
      caseWrites.replaceFees(db, c.id, result.quote.lines.map((l) => ({ code: l.code, name: l.name, amountFen: l.amountFen })), input.reason, c.feePayer ?? feePayerOf(c.parties)),
  });
  return committedView(ctx, c.id, type);
};
