import { stat } from 'node:fs/promises';
import { SerialPort } from 'serialport';
import type { CommandChannel, TransportStatus } from './command-channel';
import { transportError, type DeviceError } from './device-error';
import type { DecoderEvent, Framing, StreamDecoder } from './framing';
import { Listeners } from './listeners';
import { portSelectorSchema, resolvePortPath, type ListedPort, type PortSelector } from './port-selector';

export interface SerialTransportOptions<TRequest> {
  port: PortSelector;
  /** The protocol: request encoder and response decoder (GA 450 for the ID card reader, …). */
  framing: Framing<TRequest>;
  /** 8N1 at this rate; GA 450 readers use 115200. */
  baudRate?: number;
  /** What the clerk calls the device, used in messages: 身份证阅读器, 签名板. */
  deviceName?: string;
  /** Default per-command response timeout. */
  responseTimeoutMs?: number;
  /** How many times a command is sent again after a response with a bad checksum. */
  checksumRetries?: number;
  /** Reconnect delays: initial, doubled per failed attempt, capped. */
  backoff?: { initialMs?: number; maxMs?: number };
  /** Port enumeration for USB identities; SerialPort.list by default. */
  listPorts?: () => Promise<ListedPort[]>;
  /** How often the device node is checked for having vanished (see watchDeviceNode). 0 turns it off. */
  presenceCheckMs?: number;
}

export interface SerialTransportEvents {
  status: TransportStatus;
  /** A complete frame that arrived while no command was waiting (late or unsolicited). */
  frame: Uint8Array;
  /** Noise, bad lengths and bad checksums, for the technician's diagnostics. */
  diagnostic: DecoderEvent;
}

interface Job<TRequest> {
  request: TRequest;
  bytes: Uint8Array;
  timeoutMs: number;
  attempts: number;
  timer?: NodeJS.Timeout;
  resolve: (body: Uint8Array) => void;
  reject: (error: DeviceError) => void;
}

/**
 * Framed request/response over a serial port: one command in flight at a time, a response timeout
 * per command, one resend after a corrupted response, and reconnection with exponential backoff
 * when the device is unplugged. A pending command fails with DEVICE_DISCONNECTED the moment the
 * port closes, rather than waiting for its timeout.
 */
export class SerialTransport<TRequest> implements CommandChannel<TRequest> {
  /** Reads delivered by the port and their bytes: how fragmented the line is. */
  readonly stats = { chunksReceived: 0, bytesReceived: 0 };
  private readonly options: Required<Omit<SerialTransportOptions<TRequest>, 'backoff'>> & {
    backoff: { initialMs: number; maxMs: number };
  };
  private readonly decoder: StreamDecoder;
  private readonly listeners = new Listeners<SerialTransportEvents>();
  private readonly queue: Job<TRequest>[] = [];
  private inFlight: Job<TRequest> | null = null;
  private port: SerialPort | null = null;
  private path: string | null = null;
  private started = false;
  private closed = false;
  /** True once 'disconnected' was announced for the current outage, so it is announced once. */
  private announcedDown = false;
  private cancelSleep: (() => void) | null = null;
  private presenceTimer: NodeJS.Timeout | null = null;

  /** Throws (a ZodError naming the field) when the port selector is malformed: a config error. */
  constructor(options: SerialTransportOptions<TRequest>) {
    portSelectorSchema.parse(options.port);
    this.options = {
      baudRate: 115200,
      deviceName: '设备',
      responseTimeoutMs: 1000,
      checksumRetries: 1,
      listPorts: () => SerialPort.list(),
      presenceCheckMs: 100,
      ...options,
      backoff: { initialMs: 200, maxMs: 5000, ...options.backoff },
    };
    this.decoder = options.framing.createDecoder();
  }

  get isConnected(): boolean {
    return this.port !== null;
  }

  /** The tty currently open, e.g. /dev/ttyUSB0. */
  get currentPath(): string | null {
    return this.path;
  }

  on<K extends keyof SerialTransportEvents>(
    event: K,
    listener: (payload: SerialTransportEvents[K]) => void,
  ): () => void {
    return this.listeners.on(event, listener);
  }

  /** Starts connecting, and keeps the device connected until close(). Returns at once. */
  start(): void {
    if (this.started || this.closed) return;
    this.started = true;
    void this.connectLoop(0);
  }

  /** start(), then wait for the first connection. */
  async open(timeoutMs = 2000): Promise<void> {
    this.start();
    await this.waitConnected(timeoutMs);
  }

  waitConnected(timeoutMs: number): Promise<void> {
    if (this.port) return Promise.resolve();
    if (this.closed) return Promise.reject(this.error('DEVICE_CLOSED'));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(this.error('DEVICE_NOT_CONNECTED'));
      }, timeoutMs);
      const off = this.on('status', (status) => {
        if (status.state !== 'connected') return;
        clearTimeout(timer);
        off();
        resolve();
      });
    });
  }

  request(request: TRequest, options: { timeoutMs?: number } = {}): Promise<Uint8Array> {
    if (this.closed) return Promise.reject(this.error('DEVICE_CLOSED'));
    // Fail fast: a clerk who presses 读卡 with the reader unplugged should hear so now.
    if (!this.port) return Promise.reject(this.error('DEVICE_NOT_CONNECTED'));
    let bytes: Uint8Array;
    try {
      bytes = this.options.framing.encode(request);
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise((resolve, reject) => {
      this.queue.push({
        request,
        bytes,
        timeoutMs: options.timeoutMs ?? this.options.responseTimeoutMs,
        attempts: 0,
        resolve,
        reject,
      });
      this.pump();
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.cancelSleep?.();
    this.failAll('DEVICE_CLOSED');
    this.stopWatching();
    const port = this.port;
    this.port = null;
    this.path = null;
    if (port?.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
  }

  // ---- connection ----

  private async connectLoop(firstDelayMs: number): Promise<void> {
    const { initialMs, maxMs } = this.options.backoff;
    let delayMs = firstDelayMs;
    for (let attempt = 1; !this.closed; attempt++) {
      if (delayMs > 0) {
        this.emitStatus({ state: 'reconnecting', attempt, delayMs });
        await this.sleep(delayMs);
        if (this.closed) return;
      }
      const failure = await this.tryOpen();
      if (failure === null) return;
      if (!this.announcedDown) {
        this.announcedDown = true;
        this.emitStatus({ state: 'disconnected', error: this.error('DEVICE_NOT_CONNECTED', { reason: failure }) });
      }
      delayMs = delayMs === 0 ? initialMs : Math.min(delayMs * 2, maxMs);
    }
  }

  /** Null on success, otherwise why the port could not be opened. */
  private async tryOpen(): Promise<string | null> {
    let path: string | null;
    try {
      path = await resolvePortPath(this.options.port, this.options.listPorts);
    } catch (error) {
      return `列出串口失败：${describe(error)}`;
    }
    if (path === null) return '未找到匹配的USB设备';
    const port = new SerialPort({
      path,
      baudRate: this.options.baudRate,
      dataBits: 8,
      stopBits: 1,
      parity: 'none',
      autoOpen: false,
    });
    // Errors after a successful open arrive as 'close' (with disconnected: true) or through write callbacks.
    port.on('error', () => {});
    try {
      await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));
    } catch (error) {
      return describe(error);
    }
    // Identify the device node now, to notice later when it vanishes (see watchDeviceNode).
    const node = this.options.presenceCheckMs > 0 ? await nodeIdentity(path) : null;
    if (this.closed) {
      port.close();
      return null;
    }
    port.on('data', (chunk: Buffer) => this.onData(chunk));
    port.on('close', () => this.onPortLost(port));
    this.port = port;
    this.path = path;
    this.announcedDown = false;
    this.decoder.reset();
    if (node) this.watchDeviceNode(port, path, node);
    this.emitStatus({ state: 'connected', path });
    this.pump();
    return null;
  }

  /**
   * serialport does not always notice a vanished device: when a tty is hung up (its pty master
   * closed, some USB adapters unplugged) a read returns zero bytes, and bindings-cpp retries such a
   * read forever instead of reporting 'close'. So the transport also watches the device node: when
   * it disappears or is replaced by another device, the port is treated as unplugged. Ports that
   * are not file system paths (COM3 on Windows) cannot be watched this way and rely on serialport.
   */
  private watchDeviceNode(port: SerialPort, path: string, opened: string): void {
    let checking = false;
    this.presenceTimer = setInterval(async () => {
      if (checking) return;
      checking = true;
      const now = await nodeIdentity(path);
      checking = false;
      if (now === opened || port !== this.port) return;
      this.onPortLost(port);
      if (port.isOpen) port.close();
    }, this.options.presenceCheckMs);
    this.presenceTimer.unref();
  }

  private stopWatching(): void {
    if (this.presenceTimer) clearInterval(this.presenceTimer);
    this.presenceTimer = null;
  }

  private onPortLost(port: SerialPort): void {
    if (port !== this.port) return;
    this.stopWatching();
    this.port = null;
    this.path = null;
    this.failAll('DEVICE_DISCONNECTED');
    if (this.closed) return;
    this.announcedDown = true;
    this.emitStatus({ state: 'disconnected', error: this.error('DEVICE_DISCONNECTED') });
    void this.connectLoop(this.options.backoff.initialMs);
  }

  // ---- commands ----

  private pump(): void {
    if (this.inFlight || !this.port) return;
    const job = this.queue.shift();
    if (!job) return;
    this.inFlight = job;
    this.send(job);
  }

  private send(job: Job<TRequest>): void {
    const port = this.port;
    if (!port) return;
    // Whatever partial frame is buffered belongs to an earlier exchange.
    this.decoder.reset();
    job.attempts += 1;
    clearTimeout(job.timer);
    job.timer = setTimeout(() => this.onTimeout(job), job.timeoutMs);
    port.write(Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength), (error) => {
      if (!error) return;
      // A write that fails means the device is gone even if the OS has not said so yet.
      this.onPortLost(port);
      if (port.isOpen) port.close();
    });
  }

  private onTimeout(job: Job<TRequest>): void {
    if (this.inFlight !== job) return;
    this.decoder.reset();
    this.settle(job);
    job.reject(this.error('DEVICE_TIMEOUT', { timeoutMs: job.timeoutMs }));
  }

  private onData(chunk: Uint8Array): void {
    this.stats.chunksReceived += 1;
    this.stats.bytesReceived += chunk.length;
    for (const event of this.decoder.push(chunk)) {
      if (event.type === 'frame') {
        const job = this.inFlight;
        if (!job) {
          this.listeners.emit('frame', event.body);
          continue;
        }
        this.settle(job);
        job.resolve(event.body);
        continue;
      }
      this.listeners.emit('diagnostic', event);
      const job = this.inFlight;
      if (event.type !== 'checksum-error' || !job) continue;
      if (job.attempts <= this.options.checksumRetries) {
        // The rest of this chunk predates the resend: drop it with the decoder's buffer.
        this.send(job);
        return;
      }
      this.settle(job);
      job.reject(this.error('CHECKSUM_ERROR', { attempts: job.attempts }));
    }
  }

  /** Ends the job in flight and lets the next one go once the current event loop turn is over. */
  private settle(job: Job<TRequest>): void {
    clearTimeout(job.timer);
    if (this.inFlight === job) this.inFlight = null;
    // Deferred so frames still being dispatched from this chunk are not attributed to the next job.
    queueMicrotask(() => this.pump());
  }

  private failAll(code: 'DEVICE_DISCONNECTED' | 'DEVICE_CLOSED'): void {
    const jobs = this.inFlight ? [this.inFlight, ...this.queue] : [...this.queue];
    this.inFlight = null;
    this.queue.length = 0;
    this.decoder.reset();
    for (const job of jobs) {
      clearTimeout(job.timer);
      job.reject(this.error(code));
    }
  }

  // ---- helpers ----

  private emitStatus(status: TransportStatus): void {
    this.listeners.emit('status', status);
  }

  private error(
    code: Parameters<typeof transportError>[0],
    details?: Record<string, unknown>,
  ): DeviceError {
    return transportError(code, this.options.deviceName, details);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const self = this;
      function done(): void {
        clearTimeout(timer);
        self.cancelSleep = null;
        resolve();
      }
      this.cancelSleep = done;
    });
  }
}

/** Which device node a path leads to now (after symlinks), or null when there is none. */
async function nodeIdentity(path: string): Promise<string | null> {
  try {
    const node = await stat(path);
    return `${node.dev}:${node.ino}:${node.rdev}`;
  } catch {
    return null;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
