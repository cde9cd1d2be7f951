import { afterEach, describe, expect, it } from 'vitest';
import { makeWorkstation, type TestWorkstation } from '../../../support/workstation';

/**
 * Session security (DOMAIN.md §8): password expiry (security.passwordMaxAgeDays, default 90),
 * no reuse of the last 5 passwords on change or reset, a forced change after a reset.
 */
const DAY = 86_400_000;

describe('password history and expiry', () => {
  let t: TestWorkstation;
  afterEach(() => t.close());

  it('a change refuses the last 5 passwords (current included) and accepts the 6th back', async () => {
    t = makeWorkstation();
    await t.setup();
    await t.userWithRole('lixia', 'clerk'); // Pw#2026-aixil is current; Temp#2026ab was the one before
    const passwords = ['Pw#2026-aixil', 'Second#2026a', 'Third#2026ab', 'Fourth#2026a', 'Fifth#2026ab'];
    for (let i = 1; i < passwords.length; i++) {
      await t.ok('lixia', 'auth.changePassword', { currentPassword: passwords[i - 1], newPassword: passwords[i] });
    }
    // Current: Fifth. The last 5: Fifth, Fourth, Third, Second, Pw#2026-aixil. Temp#2026ab is 6th back.
    for (const old of passwords.slice(0, 4)) {
      const r = await t.call('lixia', 'auth.changePassword', { currentPassword: 'Fifth#2026ab', newPassword: old });
      expect(r).toMatchObject({ ok: false, error: { code: 'PASSWORD_RECENTLY_USED' } });
      if (!r.ok) expect(r.error.message).toContain('最近 5 次');
    }
    expect(await t.call('lixia', 'auth.changePassword', { currentPassword: 'Fifth#2026ab', newPassword: 'Fifth#2026ab' })).toMatchObject({ ok: false, error: { code: 'PASSWORD_REUSED' } });
    await t.ok('lixia', 'auth.changePassword', { currentPassword: 'Fifth#2026ab', newPassword: 'Temp#2026ab' });
    // Only hashes are kept, and only as many as the check needs.
    const rows = t.ws.services.db().prepare('SELECT password_hash FROM password_history').all() as Array<{ password_hash: string }>;
    expect(rows.length).toBeLessThanOrEqual(4 * 2);
    for (const r of rows) expect(r.password_hash).toMatch(/^scrypt\$/);
  });

  it('a reset refuses the account’s recent passwords, and the user must change the temporary one', async () => {
    t = makeWorkstation();
    await t.setup();
    await t.userWithRole('lixia', 'clerk');
    const id = (await t.ok('admin', 'users.list', {})).find((u) => u.username === 'lixia')!.id;
    const refused = await t.call('admin', 'users.resetPassword', { id, temporaryPassword: 'Pw#2026-aixil' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'PASSWORD_RECENTLY_USED' } });
    if (!refused.ok) expect(refused.error.message).toContain('临时密码');
    await t.ok('admin', 'users.resetPassword', { id, temporaryPassword: 'Reset#2026ab' });
    const s = await t.ok('li2', 'auth.login', { username: 'lixia', password: 'Reset#2026ab' });
    expect(s).toMatchObject({ mustChangePassword: true, passwordExpired: false });
    expect(await t.call('li2', 'cases.search', {})).toMatchObject({ ok: false, error: { code: 'PASSWORD_CHANGE_REQUIRED' } });
    // The password from before the reset is still one of the last 5.
    expect(await t.call('li2', 'auth.changePassword', { currentPassword: 'Reset#2026ab', newPassword: 'Pw#2026-aixil' })).toMatchObject({
      ok: false,
      error: { code: 'PASSWORD_RECENTLY_USED' },
    });
    expect(await t.ok('li2', 'auth.changePassword', { currentPassword: 'Reset#2026ab', newPassword: 'Fresh#2026ab' })).toMatchObject({ mustChangePassword: false });
    await t.ok('li2', 'cases.search', {});
  });

  it('a password older than passwordMaxAgeDays (default 90) must be changed at login, with the reason', async () => {
    t = makeWorkstation();
    await t.setup();
    await t.userWithRole('lixia', 'clerk');
    t.clock.advance(89 * DAY);
    expect(await t.ok('a', 'auth.login', { username: 'lixia', password: 'Pw#2026-aixil' })).toMatchObject({ mustChangePassword: false, passwordExpired: false });
    t.clock.advance(2 * DAY);
    const s = await t.ok('b', 'auth.login', { username: 'lixia', password: 'Pw#2026-aixil' });
    expect(s).toMatchObject({ mustChangePassword: true, passwordExpired: true });
    expect(await t.call('b', 'cases.search', {})).toMatchObject({ ok: false, error: { code: 'PASSWORD_CHANGE_REQUIRED' } });
    const login = t.ws.services.db().prepare("SELECT actor, detail FROM audit_log WHERE action = 'auth.login' ORDER BY seq DESC LIMIT 1").get() as { actor: string; detail: string };
    expect(login.actor).toBe('lixia');
    expect(JSON.parse(login.detail)).toEqual({ passwordExpired: true });
    expect(await t.call('b', 'auth.changePassword', { currentPassword: 'Pw#2026-aixil', newPassword: 'Pw#2026-aixil' })).toMatchObject({ ok: false, error: { code: 'PASSWORD_REUSED' } });
    expect(await t.ok('b', 'auth.changePassword', { currentPassword: 'Pw#2026-aixil', newPassword: 'New#Pass2026' })).toMatchObject({ mustChangePassword: false, passwordExpired: false });
    expect(await t.ok('c', 'auth.login', { username: 'lixia', password: 'New#Pass2026' })).toMatchObject({ mustChangePassword: false });
  });

  it('the maximum age is configurable (30–365 days) and the change is audited', async () => {
    t = makeWorkstation();
    await t.setup();
    expect(t.ws.services.config.value.security.passwordMaxAgeDays).toBe(90);
    expect(await t.call('admin', 'config.update', { security: { passwordMaxAgeDays: 29 } })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', details: { field: 'security.passwordMaxAgeDays' } },
    });
    await t.ok('admin', 'config.update', { security: { passwordMaxAgeDays: 30 } });
    await t.userWithRole('lixia', 'clerk');
    t.clock.advance(31 * DAY);
    expect(await t.ok('x', 'auth.login', { username: 'lixia', password: 'Pw#2026-aixil' })).toMatchObject({ mustChangePassword: true, passwordExpired: true });
    const rec = t.ws.services.db().prepare("SELECT detail FROM audit_log WHERE action = 'config.update' ORDER BY seq DESC LIMIT 1").get() as { detail: string };
    expect(rec.detail).toContain('passwordMaxAgeDays');
  });
});
