import { describe, expect, it } from 'vitest';
import { measureReceipt } from './receipt-bench';

// The benchmark itself runs in `npm run bench`; this only checks it measures what it says.
describe('receipt benchmark', () => {
  it('reports a median time and the size of a realistic receipt', async () => {
    const result = await measureReceipt({ runs: 3 });
    expect(result.runs).toBe(3);
    expect(result.medianMs).toBeGreaterThan(0);
    expect(result.bytes).toBeGreaterThan(20_000);
    expect(result.bytes).toBeLessThan(100_000);
  });
});
