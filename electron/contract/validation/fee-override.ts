import { DEFAULT_FEE_SCHEDULE, type FeeSchedule } from './fee-schedule';
import type { FeeLine, FeeQuote } from './fee-calculation';

/**
 * A clerk's manual change to a computed quote, as a pure function (the same rules as the core's
 * overrideFees in electron/core/cases/fees.ts, which can delegate here). A reason is required; the
 * change comes back as a record the caller writes to the audit log (action `fee.override`) in the
 * transaction that stores the quote. Extra fields of the quote (件, payer) are kept.
 */
export interface FeeOverride {
  /** The lines as they should be; codes must be in the fee schedule or the quote. */
  lines: Array<{ code: string; quantity?: number; amountFen: number }>;
  reason: string;
}

export interface FeeChangeRecord {
  action: 'fee.override';
  reason: string;
  before: { lines: FeeLine[]; totalFen: number };
  after: { lines: FeeLine[]; totalFen: number };
}

export type FeeOverrideOutcome<Q extends FeeQuote> =
  | { ok: true; quote: Q; change: FeeChangeRecord }
  | { ok: false; code: 'INVALID_FEE_OVERRIDE'; reasons: string[] };

export function overrideFeeQuote<Q extends FeeQuote>(current: Q, change: FeeOverride, schedule: FeeSchedule = DEFAULT_FEE_SCHEDULE): FeeOverrideOutcome<Q> {
  const reasons: string[] = [];
  const reason = change.reason.trim();
  if (reason === '') reasons.push('修改收费金额必须填写原因。');
  if (reason.length > 200) reasons.push('修改原因不能超过200字。');
  const names = knownItems(current, schedule);
  const lines: FeeLine[] = [];
  change.lines.forEach((line, i) => {
    const name = names.get(line.code);
    if (!name) reasons.push(`第${i + 1}项收费项目编码不在本机构的收费配置中。`);
    if (!Number.isSafeInteger(line.amountFen) || line.amountFen < 0) reasons.push(`第${i + 1}项金额应为不小于0的整数（单位：分）。`);
    const quantity = line.quantity ?? 1;
    if (!Number.isInteger(quantity) || quantity < 1) reasons.push(`第${i + 1}项数量应为正整数。`);
    lines.push({ code: line.code, name: name ?? '', quantity, amountFen: line.amountFen });
  });
  if (reasons.length === 0 && sameLines(current.lines, lines)) reasons.push('收费金额没有变化，无需修改。');
  if (reasons.length > 0) return { ok: false, code: 'INVALID_FEE_OVERRIDE', reasons };

  const next: Q = {
    ...current,
    lines,
    totalFen: lines.reduce((sum, l) => sum + l.amountFen, 0),
    notes: [...current.notes, `收费金额已人工调整，原因：${reason}`],
    manual: true,
    overrideReason: reason,
  };
  return {
    ok: true,
    quote: next,
    change: { action: 'fee.override', reason, before: { lines: current.lines, totalFen: current.totalFen }, after: { lines, totalFen: next.totalFen } },
  };
}

/** Names by item code: the quote's own lines first (parking and non-residential share a code), then the schedule. */
function knownItems(current: FeeQuote, schedule: FeeSchedule): Map<string, string> {
  const items = [...current.lines, ...Object.values(schedule.registration), schedule.extraCertificate];
  const names = new Map<string, string>();
  for (const item of items) if (!names.has(item.code)) names.set(item.code, item.name);
  return names;
}

function sameLines(a: FeeLine[], b: FeeLine[]): boolean {
  return a.length === b.length && a.every((line, i) => line.code === b[i].code && line.amountFen === b[i].amountFen && line.quantity === b[i].quantity);
}
