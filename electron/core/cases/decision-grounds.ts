import { AppError } from '../../contract';

/**
 * The legal grounds a decision on a case cites (一次性告知 with its basis): 不予受理 by
 * 《不动产登记暂行条例》第十七条, 不予登记 by 第二十二条. Ids are stable: cases store them.
 * (Interim table until the contract's legal-grounds catalogue lands; same ids.)
 */
export interface LegalGround {
  id: string;
  /** The article as printed on the notice. */
  article: string;
  text: string;
  /** Which decision may cite it. */
  decision: 'rejection' | 'refusal';
}

export const LEGAL_GROUNDS: readonly LegalGround[] = [
  {
    id: 'art17-3-materials-incomplete',
    article: '《不动产登记暂行条例》第十七条第一款第（三）项',
    text: '申请材料不齐全或者不符合法定形式',
    decision: 'rejection',
  },
  {
    id: 'art17-4-outside-jurisdiction',
    article: '《不动产登记暂行条例》第十七条第一款第（四）项',
    text: '申请登记的不动产不属于本机构登记范围',
    decision: 'rejection',
  },
  { id: 'art22-1-violates-law', article: '《不动产登记暂行条例》第二十二条第（一）项', text: '违反法律、行政法规规定', decision: 'refusal' },
  { id: 'art22-2-ownership-dispute', article: '《不动产登记暂行条例》第二十二条第（二）项', text: '存在尚未解决的权属争议', decision: 'refusal' },
  { id: 'art22-3-term-exceeded', article: '《不动产登记暂行条例》第二十二条第（三）项', text: '申请登记的不动产权利超过规定期限', decision: 'refusal' },
  { id: 'art22-4-other-legal', article: '《不动产登记暂行条例》第二十二条第（四）项', text: '法律、行政法规规定不予登记的其他情形', decision: 'refusal' },
];

/** The grounds of stored ids, in the order given (an id this version does not know is shown as is). */
export function legalGroundsOf(ids: readonly string[]): Array<{ id: string; article: string; text: string }> {
  return ids.map((id) => {
    const g = LEGAL_GROUNDS.find((x) => x.id === id);
    return g ? { id: g.id, article: g.article, text: g.text } : { id, article: '', text: id };
  });
}

/** Refuses ids that are not grounds of this kind of decision. */
export function requireGrounds(ids: readonly string[], decision: LegalGround['decision']): void {
  const unknown = ids.filter((id) => !LEGAL_GROUNDS.some((g) => g.id === id && g.decision === decision));
  if (unknown.length > 0) throw new AppError('UNKNOWN_LEGAL_GROUND', undefined, { ids: unknown });
}
