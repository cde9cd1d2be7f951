import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../../../electron/hosts/web/web-host';
import { makeTempDir } from '../../../support/temp-dir';
import { makeWorkstation, type TestWorkstation } from '../../../support/workstation';

/**
 * The lockout raced through the real web host: forty wrong passwords sent at once, each from its
 * own browser session (cookie), as an attacker with a script would. The account must lock after
 * the configured five, and no more than five passwords may ever be checked.
 */
describe('lockout under parallel guessing over the web host', () => {
  let t: TestWorkstation;
  let host: WebHost;
  const renderer = makeTempDir('bdc-renderer-');

  beforeAll(async () => {
    t = makeWorkstation();
    await t.setup();
    await t.ok('admin', 'users.create', { username: 'clerk1', displayName: '张受理', role: 'clerk', temporaryPassword: 'Temp#2026ab' });
    host = await startWebHost({ workstation: t.ws, rendererDir: renderer.path, port: 0, version: '0' });
  });
  afterAll(async () => {
    await host.close();
    await t.close();
    renderer.remove();
  });

  async function session(): Promise<string> {
    const res = await fetch(host.newLaunchLink(), { redirect: 'manual' });
    return (res.headers.get('set-cookie') ?? '').split(';')[0];
  }

  async function login(cookie: string, password: string): Promise<{ ok: boolean; error?: { code: string } }> {
    const origin = `http://127.0.0.1:${host.port}`;
    const res = await fetch(`${origin}/api/auth.login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie, Origin: origin },
      body: JSON.stringify({ username: 'clerk1', password }),
    });
    return (await res.json()) as never;
  }

  it('40 parallel wrong passwords lock the account; the right one is then refused', async () => {
    const cookies: string[] = [];
    for (let i = 0; i < 41; i++) cookies.push(await session());
    const answers = await Promise.all(cookies.slice(0, 40).map((c, i) => login(c, `Wrong#2026-${i}`)));
    expect(answers.every((a) => a.ok === false)).toBe(true);
    const codes = answers.map((a) => a.error?.code);
    expect(codes.filter((c) => c === 'INVALID_CREDENTIALS').length).toBeLessThanOrEqual(4);
    expect(codes.filter((c) => c === 'ACCOUNT_LOCKED').length).toBeGreaterThanOrEqual(36);
    expect(await login(cookies[40], 'Temp#2026ab')).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LOCKED' } });
    const audit = await t.ok('admin', 'audit.list', { limit: 200 });
    const checked = audit.records.filter((r) => r.action === 'auth.login' && r.result === 'failure' && (r.detail as { reason?: string } | null)?.reason === 'bad_password');
    expect(checked.length).toBeLessThanOrEqual(5);
    expect(audit.records.filter((r) => r.action === 'auth.lockout').length).toBe(1);
  });
});
