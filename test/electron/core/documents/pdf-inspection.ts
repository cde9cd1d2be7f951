import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { withoutSystemFonts } from '../../../support/no-system-fonts';
import { decodePDFRawStream, PDFArray, PDFDocument, PDFName, PDFRawStream, PDFStream } from 'pdf-lib';

const run = promisify(execFile);

/**
 * Reading generated documents back the way a person checks a print, with poppler-utils and zbar:
 * the text (NFKC-normalised: a glyph may come back as a compatibility character such as a Kangxi
 * radical), where each word sits, which fonts are embedded, the pages rendered with every system
 * font hidden (so only glyphs inside the PDF can appear), and the QR code decoded from the image.
 */

/** Rendered pages are kept here for people to look at (QUALITY.md: every document as a PNG). */
export const RESULTS_DIR = fileURLToPath(new URL('../../../../test-results/documents', import.meta.url));

export async function pdfText(path: string): Promise<string> {
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', path, '-']);
  return stdout.normalize('NFKC');
}

/**
 * The text in drawing order (pdftotext -raw) with all whitespace removed: a value wrapped over
 * several lines of a table cell reads whole, where the default reading order would interleave the
 * lines of neighbouring cells.
 */
export async function pdfTextCompact(path: string): Promise<string> {
  const { stdout } = await run('pdftotext', ['-raw', '-enc', 'UTF-8', path, '-']);
  return stdout.normalize('NFKC').replace(/\s+/g, '');
}

export interface WordBox {
  word: string;
  /** Points from the page's top-left corner. */
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PageWords {
  width: number;
  height: number;
  words: WordBox[];
}

export async function pdfPageWords(path: string): Promise<PageWords[]> {
  const { stdout } = await run('pdftotext', ['-bbox', '-enc', 'UTF-8', path, '-'], { maxBuffer: 32 * 1024 * 1024 });
  return stdout
    .split('<page ')
    .slice(1)
    .map((chunk) => {
      const size = /width="([\d.]+)" height="([\d.]+)"/.exec(chunk);
      const words = [...chunk.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(
        (m) => ({ word: m[5].normalize('NFKC'), xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]) }),
      );
      return { width: Number(size?.[1]), height: Number(size?.[2]), words };
    });
}

/**
 * What is wrong with the text layout: a word closer than `marginPt` to the edge of the sheet
 * (7 mm by default: office printers cannot print the outer 4–5 mm), or two words whose boxes
 * overlap (text printed over text). Boxes are poppler's: the font's full ascent and descent.
 */
export function layoutProblems(pages: PageWords[], marginPt = 20): string[] {
  const problems: string[] = [];
  pages.forEach((page, p) => {
    for (const w of page.words) {
      if (w.xMin < marginPt || w.yMin < marginPt || w.xMax > page.width - marginPt || w.yMax > page.height - marginPt) {
        problems.push(`page ${p + 1}: "${w.word}" runs into the edge (${box(w)})`);
      }
    }
    const words = [...page.words].sort((a, b) => a.yMin - b.yMin);
    for (let i = 0; i < words.length; i++) {
      for (let j = i + 1; j < words.length && words[j].yMin < words[i].yMax; j++) {
        const a = words[i];
        const b = words[j];
        const overlapX = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
        const overlapY = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
        if (overlapX > 0.05 && overlapY > 0.05) problems.push(`page ${p + 1}: "${a.word}" (${box(a)}) overlaps "${b.word}" (${box(b)})`);
      }
    }
  });
  return problems;
}

function box(w: WordBox): string {
  return `${w.xMin.toFixed(1)},${w.yMin.toFixed(1)}–${w.xMax.toFixed(1)},${w.yMax.toFixed(1)}`;
}

export interface FontInfo {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
}

/** pdffonts: name, type, and the emb and sub columns. */
export async function pdfFonts(path: string): Promise<FontInfo[]> {
  const { stdout } = await run('pdffonts', [path]);
  return stdout
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const cols = line.trim().split(/\s+/);
      // name type… encoding emb sub uni objectID gen: emb and sub are the 5th and 4th from the end.
      return {
        name: cols[0],
        type: cols.slice(1, cols.length - 6).join(' '),
        embedded: cols[cols.length - 5] === 'yes',
        subset: cols[cols.length - 4] === 'yes',
      };
    });
}

export async function pdfPageCount(path: string): Promise<number> {
  const { stdout } = await run('pdfinfo', [path]);
  return Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1]);
}

/**
 * Renders every page to PNG with fontconfig seeing no fonts at all: text that shows up was drawn
 * from fonts inside the PDF. Returns the PNG paths in page order.
 */
export async function renderWithoutSystemFonts(pdfPath: string, outDir: string, name: string, dpi: number): Promise<string[]> {
  return withoutSystemFonts(async (env) => {
    mkdirSync(outDir, { recursive: true });
    await run('pdftoppm', ['-png', '-r', String(dpi), pdfPath, join(outDir, name)], { env });
    return readdirSync(outDir)
      .filter((f) => f.startsWith(`${name}-`) && /-\d+\.png$/.test(f))
      .sort((a, b) => pageOf(a) - pageOf(b))
      .map((f) => join(outDir, f));
  });
}

function pageOf(file: string): number {
  return Number(/-(\d+)\.png$/.exec(file)?.[1]);
}

/** Renders at 70 dpi without system fonts and keeps the PNGs in test-results/documents. */
export async function keepRendering(pdfPath: string, workDir: string, name: string): Promise<string[]> {
  const pngs = await renderWithoutSystemFonts(pdfPath, join(workDir, 'png-70'), name, 70);
  mkdirSync(RESULTS_DIR, { recursive: true });
  // Pages of an earlier, longer rendering would otherwise be left to mislead whoever looks.
  for (const old of readdirSync(RESULTS_DIR).filter((f) => new RegExp(`^${name}-p\\d+\\.png$`).test(f))) unlinkSync(join(RESULTS_DIR, old));
  return pngs.map((png) => {
    const target = join(RESULTS_DIR, `${name}-p${pageOf(png)}.png`);
    copyFileSync(png, target);
    return target;
  });
}

/** Every QR code zbarimg finds in the image, as raw text. */
export async function decodeQrCodes(pngPath: string): Promise<string[]> {
  try {
    const { stdout } = await run('zbarimg', ['--raw', '-q', pngPath]);
    return stdout.split('\n').filter((line) => line !== '');
  } catch (error) {
    // zbarimg exits with 4 when the image holds no code it can read.
    if ((error as { code?: unknown }).code === 4) return [];
    throw error;
  }
}

/** The decoded content streams of every page: the drawing operators. */
export async function pageContents(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes);
  return doc.getPages().map((page) => {
    const contents = page.node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => doc.context.lookup(ref)) : [contents];
    return streams
      .map((stream) => (stream instanceof PDFRawStream ? Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1') : ''))
      .join('\n');
  });
}

/** How many image XObjects the file holds (a raster signature would be one). */
export async function imageCount(bytes: Uint8Array): Promise<number> {
  const doc = await PDFDocument.load(bytes);
  return doc.context
    .enumerateIndirectObjects()
    .filter(([, object]) => object instanceof PDFStream && object.dict.get(PDFName.of('Subtype')) === PDFName.of('Image')).length;
}

/** Counts the operator `op` in a content stream (operators end a line in pdf-lib's output). */
export function countOperator(content: string, op: string): number {
  return content.split('\n').filter((line) => line === op || line.endsWith(` ${op}`)).length;
}

/** Writes the PDF into `dir` and returns its path. */
export function writePdf(dir: string, name: string, bytes: Uint8Array): string {
  const path = join(dir, `${name}.pdf`);
  writeFileSync(path, bytes);
  return path;
}
