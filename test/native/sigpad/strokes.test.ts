import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseCapture, pointCount, splitStrokes, type PenPoint, type SignatureCapture } from '../../../native/sigpad/strokes';
import { capture } from './arbitraries';

const area = { width: 100, height: 50 };
const p = (x: number, y: number, pressure = 500, t = 0): PenPoint => ({ x, y, pressure, t });

function captureOf(strokes: PenPoint[][]): SignatureCapture {
  return {
    strokes,
    ...area,
    device: { vendor: '测试', model: 'T-1', firmware: '1', maxPressure: 1023, sampleRateHz: 200 },
  };
}

describe('splitting pen points into strokes', () => {
  it('ends a stroke where the pen is lifted (pressure 0)', () => {
    const strokes = splitStrokes([p(1, 1), p(2, 2), p(2, 2, 0), p(10, 10), p(11, 10), p(11, 10, 0)], area);
    expect(strokes).toEqual([[p(1, 1), p(2, 2)], [p(10, 10), p(11, 10)]]);
  });

  it('drops a point at the same place as the one before it, whatever its pressure or time', () => {
    const strokes = splitStrokes([p(1, 1, 300, 0), p(1, 1, 600, 5), p(2, 1, 600, 10), p(1, 1, 600, 15)], area);
    expect(strokes).toEqual([[p(1, 1, 300, 0), p(2, 1, 600, 10), p(1, 1, 600, 15)]]);
  });

  it('keeps a single touch as a one-point stroke: a dot is ink', () => {
    expect(splitStrokes([p(5, 5), p(5, 5, 0)], area)).toEqual([[p(5, 5)]]);
  });

  it('drops points outside the writing area and lone pen-ups', () => {
    expect(splitStrokes([p(5, 5, 0), p(101, 5), p(5, 51), p(-1, 5), p(Number.NaN, 1), p(100, 50)], area)).toEqual([
      [p(100, 50)],
    ]);
  });

  it('keeps a stroke whose pen-up never arrived', () => {
    expect(splitStrokes([p(1, 1), p(2, 2)], area)).toEqual([[p(1, 1), p(2, 2)]]);
  });
});

describe('normalising a capture', () => {
  it('rejects a capture without ink with SIGNATURE_EMPTY and a Chinese message', () => {
    for (const strokes of [[], [[]], [[p(3, 3, 0)]], [[p(500, 500)]]]) {
      expect(() => normaliseCapture(captureOf(strokes))).toThrow(
        expect.objectContaining({ code: 'SIGNATURE_EMPTY', message: expect.stringContaining('请签字人') }),
      );
    }
  });

  it('splits strokes that contain pen-ups and drops repeats', () => {
    const normal = normaliseCapture(captureOf([[p(1, 1), p(1, 1), p(2, 2), p(2, 2, 0), p(3, 3)], [p(9, 9)]]));
    expect(normal.strokes).toEqual([[p(1, 1), p(2, 2)], [p(3, 3)], [p(9, 9)]]);
    expect(pointCount(normal.strokes)).toBe(4);
  });

  it('leaves an already normal capture as it is, and is idempotent', () => {
    fc.assert(
      fc.property(capture, (c) => {
        const once = normaliseCapture(c);
        expect(once).toEqual(c);
        expect(normaliseCapture(once)).toEqual(once);
      }),
    );
  });
});
