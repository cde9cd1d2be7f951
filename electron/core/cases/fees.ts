import { DEFAULT_FEE_SCHEDULE, type FeeSchedule } from '../../contract/validation/fee-schedule';

/**
 * A clerk's manual change to a case's fee lines (DOMAIN.md §8). The fees themselves are computed by
 * the contract's `calculateFees` (by 件, 发改价格规〔2016〕2559号; see case-fee-quote.ts), one
 * implementation for the counter, the fee table test and the documents.
 */
export interface FeeLine {
  /** 非税收入项目编码. */
  code: string;
  name: string;
  quantity: number;
  amountFen: number;
}

export interface FeeQuote {
  lines: FeeLine[];
  totalFen: number;
  /** The exemption applied, if any. */
  exemptionId: string | null;
  /** Why an amount is what it is, for the clerk and the fee notice (Chinese). */
  notes: string[];
  /** Set by a manual change (overrideFees). */
  manual: boolean;
  overrideReason: string | null;
}

export interface FeeOverride {
  /** The lines as they should be; codes must be in the fee schedule. */
  lines: Array<{ code: string; quantity?: number; amountFen: number }>;
  reason: string;
}

/** What changed, for the caller to write to the audit log (action `fee.override`). */
export interface FeeChangeRecord {
  action: 'fee.override';
  reason: string;
  before: { lines: FeeLine[]; totalFen: number };
  after: { lines: FeeLine[]; totalFen: number };
}

export type FeeOverrideResult =
  | { ok: true; quote: FeeQuote; change: FeeChangeRecord }
  | { ok: false; code: 'INVALID_FEE_OVERRIDE'; reasons: string[] };

/**
 * A clerk's manual change to a computed quote. A reason is required and the change is returned as
 * a record: the caller audits it (DOMAIN.md §8) in the same transaction that stores the quote.
 */
export function overrideFees(current: FeeQuote, change: FeeOverride, schedule: FeeSchedule = DEFAULT_FEE_SCHEDULE): FeeOverrideResult {
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

  const notes = [...current.notes, `收费金额已人工调整，原因：${reason}`];
  const next: FeeQuote = { ...quote(lines, current.exemptionId, notes), manual: true, overrideReason: reason };
  return {
    ok: true,
    quote: next,
    change: {
      action: 'fee.override',
      reason,
      before: { lines: current.lines, totalFen: current.totalFen },
      after: { lines: next.lines, totalFen: next.totalFen },
    },
  };
}

function quote(lines: FeeLine[], exemptionId: string | null, notes: string[]): FeeQuote {
  const totalFen = lines.reduce((sum, line) => sum + line.amountFen, 0);
  return { lines, totalFen, exemptionId, notes, manual: false, overrideReason: null };
}

/**
 * Names by item code: the quote's own lines first (parking and non-residential share a code and
 * the quote knows which one it charged), then the schedule.
 */
function knownItems(current: FeeQuote, schedule: FeeSchedule): Map<string, string> {
  const items = [...current.lines, ...Object.values(schedule.registration), schedule.extraCertificate];
  const names = new Map<string, string>();
  for (const item of items) if (!names.has(item.code)) names.set(item.code, item.name);
  return names;
}

function sameLines(a: FeeLine[], b: FeeLine[]): boolean {
  return a.length === b.length && a.every((line, i) => line.code === b[i].code && line.amountFen === b[i].amountFen && line.quantity === b[i].quantity);
}
