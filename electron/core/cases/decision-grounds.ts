import { AppError, NON_REGISTRATION_GROUNDS, REFUSAL_GROUNDS, type LegalGround } from '../../contract';

/**
 * The legal grounds a decision on a case cites (一次性告知 with its basis), from the contract's
 * table (validation/legal-grounds.ts): 不予受理 by 《不动产登记暂行条例》第十七条, 不予登记 (the
 * review stage) by 第二十二条. Cases store the ids.
 */
export type Decision = 'rejection' | 'refusal';

const GROUNDS: Record<Decision, readonly LegalGround[]> = { rejection: REFUSAL_GROUNDS, refusal: NON_REGISTRATION_GROUNDS };

/** The grounds of stored ids, in the order given, with the article as the notice prints it. */
export function legalGroundsOf(ids: readonly string[]): Array<{ id: string; article: string; text: string }> {
  return ids.map((id) => {
    const g = [...REFUSAL_GROUNDS, ...NON_REGISTRATION_GROUNDS].find((x) => x.id === id);
    return g ? { id: g.id, article: g.citation, text: g.label } : { id, article: '', text: id };
  });
}

/**
 * The grounds of stored ids as the notices print them: the short name in the list of reasons, the
 * article's own words under 法律依据 (an unknown id, from a newer release, prints as itself).
 */
export function noticeGroundsOf(ids: readonly string[]): Array<{ id: string; label: string; text: string; citation: string }> {
  return ids.map((id) => [...REFUSAL_GROUNDS, ...NON_REGISTRATION_GROUNDS].find((x) => x.id === id) ?? { id, label: id, text: id, citation: '—' });
}

/** Refuses ids that are not grounds of this kind of decision. */
export function requireGrounds(ids: readonly string[], decision: Decision): void {
  const unknown = ids.filter((id) => !GROUNDS[decision].some((g) => g.id === id));
  if (unknown.length > 0) throw new AppError('UNKNOWN_LEGAL_GROUND', undefined, { ids: unknown });
}
