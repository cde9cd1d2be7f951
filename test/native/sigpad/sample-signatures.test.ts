import { describe, expect, it } from 'vitest';
import { SAMPLE_PAD_AREA, SAMPLE_SIGNATURES } from '../../../native/sim/sample-signatures';
import { SigpadSimulator } from '../../../native/sim/sigpad-simulator';

describe('sample signatures', () => {
  it.each(Object.entries(SAMPLE_SIGNATURES))('%s is pen data a 200 Hz pad could have sent', (_, sample) => {
    expect(sample.strokes.length).toBeGreaterThanOrEqual(2);
    let last = -1;
    for (const stroke of sample.strokes) {
      expect(stroke.length).toBeGreaterThanOrEqual(10);
      for (const p of stroke) {
        expect(Number.isInteger(p.x) && Number.isInteger(p.y) && Number.isInteger(p.pressure)).toBe(true);
        expect(p.x).toBeGreaterThanOrEqual(0);
        expect(p.x).toBeLessThanOrEqual(SAMPLE_PAD_AREA.width);
        expect(p.y).toBeGreaterThanOrEqual(0);
        expect(p.y).toBeLessThanOrEqual(SAMPLE_PAD_AREA.height);
        expect(p.pressure).toBeGreaterThanOrEqual(1);
        expect(p.pressure).toBeLessThanOrEqual(SAMPLE_PAD_AREA.maxPressure);
        // Time only moves forward, in 5 ms steps (rounded) within a stroke.
        expect(p.t).toBeGreaterThan(last);
        last = p.t;
      }
      // Pressure rises as the pen lands and fades as it lifts: the middle is firmer than the ends.
      const middle = stroke[Math.floor(stroke.length / 2)].pressure;
      expect(middle).toBeGreaterThan(stroke[0].pressure);
      expect(middle).toBeGreaterThan(stroke[stroke.length - 1].pressure);
    }
    // A signature takes seconds, not milliseconds.
    expect(last).toBeGreaterThan(1500);
    expect(last).toBeLessThan(10_000);
  });
});

describe('signature pad simulator', () => {
  it('refuses ink and buttons while the pad shows no prompt, as a real pad ignores them', async () => {
    const sim = new SigpadSimulator();
    await expect(sim.sign(SAMPLE_SIGNATURES.zhangSan)).rejects.toThrow(/no prompt/);
    expect(() => sim.signerConfirms()).toThrow(/no prompt/);
    expect(() => sim.signerCancels()).toThrow(/no prompt/);
    expect(() => sim.signerClears()).toThrow(/no prompt/);
  });
});
