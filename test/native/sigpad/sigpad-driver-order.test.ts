import { describe, expect, it } from 'vitest';
import type { CommandChannel, TransportStatus } from '../../../native/serial/command-channel';
import type { StreamDecoder } from '../../../native/serial/framing';
import { Listeners } from '../../../native/serial/listeners';
import { FrameTap } from '../../../native/sigpad/frame-tap';
import { SigpadDriver } from '../../../native/sigpad/sigpad-driver';
import { encodePadMessage, sigpadHostFraming } from '../../../native/sigpad/sigpad-codec';
import type { HostCommand, PadMessage } from '../../../native/sigpad/sigpad-messages';
import type { PenPoint } from '../../../native/sigpad/strokes';
import { SIM_PAD_INFO } from '../../../native/sim/sigpad-simulator';
import { waitFor } from '../wait';

/**
 * A stand-in for the serial transport that records commands and lets the test decide exactly which
 * bytes arrive in which chunk: the pty cannot promise that an ACK and the pen events around it share
 * one read, so the ordering rule is pinned down here.
 */
class ScriptedChannel implements CommandChannel<HostCommand> {
  readonly commands: HostCommand[] = [];
  readonly isConnected = true;
  private readonly listeners = new Listeners<{ status: TransportStatus }>();

  constructor(private readonly decoder: StreamDecoder) {}

  /** Bytes from the pad, as one read. */
  arrive(...messages: PadMessage[]): void {
    this.decoder.push(Uint8Array.from(messages.flatMap((m) => [...encodePadMessage(m)])));
  }

  request(command: HostCommand): Promise<Uint8Array> {
    this.commands.push(command);
    // Like the transport: the request settles with whatever frame comes first; the driver ignores it.
    return new Promise(() => {});
  }

  on(event: 'status', listener: (status: TransportStatus) => void): () => void {
    return this.listeners.on(event, listener);
  }

  waitConnected(): Promise<void> {
    return Promise.resolve();
  }

  async close(): Promise<void> {}
}

function scripted(): { driver: SigpadDriver; channel: ScriptedChannel } {
  const tap = new FrameTap(sigpadHostFraming);
  const channel = new ScriptedChannel(tap.framing.createDecoder());
  return { driver: new SigpadDriver({ channel, frames: tap }), channel };
}

const pen = (x: number, pressure = 400): PadMessage => ({ type: 'pen', point: { x, y: 10, pressure, t: x } });
const at = (x: number): PenPoint => ({ x, y: 10, pressure: 400, t: x });

/** Starts a capture up to START on the line (wrapped: an async function would adopt the promise). */
async function signingCapture(driver: SigpadDriver, channel: ScriptedChannel) {
  const outcome = driver.capture({ timeoutMs: 2000 });
  await waitFor(() => channel.commands.length === 1, 1000, 'INFO');
  channel.arrive({ type: 'info-reply', info: SIM_PAD_INFO });
  await waitFor(() => channel.commands.length === 2, 1000, 'START');
  return { outcome };
}

describe('signature pad driver: answers and events in wire order', () => {
  it('takes ink from the ACK of START on, even when the ACK and the ink share a read', async () => {
    const { driver, channel } = scripted();
    const { outcome } = await signingCapture(driver, channel);
    // A pen event before the ACK belongs to no capture (the pad had not begun).
    channel.arrive(pen(1), { type: 'ack', command: 'start' }, pen(2), pen(3), pen(3, 0), { type: 'confirm', pens: 3 });
    const capture = await outcome;
    expect(capture.strokes).toEqual([[at(2), at(3)]]);
    expect(capture.lostPoints).toBeUndefined();
  });

  it("drops the ink before the ACK of the clerk's CLEAR and keeps the ink after it, within one read", async () => {
    const { driver, channel } = scripted();
    const { outcome } = await signingCapture(driver, channel);
    channel.arrive({ type: 'ack', command: 'start' }, pen(1), pen(2));
    const cleared = driver.clear();
    await waitFor(() => channel.commands.length === 3, 1000, 'CLEAR');
    channel.arrive(pen(3), { type: 'ack', command: 'clear' }, pen(4), pen(5), pen(5, 0), { type: 'confirm', pens: 3 });
    await cleared;
    expect((await outcome).strokes).toEqual([[at(4), at(5)]]);
  });

  it('lets a pen event between a command and its answer through to the capture, and still settles the command', async () => {
    const { driver, channel } = scripted();
    const { outcome } = await signingCapture(driver, channel);
    channel.arrive({ type: 'ack', command: 'start' });
    const info = driver.info();
    await waitFor(() => channel.commands.length === 3, 1000, 'INFO');
    channel.arrive(pen(7), { type: 'info-reply', info: SIM_PAD_INFO }, pen(8), pen(8, 0), { type: 'confirm', pens: 3 });
    expect(await info).toEqual(SIM_PAD_INFO);
    expect((await outcome).strokes).toEqual([[at(7), at(8)]]);
  });

  it('ignores an answer for another command (a late one) and counts it as stale', async () => {
    const { driver, channel } = scripted();
    const info = driver.info();
    await waitFor(() => channel.commands.length === 1, 1000, 'INFO');
    channel.arrive({ type: 'ack', command: 'cancel' }, { type: 'info-reply', info: SIM_PAD_INFO });
    expect(await info).toEqual(SIM_PAD_INFO);
    expect(driver.stats.staleAnswers).toBe(1);
  });

  it('rejects points outside the area the pad declared, and reports lost ones from the CONFIRM count', async () => {
    const { driver, channel } = scripted();
    const { outcome } = await signingCapture(driver, channel);
    channel.arrive(
      { type: 'ack', command: 'start' },
      pen(5),
      { type: 'pen', point: { x: 2001, y: 10, pressure: 400, t: 6 } },
      { type: 'pen', point: { x: 6, y: 10, pressure: 5000, t: 7 } },
      pen(9),
      pen(9, 0),
      // The pad sent 7; five arrived.
      { type: 'confirm', pens: 7 },
    );
    const capture = await outcome;
    expect(capture.strokes).toEqual([[at(5), at(9)]]);
    expect(capture.lostPoints).toBe(2);
    expect(driver.stats.rejectedPoints).toBe(2);
  });
});
