import { mkdtempSync, readlinkSync, rmSync, symlinkSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseResponseBody, samFraming, type SamRequest } from '../../../native/idcard/frame-codec';
import { SAM_COMMANDS } from '../../../native/idcard/sam-commands';
import type { TransportStatus } from '../../../native/serial/command-channel';
import type { DeviceError } from '../../../native/serial/device-error';
import { SerialTransport, type SerialTransportOptions } from '../../../native/serial/serial-transport';
import { IdCardSimulator } from '../../../native/sim/idcard-simulator';
import { nextEvent, waitFor } from '../wait';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function simulator(link?: string): Promise<IdCardSimulator> {
  const sim = new IdCardSimulator();
  cleanups.push(() => sim.close());
  await sim.start(link ? { link } : {});
  return sim;
}

function transport(options: Omit<SerialTransportOptions<SamRequest>, 'framing'>): SerialTransport<SamRequest> {
  const t = new SerialTransport<SamRequest>({ framing: samFraming, deviceName: '身份证阅读器', ...options });
  cleanups.push(() => t.close());
  return t;
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'serial-transport-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe('serial transport', () => {
  it('finds the device by USB vendor/product id and serial number', async () => {
    const sim = await simulator();
    const t = transport({
      port: { usb: { vendorId: '0400', productId: 'c35a', serialNumber: 'SIM-1' } },
      listPorts: async () => [
        { path: '/dev/nonexistent0', vendorId: '0400', productId: 'c35a', serialNumber: 'OTHER' },
        { path: sim.path, vendorId: '0400', productId: 'C35A', serialNumber: 'SIM-1' },
      ],
    });
    await t.open(3000);
    expect(t.currentPath).toBe(sim.path);
    expect(parseResponseBody(await t.request(SAM_COMMANDS.samStatus)).sw3).toBe(0x90);
  });

  it('keeps trying an absent device with exponential backoff, and connects when it appears', async () => {
    const link = join(tempDir(), 'ttyLATER');
    const t = transport({ port: { path: link }, backoff: { initialMs: 10, maxMs: 40 } });
    const statuses: TransportStatus[] = [];
    t.on('status', (status) => statuses.push(status));
    t.start();
    await waitFor(() => statuses.filter((s) => s.state === 'reconnecting').length >= 5, 3000, 'five retries');
    expect(statuses[0]).toMatchObject({ state: 'disconnected', error: { code: 'DEVICE_NOT_CONNECTED' } });
    const delays = statuses.flatMap((s) => (s.state === 'reconnecting' ? [s.delayMs] : [])).slice(0, 5);
    expect(delays).toEqual([10, 20, 40, 40, 40]);
    await expect(t.request(SAM_COMMANDS.samStatus)).rejects.toMatchObject({ code: 'DEVICE_NOT_CONNECTED' });

    const connected = nextEvent<TransportStatus>(
      (fn) => t.on('status', fn),
      3000,
      (s) => s.state === 'connected',
    );
    await simulator(link);
    expect(await connected).toEqual({ state: 'connected', path: link });
    expect(parseResponseBody(await t.request(SAM_COMMANDS.findCard)).sw3).toBe(0x80);
  });

  it('runs one command at a time: concurrent requests each get their own response', async () => {
    const sim = await simulator();
    const t = transport({ port: { path: sim.path } });
    await t.open(3000);
    sim.chunking({ minBytes: 1, maxBytes: 5, delayMs: 0 });
    const [status, id, find] = await Promise.all([
      t.request(SAM_COMMANDS.samStatus),
      t.request(SAM_COMMANDS.samId),
      t.request(SAM_COMMANDS.findCard),
    ]);
    expect(parseResponseBody(status)).toMatchObject({ sw3: 0x90, data: new Uint8Array(0) });
    expect(parseResponseBody(id).data).toHaveLength(16);
    expect(parseResponseBody(find).sw3).toBe(0x80);
  });

  it('reports a response that arrives after its timeout as unsolicited, not as the next answer', async () => {
    const sim = await simulator();
    const t = transport({ port: { path: sim.path } });
    await t.open(3000);
    sim.slowDown(150);
    const late = nextEvent<Uint8Array>((fn) => t.on('frame', fn), 3000);
    await expect(t.request(SAM_COMMANDS.samId, { timeoutMs: 50 })).rejects.toMatchObject({ code: 'DEVICE_TIMEOUT' });
    expect(parseResponseBody(await late).data).toHaveLength(16);
    sim.slowDown(0);
    expect(parseResponseBody(await t.request(SAM_COMMANDS.findCard)).sw3).toBe(0x80);
  });

  it('rejects pending and queued commands with DEVICE_CLOSED on close, and stops reconnecting', async () => {
    const sim = await simulator();
    const t = transport({ port: { path: sim.path } });
    await t.open(3000);
    sim.silent();
    const outcomes = [t.request(SAM_COMMANDS.samStatus), t.request(SAM_COMMANDS.samId)].map((p) =>
      p.then(
        () => 'resolved',
        (error: DeviceError) => error.code,
      ),
    );
    await t.close();
    expect(await Promise.all(outcomes)).toEqual(['DEVICE_CLOSED', 'DEVICE_CLOSED']);
    await expect(t.request(SAM_COMMANDS.samStatus)).rejects.toMatchObject({ code: 'DEVICE_CLOSED' });
    expect(t.isConnected).toBe(false);
  });

  it('treats a vanished device node as unplugged even when the port itself reports nothing', async () => {
    const sim = await simulator();
    const t = transport({ port: { path: sim.path }, backoff: { initialMs: 20, maxMs: 40 } });
    await t.open(3000);
    sim.silent();
    const pending = t.request(SAM_COMMANDS.samStatus, { timeoutMs: 5000 }).then(
      () => 'resolved',
      (error: DeviceError) => error.code,
    );
    // The tty stays open and healthy; only the node the transport opened disappears.
    const target = readlinkSync(sim.path);
    const started = performance.now();
    unlinkSync(sim.path);
    expect(await pending).toBe('DEVICE_DISCONNECTED');
    expect(performance.now() - started).toBeLessThan(1000);

    sim.silent(false);
    const connected = nextEvent<TransportStatus>(
      (fn) => t.on('status', fn),
      3000,
      (s) => s.state === 'connected',
    );
    symlinkSync(target, sim.path);
    await connected;
    expect(parseResponseBody(await t.request(SAM_COMMANDS.samStatus)).sw3).toBe(0x90);
  });
});
