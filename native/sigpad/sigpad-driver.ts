import type { CommandChannel, TransportStatus } from '../serial/command-channel';
import { DeviceError, transportError } from '../serial/device-error';
import { Listeners } from '../serial/listeners';
import type { ListedPort, PortSelector } from '../serial/port-selector';
import { SerialTransport } from '../serial/serial-transport';
import { CaptureSession } from './capture-session';
import { FrameTap, type FrameSource } from './frame-tap';
import { promptSchema } from './prompt';
import {
  DEFAULT_PROMPT,
  type CaptureOptions,
  type PadInfo,
  type SignaturePad,
  type SignaturePadEvents,
  type SignaturePadStatus,
} from './signature-pad';
import { cancelledError, rejectedError, signatureError } from './signature-errors';
import { sigpadHostFraming } from './sigpad-codec';
import {
  answeredCommand,
  isAnswer,
  parsePadBody,
  type CommandName,
  type HostCommand,
  type PadAnswer,
  type PadEvent,
} from './sigpad-messages';
import type { SignatureCapture } from './strokes';

export interface SigpadDriverOptions {
  /** Writes commands; its request timeout, resend and reconnect logic are used as they are. */
  channel: CommandChannel<HostCommand>;
  /** Every frame from the pad in wire order: the FrameTap inside the channel's framing. */
  frames: FrameSource;
  /** How long the pad has to answer a command (ACK, NAK or INFO reply). */
  commandTimeoutMs?: number;
}

export interface SerialSigpadOptions extends Omit<SigpadDriverOptions, 'channel' | 'frames'> {
  port: PortSelector;
  baudRate?: number;
  backoff?: { initialMs?: number; maxMs?: number };
  listPorts?: () => Promise<ListedPort[]>;
  presenceCheckMs?: number;
}

export interface SigpadDriverStats {
  /** Intact frames that were not a valid message (unknown type, bad INFO, …). */
  unreadableFrames: number;
  /** Answers that arrived when no command was waiting for them (late after a timeout). */
  staleAnswers: number;
  /** Pen points outside the writing area or pressure range the pad declared. */
  rejectedPoints: number;
}

const DEVICE_NAME = '签名板';

interface Pending {
  command: CommandName;
  settle(answer: PadAnswer): void;
  fail(error: DeviceError): void;
}

/**
 * Our serial signature pad (PROTOCOL.md) behind the SignaturePad interface. Commands go out through
 * the serial transport one at a time; everything the pad sends is read in wire order from the
 * FrameTap and sorted by type: answers settle the command waiting for them, events feed the capture
 * in progress. See frame-tap.ts for why the transport's own response matching is not used.
 */
export class SigpadDriver implements SignaturePad {
  readonly stats: SigpadDriverStats = { unreadableFrames: 0, staleAnswers: 0, rejectedPoints: 0 };
  private readonly channel: CommandChannel<HostCommand>;
  private readonly commandTimeoutMs: number;
  private readonly listeners = new Listeners<SignaturePadEvents>();
  private readonly unsubscribe: (() => void)[];
  /** Serialises commands: answers carry no sequence number, so only one may be outstanding. */
  private lock: Promise<unknown> = Promise.resolve();
  private pending: Pending | null = null;
  private session: CaptureSession | null = null;
  /** Forgotten on every disconnect: another pad may be plugged in. */
  private knownInfo: PadInfo | null = null;
  private closed = false;

  /** A pad on a serial port (path or USB identity) that connects, and reconnects, by itself. */
  static overSerial(options: SerialSigpadOptions): SigpadDriver {
    const { port, baudRate, backoff, listPorts, presenceCheckMs, ...driverOptions } = options;
    const tap = new FrameTap(sigpadHostFraming);
    const transport = new SerialTransport<HostCommand>({
      port,
      framing: tap.framing,
      baudRate: baudRate ?? 115200,
      deviceName: DEVICE_NAME,
      ...(backoff ? { backoff } : {}),
      ...(listPorts ? { listPorts } : {}),
      ...(presenceCheckMs !== undefined ? { presenceCheckMs } : {}),
    });
    const driver = new SigpadDriver({ ...driverOptions, channel: transport, frames: tap });
    transport.start();
    return driver;
  }

  constructor(options: SigpadDriverOptions) {
    this.channel = options.channel;
    this.commandTimeoutMs = options.commandTimeoutMs ?? 1000;
    this.unsubscribe = [
      options.frames.on('frame', (body) => this.onFrame(body)),
      this.channel.on('status', (status) => this.onTransportStatus(status)),
    ];
  }

  on<K extends keyof SignaturePadEvents>(event: K, listener: (payload: SignaturePadEvents[K]) => void): () => void {
    return this.listeners.on(event, listener);
  }

  get isConnected(): boolean {
    return this.channel.isConnected;
  }

  /** True while a capture is waiting for the signer. */
  get capturing(): boolean {
    return this.session !== null;
  }

  async open(timeoutMs = 3000): Promise<PadInfo> {
    this.assertOpen();
    await this.channel.waitConnected(timeoutMs);
    return this.info();
  }

  async info(): Promise<PadInfo> {
    this.assertOpen();
    const answer = await this.command({ type: 'info' });
    if (answer.type !== 'info-reply') throw signatureError('UNEXPECTED_RESPONSE', { answer: answer.type });
    this.knownInfo = answer.info;
    return answer.info;
  }

  async clear(): Promise<void> {
    this.assertOpen();
    // The ink is dropped when the ACK arrives (onAnswer), in order with the pen events around it.
    await this.command({ type: 'clear' });
  }

  async capture(options: CaptureOptions): Promise<SignatureCapture> {
    this.assertOpen();
    if (this.session) throw signatureError('SIGNATURE_BUSY');
    const prompt = promptSchema.safeParse(options.prompt ?? DEFAULT_PROMPT);
    if (!prompt.success) {
      throw signatureError('SIGNATURE_PROMPT_INVALID', { reason: prompt.error.issues[0]?.message });
    }
    if (!(options.timeoutMs > 0)) throw new RangeError('timeoutMs must be positive');
    if (!this.channel.isConnected) throw transportError('DEVICE_NOT_CONNECTED', DEVICE_NAME);

    // Registered before START goes out: the pad may send ink right behind its ACK.
    const session = new CaptureSession(prompt.data);
    this.session = session;
    const timer = setTimeout(() => {
      if (!session.fail(signatureError('SIGNATURE_TIMEOUT', { timeoutMs: options.timeoutMs }))) return;
      this.emitStatus({ state: 'cancelled', by: 'timeout' });
      // The signer may still be writing: take the prompt off the pad. The clerk hears of the timeout
      // now, not after the pad answers; a capture started next queues its START behind this CANCEL.
      this.command({ type: 'cancel' }).catch(() => {});
    }, options.timeoutMs);
    try {
      const started = this.start(session);
      return await Promise.race([started.then(() => session.done), session.done]);
    } catch (error) {
      session.fail(asDeviceError(error));
      throw error;
    } finally {
      clearTimeout(timer);
      if (this.session === session) this.session = null;
    }
  }

  async cancel(): Promise<void> {
    this.assertOpen();
    const cancelled = this.session?.fail(cancelledError('clerk')) ?? false;
    if (cancelled) this.emitStatus({ state: 'cancelled', by: 'clerk' });
    // An unplugged pad shows nothing to take back; the capture has ended either way.
    if (cancelled && !this.channel.isConnected) return;
    await this.command({ type: 'cancel' });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const session = this.session;
    if (session?.fail(transportError('DEVICE_CLOSED', DEVICE_NAME)) && this.channel.isConnected) {
      // Leave the pad idle rather than showing a prompt nobody is waiting for.
      await this.command({ type: 'cancel' }, Math.min(this.commandTimeoutMs, 300)).catch(() => {});
    }
    for (const off of this.unsubscribe) off();
    this.pending?.fail(transportError('DEVICE_CLOSED', DEVICE_NAME));
    await this.channel.close();
  }

  // ---- capture ----

  private async start(session: CaptureSession): Promise<void> {
    session.info = this.knownInfo ?? (await this.info());
    await this.exclusive(async () => {
      // A capture that timed out while INFO was on the line must not put its prompt on the pad.
      if (session.settled) return;
      await this.exchange({ type: 'start', prompt: session.prompt }, this.commandTimeoutMs);
    });
  }

  // ---- what the pad sends ----

  private onFrame(body: Uint8Array): void {
    const parsed = parsePadBody(body);
    if (!parsed.ok) {
      this.stats.unreadableFrames += 1;
      return;
    }
    if (isAnswer(parsed.value)) this.onAnswer(parsed.value);
    else this.onEvent(parsed.value);
  }

  private onAnswer(answer: PadAnswer): void {
    // Effects on the ink happen here, in wire order with the pen events before and after the ACK.
    if (answer.type === 'ack' && answer.command === 'start' && this.session?.begin()) {
      this.emitStatus({ state: 'signing', prompt: this.session.prompt });
    }
    if (answer.type === 'ack' && answer.command === 'clear') {
      this.session?.clearInk();
      this.emitStatus({ state: 'ink-cleared', by: 'clerk' });
    }
    const pending = this.pending;
    const command = answeredCommand(answer);
    if (!pending || (command !== null && command !== pending.command)) {
      this.stats.staleAnswers += 1;
      return;
    }
    pending.settle(answer);
  }

  private onEvent(event: PadEvent): void {
    const session = this.session;
    if (!session) return;
    switch (event.type) {
      case 'pen':
        if (session.addPen(event.point)) this.listeners.emit('point', event.point);
        else if (!session.settled) this.stats.rejectedPoints += 1;
        return;
      case 'confirm':
        if (session.confirm(event.pens)) this.emitStatus({ state: 'confirmed' });
        return;
      case 'signer-cancel':
        if (session.fail(cancelledError('signer'))) this.emitStatus({ state: 'cancelled', by: 'signer' });
        return;
      case 'signer-clear':
        if (session.clearInk()) this.emitStatus({ state: 'ink-cleared', by: 'signer' });
        return;
    }
  }

  private onTransportStatus(status: TransportStatus): void {
    if (status.state === 'disconnected') {
      this.knownInfo = null;
      // At once, not at the capture's timeout: the clerk must hear that the cable came out.
      this.session?.fail(status.error);
      this.pending?.fail(status.error);
    }
    this.emitStatus(status);
  }

  // ---- commands ----

  private command(command: HostCommand, timeoutMs = this.commandTimeoutMs): Promise<PadAnswer> {
    return this.exclusive(() => this.exchange(command, timeoutMs));
  }

  /** Sends one command and waits for its answer; call it holding the lock. NAK rejects. */
  private exchange(command: HostCommand, timeoutMs: number): Promise<PadAnswer> {
    return new Promise<PadAnswer>((resolve, reject) => {
      const finish = (): void => {
        clearTimeout(timer);
        if (this.pending === pending) this.pending = null;
      };
      const pending: Pending = {
        command: command.type,
        settle: (answer) => {
          finish();
          if (answer.type === 'nak') reject(rejectedError(answer.command, answer.code));
          else resolve(answer);
        },
        fail: (error) => {
          finish();
          reject(error);
        },
      };
      // The transport's own timeout does not cover this: it ends its wait at the first frame of
      // any kind, which during a capture may be a pen event rather than the answer.
      const timer = setTimeout(
        () => pending.fail(transportError('DEVICE_TIMEOUT', DEVICE_NAME, { timeoutMs })),
        timeoutMs,
      );
      this.pending = pending;
      // The transport's answer body is not used (the tap delivers it); its failures are:
      // not connected, unplugged, silent, or answers corrupted beyond its resend.
      this.channel.request(command, { timeoutMs }).catch((error: unknown) => {
        if (this.pending === pending) pending.fail(asDeviceError(error));
      });
    });
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.lock.then(work, work);
    this.lock = run.catch(() => undefined);
    return run;
  }

  private emitStatus(status: SignaturePadStatus): void {
    this.listeners.emit('status', status);
  }

  private assertOpen(): void {
    if (this.closed) throw transportError('DEVICE_CLOSED', DEVICE_NAME);
  }
}

function asDeviceError(error: unknown): DeviceError {
  if (error instanceof DeviceError) return error;
  return signatureError('UNEXPECTED_RESPONSE', { cause: error instanceof Error ? error.message : String(error) });
}

