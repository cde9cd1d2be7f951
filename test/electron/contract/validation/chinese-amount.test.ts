import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountInCapitals } from '../../../../electron/contract/validation/chinese-amount';

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const UNITS: Record<string, number> = { 拾: 10, 佰: 100, 仟: 1000 };

/** Test-only inverse: capitals back to fen, to prove the writer loses nothing. */
function capitalsToFen(text: string): number {
  const body = text.replace(/整$/, '');
  const [integerPart, decimalPart] = body.includes('元') ? body.split('元') : ['', body];
  let result = 0;
  let section = 0;
  let digit = 0;
  for (const ch of integerPart) {
    if (DIGITS.includes(ch)) digit = DIGITS.indexOf(ch);
    else if (ch in UNITS) {
      section += digit * UNITS[ch];
      digit = 0;
    } else if (ch === '万') {
      result += (section + digit) * 1e4;
      section = digit = 0;
    } else if (ch === '亿') {
      result = (result + section + digit) * 1e8;
      section = digit = 0;
    } else throw new Error(`unexpected ${ch}`);
  }
  const yuan = result + section + digit;
  const jiao = /(.)角/.exec(decimalPart);
  const fen = /(.)分/.exec(decimalPart);
  return yuan * 100 + (jiao ? DIGITS.indexOf(jiao[1]) * 10 : 0) + (fen ? DIGITS.indexOf(fen[1]) : 0);
}

describe('amounts in Chinese capitals (大写金额)', () => {
  it.each([
    [8000, '捌拾元整'],
    [55000, '伍佰伍拾元整'],
    [63050, '陆佰叁拾元伍角'],
    [1000, '壹拾元整'],
    [1600, '壹拾陆元整'],
    [100500, '壹仟零伍元整'],
    [0, '零元整'],
    [5, '伍分'],
    [50, '伍角'],
    [32504, '叁佰贰拾伍元零肆分'],
    [1640902, '壹万陆仟肆佰零玖元零贰分'],
    [168032, '壹仟陆佰捌拾元叁角贰分'],
    [10700053, '壹拾万柒仟元伍角叁分'],
    [10001000, '壹拾万零壹拾元整'],
    [11000, '壹佰壹拾元整'],
    [10000000000, '壹亿元整'],
    [10000100000, '壹亿零壹仟元整'],
    [10001000000, '壹亿零壹万元整'],
    [12345678900, '壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元整'],
    [100000000000000, '壹万亿元整'],
  ])('writes %i fen as %s', (fen, text) => {
    expect(amountInCapitals(fen)).toBe(text);
  });

  it('rejects negative, fractional and unsafe amounts', () => {
    for (const bad of [-1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1]) expect(() => amountInCapitals(bad)).toThrow(RangeError);
    expect(amountInCapitals(Number.MAX_SAFE_INTEGER)).toMatch(/分$/);
  });

  it('never writes 零零, never puts 零 before a unit, and never ends with 零 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (fen) => {
        const text = amountInCapitals(fen);
        expect(text).not.toContain('零零');
        expect(text).not.toMatch(/零[拾佰仟万亿元角分整]/);
        expect(text).not.toMatch(/零$/);
        expect(text.startsWith('零')).toBe(false);
      }),
    );
  });

  it('always writes 壹 before 拾 and ends with 整 exactly when there are no 角 and 分 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (fen) => {
        const text = amountInCapitals(fen);
        expect(text).not.toMatch(/(^|[^壹贰叁肆伍陆柒捌玖])拾/);
        expect(text.endsWith('整')).toBe(fen % 100 === 0);
      }),
    );
  });

  it('reads back to the same amount, so different amounts never share a text (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (fen) => {
        expect(capitalsToFen(amountInCapitals(fen))).toBe(fen);
      }),
    );
  });

  it('is injective on every amount up to 200 元 (the fee range)', () => {
    const seen = new Set<string>();
    for (let fen = 0; fen <= 20_000; fen++) seen.add(amountInCapitals(fen));
    expect(seen.size).toBe(20_001);
  });
});
