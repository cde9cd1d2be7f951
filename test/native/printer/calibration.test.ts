import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { degrees, PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { calibrationSchema, paperToUserSpace, shiftPdf } from '../../../native/printer/calibration';
import { PT_PER_MM } from '../../../native/printer/units';
import { isDeviceError } from '../../../native/serial/device-error';
import { makeTempDir } from '../../support/temp-dir';
import { pdfWordBoxes, type WordBox } from './poppler';

const dir = makeTempDir('bdc-calibration-');
afterAll(() => dir.remove());

let fileCounter = 0;
/** Where `word` is in the PDF (each test word occurs once in its document). */
async function wordBox(pdf: Uint8Array, word: string): Promise<WordBox> {
  const path = join(dir.path, `doc-${fileCounter++}.pdf`);
  writeFileSync(path, pdf);
  const found = (await pdfWordBoxes(path)).find((w) => w.word === word);
  if (!found) throw new Error(`"${word}" not found in ${path}`);
  return found;
}

/** A4 pages, each with one word at (x, y) pt in PDF user space (origin bottom-left). */
async function documentWithWords(pages: Array<{ word: string; x: number; y: number; rotate?: number; mediaOrigin?: [number, number] }>) {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const spec of pages) {
    const page = doc.addPage([595.28, 841.89]);
    if (spec.mediaOrigin) {
      const [ox, oy] = spec.mediaOrigin;
      page.setMediaBox(ox, oy, 595.28, 841.89);
    }
    if (spec.rotate) page.setRotation(degrees(spec.rotate));
    page.drawText(spec.word, { x: spec.x, y: spec.y, size: 14, font });
  }
  return doc.save();
}

const mm = (value: number) => value * PT_PER_MM;

describe('calibration: shifting a PDF onto a pre-printed form', () => {
  it('moves the content of a page by (10, 5) mm: 10 mm right, 5 mm down', async () => {
    const original = await documentWithWords([{ word: 'Registrar', x: 200, y: 400 }]);
    const shifted = await shiftPdf(original, { x: 10, y: 5 });
    const before = await wordBox(original, 'Registrar');
    const after = await wordBox(shifted, 'Registrar');
    // pdftotext -bbox measures from the top-left corner, like the test page's ruler.
    expect(after.xMin - before.xMin).toBeCloseTo(mm(10), 2); // 28.35 pt
    expect(after.yMin - before.yMin).toBeCloseTo(mm(5), 2); // 14.17 pt
  });

  it('keeps the page size and moves every page of the document', async () => {
    const original = await documentWithWords([
      { word: 'First', x: 100, y: 700 },
      { word: 'Second', x: 300, y: 200 },
    ]);
    const shifted = await shiftPdf(original, { x: -3.5, y: 12 });
    const doc = await PDFDocument.load(shifted);
    expect(doc.getPageCount()).toBe(2);
    for (const page of doc.getPages()) {
      expect(page.getWidth()).toBeCloseTo(595.28, 2);
      expect(page.getHeight()).toBeCloseTo(841.89, 2);
    }
    for (const word of ['First', 'Second']) {
      const before = await wordBox(original, word);
      const after = await wordBox(shifted, word);
      expect(after.xMin - before.xMin).toBeCloseTo(mm(-3.5), 2);
      expect(after.yMin - before.yMin).toBeCloseTo(mm(12), 2);
    }
  });

  it('shifts in paper terms on a page rotated by 90 degrees', async () => {
    const original = await documentWithWords([{ word: 'Rotated', x: 300, y: 300, rotate: 90 }]);
    const shifted = await shiftPdf(original, { x: 10, y: 5 });
    const before = await wordBox(original, 'Rotated');
    const after = await wordBox(shifted, 'Rotated');
    expect(after.xMin - before.xMin).toBeCloseTo(mm(10), 1);
    expect(after.yMin - before.yMin).toBeCloseTo(mm(5), 1);
    expect((await PDFDocument.load(shifted)).getPage(0).getRotation().angle).toBe(90);
  });

  it('handles a media box whose origin is not 0,0', async () => {
    const original = await documentWithWords([{ word: 'Offset', x: 250, y: 350, mediaOrigin: [20, 30] }]);
    const shifted = await shiftPdf(original, { x: 10, y: 5 });
    const before = await wordBox(original, 'Offset');
    const after = await wordBox(shifted, 'Offset');
    expect(after.xMin - before.xMin).toBeCloseTo(mm(10), 2);
    expect(after.yMin - before.yMin).toBeCloseTo(mm(5), 2);
  });

  it('moves content by exactly the offset for any offset in range', async () => {
    const original = await documentWithWords([{ word: 'Anywhere', x: 250, y: 420 }]);
    const before = await wordBox(original, 'Anywhere');
    const offset = fc.double({ min: -20, max: 20, noNaN: true });
    await fc.assert(
      fc.asyncProperty(offset, offset, async (x, y) => {
        const after = await wordBox(await shiftPdf(original, { x, y }), 'Anywhere');
        // pdftotext prints three decimals: compare to a thousandth of a point and a bit.
        expect(Math.abs(after.xMin - before.xMin - mm(x))).toBeLessThan(0.002);
        expect(Math.abs(after.yMin - before.yMin - mm(y))).toBeLessThan(0.002);
      }),
      { numRuns: 15 },
    );
  });

  it('returns the input unchanged for a zero offset', async () => {
    const original = await documentWithWords([{ word: 'Same', x: 100, y: 100 }]);
    expect(await shiftPdf(original, { x: 0, y: 0 })).toBe(original);
  });

  it.each([
    [{ x: 20.5, y: 0 }, '水平方向偏移超出 ±20 毫米'],
    [{ x: 0, y: -21 }, '垂直方向偏移超出 ±20 毫米'],
    [{ x: Number.NaN, y: 0 }, '水平方向偏移必须是数字'],
    [{ x: 0, y: Number.POSITIVE_INFINITY }, '垂直方向偏移'],
  ])('rejects the offset %o with INVALID_CALIBRATION', async (offset, reason) => {
    const original = await documentWithWords([{ word: 'Range', x: 100, y: 100 }]);
    const error = await shiftPdf(original, offset).catch((e: unknown) => e);
    expect(isDeviceError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'INVALID_CALIBRATION' });
    expect((error as Error).message).toContain(reason);
  });

  it('rejects bytes that are not a readable PDF with INVALID_PDF', async () => {
    const error = await shiftPdf(new TextEncoder().encode('%PDF-1.7\nnot really'), { x: 1, y: 1 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INVALID_PDF' });
  });

  it('validates a stored calibration with calibrationSchema', () => {
    expect(calibrationSchema.parse({ printer: 'cert-A4', offsetMm: { x: -1.5, y: 2.25 } })).toEqual({
      printer: 'cert-A4',
      offsetMm: { x: -1.5, y: 2.25 },
    });
    expect(calibrationSchema.safeParse({ printer: 'cert A4', offsetMm: { x: 0, y: 0 } }).success).toBe(false);
    expect(calibrationSchema.safeParse({ printer: 'cert-A4', offsetMm: { x: 25, y: 0 } }).success).toBe(false);
    expect(calibrationSchema.safeParse({ printer: 'cert-A4', offsetMm: { x: 0 } }).success).toBe(false);
    expect(calibrationSchema.safeParse({ printer: 'cert-A4', offsetMm: { x: 0, y: 0, z: 1 } }).success).toBe(false);
  });

  it('converts a paper shift into user space for every page rotation', () => {
    // Right 1 and down 2 on the sheet; the sheet shows user space turned clockwise by the rotation.
    expect(paperToUserSpace(1, 2, 0)).toEqual({ x: 1, y: -2 });
    expect(paperToUserSpace(1, 2, 90)).toEqual({ x: 2, y: 1 });
    expect(paperToUserSpace(1, 2, 180)).toEqual({ x: -1, y: 2 });
    expect(paperToUserSpace(1, 2, 270)).toEqual({ x: -2, y: -1 });
  });
});
