/** One automatic check of the review (review.workspace `checks`): a named rule with its verdict. */
export interface ReviewCheck {
  rule: string;
  level: 'block' | 'decide' | 'info';
  ok: boolean;
  message: string;
  source: string;
}

/**
 * The named rules of core (electron/core/review/rules) as a reviewer reads them; the id stays
 * beside the name (it is what the audit and 通过's refusal name). An unknown rule shows its id.
 */
export const RULE_LABELS: Record<string, string> = {
  'seizure-blocks-disposal': '查封限制处分',
  'objection-needs-decision': '异议须明确决定',
  'pre-registration-consent': '预告登记权利人同意',
  'obligors-match-register': '义务人与登记簿一致',
  'mortgage-on-transfer': '转让时已有抵押',
  'certificate-number-matches': '原证号与登记簿一致',
  'register-available': '登记簿可查',
};

export function ruleName(rule: string): string {
  return RULE_LABELS[rule] ?? rule;
}

const LEVEL_ORDER = { block: 0, decide: 1, info: 2 } as const;

/** Failed checks first (blocking, then those needing a decision, then notes), passed ones last. */
export function orderedChecks(checks: readonly ReviewCheck[]): ReviewCheck[] {
  return [...checks].sort((a, b) => Number(a.ok) - Number(b.ok) || LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || a.rule.localeCompare(b.rule));
}

/**
 * Whether 通过 may be sent: no failed blocking rule, and every failed rule that needs a decision
 * (异议) ticked by the reviewer. The reason is what the disabled button says.
 */
export function passVerdict(checks: readonly ReviewCheck[], acknowledged: ReadonlySet<string>): { allowed: true } | { allowed: false; reason: string } {
  const blocking = checks.find((c) => !c.ok && c.level === 'block');
  if (blocking) return { allowed: false, reason: `规则「${ruleName(blocking.rule)}」（${blocking.rule}）不允许通过：${blocking.message}` };
  const undecided = checks.find((c) => !c.ok && c.level === 'decide' && !acknowledged.has(c.rule));
  if (undecided) return { allowed: false, reason: `请先对「${ruleName(undecided.rule)}」作出明确决定（勾选）：${undecided.message}` };
  return { allowed: true };
}

/** The rules to send as acknowledgedRules: ticked and still failing. */
export function acknowledgedRules(checks: readonly ReviewCheck[], acknowledged: ReadonlySet<string>): string[] {
  return checks.filter((c) => !c.ok && c.level === 'decide' && acknowledged.has(c.rule)).map((c) => c.rule);
}

/**
 * A phrase from the office's library put into the opinion: at the caret, on its own line when the
 * opinion already has text there. Returns the new text and the caret after the phrase.
 */
export function insertPhrase(text: string, caret: number, phrase: string): { text: string; caret: number } {
  const at = Math.max(0, Math.min(caret, text.length));
  const before = text.slice(0, at);
  const after = text.slice(at);
  const lead = before.length > 0 && !before.endsWith('\n') ? '\n' : '';
  const inserted = `${lead}${phrase}`;
  return { text: `${before}${inserted}${after}`, caret: at + inserted.length };
}
