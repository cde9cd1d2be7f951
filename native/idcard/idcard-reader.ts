import type { CommandChannel, TransportStatus } from '../serial/command-channel';
import { DeviceError, transportError, type TransportErrorCode } from '../serial/device-error';
import { Listeners } from '../serial/listeners';
import type { ListedPort, PortSelector } from '../serial/port-selector';
import { SerialTransport } from '../serial/serial-transport';
import { buildCardReading, type CardReading } from './card-reading';
import { parseResponseBody, samFraming, type SamRequest, type SamResponse } from './frame-codec';
import type { WltDecoder } from './photo';
import { parseReadData, type CardData } from './read-response';
import { SAM_COMMANDS, SW3 } from './sam-commands';
import { formatSamId, type SamId } from './sam-id';
import { describeSamStatus, samStatusError, type SamStatus, type SamStatusCode } from './status';

export type IdCardErrorCode = TransportErrorCode | SamStatusCode | 'UNEXPECTED_RESPONSE' | 'CARD_DATA_INVALID';

export interface IdCardReaderEvents {
  /** A card was placed (once per placement; again after it is removed and placed again). */
  card: CardReading;
  /** The card that was reported has left the reader. */
  removed: undefined;
  /** Connection state of the reader. */
  status: TransportStatus;
  /** A polling failure, reported once until something changes. */
  error: DeviceError;
}

export interface IdCardReaderOptions {
  channel: CommandChannel<SamRequest>;
  photoDecoder?: WltDecoder;
  /** Timeout of find, select and SAM commands. */
  commandTimeoutMs?: number;
  /** Timeout of the read command: 1295 bytes take ~112 ms on the line, plus the SAM's own work. */
  readTimeoutMs?: number;
  /** Read with 30 10 (text, photo, fingerprint) instead of 30 01. */
  withFingerprint?: boolean;
  /** Clock for the "birth date not in the future" check. */
  today?: () => Date;
}

export interface SerialIdCardReaderOptions extends Omit<IdCardReaderOptions, 'channel'> {
  port: PortSelector;
  baudRate?: number;
  backoff?: { initialMs?: number; maxMs?: number };
  listPorts?: () => Promise<ListedPort[]>;
}

const DEVICE_NAME = '身份证阅读器';
/** A command refused or cut off this close to the overall deadline failed because of the deadline. */
const DEADLINE_SLACK_MS = 50;

/**
 * The second-generation ID card reader over the GA 450 SAM protocol: find → select → read, SAM
 * status and identity, and polling that reports each placement once.
 */
export class IdCardReader {
  private readonly channel: CommandChannel<SamRequest>;
  private readonly options: Required<Omit<IdCardReaderOptions, 'photoDecoder' | 'channel'>> &
    Pick<IdCardReaderOptions, 'photoDecoder'>;
  private readonly listeners = new Listeners<IdCardReaderEvents>();
  private readonly offStatus: () => void;
  /** Serialises multi-command sequences: a poll and a readOnce must not interleave their commands. */
  private lock: Promise<unknown> = Promise.resolve();
  private polling: object | null = null;
  private pollLoop: Promise<void> | null = null;
  private wakePoll: (() => void) | null = null;
  /** Raw data of the card reported by polling, to report a placement once. */
  private present: CardData | null = null;
  private lastPollError: string | null = null;

  /** A reader on a serial port (path or USB identity) that connects, and reconnects, by itself. */
  static overSerial(options: SerialIdCardReaderOptions): IdCardReader {
    const { port, baudRate, backoff, listPorts, ...readerOptions } = options;
    const transport = new SerialTransport<SamRequest>({
      port,
      framing: samFraming,
      baudRate: baudRate ?? 115200,
      deviceName: DEVICE_NAME,
      ...(backoff ? { backoff } : {}),
      ...(listPorts ? { listPorts } : {}),
    });
    const reader = new IdCardReader({ ...readerOptions, channel: transport });
    transport.start();
    return reader;
  }

  constructor(options: IdCardReaderOptions) {
    this.channel = options.channel;
    this.options = {
      commandTimeoutMs: 1000,
      readTimeoutMs: 3000,
      withFingerprint: false,
      today: () => new Date(),
      ...options,
    };
    this.offStatus = this.channel.on('status', (status) => this.listeners.emit('status', status));
  }

  on<K extends keyof IdCardReaderEvents>(event: K, listener: (payload: IdCardReaderEvents[K]) => void): () => void {
    return this.listeners.on(event, listener);
  }

  get isConnected(): boolean {
    return this.channel.isConnected;
  }

  waitConnected(timeoutMs: number): Promise<void> {
    return this.channel.waitConnected(timeoutMs);
  }

  /**
   * Find, select and read the card on the reader, within timeoutMs overall. A clerk asks for a
   * read and then places the card: "no card" is retried until the deadline, and only then is
   * NO_CARD reported.
   */
  async readOnce(timeoutMs = 5000, retryIntervalMs = 200): Promise<CardReading> {
    const deadline = performance.now() + timeoutMs;
    let noCard: DeviceError | null = null;
    for (;;) {
      try {
        const data = await this.exclusive(() => this.acquire(deadline));
        return await this.build(data);
      } catch (err) {
        // An attempt cut short by the overall deadline after "no card" answers is still "no card".
        if (noCard && deadline - performance.now() < DEADLINE_SLACK_MS && err instanceof DeviceError && err.code === 'DEVICE_TIMEOUT') throw noCard;
        if (!(err instanceof DeviceError) || err.code !== 'NO_CARD') throw err;
        noCard = err;
        if (deadline - performance.now() <= retryIntervalMs) throw err;
        await new Promise((resolve) => setTimeout(resolve, retryIntervalMs));
      }
    }
  }

  startPolling(intervalMs = 500): void {
    if (this.polling) return;
    const token = {};
    this.polling = token;
    this.present = null;
    this.lastPollError = null;
    this.pollLoop = (async () => {
      while (this.polling === token) {
        await this.pollOnce(token);
        if (this.polling !== token) break;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(done, intervalMs);
          const self = this;
          function done(): void {
            clearTimeout(timer);
            self.wakePoll = null;
            resolve();
          }
          this.wakePoll = done;
        });
      }
    })();
  }

  /** Stops polling; resolves when the cycle in progress has finished. */
  async stop(): Promise<void> {
    this.polling = null;
    this.wakePoll?.();
    await this.pollLoop;
    this.pollLoop = null;
  }

  /** The SAM module's self-check (11 FF). A failed check is a status, not an exception. */
  async samStatus(timeoutMs = this.options.commandTimeoutMs): Promise<SamStatus> {
    const response = await this.exclusive(() =>
      this.command(SAM_COMMANDS.samStatus, performance.now() + timeoutMs, timeoutMs),
    );
    return describeSamStatus(response.sw3);
  }

  /** The SAM module's identity (12 FF), which vendors print on the module's label. */
  async samId(timeoutMs = this.options.commandTimeoutMs): Promise<SamId> {
    const response = await this.exclusive(() =>
      this.command(SAM_COMMANDS.samId, performance.now() + timeoutMs, timeoutMs),
    );
    if (response.sw3 !== SW3.ok) throw samStatusError(response.sw3);
    const id = formatSamId(response.data);
    if (!id) throw unexpected('阅读器返回的安全模块号长度不正确，请重试。');
    return id;
  }

  /** Resets the SAM module (10 FF), the first remedy vendors suggest for a stuck reader. */
  async resetSam(timeoutMs = this.options.commandTimeoutMs): Promise<void> {
    const response = await this.exclusive(() =>
      this.command(SAM_COMMANDS.resetSam, performance.now() + timeoutMs, timeoutMs),
    );
    if (response.sw3 !== SW3.ok) throw samStatusError(response.sw3);
  }

  /** Stops polling and closes the connection. */
  async close(): Promise<void> {
    await this.stop();
    this.offStatus();
    await this.channel.close();
  }

  // ---- sequences ----

  private async acquire(deadline: number): Promise<CardData> {
    const { commandTimeoutMs } = this.options;
    const found = await this.command(SAM_COMMANDS.findCard, deadline, commandTimeoutMs);
    if (found.sw3 === SW3.cardFound) {
      const selected = await this.command(SAM_COMMANDS.selectCard, deadline, commandTimeoutMs);
      if (selected.sw3 !== SW3.ok) throw samStatusError(selected.sw3);
      const read = await this.readCommand(deadline);
      if (read.sw3 !== SW3.ok) throw samStatusError(read.sw3);
      return this.cardData(read);
    }
    if (found.sw3 !== SW3.noCard) throw samStatusError(found.sw3);
    // "No card" may mean "the card just read is still there": a card that has been selected stays
    // active and, under ISO/IEC 14443-3 Type B, only idle cards answer the find (REQB) until the card
    // leaves the field. Reading directly tells the two apart.
    const read = await this.readCommand(deadline);
    if (read.sw3 !== SW3.ok) throw samStatusError(SW3.noCard);
    return this.cardData(read);
  }

  private async pollOnce(token: object): Promise<void> {
    try {
      const data = await this.exclusive(() =>
        this.acquire(performance.now() + this.options.readTimeoutMs + 2 * this.options.commandTimeoutMs),
      );
      this.lastPollError = null;
      if (this.present && sameCard(this.present, data)) return;
      const reading = await this.build(data);
      if (this.polling !== token) return;
      // A different card without an observed removal: report the removal first, so listeners see
      // the same sequence as when the clerk swaps cards slowly.
      if (this.present) this.listeners.emit('removed', undefined);
      this.present = data;
      this.listeners.emit('card', reading);
    } catch (error) {
      if (this.polling !== token) return;
      const deviceError = asDeviceError(error);
      if (deviceError.code === 'NO_CARD') {
        this.lastPollError = null;
        if (this.present) {
          this.present = null;
          this.listeners.emit('removed', undefined);
        }
        return;
      }
      // While the reader is unplugged every poll fails the same way: tell the UI once.
      if (deviceError.code === this.lastPollError) return;
      this.lastPollError = deviceError.code;
      this.listeners.emit('error', deviceError);
    }
  }

  // ---- commands ----

  private readCommand(deadline: number): Promise<SamResponse> {
    const request = this.options.withFingerprint
      ? SAM_COMMANDS.readTextPhotoAndFingerprint
      : SAM_COMMANDS.readTextAndPhoto;
    return this.command(request, deadline, this.options.readTimeoutMs);
  }

  private async command(request: SamRequest, deadline: number, limitMs: number): Promise<SamResponse> {
    const remaining = Math.floor(deadline - performance.now());
    if (remaining <= 0) throw transportError('DEVICE_TIMEOUT', DEVICE_NAME);
    const body = await this.channel.request(request, { timeoutMs: Math.min(limitMs, remaining) });
    return parseResponseBody(body);
  }

  private cardData(read: SamResponse): CardData {
    const parsed = parseReadData(read.data, this.options.withFingerprint);
    if (!parsed.ok) throw unexpected(parsed.error.message);
    return parsed.value;
  }

  private build(data: CardData): Promise<CardReading> {
    return buildCardReading(data, { photoDecoder: this.options.photoDecoder, today: this.options.today() });
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.lock.then(work, work);
    this.lock = run.catch(() => undefined);
    return run;
  }
}

function sameCard(a: CardData, b: CardData): boolean {
  return Buffer.from(a.text).equals(b.text) && Buffer.from(a.photo).equals(b.photo);
}

function unexpected(message: string): DeviceError<'UNEXPECTED_RESPONSE'> {
  return new DeviceError('UNEXPECTED_RESPONSE', message);
}

function asDeviceError(error: unknown): DeviceError {
  if (error instanceof DeviceError) return error;
  return new DeviceError('UNKNOWN_ERROR', '读卡时发生未知错误，请重试；如仍失败，请联系信息技术人员。', {
    cause: error instanceof Error ? error.message : String(error),
  });
}
