import { afterEach, describe, expect, it } from 'vitest';
import { afterFirstScreen, startTrainingPlatform } from '../../../electron/hosts/training-platform';
import { until } from '../../support/cases';
import { acceptSeizure } from '../../support/sync-cases';
import { ADMIN, makeWorkstation, type TestWorkstation } from '../../support/workstation';

/**
 * Issue #16 "Production set-up and training mode use matching certificates": a fresh training
 * installation starts the stand-in before set-up, with the default certificate (430102-A7). When
 * set-up names another office, the certificate follows at once — no restart, no case refused for
 * another office's certificate.
 */
describe('training mode: the stand-in certificate follows the office set up', () => {
  let t: TestWorkstation | undefined;
  let deferred: ReturnType<typeof afterFirstScreen> | undefined;
  afterEach(async () => {
    await deferred?.stop();
    await t?.close();
    t = deferred = undefined;
  });

  it('set-up as 430104 reissues the client certificate; the first case reaches the platform under that office', async () => {
    t = makeWorkstation({ config: { training: true, workstationId: 'B2' }, platform: null });
    const logs: string[] = [];
    let started: Awaited<ReturnType<typeof startTrainingPlatform>> | undefined;
    const ws = t.ws;
    deferred = afterFirstScreen(
      async () => (started = await startTrainingPlatform(t!.dataDir, ws.services.config.value, {})),
      ws,
      (m) => logs.push(m),
      0,
    );
    deferred.trigger();
    await until(async () => (ws.services.sync ? true : undefined), 'stand-in attached');
    expect(started?.clientCn).toBe('430102-A7'); // before set-up: the default

    await t.ok('admin', 'setup.initialize', { officeCode: '430104', officeName: '天心区不动产登记中心', adminUsername: ADMIN.username, adminDisplayName: '王管理', password: ADMIN.password });
    await until(async () => (ws.services.platformCertificateCn === '430104-B2' ? true : undefined), 'certificate reissued for 430104-B2');
    expect(logs.join('\n')).toContain('客户端证书已改为 430104-B2');

    await t.userWithRole('clerk', 'clerk');
    const c = await acceptSeizure(t, 'clerk');
    const view = await until(async () => {
      await t!.ok('clerk', 'sync.now', {});
      const v = await t!.ok('clerk', 'cases.get', { id: c.id });
      return v.officialNumber ? v : undefined;
    }, 'the platform took the case', 20_000);
    expect(view.caseNumber).toMatch(/^430104/);
    const status = await t.ok('clerk', 'sync.status', {});
    expect(status.platform).toMatchObject({ deadLetters: 0 });
  }, 60_000);
});
