import { shiftPdf } from '../../native/printer/calibration';
import { CupsBackend } from '../../native/printer/cups-backend';
import { CERTIFICATE_FORM_2015 } from '../../electron/core/certificates/paper/form-layout';
import { renderFormPdf } from '../../electron/core/certificates/paper/form-pdf';
import { createCupsPdfQueue } from '../native/printer/cups-pdf-queue';
import { certificateFacts } from '../electron/core/certificates/facts-fixture';

export interface BatchPrintMeasurement {
  /** Seconds from the first certificate's facts to the last job completed. */
  seconds: number;
  count: number;
  /** Output files cups-pdf wrote (each job checked to exist). */
  outputs: number;
}

/**
 * QUALITY.md `certificate.batch_print_100_s` (< 60): `count` certificates, each rendered on the
 * 不动产权证书 form layout with a calibration offset and spooled to a real CUPS queue (cups-pdf) one
 * after the other, as a batch at the supervisor's desk does, waiting for each job to complete.
 * The font is loaded once before timing (a workstation does that once a day).
 */
export async function measureBatchPrint(options: { count?: number } = {}): Promise<BatchPrintMeasurement> {
  const count = Math.max(1, options.count ?? 100);
  const queue = await createCupsPdfQueue({ description: '证书打印机（基准）' });
  try {
    await renderFormPdf(certificateFacts(1), CERTIFICATE_FORM_2015);
    const backend = new CupsBackend();
    const start = performance.now();
    const jobs: number[] = [];
    for (let i = 0; i < count; i++) {
      const pdf = await shiftPdf(await renderFormPdf(certificateFacts(1000 + i), CERTIFICATE_FORM_2015, { qrText: `BENCH-${i}` }), { x: 1.5, y: -1 });
      const r = await backend.print(pdf, { printer: queue.name, media: CERTIFICATE_FORM_2015.media, title: `bench-${i}`, copies: 1 });
      if (!r.ok) throw new Error(`job ${i} failed: ${r.error.code} ${r.error.message}`);
      jobs.push(r.jobId);
    }
    for (const job of jobs) await queue.waitForOutput(job, 60_000);
    return { seconds: (performance.now() - start) / 1000, count, outputs: queue.outputFiles().length };
  } finally {
    await queue.remove();
  }
}
