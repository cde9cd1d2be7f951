import { describe, expect, it } from 'vitest';
import { measureSeal } from './seal-bench';

// The benchmark itself runs in `npm run bench`; this only checks it measures what it says.
describe('seal benchmark', () => {
  it('reports median seal and verify times', async () => {
    const r = await measureSeal({ runs: 3 });
    expect(r.runs).toBe(3);
    expect(r.sealMedianMs).toBeGreaterThan(0);
    expect(r.verifyMedianMs).toBeGreaterThan(0);
  }, 60_000);
});
