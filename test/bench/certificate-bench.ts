import { renderCertificateOfd } from '../../electron/core/certificates/layout/render-certificate-ofd';
import { renderCertificatePdf } from '../../electron/core/certificates/layout/render-certificate-pdf';
import { zipOfd } from '../../electron/core/certificates/ofd/ofd-zip';
import { sampleCertificateFacts, SAMPLE_IDENTIFIER, SAMPLE_QR_TEXT } from '../fixtures/certificates/sample-certificate-facts';

export interface CertificateMeasurement {
  /** Median ms from facts to the zipped, unsigned OFD (cert-seal's signing is measured on its branch). */
  ofdUnsealedMs: number;
  /** Median ms from facts to the PDF rendition's bytes. */
  pdfMs: number;
  ofdBytes: number;
  pdfBytes: number;
  runs: number;
}

/**
 * QUALITY/issue #12: certificate.ofd_ms (generate and seal) < 300, certificate.pdf_ms < 150. One
 * warm-up render of each loads and parses the font (once a day on a workstation); then `runs`
 * timed renders of the sample certificate. Measured, never asserted.
 */
export async function measureCertificate(options: { runs?: number } = {}): Promise<CertificateMeasurement> {
  const runs = Math.max(1, options.runs ?? 20);
  const o = { qrText: SAMPLE_QR_TEXT, identifier: SAMPLE_IDENTIFIER };
  const ofd = async () => (await zipOfd(await renderCertificateOfd(sampleCertificateFacts(), o))).length;
  const pdf = async () => (await renderCertificatePdf(sampleCertificateFacts(), o)).length;
  let ofdBytes = await ofd();
  let pdfBytes = await pdf();
  const ofdTimes: number[] = [];
  const pdfTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    let start = performance.now();
    ofdBytes = await ofd();
    ofdTimes.push(performance.now() - start);
    start = performance.now();
    pdfBytes = await pdf();
    pdfTimes.push(performance.now() - start);
  }
  return { ofdUnsealedMs: median(ofdTimes), pdfMs: median(pdfTimes), ofdBytes, pdfBytes, runs };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
