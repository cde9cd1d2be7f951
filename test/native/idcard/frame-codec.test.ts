import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DecoderEvent } from '../../../native/serial/framing';
import {
  FrameDecoder,
  MAX_LENGTH,
  MIN_REQUEST_LENGTH,
  encodeFrame,
  encodeRequest,
  encodeResponse,
  parseRequestBody,
  parseResponseBody,
} from '../../../native/idcard/frame-codec';
import { encodeReadData, parseReadData } from '../../../native/idcard/read-response';
import { SAM_COMMANDS } from '../../../native/idcard/sam-commands';
import { encodeTextBlock, parseTextBlock } from '../../../native/idcard/text-block';
import { SAMPLE_CARDS } from '../../../native/sim/sample-cards';
import { fromHex, hex } from '../wait';
import { residentFields } from './arbitraries';

const frames = (events: DecoderEvent[]): Uint8Array[] =>
  events.flatMap((e) => (e.type === 'frame' ? [e.body] : []));

/** Splits bytes at the given cut points. */
function chunked(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let from = 0;
  for (const p of points) {
    out.push(bytes.subarray(from, p));
    from = p;
  }
  out.push(bytes.subarray(from));
  return out;
}

function feed(decoder: FrameDecoder, pieces: Uint8Array[]): DecoderEvent[] {
  return pieces.flatMap((piece) => decoder.push(piece));
}

/** Noise that cannot contain a preamble (no 0x69), so a frame after it must be found. */
const noise = fc.uint8Array({ maxLength: 64 }).map((b) => b.map((x) => (x === 0x69 ? 0 : x)));

describe('GA 450 request encoding', () => {
  it.each([
    ['resetSam', 'AA AA AA 96 69 00 03 10 FF EC'],
    ['samStatus', 'AA AA AA 96 69 00 03 11 FF ED'],
    ['samId', 'AA AA AA 96 69 00 03 12 FF EE'],
    ['findCard', 'AA AA AA 96 69 00 03 20 01 22'],
    ['selectCard', 'AA AA AA 96 69 00 03 20 02 21'],
    ['readTextAndPhoto', 'AA AA AA 96 69 00 03 30 01 32'],
    ['readTextPhotoAndFingerprint', 'AA AA AA 96 69 00 03 30 10 23'],
  ] as const)('encodes %s exactly as DOMAIN.md lists it', (name, expected) => {
    expect(hex(encodeRequest(SAM_COMMANDS[name]))).toBe(expected);
  });

  it('refuses a body no frame can carry', () => {
    expect(() => encodeFrame(new Uint8Array(MAX_LENGTH))).toThrow(RangeError);
  });
});

describe('GA 450 response decoding of the documented frames', () => {
  it('decodes status OK AA AA AA 96 69 00 04 00 00 90 94', () => {
    const events = new FrameDecoder().push(fromHex('AA AA AA 96 69 00 04 00 00 90 94'));
    expect(events).toHaveLength(1);
    const response = parseResponseBody(frames(events)[0]);
    expect(response).toEqual({ sw1: 0, sw2: 0, sw3: 0x90, data: new Uint8Array(0) });
  });

  it('decodes find OK: length 0x0008 and 4 data bytes after 00 00 9F', () => {
    const frame = fromHex('AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97');
    expect(hex(encodeResponse({ sw1: 0, sw2: 0, sw3: 0x9f, data: new Uint8Array(4) }))).toBe(hex(frame));
    const response = parseResponseBody(frames(new FrameDecoder().push(frame))[0]);
    expect(response.sw3).toBe(0x9f);
    expect(response.data).toHaveLength(4);
  });

  it('decodes select OK: length 0x000C and 8 data bytes', () => {
    const frame = encodeResponse({ sw1: 0, sw2: 0, sw3: 0x90, data: new Uint8Array(8) });
    expect(hex(frame.subarray(0, 10))).toBe('AA AA AA 96 69 00 0C 00 00 90');
    expect(frame[frame.length - 1]).toBe(0x0c ^ 0x90);
    expect(parseResponseBody(frames(new FrameDecoder().push(frame))[0]).data).toHaveLength(8);
  });

  it('lays out the 1295-byte read response with text at offset 14 and photo at 270', () => {
    const card = SAMPLE_CARDS.han;
    const frame = encodeResponse({ sw1: 0, sw2: 0, sw3: 0x90, data: encodeReadData(card, false) });
    expect(frame).toHaveLength(1295);
    expect(hex(frame.subarray(5, 14))).toBe('05 08 00 00 90 01 00 04 00');
    expect(frame.subarray(14, 270)).toEqual(card.text);
    expect(frame.subarray(270, 1294)).toEqual(card.photo);
    const body = frames(new FrameDecoder().push(frame))[0];
    const data = parseReadData(parseResponseBody(body).data, false);
    expect(data.ok && data.value.text).toEqual(card.text);
  });

  it('reports a corrupted checksum as an event, not an exception, and yields no frame', () => {
    const events = new FrameDecoder().push(fromHex('AA AA AA 96 69 00 04 00 00 90 95'));
    expect(events).toEqual([{ type: 'checksum-error', expected: 0x94, actual: 0x95, length: 4 }]);
  });

  it('skips and counts garbage before a frame', () => {
    const decoder = new FrameDecoder();
    const events = decoder.push(fromHex('00 13 AA AA 96 55 AA AA AA 96 69 00 04 00 00 90 94'));
    expect(events[0]).toEqual({ type: 'skipped', count: 6 });
    expect(frames(events)).toHaveLength(1);
    expect(decoder.stats.skippedBytes).toBe(6);
  });

  it('rejects lengths below 4 and above 4096 and resynchronises on the next preamble', () => {
    const decoder = new FrameDecoder();
    const events = decoder.push(
      fromHex('AA AA AA 96 69 00 03 AA AA AA 96 69 FF FF AA AA AA 96 69 00 04 00 00 90 94'),
    );
    expect(events.filter((e) => e.type === 'length-error')).toEqual([
      { type: 'length-error', length: 3 },
      { type: 'length-error', length: 0xffff },
    ]);
    expect(frames(events)).toHaveLength(1);
  });

  it('reassembles a frame delivered one byte at a time, including a split preamble', () => {
    const frame = encodeResponse({ sw1: 0, sw2: 0, sw3: 0x90, data: encodeReadData(SAMPLE_CARDS.miao, false) });
    const decoder = new FrameDecoder();
    const events = feed(decoder, Array.from(frame, (b) => Uint8Array.of(b)));
    expect(frames(events)).toHaveLength(1);
    expect(decoder.bufferedBytes).toBe(0);
  });
});

describe('frame decoder properties', () => {
  it('never throws, and keeps its buffer bounded, whatever bytes arrive in whatever chunks', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 9000 }), { maxLength: 8 }), (chunks) => {
        const decoder = new FrameDecoder();
        for (const chunk of chunks) {
          decoder.push(chunk);
          expect(decoder.bufferedBytes).toBeLessThanOrEqual(decoder.capacity);
          expect(decoder.bufferedBytes).toBeLessThan(7 + MAX_LENGTH);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('handles hostile byte patterns (repeated preambles with maximal lengths) in bounded time', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom(
            fromHex('AA AA AA 96 69 10 00'),
            fromHex('AA AA AA 96 69 00 04'),
            fromHex('AA AA AA 96'),
            fromHex('AA'),
            fromHex('69'),
          ),
          { maxLength: 3000 },
        ),
        (pieces) => {
          const decoder = new FrameDecoder();
          const started = performance.now();
          for (const piece of pieces) decoder.push(piece);
          expect(performance.now() - started).toBeLessThan(500);
          expect(decoder.bufferedBytes).toBeLessThan(7 + MAX_LENGTH);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('decodes a megabyte of noise quickly and holds on to at most a partial preamble', () => {
    const junk = new Uint8Array(1 << 20).map((_, i) => (i * 7919) & 0xff).map((b) => (b === 0x69 ? 0 : b));
    const decoder = new FrameDecoder();
    const started = performance.now();
    const events = decoder.push(junk);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(frames(events)).toHaveLength(0);
    expect(decoder.bufferedBytes).toBeLessThanOrEqual(4);
  });

  it('round-trips random requests through any chunking, after noise', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 255 }),
        fc.integer({ min: 0, max: 255 }),
        fc.uint8Array({ maxLength: 600 }),
        noise,
        fc.array(fc.nat(), { maxLength: 20 }),
        (cmd, para, data, junk, cuts) => {
          const bytes = new Uint8Array([...junk, ...encodeRequest({ cmd, para, data })]);
          const decoder = new FrameDecoder({ minLength: MIN_REQUEST_LENGTH });
          const decoded = frames(feed(decoder, chunked(bytes, cuts)));
          expect(decoded).toHaveLength(1);
          expect(parseRequestBody(decoded[0])).toEqual({ cmd, para, data });
          expect(decoder.stats.skippedBytes).toBe(junk.length);
        },
      ),
    );
  });

  it('round-trips several random responses back to back through any chunking', () => {
    const response = fc.record({
      sw1: fc.integer({ min: 0, max: 255 }),
      sw2: fc.integer({ min: 0, max: 255 }),
      sw3: fc.integer({ min: 0, max: 255 }),
      data: fc.uint8Array({ maxLength: 1300 }),
    });
    fc.assert(
      fc.property(fc.array(response, { minLength: 1, maxLength: 4 }), fc.array(fc.nat(), { maxLength: 30 }), (responses, cuts) => {
        const bytes = new Uint8Array(responses.flatMap((r) => [...encodeResponse(r)]));
        const decoded = frames(feed(new FrameDecoder(), chunked(bytes, cuts)));
        expect(decoded.map(parseResponseBody)).toEqual(responses);
      }),
      { numRuns: 200 },
    );
  });

  it('round-trips random text blocks inside read responses', () => {
    fc.assert(
      fc.property(residentFields, fc.uint8Array({ minLength: 1024, maxLength: 1024 }), fc.array(fc.nat(), { maxLength: 10 }), (fields, photo, cuts) => {
        const text = encodeTextBlock(fields);
        const frame = encodeResponse({ sw1: 0, sw2: 0, sw3: 0x90, data: encodeReadData({ text, photo }, false) });
        const [body] = frames(feed(new FrameDecoder(), chunked(frame, cuts)));
        const data = parseReadData(parseResponseBody(body).data, false);
        if (!data.ok) throw new Error('read data did not parse');
        expect(data.value.photo).toEqual(photo);
        const parsed = parseTextBlock(data.value.text);
        expect(parsed.ok && parsed.value).toMatchObject(fields);
      }),
      { numRuns: 200 },
    );
  });

  it('detects any single corrupted byte in the body or checksum', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 3, maxLength: 300 }), fc.nat(), fc.integer({ min: 1, max: 255 }), (body, where, flip) => {
        const frame = encodeFrame(body);
        const at = 7 + (where % (frame.length - 7));
        frame[at] ^= flip;
        const events = new FrameDecoder().push(frame);
        expect(frames(events)).toHaveLength(0);
        expect(events.some((e) => e.type === 'checksum-error')).toBe(true);
      }),
    );
  });
});
