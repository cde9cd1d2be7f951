import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SerialPort } from 'serialport';
import { Listeners } from '../serial/listeners';
import type { PadInfo } from '../sigpad/signature-pad';
import { createPadSideDecoder, encodeFrame } from '../sigpad/sigpad-codec';
import {
  NAK_CODE,
  encodePadBody,
  parseCommandBody,
  type CommandName,
  type HostCommand,
  type PadMessage,
} from '../sigpad/sigpad-messages';
import type { PenPoint } from '../sigpad/strokes';
import { SAMPLE_PAD_AREA, type SampleSignature } from './sample-signatures';
import { SocatPtyPair } from './socat-pty-pair';

export interface SigpadSimulatorOptions {
  /** What the pad says about itself; the sample signatures' pad by default. */
  info?: Partial<PadInfo>;
  baudRate?: number;
}

export interface SignOptions {
  /** Pen points sent per millisecond: 0.2 is a 200 Hz pad in real time; tests go faster. */
  pointsPerMs?: number;
  /** Press 确认 after the last point (default true). */
  confirm?: boolean;
}

export interface SignResult {
  /** PEN events sent, pen-up events included. */
  pens: number;
  /** False when the session ended first (the host cancelled, the pad was unplugged). */
  confirmed: boolean;
}

export interface SigpadSimulatorStats {
  commands: number;
  /** Command frames that arrived with a bad CRC. */
  corruptCommands: number;
  framesOut: number;
  bytesIn: number;
  bytesOut: number;
}

export interface SigpadSimulatorEvents {
  /** Every command the pad received intact, before it answers. */
  command: HostCommand;
}

export type SimPadState = 'idle' | 'signing';

export const SIM_PAD_INFO: PadInfo = {
  vendor: '仿真设备',
  model: 'SP-2000 仿真签名板',
  firmware: '1.0.0',
  width: SAMPLE_PAD_AREA.width,
  height: SAMPLE_PAD_AREA.height,
  maxPressure: SAMPLE_PAD_AREA.maxPressure,
  sampleRateHz: SAMPLE_PAD_AREA.sampleRateHz,
};

/**
 * A counter signature pad on a pseudo-terminal, speaking our protocol (native/sigpad/PROTOCOL.md)
 * with real bytes: it answers INFO, CLEAR, START and CANCEL, and plays the signer — writing a sample
 * signature as a stream of PEN events, pressing 确认, 取消 or 重签 — and the faults a counter meets:
 * unplugging, corrupted frames, a silent or slow device.
 */
export class SigpadSimulator {
  readonly stats: SigpadSimulatorStats = { commands: 0, corruptCommands: 0, framesOut: 0, bytesIn: 0, bytesOut: 0 };
  readonly info: PadInfo;
  private readonly baudRate: number;
  private readonly listeners = new Listeners<SigpadSimulatorEvents>();
  private readonly decoder = createPadSideDecoder();
  private pair: SocatPtyPair | null = null;
  private port: SerialPort | null = null;
  private ownDir: string | null = null;
  private clientLink = '';
  /** Bumped on unplug and close, so output queued before is dropped rather than sent to a dead port. */
  private generation = 0;
  private outbox: Promise<void> = Promise.resolve();
  private padState: SimPadState = 'idle';
  private shownPrompt = '';
  /** Bumped whenever a signing session ends or restarts, so a signer still writing stops. */
  private session = 0;
  private startedAt = 0;
  private pens: PenPoint[] = [];
  private garbleLeft = 0;
  private isSilent = false;
  private delayMs = 0;
  private refusal: number | null = null;

  constructor(options: SigpadSimulatorOptions = {}) {
    this.info = { ...SIM_PAD_INFO, ...options.info };
    this.baudRate = options.baudRate ?? 115200;
  }

  /** The tty path a driver opens (the client side). */
  get path(): string {
    return this.clientLink;
  }

  get state(): SimPadState {
    return this.padState;
  }

  /** The prompt on the pad's screen while signing. */
  get prompt(): string {
    return this.shownPrompt;
  }

  /** PEN events sent since START or the last clear, pen-ups included: what the host should have. */
  get sentPens(): readonly PenPoint[] {
    return this.pens;
  }

  on<K extends keyof SigpadSimulatorEvents>(event: K, listener: (payload: SigpadSimulatorEvents[K]) => void): () => void {
    return this.listeners.on(event, listener);
  }

  /**
   * Creates the pty pair and starts answering. `link` is where the client tty appears (a fresh
   * temporary folder when omitted); the simulator's own end is `${link}-sim`. Returns the client path.
   */
  async start(options: { link?: string } = {}): Promise<string> {
    if (this.pair) return this.clientLink;
    if (options.link) {
      this.clientLink = options.link;
    } else {
      this.ownDir = mkdtempSync(join(tmpdir(), 'sigpad-sim-'));
      this.clientLink = join(this.ownDir, 'ttySIGPAD');
    }
    await this.plugIn();
    return this.clientLink;
  }

  async close(): Promise<void> {
    await this.pullOut();
    if (this.ownDir) rmSync(this.ownDir, { recursive: true, force: true });
    this.ownDir = null;
  }

  // ---- the signer ----

  /**
   * The signer writes: each stroke's points as PEN events at `pointsPerMs`, a pen-up (pressure 0)
   * after each stroke, then 确认 (CONFIRM with the count of PEN events). `t` is milliseconds since
   * START at the nominal time of each point. Rejects when the pad shows no prompt.
   */
  async sign(input: SampleSignature | PenPoint[][], options: SignOptions = {}): Promise<SignResult> {
    this.assertSigning();
    const pointsPerMs = options.pointsPerMs ?? 0.2;
    if (!(pointsPerMs > 0)) throw new RangeError('pointsPerMs must be positive');
    const strokes = Array.isArray(input) ? input : input.strokes;
    const session = this.session;
    const offsetMs = performance.now() - this.startedAt;
    const pens = strokes
      .filter((stroke) => stroke.length > 0)
      .flatMap((stroke) => [...stroke, { ...stroke[stroke.length - 1], pressure: 0 }])
      .map((point, i) => ({ ...point, t: Math.round(offsetMs + i / pointsPerMs) }));
    const began = performance.now();
    let sent = 0;
    while (sent < pens.length) {
      if (this.session !== session) return { pens: sent, confirmed: false };
      // Everything due by now goes in one write, as a pad's UART FIFO would deliver it.
      const due = Math.min(pens.length, Math.max(sent + 1, Math.floor((performance.now() - began) * pointsPerMs) + 1));
      this.sendPens(pens.slice(sent, due));
      sent = due;
      if (sent < pens.length) await sleep(sent / pointsPerMs - (performance.now() - began));
    }
    await this.outbox;
    if (this.session !== session) return { pens: sent, confirmed: false };
    if (options.confirm ?? true) this.signerConfirms();
    await this.outbox;
    return { pens: sent, confirmed: options.confirm ?? true };
  }

  /** The signer presses 确认; the pad ends the session. */
  signerConfirms(): void {
    this.assertSigning();
    this.send({ type: 'confirm', pens: this.pens.length });
    this.endSession();
  }

  /** The signer presses 取消; the pad ends the session. */
  signerCancels(): void {
    this.assertSigning();
    this.send({ type: 'signer-cancel' });
    this.endSession();
  }

  /** The signer presses 重签: the ink is erased and the session goes on. */
  signerClears(): void {
    this.assertSigning();
    this.pens = [];
    this.send({ type: 'signer-clear' });
  }

  // ---- faults ----

  /** The pad's USB cable is pulled: both ttys disappear and the driver's port closes. */
  async unplug(): Promise<void> {
    await this.pullOut();
  }

  /** Plugged back in: the client tty reappears at the same path, the pad idle as after power-up. */
  async replug(): Promise<void> {
    if (this.pair) return;
    await this.plugIn();
  }

  /** The next n frames the pad sends (answers or events) go out with a corrupted CRC. */
  garble(n: number): void {
    this.garbleLeft = n;
  }

  /** The pad receives commands and sends nothing at all. */
  silent(on = true): void {
    this.isSilent = on;
  }

  /** Every answer waits this long before its first byte. */
  slowDown(ms: number): void {
    this.delayMs = ms;
  }

  /** The next command is answered NAK with this code (NAK_CODE.busy, …). */
  refuseNext(code: number): void {
    this.refusal = code;
  }

  // ---- the pad's firmware ----

  private onCommandBytes(chunk: Uint8Array): void {
    this.stats.bytesIn += chunk.length;
    for (const event of this.decoder.push(chunk)) {
      if (event.type === 'checksum-error') {
        this.stats.corruptCommands += 1;
        this.answer({ type: 'nak', command: null, code: NAK_CODE.checksum });
        continue;
      }
      if (event.type !== 'frame') continue;
      const parsed = parseCommandBody(event.body);
      if (!parsed.ok) {
        this.answer({ type: 'nak', command: commandOf(event.body[0]), code: NAK_CODE.badPayload });
        continue;
      }
      this.stats.commands += 1;
      this.listeners.emit('command', parsed.value);
      this.execute(parsed.value);
    }
  }

  private execute(command: HostCommand): void {
    if (this.refusal !== null) {
      const code = this.refusal;
      this.refusal = null;
      this.answer({ type: 'nak', command: command.type, code });
      return;
    }
    switch (command.type) {
      case 'info':
        this.answer({ type: 'info-reply', info: this.info });
        return;
      case 'clear':
        this.pens = [];
        this.answer({ type: 'ack', command: 'clear' });
        return;
      case 'start':
        // A START during a session starts over: new prompt, no ink, the clock from zero.
        this.session += 1;
        this.padState = 'signing';
        this.shownPrompt = command.prompt;
        this.startedAt = performance.now();
        this.pens = [];
        this.answer({ type: 'ack', command: 'start' });
        return;
      case 'cancel':
        this.endSession();
        this.answer({ type: 'ack', command: 'cancel' });
        return;
    }
  }

  /** The pad's buttons and ink only work while it shows a prompt. */
  private assertSigning(): void {
    if (this.padState !== 'signing') throw new Error('the simulated pad shows no prompt: the host has not sent START');
  }

  private endSession(): void {
    this.session += 1;
    this.padState = 'idle';
    this.shownPrompt = '';
  }

  // ---- plumbing ----

  private answer(message: PadMessage): void {
    const frame = this.frame(message);
    this.enqueue([frame], this.delayMs);
  }

  private send(message: PadMessage): void {
    this.enqueue([this.frame(message)], 0);
  }

  private sendPens(points: PenPoint[]): void {
    this.pens.push(...points);
    this.enqueue(
      points.map((point) => this.frame({ type: 'pen', point })),
      0,
    );
  }

  /** Encodes at send time so garble() hits the next frames in wire order. */
  private frame(message: PadMessage): Uint8Array {
    const frame = encodeFrame(encodePadBody(message));
    if (this.garbleLeft > 0) {
      this.garbleLeft -= 1;
      frame[frame.length - 1] ^= 0xff;
    }
    return frame;
  }

  /** One write per call, in order, like the pad's single UART. */
  private enqueue(frames: Uint8Array[], delayMs: number): void {
    const generation = this.generation;
    if (this.isSilent) return;
    this.outbox = this.outbox
      .then(async () => {
        if (delayMs > 0) await sleep(delayMs);
        const port = this.port;
        if (generation !== this.generation || !port) return;
        const bytes = Buffer.concat(frames);
        await new Promise<void>((resolve) => port.write(bytes, () => resolve()));
        this.stats.framesOut += frames.length;
        this.stats.bytesOut += bytes.length;
      })
      .catch(() => {});
  }

  private async plugIn(): Promise<void> {
    const deviceLink = `${this.clientLink}-sim`;
    const pair = new SocatPtyPair(deviceLink, this.clientLink);
    await pair.open();
    this.pair = pair;
    const port = new SerialPort({ path: deviceLink, baudRate: this.baudRate, autoOpen: false });
    port.on('error', () => {});
    await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));
    port.on('data', (chunk: Buffer) => this.onCommandBytes(chunk));
    this.port = port;
    this.decoder.reset();
  }

  private async pullOut(): Promise<void> {
    this.generation += 1;
    this.endSession();
    this.pens = [];
    const port = this.port;
    this.port = null;
    if (port?.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
    await this.pair?.close();
    this.pair = null;
  }
}

function commandOf(type: number | undefined): CommandName | null {
  const names: Record<number, CommandName> = { 0x01: 'info', 0x02: 'clear', 0x03: 'start', 0x04: 'cancel' };
  return type === undefined ? null : (names[type] ?? null);
}

function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
