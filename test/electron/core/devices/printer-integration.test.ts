import { execFileSync } from 'node:child_process';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCupsPdfQueue, ensureCupsRunning, type CupsPdfQueue } from '../../../native/printer/cups-pdf-queue';
import { makeWorkstation, type TestWorkstation } from '../../../support/workstation';

/** The printer behind the contract, printing through the real CUPS into a virtual PDF queue. */
describe('device manager: printers through a real CUPS', () => {
  let t: TestWorkstation;
  let queue: CupsPdfQueue | undefined;
  beforeAll(() => ensureCupsRunning());
  afterEach(async () => {
    await t.close();
    await queue?.remove();
    queue = undefined;
  });

  async function withPrinter(name: string) {
    t = makeWorkstation({ config: { devices: { idcard: 'none', sigpad: 'none', printer: name } }, startDevices: true });
    await t.setup();
  }

  it('reports the configured queue ready and prints the test page to it, audited', async () => {
    queue = await createCupsPdfQueue({ description: '受理窗口打印机（测试）' });
    await withPrinter(queue.name);
    const list = await t.ok('admin', 'devices.printers', {});
    expect(list.selected).toBe(queue.name);
    expect(list.printers.find((p) => p.name === queue!.name)).toMatchObject({ description: '受理窗口打印机（测试）', acceptingJobs: true, calibration: null });
    expect((await t.ok('admin', 'status.get', {})).devices.find((d) => d.kind === 'printer')).toMatchObject({ state: 'connected' });

    await t.ok('admin', 'devices.setCalibration', { printer: queue.name, xMm: 1.5, yMm: -2 });
    const job = await t.ok('admin', 'devices.printTestPage', {});
    expect(job.printer).toBe(queue.name);
    const file = await queue.waitForOutput(job.jobId);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).normalize('NFKC');
    expect(text).toContain('打印测试页');
    expect((await t.ok('admin', 'devices.printers', {})).printers.find((p) => p.name === queue!.name)?.calibration).toEqual({ x: 1.5, y: -2 });
    const actions = (await t.ok('admin', 'audit.list', { limit: 5 })).records.map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['devices.printTestPage', 'devices.setCalibration']));
  });

  it('a configured printer that does not exist shows as disconnected and printing says so', async () => {
    await withPrinter('no-such-printer-bdc');
    expect((await t.ok('admin', 'devices.printers', {})).selected).toBe('no-such-printer-bdc');
    expect((await t.ok('admin', 'status.get', {})).devices.find((d) => d.kind === 'printer')).toMatchObject({ state: 'disconnected' });
    expect(await t.call('admin', 'devices.printTestPage', {})).toMatchObject({ ok: false, error: { code: 'PRINTER_NOT_FOUND' } });
  });

  it('calibration outside ±20 mm is refused', async () => {
    await withPrinter('any-printer');
    expect(await t.call('admin', 'devices.setCalibration', { printer: 'any-printer', xMm: 25, yMm: 0 })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });
});
