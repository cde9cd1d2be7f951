import { PDFDocument, StandardFonts } from 'pdf-lib';
import * as pdfjsNode from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { base64Bytes, materialKind, openPdf, type PdfLibrary } from '../../renderer/src/features/review/materials/pdf-source';
import { initialViewer, isTypingTarget, keyAction, viewerReducer, type ViewerAction, type ViewerState } from '../../renderer/src/features/review/materials/viewer-state';

/** A real PDF of `sizes.length` pages (A4 portrait and a landscape page), each naming its page. */
async function samplePdf(sizes: Array<[number, number]>): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  sizes.forEach(([w, h], i) => doc.addPage([w, h]).drawText(`page ${i + 1}`, { x: 40, y: h - 60, size: 18, font }));
  return doc.save();
}

function run(count: number, actions: ViewerAction[], from: ViewerState = initialViewer()): ViewerState {
  return actions.reduce(viewerReducer(count), from);
}

describe('materials viewer: opening real PDFs with pdfjs', () => {
  const lib = pdfjsNode as unknown as PdfLibrary;

  it('counts the pages of a PDF made by pdf-lib and sizes each page at the zoom and rotation', async () => {
    const pdf = await openPdf(lib, await samplePdf([[595, 842], [842, 595], [595, 842]]));
    try {
      expect(pdf.pages).toBe(3);
      expect(await pdf.pageSize(1, 1, 0)).toEqual({ width: 595, height: 842 });
      expect(await pdf.pageSize(2, 1, 0)).toEqual({ width: 842, height: 595 });
      // A quarter turn swaps the sides; 150 % scales both.
      expect(await pdf.pageSize(1, 1.5, 90)).toEqual({ width: 842 * 1.5, height: 595 * 1.5 });
    } finally {
      await pdf.close();
    }
  });

  it('reads the PDF from the base64 that review.material answers, leaving the cached bytes intact', async () => {
    const bytes = await samplePdf([[300, 400]]);
    const base64 = Buffer.from(bytes).toString('base64');
    const decoded = base64Bytes(base64);
    expect(Buffer.from(decoded).equals(Buffer.from(bytes))).toBe(true);
    const pdf = await openPdf(lib, decoded);
    expect(pdf.pages).toBe(1);
    await pdf.close();
    // pdfjs transfers the buffer it is given; the viewer hands it a copy.
    expect(decoded.byteLength).toBe(bytes.byteLength);
  });

  it('refuses bytes that are not a PDF with an error, not a blank page', async () => {
    await expect(openPdf(lib, new TextEncoder().encode('not a pdf at all'))).rejects.toThrow();
  });

  it('shows PDFs through pdfjs, scans as images, and says when a type cannot be previewed', () => {
    expect(materialKind('application/pdf')).toBe('pdf');
    expect(materialKind('image/jpeg')).toBe('image');
    expect(materialKind('image/png')).toBe('image');
    expect(materialKind('application/msword')).toBe('unsupported');
  });
});

describe('materials viewer: pages, zoom, rotation and materials by key', () => {
  it('PgDn stops on the last page and PgUp on the first', () => {
    const s = run(2, [{ type: 'loaded', pages: 2 }, ...Array(4).fill(keyAction('PageDown'))]);
    expect(s.page).toBe(2);
    expect(run(2, Array(3).fill(keyAction('PageUp')), s).page).toBe(1);
  });

  it('does not page forward before the PDF has said how many pages it has', () => {
    expect(run(1, [{ type: 'nextPage' }]).page).toBe(1);
  });

  it('+ and - step the zoom within its limits', () => {
    expect(run(1, [keyAction('+')!, keyAction('+')!]).zoom).toBe(1.5);
    expect(run(1, Array(10).fill(keyAction('+'))).zoom).toBe(3);
    expect(run(1, Array(10).fill(keyAction('-'))).zoom).toBe(0.5);
    expect(run(1, [keyAction('+')!, keyAction('0')!]).zoom).toBe(1);
  });

  it('R turns a quarter clockwise and back to upright after four', () => {
    expect(run(1, [keyAction('R')!]).rotation).toBe(90);
    expect(run(1, Array(4).fill(keyAction('r'))).rotation).toBe(0);
  });

  it('] and [ step through the materials; a new material opens on page 1, upright, keeping the zoom', () => {
    const s = run(3, [{ type: 'loaded', pages: 5 }, { type: 'nextPage' }, { type: 'rotate' }, { type: 'zoomIn' }, keyAction(']')!]);
    expect(s).toMatchObject({ material: 1, page: 1, pages: null, rotation: 0, zoom: 1.25 });
    expect(run(3, [keyAction(']')!, keyAction(']')!, keyAction(']')!]).material).toBe(2);
    expect(run(3, [keyAction('[')!]).material).toBe(0);
  });

  it('a material with fewer pages than the page shown lands on its last page', () => {
    const s = run(1, [{ type: 'loaded', pages: 4 }, { type: 'nextPage' }, { type: 'nextPage' }, { type: 'loaded', pages: 2 }]);
    expect(s.page).toBe(2);
  });

  it('leaves other keys and keys typed into text boxes alone', () => {
    expect(keyAction('a')).toBeNull();
    expect(keyAction('Enter')).toBeNull();
    expect(isTypingTarget({ tagName: 'TEXTAREA' } as unknown as EventTarget)).toBe(true);
    expect(isTypingTarget({ tagName: 'input' } as unknown as EventTarget)).toBe(true);
    expect(isTypingTarget({ tagName: 'DIV', isContentEditable: true } as unknown as EventTarget)).toBe(true);
    expect(isTypingTarget({ tagName: 'DIV', isContentEditable: false } as unknown as EventTarget)).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});
