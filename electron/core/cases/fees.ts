import { AppError } from '../../contract/errors';
import type { BusinessType } from '../../contract/validation/business-types';
import { DEFAULT_FEE_SCHEDULE, type FeeSchedule, type UnitUse } from '../../contract/validation/fee-schedule';

/**
 * Fees of one case (件), DOMAIN.md §2 and 发改价格规〔2016〕2559号: the registration fee by the unit's
 * use, no 工本费 for the first certificate and the schedule's 工本费 for each further one; free
 * business types (预告, 注销, 查封 by default) charge nothing. Amounts are integer fen.
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

export interface FeeInput {
  businessType: Pick<BusinessType, 'name' | 'feeRule'>;
  use: UnitUse;
  /** Certificates or proofs issued in this case (e.g. one per co-owner who asks for one). */
  certificates: number;
  exemptionId?: string | null;
}

export function computeFees(input: FeeInput, schedule: FeeSchedule = DEFAULT_FEE_SCHEDULE): FeeQuote {
  const { businessType, use, certificates } = input;
  if (!Number.isInteger(certificates) || certificates < 0) throw new AppError('BAD_REQUEST', '发证数量应为0或正整数。');
  const exemption = input.exemptionId ? schedule.exemptions.find((e) => e.id === input.exemptionId) : undefined;
  if (input.exemptionId && !exemption) throw new AppError('BAD_REQUEST', '所选减免项目不在本机构的收费配置中，请重新选择。');

  if (businessType.feeRule === 'free') {
    return quote([], exemption?.id ?? null, [`${businessType.name}不收取不动产登记费。`]);
  }
  const notes: string[] = [];
  const lines: FeeLine[] = [];
  const item = schedule.registration[use];
  let registrationFen = item.amountFen;
  if (exemption?.registration === 'waive') {
    registrationFen = 0;
    notes.push(`${exemption.name}：免收不动产登记费。`);
  } else if (exemption?.registration === 'half') {
    // Half of an odd number of fen rounds half up, as cash amounts are rounded.
    registrationFen = Math.round(item.amountFen / 2);
    notes.push(`${exemption.name}：减半收取不动产登记费。`);
  }
  lines.push({ code: item.code, name: item.name, quantity: 1, amountFen: registrationFen });

  const extra = Math.max(0, certificates - 1);
  if (extra > 0) {
    const waived = exemption?.certificates === 'waive';
    const { code, name, amountFen } = schedule.extraCertificate;
    lines.push({ code, name, quantity: extra, amountFen: waived ? 0 : amountFen * extra });
    notes.push(waived ? `${exemption.name}：免收证书工本费。` : `核发${certificates}本证书，第一本免收工本费，另${extra}本每本${amountFen / 100}元。`);
  }
  return quote(lines, exemption?.id ?? null, notes);
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
