/**
 * Amounts in Chinese capitals (中文大写金额) for receipts and fee notices, following the People's
 * Bank of China rules for filling in bills (正确填写票据和结算凭证的基本规定):
 * - 元 without 角/分 ends with 整; with 分 there is no 整 (630.50 → 陆佰叁拾元伍角).
 * - Zeros between digits are written once as 零 (1005 → 壹仟零伍元整, 100010 → 壹拾万零壹拾元整).
 * - 角 zero but 分 not: 零 after 元 (325.04 → 叁佰贰拾伍元零肆分).
 * - Tens always carry 壹: 10 → 壹拾元整, 16 → 壹拾陆元整.
 * Where the rules allow 零 or not (元 digit zero before 角: 1680.32), this writes none, as the
 * issue's example 630.50 → 陆佰叁拾元伍角 does.
 */
const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const IN_GROUP = ['仟', '佰', '拾', ''];

/** `fen` is the amount in fen (分) as a non-negative safe integer: 8000 → 捌拾元整. */
export function amountInCapitals(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError('amount must be a non-negative integer number of fen');
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  if (fen === 0) return '零元整';
  let text = yuan > 0 ? `${integerInCapitals(yuan)}元` : '';
  if (jiao === 0 && cents === 0) return `${text}整`;
  if (jiao > 0) text += `${DIGITS[jiao]}角`;
  else if (yuan > 0) text += '零';
  if (cents > 0) text += `${DIGITS[cents]}分`;
  return text;
}

/** A positive integer in capitals with 万 and 亿; below 2^53 fen the 亿 part itself stays under 1e8. */
function integerInCapitals(n: number): string {
  if (n >= 1e8) return joinLevels(Math.floor(n / 1e8), '亿', n % 1e8, 1e7);
  if (n >= 1e4) return joinLevels(Math.floor(n / 1e4), '万', n % 1e4, 1e3);
  return groupInCapitals(n);
}

/** `high`+unit, then the low part with one 零 when the low part has leading zeros. */
function joinLevels(high: number, unit: string, low: number, lowTop: number): string {
  const head = `${integerInCapitals(high)}${unit}`;
  if (low === 0) return head;
  return `${head}${low < lowTop ? '零' : ''}${integerInCapitals(low)}`;
}

/** 1…9999: digits with 仟佰拾, one 零 for any run of zeros between non-zero digits. */
function groupInCapitals(n: number): string {
  const digits = String(n).padStart(4, '0');
  let text = '';
  let pendingZero = false;
  for (let i = 0; i < 4; i++) {
    const d = Number(digits[i]);
    if (d === 0) {
      pendingZero = text !== '';
      continue;
    }
    if (pendingZero) text += '零';
    pendingZero = false;
    text += DIGITS[d] + IN_GROUP[i];
  }
  return text;
}
