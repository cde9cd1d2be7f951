import { describe, expect, it } from 'vitest';
import { measureBatchPrint } from './certificate-print-bench';

describe('certificate.batch_print_100_s measurement', () => {
  it('spools every certificate of a batch to CUPS and finds each output', async () => {
    const r = await measureBatchPrint({ count: 3 });
    expect(r).toMatchObject({ count: 3, outputs: 3 });
    expect(r.seconds).toBeGreaterThan(0);
  }, 120_000);
});
