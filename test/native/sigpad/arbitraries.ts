import fc from 'fast-check';
import type { PadInfo } from '../../../native/sigpad/signature-pad';
import { MAX_PROMPT_BYTES, type HostCommand, type PadMessage } from '../../../native/sigpad/sigpad-messages';
import type { PenPoint, SignatureCapture } from '../../../native/sigpad/strokes';

const utf8Length = (text: string): number => new TextEncoder().encode(text).length;

/** Text of whole code points (no lone surrogates, which UTF-8 cannot carry) within a byte budget. */
export const text = (minBytes: number, maxBytes: number): fc.Arbitrary<string> =>
  fc
    .string({ unit: 'binary', minLength: minBytes === 0 ? 0 : 1, maxLength: maxBytes })
    .filter((s) => utf8Length(s) >= minBytes && utf8Length(s) <= maxBytes);

export const u16 = fc.integer({ min: 0, max: 0xffff });
export const u32 = fc.integer({ min: 0, max: 0xffffffff });

export const penPoint: fc.Arbitrary<PenPoint> = fc.record({ x: u16, y: u16, pressure: u16, t: u32 });

export const padInfo: fc.Arbitrary<PadInfo> = fc.record({
  vendor: text(1, 32),
  model: text(1, 32),
  firmware: text(1, 16),
  width: fc.integer({ min: 1, max: 0xffff }),
  height: fc.integer({ min: 1, max: 0xffff }),
  maxPressure: fc.integer({ min: 1, max: 0xffff }),
  sampleRateHz: fc.integer({ min: 1, max: 2000 }),
});

const commandName = fc.constantFrom('info', 'clear', 'start', 'cancel' as const);

export const hostCommand: fc.Arbitrary<HostCommand> = fc.oneof(
  fc.constantFrom<HostCommand>({ type: 'info' }, { type: 'clear' }, { type: 'cancel' }),
  text(0, MAX_PROMPT_BYTES).map((prompt): HostCommand => ({ type: 'start', prompt })),
);

export const padMessage: fc.Arbitrary<PadMessage> = fc.oneof(
  penPoint.map((point): PadMessage => ({ type: 'pen', point })),
  u32.map((pens): PadMessage => ({ type: 'confirm', pens })),
  fc.constantFrom<PadMessage>({ type: 'signer-cancel' }, { type: 'signer-clear' }),
  commandName.map((command): PadMessage => ({ type: 'ack', command })),
  fc
    .record({ command: fc.option(commandName, { nil: null }), code: fc.integer({ min: 0, max: 255 }) })
    .map(({ command, code }): PadMessage => ({ type: 'nak', command, code })),
  padInfo.map((info): PadMessage => ({ type: 'info-reply', info })),
);

/** A capture on a small pad whose strokes are already normal (no repeats, no pen-up, in the area). */
export const capture: fc.Arbitrary<SignatureCapture> = fc
  .record({ width: fc.integer({ min: 10, max: 3000 }), height: fc.integer({ min: 10, max: 3000 }) })
  .chain(({ width, height }) =>
    fc
      .array(
        fc.array(
          fc.record({
            x: fc.integer({ min: 0, max: width }),
            y: fc.integer({ min: 0, max: height }),
            pressure: fc.integer({ min: 1, max: 1023 }),
            t: fc.nat({ max: 100_000 }),
          }),
          { minLength: 1, maxLength: 30 },
        ),
        { minLength: 1, maxLength: 6 },
      )
      .map((strokes) => ({
        width,
        height,
        device: { vendor: '测试', model: 'T-1', firmware: '1', maxPressure: 1023, sampleRateHz: 200 },
        strokes: strokes
          .map((stroke) => stroke.filter((p, i) => i === 0 || p.x !== stroke[i - 1].x || p.y !== stroke[i - 1].y))
          .filter((stroke) => stroke.length > 0),
      })),
  );
