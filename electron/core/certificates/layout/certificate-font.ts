import type { CjkFontSource } from '../../../../native/printer/cjk-font';
import { loadDocumentFace } from '../../documents/fonts/document-font';
import { OfdError } from '../ofd/ofd-errors';
import { isTrueTypeFace, type TrueTypeFace } from '../ofd/sfnt-subset';

/**
 * The face certificates are set in: the documents' font (the office's configured 宋体, else the
 * shipped Noto Serif SC), so a certificate looks like the office's other documents and the OFD
 * and PDF renditions measure and draw the very same glyphs.
 */
export interface CertificateFont {
  face: TrueTypeFace;
  fontName: string;
  familyName: string;
  /** Ascent and descent per em (positive numbers). */
  ascent: number;
  descent: number;
  /** Advance of one character, in em. */
  advance(char: string): number;
  hasGlyph(char: string): boolean;
  /** Where the face came from, to embed the same one into a PDF. */
  configured?: CjkFontSource;
}

interface FaceMetrics extends TrueTypeFace {
  familyName: string;
  ascent: number;
  descent: number;
  glyphForCodePoint(codePoint: number): { id: number; advanceWidth: number };
}

/** Kept per face like the parsed face itself, so the advance cache survives between certificates. */
const fonts = new Map<unknown, CertificateFont>();

export async function certificateFont(configured?: CjkFontSource): Promise<CertificateFont> {
  const loaded = await loadDocumentFace(configured);
  let font = fonts.get(loaded.face);
  if (!font) {
    font = makeFont(loaded, configured);
    fonts.set(loaded.face, font);
  }
  return font;
}

function makeFont(loaded: { face: unknown; postscriptName: string }, configured: CjkFontSource | undefined): CertificateFont {
  const face = loaded.face as FaceMetrics;
  if (!isTrueTypeFace(face)) {
    // An OFD embeds a complete font file; the subsetter completes TrueType subsets only (sfnt-subset.ts).
    throw new OfdError(
      'OFD_FONT_MISSING_GLYPH',
      `字体 ${loaded.postscriptName} 是 CFF（PostScript 轮廓）字体，电子证照暂只支持 TrueType 字体。请在设置中改用 TrueType 字体（.ttf，如宋体）或使用随软件提供的字体。`,
    );
  }
  const em = face.unitsPerEm;
  const advances = new Map<string, number>();
  return {
    face,
    fontName: loaded.postscriptName,
    familyName: face.familyName || loaded.postscriptName,
    ascent: face.ascent / em,
    descent: Math.abs(face.descent) / em,
    advance(char) {
      let value = advances.get(char);
      if (value === undefined) {
        value = face.glyphForCodePoint(char.codePointAt(0) as number).advanceWidth / em;
        advances.set(char, value);
      }
      return value;
    },
    hasGlyph: (char) => face.hasGlyphForCodePoint(char.codePointAt(0) as number),
    configured,
  };
}
