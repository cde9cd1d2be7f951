/**
 * How the holders of one right share it (共有方式, GYFS in the registration database standard):
 * 单独所有 (one holder), 共同共有 (two or more, no shares: each owns the whole together) and
 * 按份共有 (two or more, each with a share; the shares make up exactly the whole).
 * Shares are exact fractions, never floats: 1/3 + 1/3 + 1/3 and 33.33% + 33.33% + 33.34% must both
 * total exactly 100%.
 */
export const CO_OWNERSHIP_MODES = ['sole', 'joint', 'shares'] as const;
export type CoOwnershipMode = (typeof CO_OWNERSHIP_MODES)[number];

export const CO_OWNERSHIP_LABELS: Record<CoOwnershipMode, string> = {
  sole: '单独所有',
  joint: '共同共有',
  shares: '按份共有',
};

/**
 * An exact share of the whole in lowest terms. Plain numbers, so it crosses IPC as JSON; both
 * stay below 10^9 as typed, and sums are done in bigint.
 */
export interface Share {
  numerator: number;
  denominator: number;
}

/** Exact arithmetic inside this file. */
interface Fraction {
  n: bigint;
  d: bigint;
}

export interface CoOwnershipInput {
  mode: CoOwnershipMode;
  /** One entry per holder, in the order shown on the form; share as typed (50%, 33.33%, 1/3). */
  holders: ReadonlyArray<{ share?: string | null }>;
}

export type CoOwnershipCheck =
  | { valid: true; mode: CoOwnershipMode; shares: Share[] | null }
  | { valid: false; code: 'INVALID_CO_OWNERSHIP'; reasons: string[] };

const PERCENT = /^(\d{1,3})(?:\.(\d{1,6}))?[%％]$/;
const FRACTION = /^(\d{1,9})\/(\d{1,9})$/;

export function checkCoOwnership(input: CoOwnershipInput): CoOwnershipCheck {
  const { mode, holders } = input;
  const count = holders.length;
  const label = CO_OWNERSHIP_LABELS[mode];
  if (count === 0) return fail(['请至少填写一名权利人。']);
  if (mode === 'sole') {
    if (count !== 1) return fail([`单独所有只能有一名权利人，当前为${count}名；多人共有请选择共同共有或按份共有。`]);
    if (hasShare(holders[0])) return fail(['单独所有不填写份额，请删除份额。']);
    return { valid: true, mode, shares: null };
  }
  if (count < 2) return fail([`${label}至少需要两名权利人，当前为1名；一人所有请选择单独所有。`]);
  if (mode === 'joint') {
    const withShares = holders.flatMap((h, i) => (hasShare(h) ? [i + 1] : []));
    if (withShares.length > 0) {
      return fail([`共同共有不登记份额，请删除第${withShares.join('、')}名权利人的份额，或改为按份共有。`]);
    }
    return { valid: true, mode, shares: null };
  }

  const reasons: string[] = [];
  const shares: Share[] = [];
  holders.forEach((holder, i) => {
    const parsed = parseShare(holder.share ?? '');
    if (!parsed.ok) reasons.push(`第${i + 1}名权利人的份额${parsed.reason}`);
    else shares.push(parsed.share);
  });
  if (reasons.length > 0) return fail(reasons);
  const total = shares.map(toFraction).reduce(add, { n: 0n, d: 1n });
  if (total.n !== total.d) {
    const short = total.n < total.d;
    const gap = short ? subtract(ONE, total) : subtract(total, ONE);
    const sum = formatFraction(total);
    return fail([`按份共有各权利人份额合计应为100%，当前合计为${sum}，${short ? '还差' : '多出'}${formatFraction(gap)}，请核对。`]);
  }
  return { valid: true, mode, shares };
}

/**
 * Reads a share as typed: a percentage with up to 6 decimals (50%, 33.33%, full-width ％ too) or a
 * fraction (1/3). A share must be more than 0 and at most the whole.
 */
export function parseShare(text: string): { ok: true; share: Share } | { ok: false; reason: string } {
  const value = text.normalize('NFKC').replace(/\s+/g, '');
  if (value === '') return { ok: false, reason: '未填写，按份共有须填写每名权利人的份额（如50%或1/3）。' };
  let share: Fraction | null = null;
  const percent = PERCENT.exec(value);
  const fraction = FRACTION.exec(value);
  if (percent) {
    const decimals = percent[2] ?? '';
    share = reduce(BigInt(percent[1] + decimals), 100n * 10n ** BigInt(decimals.length));
  } else if (fraction) {
    if (BigInt(fraction[2]) === 0n) return { ok: false, reason: '的分母不能为0。' };
    share = reduce(BigInt(fraction[1]), BigInt(fraction[2]));
  }
  if (!share) return { ok: false, reason: '格式不正确，应写作百分比（如50%、33.33%）或分数（如1/3）。' };
  if (share.n === 0n) return { ok: false, reason: '应大于0。' };
  if (share.n > share.d) return { ok: false, reason: '不能超过100%。' };
  return { ok: true, share: { numerator: Number(share.n), denominator: Number(share.d) } };
}

/** 1/2 → 50%, 1/8 → 12.5%, 1/3 → 1/3 (a percentage only when it is exact with at most 6 decimals). */
export function formatShare(share: Share): string {
  return formatFraction(toFraction(share));
}

const ONE: Fraction = { n: 1n, d: 1n };

function formatFraction({ n, d }: Fraction): string {
  for (let decimals = 0; decimals <= 6; decimals++) {
    const scale = 100n * 10n ** BigInt(decimals);
    if ((n * scale) % d === 0n) {
      const digits = ((n * scale) / d).toString().padStart(decimals + 1, '0');
      const whole = digits.slice(0, digits.length - decimals);
      return decimals === 0 ? `${whole}%` : `${whole}.${digits.slice(-decimals)}%`;
    }
  }
  return `${n}/${d}`;
}

function toFraction(share: Share): Fraction {
  return reduce(BigInt(share.numerator), BigInt(share.denominator));
}

function hasShare(holder: { share?: string | null }): boolean {
  return (holder.share ?? '').trim() !== '';
}

function add(a: Fraction, b: Fraction): Fraction {
  return reduce(a.n * b.d + b.n * a.d, a.d * b.d);
}

function subtract(a: Fraction, b: Fraction): Fraction {
  return reduce(a.n * b.d - b.n * a.d, a.d * b.d);
}

function reduce(n: bigint, d: bigint): Fraction {
  const divisor = gcd(n < 0n ? -n : n, d);
  return divisor === 0n ? { n, d } : { n: n / divisor, d: d / divisor };
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function fail(reasons: string[]): CoOwnershipCheck {
  return { valid: false, code: 'INVALID_CO_OWNERSHIP', reasons };
}
