import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, makeWorkstation, type TestWorkstation } from '../../../support/workstation';

describe('accounts, login, lockout and sessions', () => {
  let t: TestWorkstation;
  beforeEach(() => {
    t = makeWorkstation();
  });
  afterEach(() => t.close());

  it('has no account and no default password before first-start setup', async () => {
    expect(await t.ok('x', 'app.info', {})).toMatchObject({ initialized: false, training: true });
    expect(await t.call('x', 'auth.login', { username: 'admin', password: 'admin' })).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS' } });
  });

  it('setup validates the office code and the password policy, then logs the administrator in', async () => {
    const base = { officeName: '芙蓉区', adminUsername: 'admin', adminDisplayName: '王管理', password: ADMIN.password };
    expect(await t.call('a', 'setup.initialize', { ...base, officeCode: '430100' })).toMatchObject({ ok: false, error: { code: 'INVALID_OFFICE_CODE' } });
    expect(await t.call('a', 'setup.initialize', { ...base, officeCode: '430102', password: 'password1' })).toMatchObject({ ok: false, error: { code: 'WEAK_PASSWORD' } });
    const session = await t.ok('a', 'setup.initialize', { ...base, officeCode: '430102' });
    expect(session).toMatchObject({ user: { username: 'admin', role: 'admin' }, locked: false, mustChangePassword: false });
    expect(await t.ok('a', 'app.info', {})).toMatchObject({ initialized: true, officeCode: '430102', officeRegion: '湖南省' });
    expect(await t.call('b', 'setup.initialize', { ...base, officeCode: '430102' })).toMatchObject({ ok: false, error: { code: 'ALREADY_INITIALIZED' } });
  });

  it('five wrong passwords lock the account for ten minutes, even against the right password', async () => {
    await t.setup();
    await t.ok('admin', 'users.create', { username: 'clerk1', displayName: '张受理', role: 'clerk', temporaryPassword: 'Temp#2026ab' });
    for (let i = 1; i <= 4; i++) {
      const r = await t.call('c', 'auth.login', { username: 'clerk1', password: 'Wrong#2026' });
      expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS' } });
      expect((r as { error: { details?: unknown } }).error.details).toBeUndefined();
    }
    const fifth = await t.call('c', 'auth.login', { username: 'clerk1', password: 'Wrong#2026' });
    expect(fifth).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LOCKED', details: { until: '2026-11-27T08:10:00.000Z' } } });
    expect(await t.call('c', 'auth.login', { username: 'clerk1', password: 'Temp#2026ab' })).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LOCKED' } });
    t.clock.advance(10 * 60_000);
    expect(await t.call('c', 'auth.login', { username: 'clerk1', password: 'Temp#2026ab' })).toMatchObject({ ok: true, value: { mustChangePassword: true } });
    const audit = await t.ok('admin', 'audit.list', { limit: 50 });
    expect(audit.records.filter((r) => r.action === 'auth.lockout')).toHaveLength(1);
    expect(audit.records.filter((r) => r.action === 'auth.login' && r.result === 'failure')).toHaveLength(6);
  });

  it('an administrator can lift a lockout', async () => {
    await t.setup();
    const u = await t.ok('admin', 'users.create', { username: 'clerk1', displayName: '张受理', role: 'clerk', temporaryPassword: 'Temp#2026ab' });
    for (let i = 0; i < 5; i++) await t.call('c', 'auth.login', { username: 'clerk1', password: 'Wrong#2026' });
    expect((await t.ok('admin', 'users.list', {})).find((x) => x.id === u.id)?.lockedUntil).not.toBeNull();
    await t.ok('admin', 'users.unlock', { id: u.id });
    expect(await t.call('c', 'auth.login', { username: 'clerk1', password: 'Temp#2026ab' })).toMatchObject({ ok: true });
  });

  it('a created or reset account must change its password before doing anything else', async () => {
    await t.setup();
    await t.ok('admin', 'users.create', { username: 'clerk1', displayName: '张受理', role: 'clerk', temporaryPassword: 'Temp#2026ab' });
    await t.ok('c', 'auth.login', { username: 'clerk1', password: 'Temp#2026ab' });
    expect(await t.call('c', 'workbench.summary', {})).toMatchObject({ ok: false, error: { code: 'PASSWORD_CHANGE_REQUIRED' } });
    expect(await t.call('c', 'auth.changePassword', { currentPassword: 'Temp#2026ab', newPassword: 'Temp#2026ab' })).toMatchObject({ ok: false, error: { code: 'PASSWORD_REUSED' } });
    expect(await t.call('c', 'auth.changePassword', { currentPassword: 'Temp#2026ab', newPassword: 'short' })).toMatchObject({ ok: false, error: { code: 'WEAK_PASSWORD' } });
    await t.ok('c', 'auth.changePassword', { currentPassword: 'Temp#2026ab', newPassword: 'Clerk#2026ok' });
    expect(await t.call('c', 'workbench.summary', {})).toMatchObject({ ok: true });
  });

  it('disabling an account ends its sessions and refuses its login', async () => {
    await t.setup();
    await t.userWithRole('clerk1', 'clerk');
    const events: Array<[string | null, string]> = [];
    t.ws.onEvent((client, name) => events.push([client, name]));
    const clerk = (await t.ok('admin', 'users.list', {})).find((u) => u.username === 'clerk1');
    await t.ok('admin', 'users.setDisabled', { id: clerk!.id, disabled: true });
    expect(events).toContainEqual(['clerk1', 'session.changed']);
    expect(await t.call('clerk1', 'workbench.summary', {})).toMatchObject({ ok: false, error: { code: 'NOT_AUTHENTICATED' } });
    expect(await t.call('clerk1', 'auth.login', { username: 'clerk1', password: 'Pw#2026-1krelc' })).toMatchObject({ ok: false, error: { code: 'ACCOUNT_DISABLED' } });
    // Disabled is only revealed to someone who knows the password.
    expect(await t.call('clerk1', 'auth.login', { username: 'clerk1', password: 'Wrong#2026' })).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS' } });
  });

  it('the last active administrator cannot be disabled or demoted', async () => {
    await t.setup();
    const me = (await t.ok('admin', 'users.list', {}))[0];
    expect(await t.call('admin', 'users.setDisabled', { id: me.id, disabled: true })).toMatchObject({ ok: false, error: { code: 'LAST_ADMIN' } });
    expect(await t.call('admin', 'users.update', { id: me.id, role: 'clerk' })).toMatchObject({ ok: false, error: { code: 'LAST_ADMIN' } });
  });

  it('usernames are unique', async () => {
    await t.setup();
    expect(await t.call('admin', 'users.create', { username: 'admin', displayName: 'x', role: 'clerk', temporaryPassword: 'Temp#2026ab' })).toMatchObject({ ok: false, error: { code: 'USERNAME_TAKEN' } });
  });

  it('an idle session locks; unlocking needs the same password and keeps the session', async () => {
    t.close();
    t = makeWorkstation({ config: { security: { idleLockSeconds: 60 } } });
    await t.setup();
    t.clock.advance(59_000);
    expect(await t.call('admin', 'users.list', {})).toMatchObject({ ok: true });
    t.clock.advance(60_000 + 15_000); // idle time + one activity-report interval
    expect(await t.call('admin', 'users.list', {})).toMatchObject({ ok: false, error: { code: 'SESSION_LOCKED' } });
    expect(await t.ok('admin', 'auth.session', {})).toMatchObject({ locked: true, user: { username: 'admin' } });
    expect(await t.call('admin', 'auth.unlock', { password: 'Wrong#2026' })).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS' } });
    await t.ok('admin', 'auth.unlock', { password: ADMIN.password });
    expect(await t.call('admin', 'users.list', {})).toMatchObject({ ok: true });
  });

  it('auth.activity keeps a working user from being locked', async () => {
    t.close();
    t = makeWorkstation({ config: { security: { idleLockSeconds: 60 } } });
    await t.setup();
    for (let i = 0; i < 5; i++) {
      t.clock.advance(50_000);
      await t.ok('admin', 'auth.activity', {});
    }
    expect(await t.call('admin', 'users.list', {})).toMatchObject({ ok: true });
  });

  it('a lockout reached from the lock screen ends the session', async () => {
    await t.setup();
    await t.ok('admin', 'auth.lock', {});
    for (let i = 0; i < 5; i++) await t.call('admin', 'auth.unlock', { password: 'Wrong#2026' });
    expect(await t.ok('admin', 'auth.session', {})).toBeNull();
  });

  it('logging out ends the session and is audited', async () => {
    await t.setup();
    await t.ok('admin', 'auth.logout', {});
    expect(await t.ok('admin', 'auth.session', {})).toBeNull();
    await t.ok('admin', 'auth.login', ADMIN);
    const actions = (await t.ok('admin', 'audit.list', { limit: 10 })).records.map((r) => r.action);
    expect(actions).toEqual(['auth.login', 'auth.logout', 'setup.initialize']);
  });

  it('config changes from the settings page are validated, written and audited', async () => {
    await t.setup();
    expect(await t.call('admin', 'config.update', { security: { idleLockSeconds: 3600 } })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', details: { field: 'security.idleLockSeconds' } } });
    const view = await t.ok('admin', 'config.update', { security: { idleLockSeconds: 300 }, officeName: '芙蓉区中心' });
    expect(view.effective).toMatchObject({ officeName: '芙蓉区中心', security: { idleLockSeconds: 300 } });
    const [record] = (await t.ok('admin', 'audit.list', { limit: 1 })).records;
    expect(record).toMatchObject({ action: 'config.update', detail: { changes: expect.arrayContaining([['security.idleLockSeconds', 600, 300]]) } });
    t.restart();
    expect((await t.ok('x', 'app.info', {})).officeName).toBe('芙蓉区中心');
  });

  it('a hand edit of config.json is audited at the next start', async () => {
    await t.setup();
    const { writeFileSync, readFileSync } = await import('node:fs');
    const path = `${t.dataDir}/config.json`;
    writeFileSync(path, JSON.stringify({ ...JSON.parse(readFileSync(path, 'utf8')), training: false }));
    t.restart();
    await t.ok('admin2', 'auth.login', ADMIN);
    const actions = (await t.ok('admin2', 'audit.list', { limit: 5 })).records.map((r) => r.action);
    expect(actions).toContain('config.file_changed');
  });
});
