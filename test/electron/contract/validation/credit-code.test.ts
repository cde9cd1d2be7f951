import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter, validateCreditCode } from '../../../../electron/contract/validation/credit-code';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it('accepts published codes of real organisations', () => {
    for (const code of ['911100001000044477', '91110000710935732K']) expect(validateCreditCode(code)).toMatchObject({ valid: true, normalized: code });
  });

  it('normalises lower case, full-width characters and spaces', () => {
    expect(validateCreditCode(' 91110000710935732k ')).toMatchObject({ valid: true, normalized: '91110000710935732K' });
  });

  it.each([
    ['91110000710935732', '应为 18 位'],
    ['91110000710935732I', '第 18 位“I”不是'],
    ['91AB0000710935732K', '第 3–8 位'],
    ['911100001000044478', '校验码（第 18 位）不正确'],
  ])('refuses %s with the reason', (code, reason) => {
    const r = validateCreditCode(code);
    expect(r.valid).toBe(false);
    expect(!r.valid && r.reasons.join('')).toContain(reason);
  });

  it('any generated code with its check character passes, and any other check character fails', () => {
    const body = fc.tuple(
      fc.constantFrom(...ALPHABET.split('')),
      fc.constantFrom(...ALPHABET.split('')),
      fc.stringMatching(/^\d{6}$/),
      fc.array(fc.constantFrom(...ALPHABET.split('')), { minLength: 9, maxLength: 9 }),
    );
    fc.assert(
      fc.property(body, fc.constantFrom(...ALPHABET.split('')), ([a, b, region, rest], other) => {
        const first17 = `${a}${b}${region}${rest.join('')}`;
        const check = creditCodeCheckCharacter(first17);
        expect(validateCreditCode(first17 + check).valid).toBe(true);
        if (other !== check) expect(validateCreditCode(first17 + other).valid).toBe(false);
      }),
    );
  });
});
