import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DecoderEvent } from '../../../native/serial/framing';
import { crc8 } from '../../../native/sigpad/crc8';
import {
  MAX_FRAME_BYTES,
  SigpadFrameDecoder,
  createPadSideDecoder,
  encodeCommand,
  encodeFrame,
  encodePadMessage,
  sigpadHostFraming,
} from '../../../native/sigpad/sigpad-codec';
import {
  MAX_PAYLOAD,
  PAD_TO_HOST,
  parseCommandBody,
  parsePadBody,
  type PadMessage,
} from '../../../native/sigpad/sigpad-messages';
import { fromHex, hex } from '../wait';
import { hostCommand, padMessage } from './arbitraries';

const hostDecoder = (): SigpadFrameDecoder => sigpadHostFraming.createDecoder() as SigpadFrameDecoder;

const frames = (events: DecoderEvent[]): Uint8Array[] => events.flatMap((e) => (e.type === 'frame' ? [e.body] : []));

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

function decodePad(bytes: Uint8Array): PadMessage[] {
  return frames(hostDecoder().push(bytes)).map((body) => {
    const parsed = parsePadBody(body);
    if (!parsed.ok) throw new Error(parsed.reason);
    return parsed.value;
  });
}

/** Noise without 0x5A cannot contain a preamble, so a frame after it must be found. */
const noise = fc.uint8Array({ maxLength: 64 }).map((b) => b.map((x) => (x === 0x5a ? 0 : x)));

describe('CRC-8 (poly 0x07, init 0x00)', () => {
  it('gives the catalogue check value F4 for "123456789"', () => {
    expect(crc8(new TextEncoder().encode('123456789'))).toBe(0xf4);
  });

  it('follows the worked example of PROTOCOL.md byte by byte', () => {
    const frame = fromHex('5A A5 41 00 0A 03 E8 01 F4 02 00 00 00 04 D2 1E');
    expect(crc8(frame, 2, frame.length - 1)).toBe(0x1e);
    expect(crc8(frame.subarray(2, 3))).toBe(0xc0);
    expect(crc8(frame.subarray(2, 5))).toBe(0xdb);
  });
});

describe('signature pad frames as PROTOCOL.md lists them', () => {
  it.each([
    ['INFO', encodeCommand({ type: 'info' }), '5A A5 01 00 00 6B'],
    ['CLEAR', encodeCommand({ type: 'clear' }), '5A A5 02 00 00 D6'],
    ['START 请签名', encodeCommand({ type: 'start', prompt: '请签名' }), '5A A5 03 00 09 E8 AF B7 E7 AD BE E5 90 8D 9F'],
    ['CANCEL', encodeCommand({ type: 'cancel' }), '5A A5 04 00 00 AB'],
    ['ACK of START', encodePadMessage({ type: 'ack', command: 'start' }), '5A A5 80 00 01 03 2D'],
    ['NAK busy', encodePadMessage({ type: 'nak', command: 'start', code: 3 }), '5A A5 8F 00 02 03 03 47'],
    ['CONFIRM', encodePadMessage({ type: 'confirm', pens: 532 }), '5A A5 42 00 04 00 00 02 14 35'],
    ['signer CANCEL', encodePadMessage({ type: 'signer-cancel' }), '5A A5 43 00 00 3B'],
    ['signer CLEAR', encodePadMessage({ type: 'signer-clear' }), '5A A5 44 00 00 2D'],
    [
      'pen up',
      encodePadMessage({ type: 'pen', point: { x: 1000, y: 500, pressure: 0, t: 1239 } }),
      '5A A5 41 00 0A 03 E8 01 F4 00 00 00 00 04 D7 57',
    ],
    [
      'INFO reply',
      encodePadMessage({
        type: 'info-reply',
        info: { vendor: 'SIM', model: 'SP-2000', firmware: '1.0.0', width: 2000, height: 1000, maxPressure: 1023, sampleRateHz: 200 },
      }),
      '5A A5 81 00 1A 03 53 49 4D 07 53 50 2D 32 30 30 30 05 31 2E 30 2E 30 07 D0 03 E8 03 FF 00 C8 48',
    ],
  ])('%s', (_, bytes, expected) => {
    expect(hex(bytes)).toBe(expected);
  });

  it('decodes the worked pen example', () => {
    expect(decodePad(fromHex('5A A5 41 00 0A 03 E8 01 F4 02 00 00 00 04 D2 1E'))).toEqual([
      { type: 'pen', point: { x: 1000, y: 500, pressure: 512, t: 1234 } },
    ]);
  });

  it('refuses to encode what no frame can carry', () => {
    expect(() => encodeCommand({ type: 'start', prompt: '签'.repeat(65) })).toThrow(RangeError);
    expect(() => encodePadMessage({ type: 'pen', point: { x: 70_000, y: 0, pressure: 1, t: 0 } })).toThrow(RangeError);
    expect(() => encodePadMessage({ type: 'pen', point: { x: 1.5, y: 0, pressure: 1, t: 0 } })).toThrow(RangeError);
    expect(() => encodeFrame(new Uint8Array(MAX_PAYLOAD + 2))).toThrow(RangeError);
    expect(() =>
      encodePadMessage({
        type: 'info-reply',
        info: { vendor: '', model: 'M', firmware: '1', width: 1, height: 1, maxPressure: 1, sampleRateHz: 1 },
      }),
    ).toThrow(RangeError);
  });
});

describe('signature pad stream decoder', () => {
  const pen = encodePadMessage({ type: 'pen', point: { x: 1, y: 2, pressure: 3, t: 4 } });

  it('reports a corrupted CRC as an event, not an exception, and yields no frame', () => {
    const bad = pen.slice();
    bad[bad.length - 1] ^= 0xff;
    const events = hostDecoder().push(bad);
    expect(events[0]).toEqual({ type: 'checksum-error', expected: pen[pen.length - 1], actual: bad[bad.length - 1], length: 10 });
    expect(frames(events)).toHaveLength(0);
  });

  it('finds the frame right behind a corrupted one, even when the corrupted one claimed its bytes', () => {
    // A false header claiming a 14-byte INFO reply whose extent covers the pen frame after it.
    const falseHeader = fromHex('5A A5 81 00 0E');
    const decoder = hostDecoder();
    const events = decoder.push(new Uint8Array([...falseHeader, ...pen, ...new Uint8Array(10)]));
    expect(events.some((e) => e.type === 'checksum-error')).toBe(true);
    expect(frames(events).map(parsePadBody)).toEqual([
      { ok: true, value: { type: 'pen', point: { x: 1, y: 2, pressure: 3, t: 4 } } },
    ]);
  });

  it('treats a preamble with a type this side never receives as noise', () => {
    const decoder = hostDecoder();
    // 01 (INFO) is a host command: the host's decoder does not believe it.
    const events = decoder.push(new Uint8Array([...fromHex('5A A5 01 00 00 6B'), ...pen]));
    expect(events[0]).toEqual({ type: 'skipped', count: 6 });
    expect(frames(events)).toHaveLength(1);
    expect(frames(createPadSideDecoder().push(fromHex('5A A5 01 00 00 6B')))).toHaveLength(1);
  });

  it('rejects a length outside the type\'s bounds and resynchronises on the next preamble', () => {
    const decoder = hostDecoder();
    const events = decoder.push(new Uint8Array([...fromHex('5A A5 41 00 0B'), ...fromHex('5A A5 80 FF FF'), ...pen]));
    expect(events.filter((e) => e.type === 'length-error')).toEqual([
      { type: 'length-error', length: 11 },
      { type: 'length-error', length: 0xffff },
    ]);
    expect(frames(events)).toHaveLength(1);
  });

  it('reassembles frames delivered one byte at a time, including a split preamble', () => {
    const decoder = hostDecoder();
    const bytes = new Uint8Array([...pen, ...encodePadMessage({ type: 'confirm', pens: 1 })]);
    const events = Array.from(bytes, (b) => decoder.push(Uint8Array.of(b))).flat();
    expect(frames(events)).toHaveLength(2);
    expect(decoder.bufferedBytes).toBe(0);
  });
});

describe('signature pad codec properties', () => {
  it('never throws, and keeps at most one partial frame, whatever bytes arrive in whatever chunks', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 2000 }), { maxLength: 8 }), fc.boolean(), (chunks, padSide) => {
        const decoder = padSide ? createPadSideDecoder() : hostDecoder();
        for (const chunk of chunks) {
          for (const event of decoder.push(chunk)) {
            // Whatever the decoder calls a frame must parse without throwing, valid or not.
            if (event.type === 'frame') (padSide ? parseCommandBody : parsePadBody)(event.body);
          }
          expect(decoder.bufferedBytes).toBeLessThan(MAX_FRAME_BYTES);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('parses arbitrary bodies into a message or a reason, never an exception', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (body) => {
        const pad = parsePadBody(body);
        const host = parseCommandBody(body);
        expect(typeof pad.ok).toBe('boolean');
        expect(typeof host.ok).toBe('boolean');
      }),
      { numRuns: 1000 },
    );
  });

  it('handles hostile byte patterns (repeated preambles with maximal lengths) in bounded time', () => {
    const pieces = [...PAD_TO_HOST.entries()].map(([type, [, max]]) => Uint8Array.of(0x5a, 0xa5, type, max >> 8, max & 0xff));
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces, fromHex('5A'), fromHex('A5'), fromHex('5A A5')), { maxLength: 3000 }), (parts) => {
        const decoder = hostDecoder();
        const started = performance.now();
        for (const part of parts) decoder.push(part);
        expect(performance.now() - started).toBeLessThan(500);
        expect(decoder.bufferedBytes).toBeLessThan(MAX_FRAME_BYTES);
      }),
      { numRuns: 50 },
    );
  });

  it('decodes a megabyte of noise quickly and holds on to at most half a preamble', () => {
    const junk = new Uint8Array(1 << 20).map((_, i) => (i * 7919) & 0xff).map((b) => (b === 0x5a ? 0 : b));
    const decoder = hostDecoder();
    const started = performance.now();
    expect(frames(decoder.push(junk))).toHaveLength(0);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(decoder.bufferedBytes).toBeLessThanOrEqual(1);
  });

  it('round-trips pad messages through any chunking, after noise', () => {
    fc.assert(
      fc.property(fc.array(padMessage, { minLength: 1, maxLength: 8 }), noise, fc.array(fc.nat(), { maxLength: 20 }), (messages, junk, cuts) => {
        const bytes = new Uint8Array([...junk, ...messages.flatMap((m) => [...encodePadMessage(m)])]);
        const decoder = hostDecoder();
        const decoded = frames(chunked(bytes, cuts).flatMap((piece) => decoder.push(piece))).map(parsePadBody);
        expect(decoded).toEqual(messages.map((value) => ({ ok: true, value })));
        expect(decoder.stats.skippedBytes).toBe(junk.length);
      }),
    );
  });

  it('round-trips host commands through any chunking, after noise', () => {
    fc.assert(
      fc.property(hostCommand, noise, fc.array(fc.nat(), { maxLength: 20 }), (command, junk, cuts) => {
        const bytes = new Uint8Array([...junk, ...encodeCommand(command)]);
        const decoder = createPadSideDecoder();
        const decoded = frames(chunked(bytes, cuts).flatMap((piece) => decoder.push(piece)));
        expect(decoded.map(parseCommandBody)).toEqual([{ ok: true, value: command }]);
      }),
    );
  });

  it('finds every intact frame around a corrupted one', () => {
    fc.assert(
      fc.property(fc.array(padMessage, { minLength: 3, maxLength: 6 }), fc.nat(), fc.integer({ min: 1, max: 255 }), (messages, which, flip) => {
        const encoded = messages.map(encodePadMessage);
        const victim = which % encoded.length;
        const corrupted = encoded[victim].slice();
        corrupted[corrupted.length - 1] ^= flip;
        const bytes = new Uint8Array(encoded.flatMap((f, i) => [...(i === victim ? corrupted : f)]));
        const decoded = frames(hostDecoder().push(bytes)).map(parsePadBody);
        const expected = messages.filter((_, i) => i !== victim).map((value) => ({ ok: true, value }));
        expect(decoded).toEqual(expected);
      }),
    );
  });
});
