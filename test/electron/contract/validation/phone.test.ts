import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskPhone, validatePhone } from '../../../../electron/contract/validation/phone';

const mobile = fc.tuple(fc.integer({ min: 3, max: 9 }), fc.stringMatching(/^\d{9}$/)).map(([second, rest]) => `1${second}${rest}`);

describe('phone numbers', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['138 0013 8000', '13800138000'],
    ['138-0013-8000', '13800138000'],
    ['+86 138 0013 8000', '13800138000'],
    ['8613800138000', '13800138000'],
    ['１３８００１３８０００', '13800138000'],
  ])('accepts the mobile %s as %s', (input, normalized) => {
    expect(validatePhone(input)).toEqual({ valid: true, kind: 'mobile', normalized });
  });

  it.each([
    ['0731-88888888', '0731-88888888'],
    ['0731 8888888', '0731-8888888'],
    ['073188888888', '0731-88888888'],
    ['010-12345678', null],
    ['010-62345678', '010-62345678'],
    ['(020) 83333333', '020-83333333'],
    ['0731-8888-8888', '0731-88888888'],
    ['0731-88888888-123', '0731-88888888-123'],
    ['0731-88888888转6001', '0731-88888888-6001'],
    ['+86 731 88888888', '0731-88888888'],
  ])('reads the landline %s', (input, normalized) => {
    const result = validatePhone(input);
    if (normalized === null) expect(result.valid).toBe(false);
    else expect(result).toEqual({ valid: true, kind: 'landline', normalized });
  });

  it('gives the exact reason for each kind of mistake', () => {
    const reasons = (input: string): string[] => {
      const r = validatePhone(input);
      return r.valid ? [] : r.reasons;
    };
    expect(reasons('  ')).toEqual(['请填写联系电话。']);
    expect(reasons('12800138000')).toEqual(['手机号码第2位应为3–9，请核对。']);
    expect(reasons('1380013800')).toEqual(['手机号码应为11位数字，当前为10位，请核对。']);
    expect(reasons('88888888')).toEqual(['固定电话请填写区号，例如“0731-88888888”；手机号码应以1开头。']);
    expect(reasons('0731-888888')).toEqual([
      '固定电话应为区号＋本地号码：区号010、020–029后接8位号码，其他区号为4位、后接7或8位号码。',
    ]);
    expect(reasons('0731-08888888')).toEqual(['固定电话本地号码（区号之后）不能以0或1开头，请核对。']);
    expect(reasons('0731-8888abcd')).toEqual(['电话号码只能包含数字、空格和“-”，分机号可写作“-123”或“转123”。']);
  });

  it('masks a mobile as 3 + **** + 4 and a landline keeping the area code', () => {
    expect(maskPhone('13800138000')).toBe('138****8000');
    expect(maskPhone('+86 138-0013-8000')).toBe('138****8000');
    expect(maskPhone('0731-88888888')).toBe('0731-****8888');
    expect(maskPhone('0731-88888888-123')).toBe('0731-****8888');
    expect(maskPhone('12345')).toBe('*2345');
  });

  it('accepts every generated mobile and never repeats it in a reason (property)', () => {
    fc.assert(
      fc.property(mobile, fc.integer({ min: 0, max: 10 }), (number, drop) => {
        expect(validatePhone(number)).toEqual({ valid: true, kind: 'mobile', normalized: number });
        const shortened = number.slice(0, drop) + number.slice(drop + 1);
        const result = validatePhone(shortened);
        expect(result.valid).toBe(false);
        expect(!result.valid && result.reasons.join('')).not.toContain(shortened);
      }),
    );
  });

  it('masks every valid mobile to its first 3 and last 4 digits only (property)', () => {
    fc.assert(
      fc.property(mobile, (number) => {
        expect(maskPhone(number)).toBe(`${number.slice(0, 3)}****${number.slice(7)}`);
      }),
    );
  });

  it('never throws on arbitrary input (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => {
        expect(typeof validatePhone(s).valid).toBe('boolean');
        expect(typeof maskPhone(s)).toBe('string');
      }),
    );
  });
});
