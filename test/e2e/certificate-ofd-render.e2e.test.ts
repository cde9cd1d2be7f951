import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderCertificateOfd } from '../../electron/core/certificates/layout/render-certificate-ofd';
import { renderCertificatePdf } from '../../electron/core/certificates/layout/render-certificate-pdf';
import { readOfd } from '../../electron/core/certificates/ofd/ofd-reader';
import { zipOfd } from '../../electron/core/certificates/ofd/ofd-zip';
import { sampleCertificateFacts, SAMPLE_IDENTIFIER, SAMPLE_QR_TEXT } from '../fixtures/certificates/sample-certificate-facts';
import { launchChromium, SCREENSHOT_DIR } from '../support/browser';
import { makeTempDir } from '../support/temp-dir';
import { PROJECT_ROOT } from '../support/web-host-process';

/**
 * The independent check of the OFD writer: ofd.js 0.2.6 (an OFD reader we did not write) parses
 * the package and renders it in real Chromium, next to the PDF rendition rendered by poppler.
 * ofd.js never loads an embedded FontFile (TOOLCHAIN.md), so the test registers the package's
 * own font subset with FontFace under the family the package names: Chromium's font sanitiser
 * must accept the subset, and the page then shows the embedded glyphs.
 */
describe('the e-certificate OFD in an independent reader', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeAll(() => {
    temp = makeTempDir('cert-ofd-e2e-');
  });
  afterAll(() => temp.remove());

  it('renders with ofd.js in Chromium with the embedded font, beside the PDF rendition', async () => {
    const options = { qrText: SAMPLE_QR_TEXT, identifier: SAMPLE_IDENTIFIER };
    const files = await renderCertificateOfd(sampleCertificateFacts(), options);
    const ofdBytes = await zipOfd(files);
    const read = readOfd(files);
    const [font] = [...read.fonts.values()];
    const pdfPath = join(temp.path, 'certificate.pdf');
    writeFileSync(pdfPath, await renderCertificatePdf(sampleCertificateFacts(), options));
    execFileSync('pdftoppm', ['-png', '-r', '96', '-singlefile', pdfPath, join(temp.path, 'pdf')]);
    const pdfPng = readFileSync(join(temp.path, 'pdf.png'));

    const chromium = await launchChromium();
    try {
      const page = await chromium.browser.newPage({ viewport: { width: 1640, height: 1160 } });
      await page.setContent(
        '<!doctype html><html><body style="margin:0;background:#ccc;display:flex;gap:16px;align-items:flex-start">' +
          '<div id="ofd" style="background:#fff"></div><img id="pdf" style="width:794px"></body></html>',
      );
      await page.addScriptTag({ path: join(PROJECT_ROOT, 'node_modules/ofd.js/lib/ofd.umd.min.js') });
      const result = await page.evaluate(
        async ({ ofd64, font64, family, pdf64 }) => {
          const bytes = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
          const face = new FontFace(family, bytes(font64));
          // Rejects if Chromium's sanitiser refuses the subset.
          await face.load();
          document.fonts.add(face);
          (document.getElementById('pdf') as HTMLImageElement).src = `data:image/png;base64,${pdf64}`;
          const ofdLib = (window as unknown as { ofd: { parseOfdDocument(o: object): void; renderOfd(w: number, d: unknown): HTMLElement[] } }).ofd;
          const docs = await new Promise<unknown[]>((resolve, reject) =>
            ofdLib.parseOfdDocument({ ofd: bytes(ofd64).buffer, success: resolve, fail: reject }),
          );
          const divs = ofdLib.renderOfd(794, docs[0]);
          const host = document.getElementById('ofd') as HTMLElement;
          for (const div of divs) host.appendChild(div);
          await document.fonts.ready;
          const texts = Array.from(host.querySelectorAll('text'));
          return {
            faceStatus: face.status,
            pages: divs.length,
            text: texts.map((t) => t.textContent).join(''),
            families: [...new Set(texts.map((t) => getComputedStyle(t).fontFamily))],
            images: host.querySelectorAll('image').length,
            paths: host.querySelectorAll('path').length,
            fontUsable: document.fonts.check(`16px "${family}"`, '不动产权证书'),
          };
        },
        { ofd64: ofdBytes.toString('base64'), font64: Buffer.from(font.file).toString('base64'), family: font.familyName, pdf64: pdfPng.toString('base64') },
      );
      expect(result.faceStatus).toBe('loaded');
      expect(result.fontUsable).toBe(true);
      expect(result.pages).toBe(1);
      expect(result.families).toEqual([`"${font.familyName}"`]);
      // ofd.js draws one <text> per character: the page's text, all of it, in drawing order.
      const drawn = read.pages[0].texts.map((t) => t.text).join('');
      expect(result.text).toBe(drawn);
      for (const value of ['不动产单元号', '430102001001GB00012F00031502', '湘(2026)长沙市不动产权第0000123号']) expect(result.text).toContain(value);
      expect(result.images).toBe(1);
      expect(result.paths).toBe(read.pages[0].paths.length);
      await page.waitForFunction(() => (document.getElementById('pdf') as HTMLImageElement).complete);
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'e-certificate-ofdjs-beside-pdf.png'), fullPage: true });
    } finally {
      await chromium.close();
    }
  }, 120_000);
});
