import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PROVINCE_CODES,
  checkCharacter,
  maskIdNumber,
  validateIdNumber,
} from '../../../../electron/contract/validation/id-number';
import * as nativeIdNumber from '../../../../native/idcard/id-number';

const today = '2026-06-30';
const withCheck = (first17: string): string => first17 + checkCharacter(first17);

/** Valid numbers: a real province, a real birth date up to `today`, any sequence. */
const validIdNumber = fc
  .record({
    province: fc.constantFrom(...PROVINCE_CODES),
    rest: fc.stringMatching(/^\d{4}$/),
    birth: fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date(`${today}T00:00:00Z`), noInvalidDate: true }),
    sequence: fc.stringMatching(/^\d{3}$/),
  })
  .map(({ province, rest, birth, sequence }) => withCheck(province + rest + birth.toISOString().slice(0, 10).replaceAll('-', '') + sequence));

describe('GB 11643-1999 resident ID number (contract validator)', () => {
  it('accepts a valid number and reports birth date and sex', () => {
    expect(validateIdNumber('11010519491231002X', { today })).toEqual({
      valid: true,
      normalized: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: '女',
    });
  });

  it('normalises a lower-case x and surrounding spaces', () => {
    expect(validateIdNumber('  43010219860314042x ', { today })).toMatchObject({ valid: true, normalized: '43010219860314042X', sex: '女' });
  });

  it('gives the exact reason for each rule', () => {
    expect(validateIdNumber('4301021986031404', { today })).toEqual({
      valid: false,
      code: 'INVALID_ID_NUMBER',
      reasons: ['公民身份号码应为18位，当前为16位，请核对。'],
    });
    expect(validateIdNumber('43010219860314X42X', { today })).toMatchObject({
      reasons: ['公民身份号码前17位应为数字，最后一位应为数字或X，请核对。'],
    });
    expect(validateIdNumber(withCheck('99010219860314001'), { today })).toMatchObject({
      reasons: ['地址码前两位“99”不是有效的省级行政区划代码（GB/T 2260），请核对。'],
    });
    expect(validateIdNumber(withCheck('43010219860230001'), { today })).toMatchObject({
      reasons: ['号码中的出生日期（第7–14位）不是有效日期，请核对。'],
    });
    expect(validateIdNumber(withCheck('43010220260701001'), { today })).toMatchObject({
      reasons: ['号码中的出生日期（第7–14位）晚于今天，请核对。'],
    });
    expect(validateIdNumber('430111199005050883', { today })).toMatchObject({
      reasons: ['公民身份号码校验码（第18位）不正确（GB 11643-1999），请核对号码是否有误。'],
    });
  });

  it('reports every broken rule at once', () => {
    const result = validateIdNumber('990102198602300011', { today });
    expect(result.valid).toBe(false);
    expect(!result.valid && result.reasons).toHaveLength(3);
  });

  it('accepts 29 February only in leap years', () => {
    expect(validateIdNumber(withCheck('43010220000229001'), { today }).valid).toBe(true);
    expect(validateIdNumber(withCheck('43010219000229001'), { today }).valid).toBe(false);
  });

  it('takes "today" as a Date in local time or as a YYYY-MM-DD string', () => {
    const bornToday = withCheck('43010220260630001');
    expect(validateIdNumber(bornToday, { today: '2026-06-30' }).valid).toBe(true);
    expect(validateIdNumber(bornToday, { today: new Date(2026, 5, 30) }).valid).toBe(true);
    expect(validateIdNumber(bornToday, { today: '2026-06-29' }).valid).toBe(false);
  });

  it('never repeats the number in a reason (it is personal data)', () => {
    fc.assert(
      fc.property(validIdNumber, fc.integer({ min: 0, max: 16 }), (id, at) => {
        const changed = id.slice(0, at) + String((Number(id[at]) + 1) % 10) + id.slice(at + 1);
        const result = validateIdNumber(changed, { today });
        expect(!result.valid && result.reasons.join('')).not.toContain(changed.slice(6, 14));
      }),
    );
  });

  it('accepts every generated valid number (property)', () => {
    fc.assert(
      fc.property(validIdNumber, (id) => {
        expect(validateIdNumber(id, { today }).valid).toBe(true);
      }),
    );
  });

  it('rejects any single-character change of a valid number (property)', () => {
    const alphabet = '0123456789X'.split('');
    fc.assert(
      fc.property(validIdNumber, fc.integer({ min: 0, max: 17 }), fc.constantFrom(...alphabet), (id, at, replacement) => {
        fc.pre(replacement !== id[at]);
        const changed = id.slice(0, at) + replacement + id.slice(at + 1);
        expect(validateIdNumber(changed, { today }).valid).toBe(false);
      }),
    );
  });

  it('never throws on arbitrary input (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        expect(typeof validateIdNumber(s, { today }).valid).toBe('boolean');
      }),
    );
  });

  it('masks as first 6, eight asterisks, last 4', () => {
    expect(maskIdNumber('43010219860314042X')).toBe('430102********042X');
    expect(maskIdNumber('123')).toBe('***');
  });

  it('is the one implementation the card reader driver uses', () => {
    expect(nativeIdNumber.validateIdNumber).toBe(validateIdNumber);
    expect(nativeIdNumber.checkCharacter).toBe(checkCharacter);
    expect(nativeIdNumber.maskIdNumber).toBe(maskIdNumber);
    expect(nativeIdNumber.PROVINCE_CODES).toBe(PROVINCE_CODES);
  });
});
