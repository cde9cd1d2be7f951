import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hideSystemFontsFromLoader } from '../../support/no-system-fonts';
import { DEBIAN_NOTO_SANS_CJK, embedCjkFont } from '../../../native/printer/cjk-font';
import { createTestPage, TEST_PAGE_TITLE } from '../../../native/printer/test-page';
import { makeTempDir } from '../../support/temp-dir';
import { pdfFonts, pdfText, renderWithoutSystemFonts } from './poppler';

/** Rendered pages are kept here for people to look at (QUALITY.md: every document as a PNG). */
const RESULTS_DIR = fileURLToPath(new URL('../../../test-results/printer', import.meta.url));

describe('test page', () => {
  const dir = makeTempDir('bdc-test-page-');
  let pdfPath: string;
  let bytes: Uint8Array;

  beforeAll(async () => {
    // As on a fresh machine: our loader sees no system fonts, so the page is set in the shipped one.
    const restore = hideSystemFontsFromLoader();
    try {
      bytes = await createTestPage({ printerName: 'cert-A4', printedAt: new Date(2026, 10, 27, 9, 30) });
    } finally {
      restore();
    }
    pdfPath = join(dir.path, 'test-page.pdf');
    writeFileSync(pdfPath, bytes);
  });
  afterAll(() => dir.remove());

  it('is one A4 page with the Chinese title and millimetre labels as text', async () => {
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(1);
    const { width, height } = doc.getPage(0).getSize();
    expect(width).toBeCloseTo((210 * 72) / 25.4, 1);
    expect(height).toBeCloseTo((297 * 72) / 25.4, 1);
    const text = await pdfText(pdfPath);
    expect(text).toContain(TEST_PAGE_TITLE);
    expect(text).toContain('打印机:cert-A4'); // NFKC turns the full-width colon into ':'
    expect(text).toMatch(/\b100\b/);
  });

  it('embeds one subset of the shipped CJK font (as documents do) and stays small', async () => {
    const fonts = await pdfFonts(pdfPath);
    expect(fonts).toHaveLength(1);
    expect(fonts[0].name).toContain('NotoSerifSC-Regular');
    expect(fonts[0].embedded).toBe(true);
    // QUALITY.md: a document with a subset CJK font stays under 100 KB (the collection is ~20 MB).
    expect(bytes.length).toBeLessThan(100_000);
  });

  it('shows its Chinese title when rendered with no system fonts at all (the glyphs are embedded)', async () => {
    const png = await renderWithoutSystemFonts(pdfPath, join(dir.path, 'test-page'), 60);
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(join(RESULTS_DIR, 'test-page-60dpi.png'), readFileSync(png));
    const image = PNG.sync.read(readFileSync(png));
    // The title sits in a white box centred at x = 105 mm, baseline 122 mm, 28 pt high: count dark
    // pixels there. Blank glyphs (the @pdf-lib/fontkit subsetting bug) would leave it white.
    const title = darkPixels(image, mmBox(75, 112, 135, 123, 60));
    const emptyPartOfBox = darkPixels(image, mmBox(140, 112, 170, 123, 60));
    expect(emptyPartOfBox).toBe(0);
    expect(title).toBeGreaterThan(150);
  });

  it('reports a font file that does not exist, naming the path', async () => {
    const doc = await PDFDocument.create();
    await expect(embedCjkFont(doc, { path: join(dir.path, 'missing.ttc'), postscriptName: 'X' })).rejects.toThrow(
      /找不到字体文件 .*missing\.ttc/,
    );
  });

  it('reports a PostScript name the collection does not have, listing the ones it has', async () => {
    const doc = await PDFDocument.create();
    await expect(embedCjkFont(doc, { path: DEBIAN_NOTO_SANS_CJK.path, postscriptName: 'SimSun' })).rejects.toThrow(
      /没有名为 SimSun 的字体.*NotoSansCJKsc-Regular/,
    );
  });
});

function mmBox(x1: number, y1: number, x2: number, y2: number, dpi: number) {
  const px = (mm: number) => Math.round((mm * dpi) / 25.4);
  return { x1: px(x1), y1: px(y1), x2: px(x2), y2: px(y2) };
}

function darkPixels(image: PNG, box: { x1: number; y1: number; x2: number; y2: number }): number {
  let count = 0;
  for (let y = box.y1; y < box.y2; y++) {
    for (let x = box.x1; x < box.x2; x++) {
      const i = (y * image.width + x) * 4;
      if (image.data[i] < 100 && image.data[i + 1] < 100 && image.data[i + 2] < 100) count++;
    }
  }
  return count;
}
