import { describe, expect, it } from 'vitest';
import { backendIdleLimitMs, checkOfficeCode, passwordPolicyProblems } from '../../../electron/contract';

describe('password policy (≥ 8 characters of ≥ 3 classes)', () => {
  it.each(['Abcdef1!', 'abcdef1!', 'ABCDEF1!', 'Abcdefg1', '中文密码Ab1!'])('accepts %s', (p) => {
    expect(passwordPolicyProblems(p)).toEqual([]);
  });
  it('rejects a short password', () => {
    expect(passwordPolicyProblems('Ab1!')).toContain('长度至少 8 位');
  });
  it('rejects two classes only', () => {
    expect(passwordPolicyProblems('abcdefgh1')).toContain('至少包含大写字母、小写字母、数字、符号中的 3 类');
  });
  it('rejects leading or trailing spaces', () => {
    expect(passwordPolicyProblems(' Abcdef1!')).toContain('首尾不能是空格');
  });
});

describe('office code (county-level GB/T 2260 code)', () => {
  it('accepts a county code and names the province', () => {
    expect(checkOfficeCode('430102')).toEqual({ ok: true, province: '湖南省' });
  });
  it.each([
    ['43010', '6 位数字'],
    ['990102', '不是有效的省级'],
    ['710102', '不是有效的省级'],
    ['430002', '第 3–4 位'],
    ['430100', '第 5–6 位'],
  ])('rejects %s with the reason', (code, reason) => {
    const r = checkOfficeCode(code);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toContain(reason);
  });
});

describe('idle limits', () => {
  it('the back end waits one report interval longer than the screen', () => {
    expect(backendIdleLimitMs(600)).toBe(630_000);
    expect(backendIdleLimitMs(8)).toBe(10_000);
  });
});
