import type { DecoderEvent, Framing, StreamDecoder } from '../serial/framing';

/**
 * GA 450 SAM frames (DOMAIN.md §4): preamble AA AA AA 96 69, a 2-byte big-endian length counting
 * from the first body byte through the checksum, the body, and a checksum that is the XOR of every
 * byte after the preamble (length bytes included) up to the checksum.
 *   request body:  CMD PARA data…
 *   response body: SW1 SW2 SW3 data…
 */
export const PREAMBLE = Uint8Array.of(0xaa, 0xaa, 0xaa, 0x96, 0x69);
/** Preamble + 2 length bytes. */
export const HEADER_BYTES = 7;
/** A response is at least SW1 SW2 SW3 + checksum. */
export const MIN_RESPONSE_LENGTH = 4;
/** A request is at least CMD PARA + checksum. */
export const MIN_REQUEST_LENGTH = 3;
/** Far above the largest real frame (text + photo + fingerprint ≈ 2.3 KB): anything longer is noise. */
export const MAX_LENGTH = 4096;

export interface SamRequest {
  cmd: number;
  para: number;
  data?: Uint8Array;
}

export interface SamResponse {
  sw1: number;
  sw2: number;
  sw3: number;
  data: Uint8Array;
}

export function encodeRequest(request: SamRequest): Uint8Array {
  const data = request.data ?? new Uint8Array(0);
  const body = new Uint8Array(2 + data.length);
  body[0] = request.cmd;
  body[1] = request.para;
  body.set(data, 2);
  return encodeFrame(body);
}

/** Used by the simulator and tests: what a SAM module sends back. */
export function encodeResponse(response: SamResponse): Uint8Array {
  const body = new Uint8Array(3 + response.data.length);
  body[0] = response.sw1;
  body[1] = response.sw2;
  body[2] = response.sw3;
  body.set(response.data, 3);
  return encodeFrame(body);
}

/** Preamble, length, body, checksum. Throws RangeError for a body no GA 450 frame can carry. */
export function encodeFrame(body: Uint8Array): Uint8Array {
  const length = body.length + 1;
  if (length > MAX_LENGTH) throw new RangeError(`frame body of ${body.length} bytes exceeds ${MAX_LENGTH - 1}`);
  for (const byte of body) {
    if (!Number.isInteger(byte) || byte < 0 || byte > 0xff) throw new RangeError('frame bytes must be 0..255');
  }
  const frame = new Uint8Array(HEADER_BYTES + length);
  frame.set(PREAMBLE, 0);
  frame[5] = length >> 8;
  frame[6] = length & 0xff;
  frame.set(body, HEADER_BYTES);
  frame[frame.length - 1] = xor(frame, PREAMBLE.length, frame.length - 1);
  return frame;
}

export function parseResponseBody(body: Uint8Array): SamResponse {
  return { sw1: body[0] ?? 0, sw2: body[1] ?? 0, sw3: body[2] ?? 0, data: body.slice(3) };
}

export function parseRequestBody(body: Uint8Array): SamRequest {
  return { cmd: body[0] ?? 0, para: body[1] ?? 0, data: body.slice(2) };
}

/** XOR of bytes[start, end). */
export function xor(bytes: Uint8Array, start: number, end: number): number {
  let sum = 0;
  for (let i = start; i < end; i++) sum ^= bytes[i];
  return sum;
}

export interface FrameDecoderOptions {
  /** Smallest length field accepted: 4 for responses, 3 for requests (the simulator's side). */
  minLength?: number;
  maxLength?: number;
}

export interface FrameDecoderStats {
  frames: number;
  checksumErrors: number;
  lengthErrors: number;
  skippedBytes: number;
}

/**
 * Streaming decoder: takes bytes in any chunking and reports frames, corrupted frames and noise.
 * It never throws and its buffer never exceeds two maximal frames, whatever it is fed: input is
 * consumed in slices no larger than the free space, and after each slice everything but a partial
 * preamble or one partial (length-bounded) frame is consumed.
 */
export class FrameDecoder implements StreamDecoder {
  readonly stats: FrameDecoderStats = { frames: 0, checksumErrors: 0, lengthErrors: 0, skippedBytes: 0 };
  private readonly minLength: number;
  private readonly maxLength: number;
  private readonly buffer: Buffer;
  private length = 0;

  constructor(options: FrameDecoderOptions = {}) {
    this.minLength = options.minLength ?? MIN_RESPONSE_LENGTH;
    this.maxLength = options.maxLength ?? MAX_LENGTH;
    this.buffer = Buffer.alloc(2 * (HEADER_BYTES + this.maxLength));
  }

  /** Bytes held back waiting for the rest of a frame. */
  get bufferedBytes(): number {
    return this.length;
  }

  get capacity(): number {
    return this.buffer.length;
  }

  push(chunk: Uint8Array): DecoderEvent[] {
    const events: DecoderEvent[] = [];
    let offset = 0;
    while (offset < chunk.length) {
      const n = Math.min(chunk.length - offset, this.buffer.length - this.length);
      this.buffer.set(chunk.subarray(offset, offset + n), this.length);
      this.length += n;
      offset += n;
      this.drain(events);
    }
    return events;
  }

  reset(): void {
    this.length = 0;
  }

  private drain(events: DecoderEvent[]): void {
    const buf = this.buffer.subarray(0, this.length);
    let pos = 0;
    let skipped = 0;
    const flushSkipped = (): void => {
      if (skipped === 0) return;
      events.push({ type: 'skipped', count: skipped });
      this.stats.skippedBytes += skipped;
      skipped = 0;
    };
    for (;;) {
      const start = buf.indexOf(PREAMBLE, pos);
      if (start < 0) {
        // Keep a tail that may be the first bytes of a preamble split across reads.
        const keep = partialPreambleAtEnd(buf, pos);
        skipped += buf.length - keep - pos;
        pos = buf.length - keep;
        break;
      }
      skipped += start - pos;
      pos = start;
      if (buf.length - pos < HEADER_BYTES) break;
      const length = (buf[pos + 5] << 8) | buf[pos + 6];
      if (length < this.minLength || length > this.maxLength) {
        flushSkipped();
        events.push({ type: 'length-error', length });
        this.stats.lengthErrors += 1;
        // Not a frame: resynchronise on the next preamble after this one's first byte.
        skipped += 1;
        pos += 1;
        continue;
      }
      const total = HEADER_BYTES + length;
      if (buf.length - pos < total) break;
      flushSkipped();
      const checksumAt = pos + total - 1;
      const expected = xor(buf, pos + PREAMBLE.length, checksumAt);
      const actual = buf[checksumAt];
      if (expected === actual) {
        // A plain Uint8Array copy: the internal buffer is reused.
        events.push({ type: 'frame', body: new Uint8Array(buf.subarray(pos + HEADER_BYTES, checksumAt)) });
        this.stats.frames += 1;
      } else {
        // The length passed its bounds, so the frame's extent is trusted and the whole frame dropped;
        // one corrupted response is one event (the transport resends once per event).
        events.push({ type: 'checksum-error', expected, actual, length });
        this.stats.checksumErrors += 1;
      }
      pos += total;
    }
    flushSkipped();
    this.buffer.copyWithin(0, pos, this.length);
    this.length -= pos;
  }
}

/** Length of the longest suffix of buf[from..] that is a proper prefix of the preamble. */
function partialPreambleAtEnd(buf: Uint8Array, from: number): number {
  for (let keep = Math.min(PREAMBLE.length - 1, buf.length - from); keep > 0; keep--) {
    let match = true;
    for (let i = 0; i < keep; i++) {
      if (buf[buf.length - keep + i] !== PREAMBLE[i]) {
        match = false;
        break;
      }
    }
    if (match) return keep;
  }
  return 0;
}

/** The GA 450 framing for the serial transport: SamRequest out, response bodies back. */
export const samFraming: Framing<SamRequest> = {
  encode: encodeRequest,
  createDecoder: () => new FrameDecoder({ minLength: MIN_RESPONSE_LENGTH }),
};
