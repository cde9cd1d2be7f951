/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from 31 symbols (digits and capital letters
 * without I, O, S, V, Z); position 1 is the registering authority, 2 the kind of organisation,
 * 3–8 the administrative division, 9–17 the organisation code, 18 a check character.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type CreditCodeCheck = { valid: true; normalized: string } | { valid: false; code: 'INVALID_CREDIT_CODE'; reasons: string[] };

export function creditCodeCheckCharacter(first17: string): string {
  const sum = [...first17].reduce((n, ch, i) => n + ALPHABET.indexOf(ch) * WEIGHTS[i], 0);
  return ALPHABET[(31 - (sum % 31)) % 31];
}

export function validateCreditCode(value: string): CreditCodeCheck {
  const code = value.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  const fail = (reason: string): CreditCodeCheck => ({ valid: false, code: 'INVALID_CREDIT_CODE', reasons: [reason] });
  if (code.length !== 18) return fail(`统一社会信用代码应为 18 位，当前为 ${code.length} 位。`);
  const bad = [...code].findIndex((ch) => !ALPHABET.includes(ch));
  if (bad >= 0) return fail(`第 ${bad + 1} 位“${code[bad]}”不是统一社会信用代码可用的字符（不使用 I、O、S、V、Z）。`);
  if (!/^\d{6}$/.test(code.slice(2, 8))) return fail('第 3–8 位应为登记管理机关的行政区划代码（6 位数字）。');
  const expected = creditCodeCheckCharacter(code.slice(0, 17));
  if (code[17] !== expected) return fail(`校验码（第 18 位）不正确（GB 32100-2015），请核对代码是否有误。`);
  return { valid: true, normalized: code };
}
