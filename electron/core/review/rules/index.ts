import type { ReviewCheck } from '../../../contract';
import { certificateNumberMatches } from './certificate-number-matches';
import { mortgageOnTransfer } from './mortgage-on-transfer';
import { objectionNeedsDecision } from './objection-needs-decision';
import { obligorsMatchRegister } from './obligors-match-register';
import { preRegistrationConsent } from './pre-registration-consent';
import type { ReviewRule, ReviewRuleInput } from './rule';
import { seizureBlocksDisposal } from './seizure-blocks-disposal';

export const REVIEW_RULES: readonly ReviewRule[] = [
  seizureBlocksDisposal,
  objectionNeedsDecision,
  preRegistrationConsent,
  obligorsMatchRegister,
  mortgageOnTransfer,
  certificateNumberMatches,
];

/** A unit whose record could not be read: the checks above are incomplete, which the reviewer must see. */
const REGISTER_UNAVAILABLE = 'register-available';

/** Every rule that applies, in table order, plus a `decide` check when a unit's record is missing. */
export function runReviewRules(input: ReviewRuleInput): ReviewCheck[] {
  const checks: ReviewCheck[] = [];
  const missing = [...input.records].filter(([, r]) => r === null).map(([code]) => code);
  if (missing.length > 0) {
    checks.push({
      rule: REGISTER_UNAVAILABLE,
      level: 'decide',
      ok: false,
      message: `未能取得登记簿记载（离线且本机无缓存）：${missing.join('、')}；自动核查不完整，请联网后刷新或人工核查。`,
      source: '《不动产登记暂行条例》第十八条',
    });
  }
  for (const rule of REVIEW_RULES) {
    const found = rule.check(input);
    if (found) checks.push({ rule: rule.id, level: rule.level, ok: found.ok, message: found.message, source: rule.source });
  }
  return checks;
}

/** 登记类型 of an application: its catalogue registration type, else the id before the dot. */
export function registrationTypeOf(body: { businessType: string; registrationType?: string | null }): string {
  if (typeof body.registrationType === 'string' && body.registrationType) return body.registrationType;
  return body.businessType.split('.')[0];
}

export type { ReviewRuleInput } from './rule';
