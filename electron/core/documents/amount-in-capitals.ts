/**
 * An amount in fen written in Chinese financial capitals (大写金额), as fee notices and receipts
 * print it next to the figures: 8000 → 捌拾元整, 63050 → 陆佰叁拾元伍角, 100500 → 壹仟零伍元整,
 * 5 → 伍分, 100005 → 壹仟元零伍分.
 *
 * Conventions (the ones bank and non-tax payment forms follow): 拾 is written out even at the
 * start (10 元 → 壹拾元整); a run of zeros inside the number reads as one 零, zeros at the end of a
 * 4-digit group are silent, and a group that starts with zero after a higher group begins with 零
 * (1 0005 0000 元 → 壹亿零伍万元); 整 follows 元 when there are no 角 and 分, and is not written
 * after 角; a 分 without 角 is preceded by 零 when there are 元.
 */
export function amountInCapitals(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`金额应为非负整数（分），收到 ${fen}`);
  if (fen >= MAX_FEN) throw new RangeError('金额超出可书写的范围（万亿元以下）');
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cent = fen % 10;
  if (fen === 0) return '零元整';

  const yuanText = yuan > 0 ? `${integerInCapitals(yuan)}元` : '';
  if (jiao === 0 && cent === 0) return `${yuanText}整`;
  const jiaoText = jiao > 0 ? `${DIGITS[jiao]}角` : yuan > 0 && cent > 0 ? '零' : '';
  const centText = cent > 0 ? `${DIGITS[cent]}分` : '';
  return `${yuanText}${jiaoText}${centText}`;
}

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'] as const;
const PLACES = ['', '拾', '佰', '仟'] as const;
/** Group names for each 4-digit group, lowest first: 元 units, 万, 亿, 万亿. */
const GROUPS = ['', '万', '亿', '万亿'] as const;
const MAX_FEN = 10_000 ** GROUPS.length * 100;

function integerInCapitals(value: number): string {
  const groups: number[] = [];
  for (let rest = value; rest > 0; rest = Math.floor(rest / 10_000)) groups.push(rest % 10_000);
  let text = '';
  let pendingZero = false;
  for (let g = groups.length - 1; g >= 0; g--) {
    const group = groups[g];
    if (group === 0) {
      // A whole silent group still separates digits on either side: 1 0000 0001 → 壹亿零壹.
      if (text !== '') pendingZero = true;
      continue;
    }
    if (text !== '' && (pendingZero || group < 1000)) text += '零';
    pendingZero = false;
    text += groupInCapitals(group) + GROUPS[g];
  }
  return text;
}

/** 1–9999 with zeros read as above: 1005 → 壹仟零伍, 1050 → 壹仟零伍拾, 1500 → 壹仟伍佰. */
function groupInCapitals(group: number): string {
  let text = '';
  let zero = false;
  for (let place = 3; place >= 0; place--) {
    const digit = Math.floor(group / 10 ** place) % 10;
    if (digit === 0) {
      if (text !== '') zero = true;
      continue;
    }
    if (zero) text += '零';
    zero = false;
    text += DIGITS[digit] + PLACES[place];
  }
  return text;
}
