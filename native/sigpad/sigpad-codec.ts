import type { DecoderEvent, Framing, StreamDecoder } from '../serial/framing';
import { crc8 } from './crc8';
import {
  HOST_TO_PAD,
  MAX_PAYLOAD,
  PAD_TO_HOST,
  encodeCommandBody,
  encodePadBody,
  type HostCommand,
  type PadMessage,
} from './sigpad-messages';

/**
 * Frames of our signature pad protocol (PROTOCOL.md):
 *
 *   5A A5 | TYPE | LEN_HI LEN_LO | PAYLOAD (LEN bytes) | CRC
 *
 * LEN is the payload length, big-endian, at most MAX_PAYLOAD and within the bounds of TYPE. CRC is
 * CRC-8 (poly 0x07, init 0x00) over TYPE, LEN and PAYLOAD. A frame *body*, what the decoder hands
 * on, is TYPE followed by PAYLOAD.
 */
export const PREAMBLE = Uint8Array.of(0x5a, 0xa5);
/** Preamble, type, two length bytes. */
export const HEADER_BYTES = 5;
export const MAX_FRAME_BYTES = HEADER_BYTES + MAX_PAYLOAD + 1;

/** Throws RangeError for an empty body or a payload above MAX_PAYLOAD. */
export function encodeFrame(body: Uint8Array): Uint8Array {
  if (body.length < 1) throw new RangeError('a frame body has at least its type byte');
  const length = body.length - 1;
  if (length > MAX_PAYLOAD) throw new RangeError(`payload of ${length} bytes exceeds ${MAX_PAYLOAD}`);
  const frame = new Uint8Array(HEADER_BYTES + length + 1);
  frame.set(PREAMBLE, 0);
  frame[2] = body[0];
  frame[3] = length >> 8;
  frame[4] = length & 0xff;
  frame.set(body.subarray(1), HEADER_BYTES);
  frame[frame.length - 1] = crc8(frame, 2, frame.length - 1);
  return frame;
}

export function encodeCommand(command: HostCommand): Uint8Array {
  return encodeFrame(encodeCommandBody(command));
}

/** What a pad sends: used by the simulator and tests. */
export function encodePadMessage(message: PadMessage): Uint8Array {
  return encodeFrame(encodePadBody(message));
}

export interface SigpadDecoderOptions {
  /**
   * The types this side may receive, with their payload bounds (PAD_TO_HOST on the host,
   * HOST_TO_PAD on the pad). A header is believed only when its type is listed and its length fits
   * that type: a preamble inside a pen coordinate then almost never passes for a frame.
   */
  accepts: ReadonlyMap<number, readonly [number, number]>;
}

export interface SigpadDecoderStats {
  frames: number;
  checksumErrors: number;
  lengthErrors: number;
  skippedBytes: number;
}

/**
 * Streaming decoder: any chunking in, frames and diagnostics out. It never throws, and its buffer
 * never holds more than a partial preamble or one partial frame after a push, whatever it is fed:
 * input is taken in slices no larger than the free space and every slice is drained.
 */
export class SigpadFrameDecoder implements StreamDecoder {
  readonly stats: SigpadDecoderStats = { frames: 0, checksumErrors: 0, lengthErrors: 0, skippedBytes: 0 };
  private readonly accepts: ReadonlyMap<number, readonly [number, number]>;
  private readonly buffer = new Uint8Array(2 * MAX_FRAME_BYTES);
  private length = 0;

  constructor(options: SigpadDecoderOptions) {
    this.accepts = options.accepts;
  }

  /** Bytes held back waiting for the rest of a frame. */
  get bufferedBytes(): number {
    return this.length;
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
      const start = indexOfPreamble(buf, pos);
      if (start < 0) {
        // A last 0x5A may be the first half of a preamble split across reads.
        const keep = buf.length > pos && buf[buf.length - 1] === PREAMBLE[0] ? 1 : 0;
        skipped += buf.length - keep - pos;
        pos = buf.length - keep;
        break;
      }
      skipped += start - pos;
      pos = start;
      if (buf.length - pos < HEADER_BYTES) break;
      const type = buf[pos + 2];
      const length = (buf[pos + 3] << 8) | buf[pos + 4];
      const bounds = this.accepts.get(type);
      if (!bounds) {
        // A preamble followed by a type this side never receives: noise, not a header.
        skipped += 1;
        pos += 1;
        continue;
      }
      if (length < bounds[0] || length > bounds[1]) {
        flushSkipped();
        events.push({ type: 'length-error', length });
        this.stats.lengthErrors += 1;
        skipped += 1;
        pos += 1;
        continue;
      }
      const total = HEADER_BYTES + length + 1;
      if (buf.length - pos < total) break;
      flushSkipped();
      const crcAt = pos + total - 1;
      const expected = crc8(buf, pos + 2, crcAt);
      const actual = buf[crcAt];
      if (expected === actual) {
        const body = new Uint8Array(1 + length);
        body[0] = type;
        body.set(buf.subarray(pos + HEADER_BYTES, crcAt), 1);
        events.push({ type: 'frame', body });
        this.stats.frames += 1;
        pos += total;
        continue;
      }
      events.push({ type: 'checksum-error', expected, actual, length });
      this.stats.checksumErrors += 1;
      // Resume just after this preamble rather than after the claimed frame: if the preamble was
      // a false one (noise, or a resynchronisation inside a pen frame), a real frame may start
      // within the bytes it claimed. A genuinely corrupted frame's bytes are then skipped as noise.
      skipped += 1;
      pos += 1;
    }
    flushSkipped();
    this.buffer.copyWithin(0, pos, this.length);
    this.length -= pos;
  }
}

function indexOfPreamble(buf: Uint8Array, from: number): number {
  for (let i = from; i + 1 < buf.length; i++) {
    if (buf[i] === PREAMBLE[0] && buf[i + 1] === PREAMBLE[1]) return i;
  }
  return -1;
}

/** The host's side, for SerialTransport: commands out, pad frame bodies back. */
export const sigpadHostFraming: Framing<HostCommand> = {
  encode: encodeCommand,
  createDecoder: () => new SigpadFrameDecoder({ accepts: PAD_TO_HOST }),
};

/** The pad's side (simulator): host frame bodies in. */
export function createPadSideDecoder(): SigpadFrameDecoder {
  return new SigpadFrameDecoder({ accepts: HOST_TO_PAD });
}
