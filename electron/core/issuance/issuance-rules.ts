import { ISSUANCE_METHODS, type IssuanceMethod } from '../../contract';

/** What the rules need to know about a case (office cache + issuance record). */
export interface IssuanceFacts {
  stage: string;
  certificateNumbers: readonly string[];
  /** The numbers the platform's `office.case` lists as printed; null when it does not say. */
  printed: readonly string[] | null;
  /** Issued already (here, queued, or learnt from the platform). */
  issued: boolean;
  /** Office setting issuance.paperRequired. */
  paperRequired: boolean;
}

export type Blocked = { code: 'CASE_NOT_REGISTERED' | 'ALREADY_ISSUED' | 'CERTIFICATE_NOT_PRINTED'; message: string };

/**
 * A paper certificate changes hands at the counter and by courier when the office hands out paper
 * and the 登簿 issued certificate or proof numbers. 仅电子证照 never needs paper (the form stock is
 * untouched).
 */
export function paperNeeded(f: Pick<IssuanceFacts, 'certificateNumbers' | 'paperRequired'>, method: IssuanceMethod): boolean {
  return method !== 'electronic' && f.paperRequired && f.certificateNumbers.length > 0;
}

/**
 * Why `method` cannot be used now, or null. The printed rule is explicit: every certificate number
 * must be on the platform's printed list; a case whose `office.case` carries no printed list at all
 * (a platform without 缮证 records) counts as NOT printed — so an office that requires paper never
 * hands over an envelope the platform cannot vouch for, and an office that issues e-certificates
 * only (paperRequired false) is not held up.
 */
export function blockedBy(f: IssuanceFacts, method: IssuanceMethod): Blocked | null {
  if (f.issued || f.stage === 'issued') return { code: 'ALREADY_ISSUED', message: '该业务已发证，不能重复发证。' };
  if (f.stage !== 'registered') return { code: 'CASE_NOT_REGISTERED', message: '该业务尚未登簿，不能发证。' };
  if (paperNeeded(f, method)) {
    const printed = new Set(f.printed ?? []);
    const missing = f.certificateNumbers.filter((n) => !printed.has(n));
    if (missing.length > 0) {
      return { code: 'CERTIFICATE_NOT_PRINTED', message: `纸质证书尚未缮证打印（${missing.join('、')}），不能${method === 'counter' ? '现场领取' : '邮寄'}；请先缮证，或选择“仅电子证照”。` };
    }
  }
  return null;
}

export function blockedByAll(f: IssuanceFacts): Record<IssuanceMethod, string | null> {
  return Object.fromEntries(ISSUANCE_METHODS.map((m) => [m, blockedBy(f, m)?.message ?? null])) as Record<IssuanceMethod, string | null>;
}
