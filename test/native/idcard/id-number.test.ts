import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCharacter, maskIdNumber, validateIdNumber } from '../../../native/idcard/id-number';
import { SAMPLE_HOLDERS } from '../../../native/sim/sample-cards';

const today = new Date(2026, 10, 27);

describe('GB 11643-1999 citizen identity number', () => {
  it("accepts the standard's own examples", () => {
    expect(validateIdNumber('11010519491231002X', { today })).toEqual({
      valid: true,
      normalized: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: '女',
    });
    expect(validateIdNumber('440524188001010014', { today })).toMatchObject({ valid: true, sex: '男' });
  });

  it('accepts a number whose check character is X, also typed in lower case', () => {
    expect(validateIdNumber('43010219860314042X', { today }).valid).toBe(true);
    expect(validateIdNumber('43010219860314042x', { today })).toMatchObject({ valid: true, normalized: '43010219860314042X' });
  });

  it('rejects a number whose check digit is wrong, and says so in Chinese without repeating the number', () => {
    const result = validateIdNumber('430111199005050883', { today });
    expect(result).toEqual({
      valid: false,
      code: 'INVALID_ID_NUMBER',
      reasons: ['公民身份号码校验码（第18位）不正确（GB 11643-1999），请核对号码是否有误。'],
    });
    if (!result.valid) expect(result.reasons.join('')).not.toContain('430111');
  });

  it('rejects an impossible birth date', () => {
    const first17 = '43010219860230001';
    const result = validateIdNumber(first17 + checkCharacter(first17), { today });
    expect(result).toMatchObject({ valid: false, reasons: [expect.stringContaining('不是有效日期')] });
  });

  it('rejects a birth date after today', () => {
    const first17 = '43010220270101001';
    const result = validateIdNumber(first17 + checkCharacter(first17), { today });
    expect(result).toMatchObject({ valid: false, reasons: [expect.stringContaining('晚于今天')] });
  });

  it('rejects an address code whose first two digits are no province', () => {
    const first17 = '99010219860314001';
    const result = validateIdNumber(first17 + checkCharacter(first17), { today });
    expect(result).toMatchObject({ valid: false, reasons: [expect.stringContaining('省级行政区划代码')] });
  });

  it('rejects the wrong length and non-digits', () => {
    expect(validateIdNumber('4301021986031404', { today })).toMatchObject({
      valid: false,
      reasons: ['公民身份号码应为18位，当前为16位，请核对。'],
    });
    expect(validateIdNumber('43010219860314A42X', { today }).valid).toBe(false);
    expect(validateIdNumber('4301021986031404X2', { today }).valid).toBe(false);
  });

  it('computes check characters with MOD 11-2 (sum mod 11 = 0..10 → 1 0 X 9 8 7 6 5 4 3 2)', () => {
    // Weighted sums chosen to land on each remainder: one digit 1 at position i contributes W_i.
    const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const expected = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];
    expect(checkCharacter('00000000000000000')).toBe('1');
    weights.forEach((w, i) => {
      const digits = '0'.repeat(i) + '1' + '0'.repeat(16 - i);
      expect(checkCharacter(digits)).toBe(expected[w % 11]);
    });
  });

  it('accepts the fictional sample holders except the one built with a wrong check digit', () => {
    for (const [key, fields] of Object.entries(SAMPLE_HOLDERS)) {
      expect(validateIdNumber(fields.idNumber, { today }).valid, key).toBe(key !== 'wrongCheckDigit');
    }
  });

  it('detects every single-digit change (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{17}$/), fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (first17, at, delta) => {
        const id = first17 + checkCharacter(first17);
        const changed = id.slice(0, at) + String((Number(id[at]) + delta) % 10) + id.slice(at + 1);
        expect(checkCharacter(changed.slice(0, 17))).not.toBe(id[17]);
      }),
    );
  });

  it('masks for display as first 6, eight asterisks, last 4', () => {
    expect(maskIdNumber('43010219860314042X')).toBe('430102********042X');
    expect(maskIdNumber('12345')).toBe('*****');
  });
});
