import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_CASE_NUMBER, SAMPLE_OFFICE } from '../../../fixtures/documents/sample-documents';
import { makeTempDir } from '../../../support/temp-dir';
import { DOCUMENT_CASES } from './document-cases';
import { keepRendering, layoutProblems, pdfFonts, pdfPageCount, pdfPageWords, pdfText, pdfTextCompact } from './pdf-inspection';
import { DOCUMENT_KINDS } from '../../../../electron/core/documents/document-kinds';

const A4 = { width: (210 * 72) / 25.4, height: (297 * 72) / 25.4 };

describe.each(DOCUMENT_CASES)('$name', (documentCase) => {
  const dir = makeTempDir(`bdc-${documentCase.name}-`);
  const path = join(dir.path, `${documentCase.name}.pdf`);
  let bytes: Uint8Array;

  beforeAll(async () => {
    bytes = await documentCase.render();
    writeFileSync(path, bytes);
  });
  afterAll(() => dir.remove());

  it('is A4 portrait with the title and the key facts in its text', async () => {
    const doc = await PDFDocument.load(bytes);
    for (const page of doc.getPages()) {
      expect(page.getWidth()).toBeCloseTo(A4.width, 1);
      expect(page.getHeight()).toBeCloseTo(A4.height, 1);
    }
    const text = await pdfTextCompact(path);
    expect(text).toContain(documentCase.title);
    for (const fact of documentCase.mustContain) expect(text).toContain(fact.normalize('NFKC').replace(/\s+/g, ''));
  });

  it('carries the office name in every header and the document number and 第 x 页 共 y 页 in every footer', async () => {
    const pages = await pdfPageCount(path);
    // Each sample case has its own number (…-A10001, -A10002 …): the footer names that case's.
    const number = new RegExp(`文书编号:${DOCUMENT_KINDS[documentCase.kind].code}-${SAMPLE_CASE_NUMBER.slice(0, -6)}A1\\d{4}`);
    const text = await pdfText(path);
    const perPage = text.split('\f').filter((page) => page.trim() !== '');
    expect(perPage).toHaveLength(pages);
    perPage.forEach((page, i) => {
      const compact = page.replace(/\s+/g, '');
      expect(compact).toContain(SAMPLE_OFFICE.name);
      expect(compact).toMatch(number);
      expect(compact).toContain(`第${i + 1}页共${pages}页`);
    });
  });

  it('embeds its one font as a subset', async () => {
    const fonts = await pdfFonts(path);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font).toMatchObject({ embedded: true, subset: true });
      // The shipped Noto Serif SC (native/printer/font-resolution.ts), a TrueType font.
      expect(font.name).toMatch(/^[A-Z]{6}\+NotoSerifSC-Regular$/);
      expect(font.type).toContain('TrueType');
    }
  });

  it('keeps every word inside the printable area and no two words overlapping', async () => {
    const pages = await pdfPageWords(path);
    expect(pages.flatMap((p) => p.words).length).toBeGreaterThan(20);
    expect(layoutProblems(pages)).toEqual([]);
  });

  it('shows its glyphs when rendered with every system font hidden (kept in test-results/documents)', async () => {
    const pngs = await keepRendering(path, dir.path, documentCase.name);
    expect(pngs).toHaveLength(await pdfPageCount(path));
    const first = PNG.sync.read(readFileSync(pngs[0]));
    // The title is centred 24–34 mm from the top: blank glyphs would leave that band white.
    expect(darkPixels(first, { x1: 60, y1: 24, x2: 150, y2: 34 }, 70)).toBeGreaterThan(150);
  });
});

describe('determinism', () => {
  it('gives the same bytes for the same facts (documents without a signature)', async () => {
    for (const documentCase of DOCUMENT_CASES.filter((c) => c.kind !== 'acceptanceReceipt')) {
      const [a, b] = [await documentCase.render(), await documentCase.render()];
      expect(Buffer.compare(Buffer.from(a), Buffer.from(b)), documentCase.name).toBe(0);
    }
  });
});

/** Dark pixels inside a box given in millimetres from the top-left corner. */
function darkPixels(image: PNG, mm: { x1: number; y1: number; x2: number; y2: number }, dpi: number): number {
  const px = (v: number) => Math.round((v * dpi) / 25.4);
  let count = 0;
  for (let y = px(mm.y1); y < px(mm.y2); y++) {
    for (let x = px(mm.x1); x < px(mm.x2); x++) {
      if (image.data[(y * image.width + x) * 4] < 128) count++;
    }
  }
  return count;
}
