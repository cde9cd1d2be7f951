import type { CatalogEntry } from '../../contract';
import type { CallContext } from '../services';
import type { CaseRecord } from './case-record';
import { caseWrites } from './case-repository';
import { legalGroundsOf, requireGrounds } from './decision-grounds';
import { performAction } from './transition';

/**
 * 不予登记 (《不动产登记暂行条例》第二十二条), decided in review: the `refuse` row of the lifecycle
 * with its grounds (NON_REGISTRATION_GROUNDS ids) and reasons in words, stored for the 不予登记告知书.
 * The review stage's method calls this (a later issue gives it a screen).
 */
export function refuseRegistration(ctx: CallContext, c: CaseRecord, type: CatalogEntry, decision: { groundIds: string[]; reasons: string[] }): void {
  requireGrounds(decision.groundIds, 'refusal');
  const grounds = legalGroundsOf(decision.groundIds);
  performAction(ctx, c, type, 'refuse', {
    reason: [...grounds.map((g) => `${g.text}（${g.article}）`), ...decision.reasons].join('；'),
    groundIds: decision.groundIds,
    reasons: decision.reasons,
    detail: { groundIds: decision.groundIds, reasons: decision.reasons },
    write: (db) => caseWrites.setDecision(db, c.id, { groundIds: decision.groundIds, requisitionDeadline: c.requisitionDeadline }),
  });
}
