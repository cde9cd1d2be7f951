import { readFile } from 'node:fs/promises';
import { create as createFontkitFont } from 'fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';
import { NO_CJK_FONT_MESSAGE, resolveCjkFont } from './font-resolution';

/**
 * Embeds a Chinese font into a pdf-lib document, subset to the glyphs actually drawn.
 *
 * Why not `@pdf-lib/fontkit`: its subsetter corrupts CJK fonts — most glyphs print blank while
 * `pdftotext` still extracts the text, so only a rendered page shows it (TOOLCHAIN.md). Upstream
 * fontkit 2 subsets correctly, but its subset has `encode()` where pdf-lib calls `encodeStream()`,
 * and pdf-lib's `create(bytes)` cannot pick one face out of a collection (.ttc). The adapter below
 * does both.
 *
 * Offices often want 宋体/仿宋 from the system instead of Noto: the path and PostScript name are
 * configuration; without one the font is resolved as documents resolve it (font-resolution.ts:
 * the shipped Noto Serif SC, then system fonts).
 */
export interface CjkFontSource {
  /** A .ttf/.otf file, or a .ttc/.otc collection. */
  path: string;
  /** Which face of a collection (e.g. `NotoSansCJKsc-Regular`); for a single font, checked if given. */
  postscriptName?: string;
}

/** Debian's fonts-noto-cjk Sans face: one of the system fonts tried last (font-resolution.ts). */
export const DEBIAN_NOTO_SANS_CJK: Readonly<Required<CjkFontSource>> = {
  path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  postscriptName: 'NotoSansCJKsc-Regular',
};

/** Embeds `source`, or the resolved font (font-resolution.ts) when none is given. */
export async function embedCjkFont(pdfDoc: PDFDocument, given?: CjkFontSource): Promise<PDFFont> {
  const source = given ?? resolveCjkFont();
  if (!source) throw new Error(NO_CJK_FONT_MESSAGE);
  const bytes = await fontBytes(source.path);
  // pdf-lib reads the registered fontkit synchronously inside embedFont, so registering an adapter
  // bound to this face right before the call is safe even when several faces share a document.
  pdfDoc.registerFontkit(fontkitFor(source));
  // Always subset: embedding a whole collection would put ~20 MB into every PDF.
  return pdfDoc.embedFont(bytes, { subset: true });
}

type PdfLibFontkit = Parameters<PDFDocument['registerFontkit']>[0];
type PdfLibFont = ReturnType<PdfLibFontkit['create']>;

interface SubsetWithEncode {
  encode(): Uint8Array;
  encodeStream?: () => SubsetStream;
}
interface FaceWithSubset {
  createSubset(): SubsetWithEncode;
}
export type SubsetStream = { on(event: 'data' | 'end' | 'error', listener: (value?: unknown) => void): SubsetStream };

/** The object pdf-lib calls `create(bytes)` on: opens the configured face, with a pdf-lib-shaped subset. */
export function fontkitFor(source: CjkFontSource): PdfLibFontkit {
  return {
    create: (buffer: Uint8Array) => withEncodeStream(pickFace(buffer, source)) as unknown as PdfLibFont,
  };
}

function pickFace(buffer: Uint8Array, source: CjkFontSource): FaceWithSubset {
  // Passing the name to fontkit would work for a collection but makes a single font look up a
  // variation of that name and throw: open without it and choose here.
  const font = createFontkitFont(buffer);
  const wanted = source.postscriptName;
  // fontkit 2 gives single fonts a getFont() too: only the type tells a collection apart.
  if ((font.type === 'TTC' || font.type === 'DFont') && typeof font.getFont === 'function') {
    if (!wanted) throw new Error(`字体文件 ${source.path} 是字体集合，请在设置中指定字体的 PostScript 名称。`);
    const face = font.getFont(wanted);
    if (!face) {
      const available = (font.fonts ?? []).map((f) => f.postscriptName).filter(Boolean).join('、');
      throw new Error(`字体文件 ${source.path} 中没有名为 ${wanted} 的字体；可用的字体：${available}。`);
    }
    return face as FaceWithSubset;
  }
  if (wanted && font.postscriptName && font.postscriptName !== wanted) {
    throw new Error(`字体文件 ${source.path} 的 PostScript 名称是 ${font.postscriptName}，不是设置中的 ${wanted}。`);
  }
  return font as unknown as FaceWithSubset;
}

/** Gives each subset the `encodeStream()` pdf-lib expects, emitting fontkit 2's `encode()` bytes. */
function withEncodeStream(face: FaceWithSubset): FaceWithSubset {
  const createSubset = face.createSubset.bind(face);
  face.createSubset = () => {
    const subset = createSubset();
    subset.encodeStream = () => emitOnce(() => subset.encode());
    return subset;
  };
  return face;
}

/** A one-shot emitter: listeners are attached in the same tick, so emit on the next microtask. */
export function emitOnce(produce: () => Uint8Array): SubsetStream {
  const listeners: Record<'data' | 'end' | 'error', Array<(value?: unknown) => void>> = { data: [], end: [], error: [] };
  const stream: SubsetStream = {
    on(event, listener) {
      listeners[event].push(listener);
      return stream;
    },
  };
  queueMicrotask(() => {
    let bytes: Uint8Array;
    try {
      bytes = produce();
    } catch (error) {
      for (const listener of listeners.error) listener(error);
      return;
    }
    for (const listener of listeners.data) listener(bytes);
    for (const listener of listeners.end) listener();
  });
  return stream;
}

const fontCache = new Map<string, Promise<Uint8Array>>();

/**
 * Font files are read once per path and kept: a collection is ~20 MB and each document embeds
 * from it. A failed read is not cached, so fixing the path in the settings takes effect at once.
 */
function fontBytes(path: string): Promise<Uint8Array> {
  let bytes = fontCache.get(path);
  if (!bytes) {
    bytes = readFile(path).then(
      (buffer) => new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength),
      (error: NodeJS.ErrnoException) => {
        fontCache.delete(path);
        throw new Error(
          error.code === 'ENOENT'
            ? `找不到字体文件 ${path}，请在设置中配置中文字体的路径。`
            : `无法读取字体文件 ${path}（${error.code ?? error.message}）。`,
        );
      },
    );
    fontCache.set(path, bytes);
  }
  return bytes;
}
