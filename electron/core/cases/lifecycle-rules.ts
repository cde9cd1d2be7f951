import type { CatalogEntry, ErrorCode } from '../../contract';
import { checkAcceptance, type RuleResult } from './acceptance-rules';
import type { CaseRecord } from './case-record';
import type { LifecycleRuleName } from './lifecycle';

/** What the rules of a transition look at besides the case. */
export interface RuleFacts {
  /** The case's business type (staff rows; the platform's rows have none to look at). */
  type: CatalogEntry | null;
  /** Legal ground ids and reasons in words of a decision (不予受理, 不予登记). */
  groundIds: readonly string[];
  reasons: readonly string[];
  /** The platform executed this case's withdrawal (a `case.withdrawn` event arrived). */
  withdrawalTakenByPlatform: boolean;
}

interface LifecycleRule {
  /** The refusal's error code when the rule fails. */
  code: ErrorCode;
  /** `c` is null for the platform's rows, which look at the platform's record only. */
  check(c: CaseRecord | null, facts: RuleFacts): RuleResult[];
}

function single(rule: string, reasons: string[]): RuleResult[] {
  return [{ rule, passed: reasons.length === 0, reasons }];
}

/** The named rules of the lifecycle table (lifecycle.ts), each a function of the case and the facts. */
export const LIFECYCLE_RULES: Record<LifecycleRuleName, LifecycleRule> = {
  // The acceptance rules (acceptance-rules.ts), each reported by its own name.
  'acceptance-rules-met': {
    code: 'CASE_RULES_NOT_MET',
    check: (c, f) => {
      if (!c || !f.type) throw new Error('acceptance-rules-met needs the case and its business type');
      return checkAcceptance(c, f.type);
    },
  },
  // 一次性告知: a refusal says why, by the article it rests on or in words.
  'decision-grounds-given': {
    code: 'DECISION_GROUNDS_REQUIRED',
    check: (_c, f) => single('decision-grounds-given', f.groundIds.length + f.reasons.length > 0 ? [] : ['请选择法定理由或填写理由。']),
  },
  'withdrawal-not-taken-by-platform': {
    code: 'CASE_STATE_CONFLICT',
    check: (_c, f) => single('withdrawal-not-taken-by-platform', f.withdrawalTakenByPlatform ? ['平台已执行撤回'] : []),
  },
};

/** Every rule of a row, checked: the failures (empty when the transition may go ahead). */
export function failedRules(names: readonly LifecycleRuleName[], c: CaseRecord | null, facts: RuleFacts): Array<{ code: ErrorCode; results: RuleResult[] }> {
  return names
    .map((name) => ({ code: LIFECYCLE_RULES[name].code, results: LIFECYCLE_RULES[name].check(c, facts).filter((r) => !r.passed) }))
    .filter((f) => f.results.length > 0);
}
