import type { PDFDocumentProxy } from 'pdfjs-dist';

/** The part of pdfjs-dist the viewer uses: the browser build in the renderer, the legacy build in Node tests. */
export interface PdfLibrary {
  getDocument(src: { data: Uint8Array; isEvalSupported?: boolean }): { promise: Promise<PDFDocumentProxy> };
}

/** One opened PDF material: its page count, each page's size at a zoom and rotation, and drawing. */
export interface PdfMaterial {
  pages: number;
  pageSize(page: number, zoom: number, rotation: number): Promise<{ width: number; height: number }>;
  /** Draws one page into the canvas, sized for the zoom and rotation (and the screen's pixel ratio). */
  render(page: number, canvas: HTMLCanvasElement, zoom: number, rotation: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens PDF bytes with pdfjs. The bytes are copied: pdfjs transfers its buffer to the worker, and
 * the caller may keep the material cached. Scripts in the PDF are not evaluated.
 */
export async function openPdf(lib: PdfLibrary, bytes: Uint8Array): Promise<PdfMaterial> {
  const doc = await lib.getDocument({ data: bytes.slice(), isEvalSupported: false }).promise;
  return {
    pages: doc.numPages,
    async pageSize(page, zoom, rotation) {
      const viewport = (await doc.getPage(page)).getViewport({ scale: zoom, rotation });
      return { width: viewport.width, height: viewport.height };
    },
    async render(page, canvas, zoom, rotation) {
      const pdfPage = await doc.getPage(page);
      const ratio = typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1;
      const viewport = pdfPage.getViewport({ scale: zoom * ratio, rotation });
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      canvas.style.width = `${Math.floor(viewport.width / ratio)}px`;
      canvas.style.height = `${Math.floor(viewport.height / ratio)}px`;
      await pdfPage.render({ canvas, viewport }).promise;
    },
    close: () => doc.destroy(),
  };
}

/** Base64 (as review.material answers) to bytes. */
export function base64Bytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** What the viewer can show of a material's type: PDF through pdfjs, scans as images. */
export function materialKind(mime: string): 'pdf' | 'image' | 'unsupported' {
  if (mime === 'application/pdf') return 'pdf';
  if (/^image\/(png|jpeg|gif|webp|bmp)$/.test(mime)) return 'image';
  return 'unsupported';
}
