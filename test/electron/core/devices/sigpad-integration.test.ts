import { afterEach, describe, expect, it } from 'vitest';
import { until } from '../../../support/cases';
import { makeWorkstation, type TestWorkstation } from '../../../support/workstation';


/** The simulated signature pad on a pty, driven through the contract as the UI drives it. */
describe('device manager: signature pad', () => {
  let t: TestWorkstation;
  afterEach(() => t.close());

  async function ready() {
    t = makeWorkstation({ config: { devices: { idcard: 'none', printer: 'none-printer' } }, startDevices: true });
    await t.setup();
    await until(async () => ((await t.ok('admin', 'status.get', {})).devices.find((d) => d.kind === 'sigpad')?.state === 'connected' ? true : undefined), 'pad connected');
  }
  const waitSigning = () => until(async () => ((await t.ok('admin', 'devices.simulation', {})).sigpad?.signing ? true : undefined), 'pad signing');

  it('captures a signature the simulated signer writes, as SVG paths and a PNG, audited', async () => {
    await ready();
    const capture = t.call('admin', 'devices.captureSignature', { prompt: '请申请人签名', timeoutSeconds: 20 });
    await waitSigning();
    expect((await t.ok('admin', 'devices.simulation', {})).sigpad?.prompt).toBe('请申请人签名');
    await t.ok('admin', 'devices.simulateSign', { sample: 'zhangSan' });
    const r = await capture;
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.strokes).toBeGreaterThan(3);
    expect(r.value.svg.match(/<path /g)?.length).toBe(r.value.strokes);
    expect(r.value.pngDataUrl).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
    const [record] = (await t.ok('admin', 'audit.list', { limit: 1, action: 'devices.captureSignature' })).records;
    expect(record).toMatchObject({ result: 'success', detail: { strokes: r.value.strokes } });
  });

  it("captures the trainee's own mouse strokes", async () => {
    await ready();
    const capture = t.call('admin', 'devices.captureSignature', { timeoutSeconds: 20 });
    await waitSigning();
    const line = Array.from({ length: 40 }, (_, i) => ({ x: 100 + i * 30, y: Math.round(500 + Math.sin(i / 4) * 80), pressure: 600, t: i * 5 }));
    await t.ok('admin', 'devices.simulateSign', { strokes: [line] });
    expect(await capture).toMatchObject({ ok: true, value: { strokes: 1, points: 40 } });
  });

  it('the signer pressing 取消 ends the capture with SIGNATURE_CANCELLED', async () => {
    await ready();
    const capture = t.call('admin', 'devices.captureSignature', { timeoutSeconds: 20 });
    await waitSigning();
    await t.ok('admin', 'devices.simulateSignerCancel', {});
    expect(await capture).toMatchObject({ ok: false, error: { code: 'SIGNATURE_CANCELLED' } });
  });

  it('nobody signing within the timeout gives SIGNATURE_TIMEOUT; a second capture meanwhile is busy', async () => {
    await ready();
    const capture = t.call('admin', 'devices.captureSignature', { timeoutSeconds: 5 });
    await waitSigning();
    expect(await t.call('admin', 'devices.captureSignature', { timeoutSeconds: 5 })).toMatchObject({ ok: false, error: { code: 'DEVICE_BUSY' } });
    expect(await capture).toMatchObject({ ok: false, error: { code: 'SIGNATURE_TIMEOUT' } });
  }, 15_000);

  it('the simulated signer cannot sign when no capture waits', async () => {
    await ready();
    expect(await t.call('admin', 'devices.simulateSign', { sample: 'liSi' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });
});
