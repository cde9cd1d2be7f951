import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isKeyboardPattern, weakPasswordProblems } from '../../../../electron/core/auth/weak-passwords';
import { ADMIN, makeWorkstation, type TestWorkstation } from '../../../support/workstation';

describe('password guessing: weak passwords, enumeration', () => {
  let t: TestWorkstation;
  beforeEach(() => {
    t = makeWorkstation();
  });
  afterEach(() => t.close());

  it('refuses common, keyboard-pattern, username and office-code passwords that meet the class rule', async () => {
    await t.setup();
    const weak = ['Aa123456', '1qaz@WSX', '!QAZ2wsx', 'Qwer1234!', 'Password@2026', 'P@ssw0rd', 'Asdf;lkj1', 'Zxcv!2345', 'aaaa1111AA', 'Abc@12345'];
    for (const temporaryPassword of weak) {
      const r = await t.call('admin', 'users.create', { username: 'zhangsan', displayName: '张三', role: 'clerk', temporaryPassword });
      expect(r, temporaryPassword).toMatchObject({ ok: false, error: { code: 'WEAK_PASSWORD' } });
    }
    expect(await t.call('admin', 'users.create', { username: 'zhangsan', displayName: '张三', role: 'clerk', temporaryPassword: 'Zhangsan#2026' })).toMatchObject({
      ok: false,
      error: { code: 'WEAK_PASSWORD', message: expect.stringContaining('不能包含用户名') },
    });
    expect(await t.call('admin', 'users.create', { username: 'zhangsan', displayName: '张三', role: 'clerk', temporaryPassword: 'Kt#430102ab' })).toMatchObject({
      ok: false,
      error: { code: 'WEAK_PASSWORD', message: expect.stringContaining('不能包含机构代码') },
    });
    await t.ok('admin', 'users.create', { username: 'zhangsan', displayName: '张三', role: 'clerk', temporaryPassword: 'Temp#2026ab' });
    await t.ok('z', 'auth.login', { username: 'zhangsan', password: 'Temp#2026ab' });
    expect(await t.call('z', 'auth.changePassword', { currentPassword: 'Temp#2026ab', newPassword: 'Aa123456' })).toMatchObject({ ok: false, error: { code: 'WEAK_PASSWORD' } });
    expect(await t.call('z', 'auth.changePassword', { currentPassword: 'Temp#2026ab', newPassword: 'zhangSAN!2026' })).toMatchObject({ ok: false, error: { code: 'WEAK_PASSWORD' } });
  });

  it('setup refuses an administrator password that contains the username or the office code', async () => {
    const base = { officeCode: '430102', officeName: '芙蓉区', adminUsername: 'wangli', adminDisplayName: '王丽' };
    expect(await t.call('a', 'setup.initialize', { ...base, password: 'Wangli#2026x' })).toMatchObject({ ok: false, error: { code: 'WEAK_PASSWORD' } });
    expect(await t.call('a', 'setup.initialize', { ...base, password: 'Xy#430102ab' })).toMatchObject({ ok: false, error: { code: 'WEAK_PASSWORD' } });
    expect(await t.call('a', 'setup.initialize', { ...base, password: 'Aa123456' })).toMatchObject({ ok: false, error: { code: 'WEAK_PASSWORD' } });
    expect(await t.call('a', 'setup.initialize', { ...base, password: ADMIN.password })).toMatchObject({ ok: true });
  });

  it('keyboard walks are generated, not listed: rows, columns, diagonals, both ways, shifted', () => {
    for (const p of ['1qaz2wsx3edc', '!QAZ@WSX', 'zaq1XSW2', 'poiuytrewq', 'mnbvcxz!', '0987)(*&', 'qazwsxedc', '1111aaaa', '3edc4rfv']) {
      expect(isKeyboardPattern(p), p).toBe(true);
    }
    for (const p of ['Temp#2026ab', 'Office#2026x', 'Huang#Xm2026', 'Clerk#2026ok', 'Pw#2026-aixil']) {
      expect(isKeyboardPattern(p), p).toBe(false);
      expect(weakPasswordProblems(p, { username: 'lixia', officeCode: '430102' }), p).toEqual([]);
    }
  });

  it('an unknown user and a wrong password for a real user get the same answer, in about the same time', async () => {
    await t.setup();
    await t.ok('admin', 'users.create', { username: 'clerk1', displayName: '张受理', role: 'clerk', temporaryPassword: 'Temp#2026ab' });
    const timed = async (username: string) => {
      const started = performance.now();
      const r = await t.call('x', 'auth.login', { username, password: 'Wrong#2026yz' });
      return { r, ms: performance.now() - started };
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 3; i++) {
      const a = await timed('clerk1');
      const b = await timed(`nobody${i}`);
      // Byte for byte the same answer: no `remaining`, no other hint.
      expect(JSON.stringify(a.r)).toBe(JSON.stringify(b.r));
      expect(a.r).toEqual({ ok: false, error: { code: 'INVALID_CREDENTIALS', message: '用户名或密码错误。' } });
      known.push(a.ms);
      unknown.push(b.ms);
    }
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[1];
    // Both run one scrypt: within a factor of two of each other (an unknown user without scrypt is ~100× faster).
    expect(median(unknown) / median(known)).toBeGreaterThan(0.5);
    expect(median(unknown) / median(known)).toBeLessThan(2);
  });
});
