import { AppError, maskIdNumber } from '../../contract';
import { normaliseIdNumber } from '../crypto/personal-data';
import type { SubmissionBody } from '../review/office-cache';

export interface CollectorMatch {
  role: 'holder' | 'agent';
  name: string;
  idNumberMasked: string;
  /** The matching 权利人's ordinal (holder), else null. */
  holderOrdinal: number | null;
}

/**
 * Who may collect a registered case's certificate (实施细则 第十九条 practice: the 权利人 in person,
 * or someone they authorised): the card's ID number must be a `holder` party's (compared as
 * normalised full numbers, never shown), or the clerk says it is an agent — then the card must NOT
 * be a holder's (the clerk picked the wrong option) and a 授权委托书 is required at issue. Obligors
 * (the seller) and the intake's agent are not holders: an intake agent collects as agent again,
 * with a 授权委托书 that covers 领证.
 */
export function matchCollector(body: Pick<SubmissionBody, 'parties'>, card: { name: string; idNumber: string }, asAgent: boolean): CollectorMatch {
  const id = normaliseIdNumber(card.idNumber);
  const holder = body.parties.find((p) => p.role === 'holder' && p.idNumber !== undefined && normaliseIdNumber(p.idNumber) === id);
  const masked = maskIdNumber(id);
  if (asAgent) {
    if (holder) throw new AppError('COLLECTOR_IS_HOLDER');
    return { role: 'agent', name: card.name, idNumberMasked: masked, holderOrdinal: null };
  }
  if (!holder) throw new AppError('COLLECTOR_NOT_HOLDER', `${card.name}（${masked}）不是该业务的权利人；如为代领，请选择“代理人领取”并提供授权委托书。`);
  return { role: 'holder', name: holder.name, idNumberMasked: masked, holderOrdinal: holder.ordinal };
}
