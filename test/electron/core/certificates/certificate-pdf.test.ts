import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CertificateFacts } from '../../../../electron/core/certificates/certificate-facts';
import { renderCertificateOfd } from '../../../../electron/core/certificates/layout/render-certificate-ofd';
import { renderCertificatePdf } from '../../../../electron/core/certificates/layout/render-certificate-pdf';
import { readOfd } from '../../../../electron/core/certificates/ofd/ofd-reader';
import { sampleCertificateFacts, sampleProofFacts, SAMPLE_IDENTIFIER, SAMPLE_QR_TEXT } from '../../../fixtures/certificates/sample-certificate-facts';
import { makeTempDir } from '../../../support/temp-dir';
import { decodeQrCodes, keepRendering, layoutProblems, pdfFonts, pdfPageCount, pdfPageWords, renderWithoutSystemFonts, writePdf } from '../documents/pdf-inspection';

const options = { qrText: SAMPLE_QR_TEXT, identifier: SAMPLE_IDENTIFIER };
const K = 72 / 25.4;

describe('renderCertificatePdf', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeAll(() => {
    temp = makeTempDir('cert-pdf-');
  });
  afterAll(() => temp.remove());

  async function both(name: string, facts: CertificateFacts) {
    const pdf = writePdf(temp.path, name, await renderCertificatePdf(facts, options));
    const ofd = readOfd(await renderCertificateOfd(facts, options));
    return { pdf, ofd };
  }

  for (const [name, facts] of [
    ['certificate', sampleCertificateFacts()],
    ['proof', sampleProofFacts()],
  ] as const) {
    it(`puts every text of the ${name} where the OFD puts it (pdftotext -bbox against the OFD read back)`, async () => {
      const { pdf, ofd } = await both(name, facts);
      const [page] = await pdfPageWords(pdf);
      expect(page.width).toBeCloseTo(210 * K, 0);
      expect(page.height).toBeCloseTo(297 * K, 0);
      let matched = 0;
      for (const text of ofd.pages[0].texts) {
        // pdftotext splits at spaces; the first word starts where the run starts.
        const first = text.text.trim().split(/\s+/)[0].normalize('NFKC');
        if (first === '') continue;
        const x = text.positions[0].x * K;
        const baseline = text.positions[0].y * K;
        const word = page.words.find((w) => w.word.startsWith(first) && Math.abs(w.xMin - x) < 1 && w.yMin < baseline && w.yMax > baseline);
        expect(word, `"${text.text}" at ${x.toFixed(1)},${baseline.toFixed(1)} pt`).toBeDefined();
        matched++;
      }
      expect(matched).toBeGreaterThan(20);
      expect(layoutProblems([page])).toEqual([]);
    });
  }

  it('embeds the subset font, renders with no system fonts, and its 2D code scans', async () => {
    const { pdf } = await both('certificate-fonts', sampleCertificateFacts());
    const fonts = await pdfFonts(pdf);
    expect(fonts).toHaveLength(1);
    expect(fonts[0]).toMatchObject({ embedded: true, subset: true });
    expect(fonts[0].name).toMatch(/^[A-Z]{6}\+NotoSerifSC-Regular$/);
    const [png] = await renderWithoutSystemFonts(pdf, join(temp.path, 'png-200'), 'certificate', 200);
    expect(await decodeQrCodes(png)).toEqual([SAMPLE_QR_TEXT]);
    // Kept for people to look at (QUALITY.md: every document rendered as a PNG).
    const kept = await keepRendering(pdf, temp.path, 'e-certificate');
    expect(kept).toHaveLength(1);
    await keepRendering(writePdf(temp.path, 'proof-kept', await renderCertificatePdf(sampleProofFacts(), options)), temp.path, 'e-certificate-proof');
  });

  it('lists many holders on appendix pages in the PDF as well', async () => {
    const holders = Array.from({ length: 100 }, (_, i) => ({ name: `权利人${i + 1}`, idType: '居民身份证', idNumber: '430102198503150017', share: '1/100' }));
    const { pdf, ofd } = await both('holders', sampleCertificateFacts({ holders, coOwnership: '按份共有' }));
    expect(await pdfPageCount(pdf)).toBe(ofd.pages.length);
    const words = (await pdfPageWords(pdf)).slice(1).flatMap((p) => p.words.map((w) => w.word));
    for (const h of holders) expect(words).toContain(h.name);
  });
});
