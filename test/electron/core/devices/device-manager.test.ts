import { afterEach, describe, expect, it } from 'vitest';
import { until } from '../../../support/cases';
import { makeWorkstation, type TestWorkstation } from '../../../support/workstation';


describe('device manager: the configured ID card reader behind the contract', () => {
  let t: TestWorkstation;
  afterEach(() => t.close());

  async function withDevices(config: unknown = {}) {
    t = makeWorkstation({ config, startDevices: true });
    await t.setup();
  }

  const idcardState = async () => (await t.ok('admin', 'status.get', {})).devices.find((d) => d.kind === 'idcard');

  it('training mode starts the simulated reader on a pseudo-terminal and reports it connected', async () => {
    await withDevices();
    const s = await until(async () => ((await idcardState())?.state === 'connected' ? idcardState() : undefined), 'reader connected');
    expect(s).toMatchObject({ simulated: true, detail: expect.stringContaining('模拟设备') });
  });

  it('reads a placed sample card, masks the number and audits the read', async () => {
    await withDevices();
    await until(async () => ((await idcardState())?.state === 'connected' ? true : undefined), 'reader connected');
    await t.ok('admin', 'devices.simulatePlaceCard', { card: 'miao' });
    const card = await t.ok('admin', 'devices.readIdCard', { timeoutSeconds: 3 });
    expect(card).toMatchObject({ supported: true, name: '龙金花', nation: '苗', idNumberMasked: '433124********0267', idNumberCheck: { valid: true } });
    expect(JSON.stringify(card)).not.toContain('433124199211080267');
    const [record] = (await t.ok('admin', 'audit.list', { limit: 1, action: 'devices.readIdCard' })).records;
    expect(record).toMatchObject({ result: 'success', detail: { idNumber: '433124********0267' } });
    expect(JSON.stringify(record)).not.toContain('433124199211080267');
  });

  it('reports a card whose number fails the check digit, and declines other card kinds', async () => {
    await withDevices();
    await until(async () => ((await idcardState())?.state === 'connected' ? true : undefined), 'reader connected');
    await t.ok('admin', 'devices.simulatePlaceCard', { card: 'wrongCheckDigit' });
    const bad = await t.ok('admin', 'devices.readIdCard', { timeoutSeconds: 3 });
    expect(bad).toMatchObject({ supported: true, idNumberCheck: { valid: false, reasons: [expect.stringContaining('校验')] } });
    await t.ok('admin', 'devices.simulateRemoveCard', {});
    await t.ok('admin', 'devices.simulatePlaceCard', { card: 'foreign' });
    expect(await t.ok('admin', 'devices.readIdCard', { timeoutSeconds: 3 })).toMatchObject({ supported: false, cardType: 'foreign_permanent_resident' });
  });

  it('no card within the timeout answers NO_CARD, audited as a failure', async () => {
    await withDevices();
    await until(async () => ((await idcardState())?.state === 'connected' ? true : undefined), 'reader connected');
    expect(await t.call('admin', 'devices.readIdCard', { timeoutSeconds: 1 })).toMatchObject({ ok: false, error: { code: 'NO_CARD' } });
    const [record] = (await t.ok('admin', 'audit.list', { limit: 1, action: 'devices.readIdCard' })).records;
    expect(record).toMatchObject({ result: 'failure', detail: { code: 'NO_CARD' } });
  });

  it('a reader that is not plugged in shows as disconnected and a read fails at once', async () => {
    await withDevices({ devices: { idcard: { path: '/dev/ttyBDC-not-there' } } });
    await until(async () => ((await idcardState())?.state === 'disconnected' ? true : undefined), 'reader disconnected');
    const started = Date.now();
    expect(await t.call('admin', 'devices.readIdCard', { timeoutSeconds: 5 })).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^DEVICE_NOT_CONNECTED|DEVICE_DISCONNECTED$/) } });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('a device configured as none is not configured; simulation controls refuse', async () => {
    await withDevices({ devices: { idcard: 'none' } });
    expect(await idcardState()).toMatchObject({ state: 'not_configured' });
    expect(await t.call('admin', 'devices.readIdCard', { timeoutSeconds: 1 })).toMatchObject({ ok: false, error: { code: 'DEVICE_NOT_CONFIGURED' } });
    expect(await t.call('admin', 'devices.simulatePlaceCard', { card: 'han' })).toMatchObject({ ok: false, error: { code: 'DEVICE_NOT_SIMULATED' } });
  });

  it('a second read while one runs answers DEVICE_BUSY', async () => {
    await withDevices();
    await until(async () => ((await idcardState())?.state === 'connected' ? true : undefined), 'reader connected');
    const first = t.call('admin', 'devices.readIdCard', { timeoutSeconds: 2 });
    expect(await t.call('admin', 'devices.readIdCard', { timeoutSeconds: 1 })).toMatchObject({ ok: false, error: { code: 'DEVICE_BUSY' } });
    await first;
  });
});
