import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountInCapitals } from '../../../../electron/contract/validation/chinese-amount';
import { amountInFigures } from '../../../../electron/core/documents/amount-in-figures';

describe('amount in Chinese financial capitals (大写)', () => {
  it.each([
    [0, '零元整'],
    [5, '伍分'],
    [50, '伍角'],
    [55, '伍角伍分'],
    [100, '壹元整'],
    [1000, '壹拾元整'],
    [8000, '捌拾元整'],
    [55000, '伍佰伍拾元整'],
    [63050, '陆佰叁拾元伍角'],
    [100500, '壹仟零伍元整'],
    [100005, '壹仟元零伍分'],
    [100505, '壹仟零伍元零伍分'],
    [100555, '壹仟零伍元伍角伍分'],
    [105000, '壹仟零伍拾元整'],
    [150000, '壹仟伍佰元整'],
    [1000000, '壹万元整'],
    [1001000, '壹万零壹拾元整'],
    [10050000, '壹拾万零伍佰元整'],
    [11000000, '壹拾壹万元整'],
    [100000000, '壹佰万元整'],
    [10000000000, '壹亿元整'],
    [10000000100, '壹亿零壹元整'],
    [10005000000, '壹亿零伍万元整'],
    [10000500000, '壹亿零伍仟元整'],
    [11000000000, '壹亿壹仟万元整'],
    [123456789012, '壹拾贰亿叁仟肆佰伍拾陆万柒仟捌佰玖拾元壹角贰分'],
  ])('%i fen → %s', (fen, expected) => {
    expect(amountInCapitals(fen)).toBe(expected);
  });

  it('reads back to the same amount for any amount (round trip through a reader of 大写)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (fen) => {
        expect(readCapitals(amountInCapitals(fen))).toBe(fen);
      }),
      { numRuns: 2000 },
    );
  });

  it('never writes two 零 in a row, nor ends the 元 part with 零 (zero itself aside)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 ** 14 }), (fen) => {
        const text = amountInCapitals(fen);
        expect(text).not.toMatch(/零零|零元|零万|零亿/);
        expect(text).toMatch(/(整|角|分)$/);
      }),
    );
  });

  it('refuses negative, fractional and unsafe amounts', () => {
    expect(() => amountInCapitals(-1)).toThrow(RangeError);
    expect(() => amountInCapitals(1.5)).toThrow(RangeError);
    expect(() => amountInCapitals(Number.MAX_SAFE_INTEGER + 1)).toThrow(RangeError);
  });
});

describe('amount in figures', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [8000, '80.00'],
    [63050, '630.50'],
    [123456789, '1,234,567.89'],
  ])('%i fen → %s', (fen, expected) => {
    expect(amountInFigures(fen)).toBe(expected);
  });
});

/** An independent reader of financial capitals: place values add up within a group, group words multiply. */
function readCapitals(text: string): number {
  const digits = '零壹贰叁肆伍陆柒捌玖';
  const places: Record<string, number> = { 拾: 10, 佰: 100, 仟: 1000 };
  const [yuanPart, fenPart] = text.includes('元') ? text.split('元') : ['', text];
  // 亿 multiplies everything read before it (壹万零壹亿 = 10001 亿); 万 only its own section.
  let yi = 0;
  let wan = 0;
  let section = 0;
  let number = 0;
  for (const char of yuanPart) {
    if (digits.includes(char)) number = digits.indexOf(char);
    else if (char in places) {
      section += number * places[char];
      number = 0;
    } else if (char === '万') {
      wan += (section + number) * 1e4;
      section = 0;
      number = 0;
    } else if (char === '亿') {
      yi = (yi + wan + section + number) * 1e8;
      wan = 0;
      section = 0;
      number = 0;
    }
  }
  const total = yi + wan + section + number;
  const jiao = /(.)角/.exec(fenPart);
  const cent = /(.)分/.exec(fenPart);
  return total * 100 + (jiao ? digits.indexOf(jiao[1]) * 10 : 0) + (cent ? digits.indexOf(cent[1]) : 0);
}
