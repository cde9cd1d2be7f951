import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeWorkstation, type TestWorkstation } from '../../support/workstation';

/**
 * 工作台 on a machine whose clock zone is New York (13 hours behind Shanghai in December): every
 * "today" on it is Shanghai's. The test clock stands at 00:02 on Monday 30 November in Shanghai,
 * which is 11:02 on Sunday 29 November in New York.
 */
describe('工作台 figures count Shanghai days with the machine on America/New_York', () => {
  const originalTz = process.env.TZ;
  let t: TestWorkstation;
  beforeAll(() => {
    process.env.TZ = 'America/New_York';
  });
  afterAll(() => {
    process.env.TZ = originalTz;
  });
  afterEach(() => t.close());

  it('failed logins today and the work queue’s today are the Shanghai day', async () => {
    t = makeWorkstation({ config: { workstationId: 'A7', devices: { idcard: 'none', printer: 'none-printer' } } });
    // Sunday 29 November, 23:56 in Shanghai (15:56 UTC, 10:56 in New York).
    t.clock.advance(Date.parse('2026-11-29T15:56:00Z') - t.clock.now().getTime());
    expect(t.clock.now().getTimezoneOffset()).toBe(300); // the process really runs on New York time
    await t.setup();
    await t.userWithRole('clerk', 'clerk');
    expect(await t.call('intruder', 'auth.login', { username: 'clerk', password: 'Wrong#2026x' })).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS' } });
    // Monday 30 November, 00:01 and 00:02 in Shanghai: still Sunday morning in New York (within
    // the 10 minutes before an idle session locks).
    t.clock.advance(5 * 60_000);
    expect(await t.call('intruder', 'auth.login', { username: 'clerk', password: 'Wrong#2026y' })).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS' } });
    t.clock.advance(60_000);

    const summary = await t.ok('admin', 'workbench.summary', {});
    // New York's midnight (05:00 UTC on the 29th) would count both; Shanghai's counts the one after it.
    expect(summary.office?.failedLoginsToday).toBe(1);
    const queue = await t.ok('clerk', 'workqueue.get', {});
    expect(queue.today).toBe('2026-11-30');
  });
});
