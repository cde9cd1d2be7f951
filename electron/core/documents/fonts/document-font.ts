import { readFile } from 'node:fs/promises';
import { create as createFontkitFont } from 'fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';
import { emitOnce, fontkitFor, type CjkFontSource, type SubsetStream } from '../../../../native/printer/cjk-font';
import { NO_CJK_FONT_MESSAGE, resolveCjkFont } from '../../../../native/printer/font-resolution';
import { DocumentError } from '../document-errors';
import { compactCffSubset } from './compact-cff-subset';

/**
 * Government documents are customarily set in a 宋体-like face. Offices may configure their own
 * (config.json `documents.font`, e.g. a licensed 宋体/仿宋 file); otherwise the app's shipped Noto
 * Serif SC, and system fonts only when that is missing (native/printer/font-resolution.ts).
 *
 * Debian's Noto Serif CJK SC collection is one of those system fonts. It is a CFF font, which is
 * why compact-cff-subset.ts exists: an office's font may be CFF too.
 */
export const DEBIAN_NOTO_SERIF_CJK: Readonly<Required<CjkFontSource>> = {
  path: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc',
  postscriptName: 'NotoSerifCJKsc-Regular',
};

export interface DocumentFont {
  pdf: PDFFont;
  /** The face's PostScript name, without the subset tag. */
  postscriptName: string;
  /** Whether the face draws this character; one it lacks would print blank. */
  hasGlyph(codePoint: number): boolean;
}

/**
 * Embeds the font into one document as a fresh subset (only the glyphs that document draws),
 * named `TAG+PostScriptName` as PDF subsets are (ISO 32000-1 §9.6.4), so tools such as pdffonts
 * report it as a subset.
 *
 * The file is read and parsed once per process and kept: a font is 15–20 MB and reading and
 * parsing it for every receipt would take most of the 150 ms budget. The parsed face is shared by
 * documents; each embedding makes its own subset from it. This is `embedCjkFont` of
 * native/printer/cjk-font.ts (whose adapter it reuses for collections) with three differences:
 * the parsed face is cached as well as the bytes; CFF subsets are written without subroutines
 * (compact-cff-subset.ts), which keeps a one-page document at ~35–55 KB instead of ~90 KB (a
 * TrueType face such as the shipped one is subset by fontkit as is, ~16–20 KB); and a
 * single .ttf/.otf needs no PostScript name (see parseFace).
 */
export async function embedDocumentFont(
  doc: PDFDocument,
  subsetTag: string,
  configured?: CjkFontSource,
): Promise<DocumentFont> {
  // Resolved when the first document is made, not at start: a workstation that never prints
  // never reads the 15 MB file. The parsed face is then kept (loadFace).
  const source = resolveCjkFont({ configured });
  if (!source) throw new DocumentError('DOCUMENT_FONT_UNAVAILABLE', NO_CJK_FONT_MESSAGE);
  const loaded = await loadFace(source);
  // pdf-lib calls create() synchronously inside embedFont with the bytes given here.
  doc.registerFontkit({ create: () => loaded.face } as unknown as Parameters<PDFDocument['registerFontkit']>[0]);
  const pdf = await doc.embedFont(loaded.bytes, { subset: true, customName: `${subsetTag}+${loaded.postscriptName}` });
  return {
    pdf,
    postscriptName: loaded.postscriptName,
    hasGlyph: (codePoint) => loaded.face.hasGlyphForCodePoint(codePoint),
  };
}

/**
 * The parsed face documents use (resolved and cached as for embedDocumentFont), for renditions
 * that embed the font themselves: the OFD e-certificate writes its own subset of this face.
 */
export async function loadDocumentFace(configured?: CjkFontSource): Promise<{ bytes: Uint8Array; face: unknown; postscriptName: string }> {
  const source = resolveCjkFont({ configured });
  if (!source) throw new DocumentError('DOCUMENT_FONT_UNAVAILABLE', NO_CJK_FONT_MESSAGE);
  return loadFace(source);
}

interface LoadedFace {
  bytes: Uint8Array;
  face: Face;
  postscriptName: string;
}

/** The fontkit 2 face, as far as this file uses it. */
interface Face {
  postscriptName: string;
  hasGlyphForCodePoint(codePoint: number): boolean;
  createSubset(): object;
}

const faces = new Map<string, Promise<LoadedFace>>();

function loadFace(source: CjkFontSource): Promise<LoadedFace> {
  const key = `${source.path}\u0000${source.postscriptName ?? ''}`;
  let loaded = faces.get(key);
  if (!loaded) {
    loaded = openFace(source);
    // A failure is not cached, so fixing the path in the settings takes effect at once.
    loaded.catch(() => faces.delete(key));
    faces.set(key, loaded);
  }
  return loaded;
}

async function openFace(source: CjkFontSource): Promise<LoadedFace> {
  let bytes: Uint8Array;
  try {
    const buffer = await readFile(source.path);
    bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DocumentError(
      'DOCUMENT_FONT_UNAVAILABLE',
      code === 'ENOENT'
        ? `找不到字体文件 ${source.path}，请在设置中配置文书使用的中文字体。`
        : `无法读取字体文件 ${source.path}（${code ?? String(error)}），请检查文件权限或更换字体。`,
    );
  }
  let face: Face;
  try {
    face = parseFace(bytes, source);
  } catch (error) {
    throw new DocumentError('DOCUMENT_FONT_UNAVAILABLE', error instanceof Error ? error.message : String(error));
  }
  const createSubset = face.createSubset.bind(face);
  face.createSubset = () => {
    const subset = createSubset() as SubsetLike;
    compactCffSubset(subset);
    if (typeof subset.encodeStream !== 'function') subset.encodeStream = () => emitOnce(() => subset.encode());
    return subset;
  };
  return { bytes, face, postscriptName: face.postscriptName };
}

/**
 * Collections go through the adapter of native/printer (it picks the face by PostScript name and
 * gives subsets the encodeStream() pdf-lib expects, with messages naming the faces a file has). A
 * single font is opened here: the adapter insists on a PostScript name for anything with a
 * getFont() method, and fontkit 2's single fonts have one (it looks up a variation), so a plain
 * 宋体 .ttf would be refused there.
 */
function parseFace(bytes: Uint8Array, source: CjkFontSource): Face {
  const opened = createFontkitFont(bytes);
  if (opened.type === 'TTC' || opened.type === 'DFont') return fontkitFor(source).create(bytes) as unknown as Face;
  if (source.postscriptName && opened.postscriptName && opened.postscriptName !== source.postscriptName) {
    throw new Error(`字体文件 ${source.path} 的 PostScript 名称是 ${opened.postscriptName}，不是设置中的 ${source.postscriptName}。`);
  }
  return opened as unknown as Face;
}

interface SubsetLike {
  encode(): Uint8Array;
  encodeStream?: () => SubsetStream;
}

