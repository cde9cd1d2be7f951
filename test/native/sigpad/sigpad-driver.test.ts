import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceError } from '../../../native/serial/device-error';
import type { SignaturePadStatus } from '../../../native/sigpad/signature-pad';
import { SigpadDriver } from '../../../native/sigpad/sigpad-driver';
import { NAK_CODE, type HostCommand } from '../../../native/sigpad/sigpad-messages';
import { splitStrokes, type PenPoint, type SignatureCapture, type Stroke } from '../../../native/sigpad/strokes';
import { SAMPLE_SIGNATURES, type SampleSignature } from '../../../native/sim/sample-signatures';
import { SIM_PAD_INFO, SigpadSimulator } from '../../../native/sim/sigpad-simulator';
import { nextEvent, waitFor } from '../wait';
import { startSigpadRig, type SigpadRig } from './pty-rig';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function rigged(options?: Parameters<typeof startSigpadRig>[0]): Promise<SigpadRig> {
  const rig = await startSigpadRig(options);
  cleanups.push(() => rig.close());
  return rig;
}

const FAST = { pointsPerMs: 8 };

/** Resolves when the pad shows the prompt; subscribe before starting the capture. */
function signing(rig: SigpadRig): Promise<SignaturePadStatus> {
  return nextEvent<SignaturePadStatus>((fn) => rig.driver.on('status', fn), 3000, (s) => s.state === 'signing');
}

/**
 * Starts a capture and waits until the signer may write. The outcome is wrapped in an object: an
 * async function returning the promise itself would wait for it to settle.
 */
async function startCapture(
  rig: SigpadRig,
  options: { prompt?: string; timeoutMs?: number } = {},
): Promise<{ outcome: Promise<SignatureCapture | DeviceError> }> {
  const ready = signing(rig);
  const outcome = rig.driver.capture({ timeoutMs: 5000, ...options }).catch((error: DeviceError) => error);
  await ready;
  return { outcome };
}

function commandSeen(sim: SigpadSimulator, type: HostCommand['type']): Promise<HostCommand> {
  return nextEvent<HostCommand>((fn) => sim.on('command', fn), 3000, (c) => c.type === type);
}

/** What the host should make of the PEN events the pad sent. */
function strokesFrom(pens: readonly PenPoint[]): Stroke[] {
  return splitStrokes(pens, SIM_PAD_INFO);
}

/** A sample's ink as x, y, pressure (the pad stamps its own times). */
function inkOf(sample: SampleSignature): Omit<PenPoint, 't'>[][] {
  const withPenUps = sample.strokes.flatMap((stroke) => [...stroke, { ...stroke[stroke.length - 1], pressure: 0 }]);
  return strokesFrom(withPenUps).map((stroke) => stroke.map(({ x, y, pressure }) => ({ x, y, pressure })));
}

const inkOfCapture = (capture: SignatureCapture): Omit<PenPoint, 't'>[][] =>
  capture.strokes.map((stroke) => stroke.map(({ x, y, pressure }) => ({ x, y, pressure })));

function captured(outcome: SignatureCapture | DeviceError): SignatureCapture {
  if (outcome instanceof Error) throw outcome;
  return outcome;
}

describe('signature pad over a real pty', () => {
  it('reads the pad description with INFO', async () => {
    const { driver } = await rigged();
    expect(await driver.info()).toEqual(SIM_PAD_INFO);
  });

  it('connects by itself when built over a serial port, and open() returns the description', async () => {
    const sim = new SigpadSimulator();
    const path = await sim.start();
    const driver = SigpadDriver.overSerial({ port: { path } });
    cleanups.push(async () => {
      await driver.close();
      await sim.close();
    });
    expect(await driver.open(3000)).toEqual(SIM_PAD_INFO);
    expect(driver.isConnected).toBe(true);
  });

  it('captures a whole signature: the strokes are what the signer wrote, with live points and statuses', async () => {
    const rig = await rigged();
    const { sim, driver } = rig;
    const statuses: string[] = [];
    const live: PenPoint[] = [];
    driver.on('status', (s) => statuses.push(s.state));
    driver.on('point', (p) => live.push(p));
    const { outcome } = await startCapture(rig, { prompt: '请张三在此签名' });
    expect(sim.state).toBe('signing');
    expect(sim.prompt).toBe('请张三在此签名');
    expect(driver.capturing).toBe(true);

    const sent = await sim.sign(SAMPLE_SIGNATURES.zhangSan, FAST);
    const capture = captured(await outcome);

    const sample = SAMPLE_SIGNATURES.zhangSan.strokes;
    // Every point, and a pen-up after each stroke.
    expect(sent).toEqual({ pens: sample.flat().length + sample.length, confirmed: true });
    expect(capture.strokes).toEqual(strokesFrom(sim.sentPens));
    expect(capture.strokes).toHaveLength(SAMPLE_SIGNATURES.zhangSan.strokes.length);
    expect(inkOfCapture(capture)).toEqual(inkOf(SAMPLE_SIGNATURES.zhangSan));
    expect(capture).toMatchObject({ width: 2000, height: 1000, device: { model: SIM_PAD_INFO.model, maxPressure: 1023 } });
    expect(capture.lostPoints).toBeUndefined();
    // Times are milliseconds since START, in order.
    const times = capture.strokes.flat().map((p) => p.t);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    // Every point was shown live, pen-ups included, in the order the pad sent them.
    expect(live).toEqual(sim.sentPens);
    expect(statuses).toEqual(['signing', 'confirmed']);
    expect(driver.capturing).toBe(false);
    expect(sim.state).toBe('idle');
  });

  it('rejects with SIGNATURE_CANCELLED when the signer presses 取消', async () => {
    const rig = await rigged();
    const { outcome } = await startCapture(rig);
    await rig.sim.sign(SAMPLE_SIGNATURES.liSi, { ...FAST, confirm: false });
    rig.sim.signerCancels();
    expect(await outcome).toMatchObject({
      code: 'SIGNATURE_CANCELLED',
      message: expect.stringContaining('签字人在签名板上取消了签名'),
      details: { by: 'signer' },
    });
    // The driver is free again.
    const { outcome: again } = await startCapture(rig);
    await rig.sim.sign(SAMPLE_SIGNATURES.loops, FAST);
    expect(captured(await again).strokes).toHaveLength(2);
  });

  it('times out with SIGNATURE_TIMEOUT at the deadline and takes the prompt off the pad with CANCEL', async () => {
    const rig = await rigged();
    const cancel = commandSeen(rig.sim, 'cancel');
    const started = performance.now();
    const { outcome } = await startCapture(rig, { timeoutMs: 400 });
    // The signer writes a little and never presses 确认.
    await rig.sim.sign([SAMPLE_SIGNATURES.zhangSan.strokes[0]], { ...FAST, confirm: false });
    const error = await outcome;
    const elapsed = performance.now() - started;
    expect(error).toMatchObject({ code: 'SIGNATURE_TIMEOUT', message: expect.stringContaining('签名超时') });
    expect(elapsed).toBeGreaterThanOrEqual(390);
    expect(elapsed).toBeLessThan(900);
    await cancel;
    await waitFor(() => rig.sim.state === 'idle', 2000, 'the pad to go idle');
  });

  it('resends a command whose answer was corrupted, and gives up with CHECKSUM_ERROR on the second', async () => {
    const { sim, driver, transport } = await rigged();
    const corrupt: unknown[] = [];
    transport.on('diagnostic', (e) => {
      if (e.type === 'checksum-error') corrupt.push(e);
    });
    sim.garble(1);
    expect(await driver.info()).toEqual(SIM_PAD_INFO);
    expect(corrupt).toHaveLength(1);
    expect(sim.stats.commands).toBe(2);

    sim.garble(2);
    await expect(driver.info()).rejects.toMatchObject({ code: 'CHECKSUM_ERROR', message: expect.stringContaining('签名板') });
    expect(await driver.info()).toEqual(SIM_PAD_INFO);
  });

  it('completes a capture whose pen frames were corrupted on the line, reporting how many points were lost', async () => {
    const rig = await rigged();
    const { outcome } = await startCapture(rig);
    rig.sim.garble(3);
    await rig.sim.sign(SAMPLE_SIGNATURES.zhangSan, FAST);
    const capture = captured(await outcome);
    expect(capture.lostPoints).toBe(3);
    // The first three points of the first stroke never arrived; everything else did.
    expect(capture.strokes).toEqual(strokesFrom(rig.sim.sentPens.slice(3)));
  });

  it('fails a capture at once with DEVICE_DISCONNECTED when the pad is unplugged, then captures again after replugging', async () => {
    const rig = await rigged();
    const { sim, driver } = rig;
    let points = 0;
    driver.on('point', () => (points += 1));
    const { outcome } = await startCapture(rig, { timeoutMs: 10_000 });
    // A slow signer: the cable comes out in the middle of the signature.
    const signing = sim.sign(SAMPLE_SIGNATURES.zhangSan, { pointsPerMs: 0.5 });
    await waitFor(() => points > 40, 3000, 'some ink');
    const unplugged = performance.now();
    await sim.unplug();
    const error = await outcome;
    expect(error).toMatchObject({ code: 'DEVICE_DISCONNECTED', message: expect.stringContaining('签名板连接已断开') });
    // Reported when the port is lost, not at the 10 s capture timeout.
    expect(performance.now() - unplugged).toBeLessThan(1000);
    expect((await signing).confirmed).toBe(false);
    await expect(driver.capture({ timeoutMs: 1000 })).rejects.toMatchObject({ code: 'DEVICE_NOT_CONNECTED' });

    const connected = nextEvent<SignaturePadStatus>((fn) => driver.on('status', fn), 5000, (s) => s.state === 'connected');
    await sim.replug();
    await connected;
    const { outcome: again } = await startCapture(rig);
    await sim.sign(SAMPLE_SIGNATURES.liSi, FAST);
    expect(inkOfCapture(captured(await again))).toEqual(inkOf(SAMPLE_SIGNATURES.liSi));
  });

  it('times out with DEVICE_TIMEOUT when the pad never answers, without hanging', async () => {
    const { sim, driver } = await rigged({ driver: { commandTimeoutMs: 300 } });
    sim.silent();
    const started = performance.now();
    await expect(driver.capture({ timeoutMs: 5000 })).rejects.toMatchObject({
      code: 'DEVICE_TIMEOUT',
      message: expect.stringContaining('签名板无响应'),
    });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(driver.capturing).toBe(false);
  });

  it('waits for a slow pad within the command timeout', async () => {
    const { sim, driver } = await rigged({ driver: { commandTimeoutMs: 1000 } });
    sim.slowDown(200);
    const started = performance.now();
    expect(await driver.info()).toEqual(SIM_PAD_INFO);
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('reports a NAK as SIGPAD_REJECTED with the reason in Chinese, and the next capture works', async () => {
    const rig = await rigged();
    await rig.driver.info();
    rig.sim.refuseNext(NAK_CODE.busy);
    await expect(rig.driver.capture({ timeoutMs: 3000 })).rejects.toMatchObject({
      code: 'SIGPAD_REJECTED',
      message: expect.stringContaining('签名板正忙'),
      details: { command: 'start', nakCode: '0x03' },
    });
    expect(rig.sim.state).toBe('idle');
    const { outcome: again } = await startCapture(rig);
    await rig.sim.sign(SAMPLE_SIGNATURES.loops, FAST);
    expect(captured(await again).strokes).toHaveLength(2);
  });

  it('rejects 确认 without ink as SIGNATURE_EMPTY', async () => {
    const rig = await rigged();
    const { outcome } = await startCapture(rig);
    await rig.sim.sign([]);
    expect(await outcome).toMatchObject({ code: 'SIGNATURE_EMPTY', message: expect.stringContaining('未采集到签名笔迹') });
  });

  it('drops the ink written before the signer pressed 重签', async () => {
    const rig = await rigged();
    const statuses: SignaturePadStatus[] = [];
    rig.driver.on('status', (s) => statuses.push(s));
    const { outcome } = await startCapture(rig);
    await rig.sim.sign(SAMPLE_SIGNATURES.liSi, { ...FAST, confirm: false });
    rig.sim.signerClears();
    await rig.sim.sign(SAMPLE_SIGNATURES.zhangSan, FAST);
    const capture = captured(await outcome);
    expect(inkOfCapture(capture)).toEqual(inkOf(SAMPLE_SIGNATURES.zhangSan));
    expect(statuses).toContainEqual({ state: 'ink-cleared', by: 'signer' });
  });

  it("keeps pen events and the clerk's CLEAR in wire order while the signer is writing", async () => {
    const rig = await rigged();
    const { sim, driver } = rig;
    let points = 0;
    driver.on('point', () => (points += 1));
    const { outcome } = await startCapture(rig);
    // The pad keeps streaming ink while CLEAR and its ACK cross the line.
    const writing = sim.sign(SAMPLE_SIGNATURES.loops, { pointsPerMs: 1, confirm: false });
    await waitFor(() => points > 100, 3000, 'ink before the clear');
    await driver.clear();
    const afterClear = sim.sentPens.length;
    await writing;
    sim.signerConfirms();
    const capture = captured(await outcome);
    // The pad forgot everything before CLEAR, and so did the driver: no point more, no point less.
    expect(capture.strokes).toEqual(strokesFrom(sim.sentPens));
    expect(capture.lostPoints).toBeUndefined();
    expect(sim.sentPens.length).toBeGreaterThan(afterClear);
    expect(sim.sentPens.length).toBeLessThan(SAMPLE_SIGNATURES.loops.strokes.flat().length);
  });

  it('stops a capture when the clerk cancels: SIGNATURE_CANCELLED and CANCEL to the pad', async () => {
    const rig = await rigged();
    const { outcome } = await startCapture(rig);
    const statuses: SignaturePadStatus[] = [];
    rig.driver.on('status', (s) => statuses.push(s));
    await rig.driver.cancel();
    expect(await outcome).toMatchObject({ code: 'SIGNATURE_CANCELLED', details: { by: 'clerk' } });
    expect(rig.sim.state).toBe('idle');
    expect(statuses).toEqual([{ state: 'cancelled', by: 'clerk' }]);
  });

  it('allows one capture at a time and refuses an unfit prompt before sending anything', async () => {
    const rig = await rigged();
    const { outcome } = await startCapture(rig);
    await expect(rig.driver.capture({ timeoutMs: 1000 })).rejects.toMatchObject({ code: 'SIGNATURE_BUSY' });
    await rig.sim.sign(SAMPLE_SIGNATURES.loops, FAST);
    captured(await outcome);

    const commands = rig.sim.stats.commands;
    for (const prompt of ['', '   ', '签'.repeat(65), '请签名\u0007']) {
      await expect(rig.driver.capture({ prompt, timeoutMs: 1000 })).rejects.toMatchObject({
        code: 'SIGNATURE_PROMPT_INVALID',
        message: expect.stringContaining('签名提示文字'),
      });
    }
    expect(rig.sim.stats.commands).toBe(commands);
  });

  it('ends a capture with DEVICE_CLOSED on close() and leaves the pad idle', async () => {
    const rig = await rigged();
    const { outcome } = await startCapture(rig);
    const cancel = commandSeen(rig.sim, 'cancel');
    await rig.driver.close();
    expect(await outcome).toMatchObject({ code: 'DEVICE_CLOSED' });
    await cancel;
    expect(rig.sim.state).toBe('idle');
    await expect(rig.driver.info()).rejects.toMatchObject({ code: 'DEVICE_CLOSED' });
  });
});
