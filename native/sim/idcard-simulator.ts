import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SerialPort } from 'serialport';
import { FrameDecoder, MIN_REQUEST_LENGTH, parseRequestBody, type SamRequest } from '../idcard/frame-codec';
import { Listeners } from '../serial/listeners';
import { SamResponder } from './sam-responder';
import type { SimCard } from './sample-cards';
import { SocatPtyPair } from './socat-pty-pair';

export interface IdCardSimulatorOptions {
  baudRate?: number;
  /**
   * A pty moves bytes as fast as the CPU allows. With pace on, the simulator holds each request
   * and response for the time the bytes take on a real line (10 bits per byte at baudRate), so
   * timings measured through it are realistic.
   */
  pace?: boolean;
  /** See SamResponderOptions: whether an already selected card answers a new find. */
  activeCardAnswersFind?: boolean;
}

export interface ChunkingOptions {
  minBytes: number;
  maxBytes: number;
  /** Pause between chunks; 0 yields to the event loop only. */
  delayMs: number;
}

export interface SimulatorStats {
  requests: number;
  bytesIn: number;
  bytesOut: number;
}

export interface SimulatorEvents {
  /** Every request frame the simulated reader received, before it answers. */
  request: SamRequest;
}

/**
 * A second-generation ID card reader on a pseudo-terminal: it answers the GA 450 protocol with real
 * bytes, holds sample cards, and injects the faults counters meet: unplugging, corrupted responses,
 * line noise, fragmented reads, slow and silent devices.
 */
export class IdCardSimulator {
  readonly stats: SimulatorStats = { requests: 0, bytesIn: 0, bytesOut: 0 };
  private readonly responder: SamResponder;
  private readonly baudRate: number;
  private readonly pace: boolean;
  private readonly listeners = new Listeners<SimulatorEvents>();
  private readonly decoder = new FrameDecoder({ minLength: MIN_REQUEST_LENGTH });
  private pair: SocatPtyPair | null = null;
  private port: SerialPort | null = null;
  private ownDir: string | null = null;
  private clientLink = '';
  private deviceLink = '';
  /** Bumped on unplug and close, so output queued before is dropped rather than sent to a dead port. */
  private generation = 0;
  private outbox: Promise<void> = Promise.resolve();
  private garbleLeft = 0;
  private noiseBytes = 0;
  private chunks: ChunkingOptions | null = null;
  private delayMs = 0;
  private isSilent = false;
  private random = seededRandom(0x1d4c);

  constructor(options: IdCardSimulatorOptions = {}) {
    this.baudRate = options.baudRate ?? 115200;
    this.pace = options.pace ?? false;
    this.responder = new SamResponder({ activeCardAnswersFind: options.activeCardAnswersFind });
  }

  /** The tty path a driver opens (the client side). */
  get path(): string {
    return this.clientLink;
  }

  get responderState(): SamResponder {
    return this.responder;
  }

  on<K extends keyof SimulatorEvents>(event: K, listener: (payload: SimulatorEvents[K]) => void): () => void {
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
      this.ownDir = mkdtempSync(join(tmpdir(), 'idcard-sim-'));
      this.clientLink = join(this.ownDir, 'ttyIDCARD');
    }
    this.deviceLink = `${this.clientLink}-sim`;
    await this.plugIn();
    return this.clientLink;
  }

  async close(): Promise<void> {
    await this.pullOut();
    if (this.ownDir) rmSync(this.ownDir, { recursive: true, force: true });
    this.ownDir = null;
  }

  // ---- the card ----

  placeCard(card: SimCard): void {
    this.responder.placeCard(card);
  }

  removeCard(): void {
    this.responder.removeCard();
  }

  /** SW3 the SAM self-check reports (0x90 healthy, 0x60 self-test failed, …). */
  setSamStatus(sw3: number): void {
    this.responder.samStatusSw3 = sw3;
  }

  // ---- faults ----

  /** The reader's USB cable is pulled: both ttys disappear and the driver's port closes. */
  async unplug(): Promise<void> {
    await this.pullOut();
  }

  /** Plugged back in: the client tty reappears at the same path (a new pty behind it). */
  async replug(): Promise<void> {
    if (this.pair) return;
    this.responder.powerCycle();
    await this.plugIn();
  }

  /** The next n responses go out with a corrupted checksum. */
  garble(n: number): void {
    this.garbleLeft = n;
  }

  /** Each response is preceded by this many junk bytes (0 turns it off). */
  noise(bytes: number): void {
    this.noiseBytes = bytes;
  }

  /** Responses are written in small pieces with pauses between them (null turns it off). */
  chunking(options: ChunkingOptions | null): void {
    this.chunks = options;
  }

  /** Every response waits this long before its first byte. */
  slowDown(ms: number): void {
    this.delayMs = ms;
  }

  /** The reader receives requests and never answers. */
  silent(on = true): void {
    this.isSilent = on;
  }

  // ---- plumbing ----

  private async plugIn(): Promise<void> {
    const pair = new SocatPtyPair(this.deviceLink, this.clientLink);
    await pair.open();
    this.pair = pair;
    const port = new SerialPort({ path: this.deviceLink, baudRate: this.baudRate, autoOpen: false });
    port.on('error', () => {});
    await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));
    port.on('data', (chunk: Buffer) => this.onRequestBytes(chunk));
    this.port = port;
    this.decoder.reset();
  }

  private async pullOut(): Promise<void> {
    this.generation += 1;
    const port = this.port;
    this.port = null;
    if (port?.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
    await this.pair?.close();
    this.pair = null;
  }

  private onRequestBytes(chunk: Uint8Array): void {
    this.stats.bytesIn += chunk.length;
    for (const event of this.decoder.push(chunk)) {
      if (event.type === 'frame') {
        const request = parseRequestBody(event.body);
        this.stats.requests += 1;
        this.listeners.emit('request', request);
        this.enqueue(event.body.length + 8, () => this.responder.respond(request));
      } else if (event.type === 'checksum-error') {
        this.enqueue(event.length + 7, () => this.responder.respondToBadFrame('checksum'));
      } else if (event.type === 'length-error') {
        this.enqueue(0, () => this.responder.respondToBadFrame('length'));
      }
    }
  }

  /** Requests are answered one after another, in order, like the single-threaded module. */
  private enqueue(requestBytes: number, answer: () => Uint8Array): void {
    const generation = this.generation;
    this.outbox = this.outbox
      .then(async () => {
        if (this.pace) await sleep(lineMs(requestBytes, this.baudRate));
        const frame = answer();
        if (this.isSilent || generation !== this.generation) return;
        await this.transmit(frame, generation);
      })
      .catch(() => {});
  }

  private async transmit(frame: Uint8Array, generation: number): Promise<void> {
    let bytes = frame;
    if (this.garbleLeft > 0) {
      this.garbleLeft -= 1;
      bytes = frame.slice();
      bytes[bytes.length - 1] ^= 0xff;
    }
    if (this.noiseBytes > 0) bytes = concat(this.junk(this.noiseBytes), bytes);
    if (this.delayMs > 0) await sleep(this.delayMs);
    const started = performance.now();
    let sent = 0;
    for (const piece of this.split(bytes)) {
      if (generation !== this.generation || !this.port) return;
      sent += piece.length;
      // Bytes arrive once they have crossed the line: schedule against the start to avoid drift.
      if (this.pace) await sleep(started + lineMs(sent, this.baudRate) - performance.now());
      const port = this.port;
      if (!port) return;
      await new Promise<void>((resolve) => port.write(Buffer.from(piece), () => resolve()));
      this.stats.bytesOut += piece.length;
      if (this.chunks) await (this.chunks.delayMs > 0 ? sleep(this.chunks.delayMs) : yieldToLoop());
    }
  }

  private split(bytes: Uint8Array): Uint8Array[] {
    // Paced output goes in 32-byte pieces (≈2.8 ms at 115200) so arrival tracks the line closely.
    const fixed = this.pace && !this.chunks ? 32 : bytes.length;
    const pieces: Uint8Array[] = [];
    for (let at = 0; at < bytes.length; ) {
      const size = this.chunks
        ? this.chunks.minBytes + Math.floor(this.random() * (this.chunks.maxBytes - this.chunks.minBytes + 1))
        : fixed;
      pieces.push(bytes.subarray(at, at + size));
      at += size;
    }
    return pieces;
  }

  /**
   * Junk that can never contain a preamble (0x69 is left out), so noise tests are deterministic:
   * a false preamble could legitimately swallow the real frame behind it.
   */
  private junk(count: number): Uint8Array {
    const bytes = new Uint8Array(count);
    for (let i = 0; i < count; i++) {
      let byte = Math.floor(this.random() * 256);
      if (byte === 0x69) byte = 0xaa;
      bytes[i] = byte;
    }
    return bytes;
  }
}

function lineMs(bytes: number, baudRate: number): number {
  return (bytes * 10 * 1000) / baudRate;
}

function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

function yieldToLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/** Mulberry32: reproducible chunk sizes and noise. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
