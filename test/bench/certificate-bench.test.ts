import { describe, expect, it } from 'vitest';
import { measureCertificate } from './certificate-bench';

// The benchmark itself runs in `npm run bench`; this only checks it measures what it says.
describe('certificate benchmark', () => {
  it('reports median times and the sizes of a realistic certificate in both renditions', async () => {
    const result = await measureCertificate({ runs: 2 });
    expect(result.runs).toBe(2);
    expect(result.ofdUnsealedMs).toBeGreaterThan(0);
    expect(result.pdfMs).toBeGreaterThan(0);
    expect(result.ofdBytes).toBeGreaterThan(10_000);
    expect(result.pdfBytes).toBeGreaterThan(10_000);
  });
});
