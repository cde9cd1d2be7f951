import * as pdfjs from 'pdfjs-dist';
// Vite emits the worker as its own file and gives its URL; pdfjs starts it from there (no CDN,
// the workstation may be offline). The worker keeps parsing off the window's thread.
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import type { PdfLibrary } from './pdf-source';

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

export const browserPdfjs: PdfLibrary = pdfjs;
