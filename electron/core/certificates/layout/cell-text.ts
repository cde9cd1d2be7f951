import { wrapText } from '../../documents/layout/text-wrap';
import { OfdError } from '../ofd/ofd-errors';
import type { CertificateFont } from './certificate-font';
import type { TextRun } from './drawing';

/**
 * Fitting a value into a table cell, in millimetres. The policy of documents/layout/fit-text.ts,
 * for a cell of fixed width: one line at the body size or a step smaller; else wrapped at the
 * largest size that needs at most `maxLines` lines; else at the smallest size, as many lines as
 * it takes (the caller decides whether the page has room). Codes (`keepWhole`) shrink further
 * before they break. Line breaking is the documents' wrapText (避头尾 rules, codes kept whole).
 */
export interface FittedCell {
  size: number;
  lines: string[];
  lineHeight: number;
  height: number;
}

export const BODY_SIZES = [3.7, 3.3, 3.0, 2.7, 2.5] as const;
/** Line height per em: Noto CJK's ascent+descent is 1.44 em; 1.5 keeps two lines' glyphs apart. */
export const LINE_HEIGHT_EM = 1.5;

export function textWidth(font: CertificateFont, text: string, size: number): number {
  let em = 0;
  for (const char of text) em += font.advance(char);
  return em * size;
}

export function fitCell(
  font: CertificateFont,
  text: string,
  width: number,
  options: { maxLines: number; keepWhole?: boolean; sizes?: readonly number[] },
): FittedCell {
  const sizes = options.sizes ?? BODY_SIZES;
  const oneLine = options.keepWhole ? [...sizes, 2.3, 2.1] : sizes.slice(0, 2);
  for (const size of oneLine) {
    if (!text.includes('\n') && textWidth(font, text, size) <= width) return fitted(size, [text]);
  }
  const attempts = sizes.map((size) => ({ size, lines: wrapText(text, width, (s) => textWidth(font, s, size)) }));
  const choice = attempts.find((a) => a.lines.length <= options.maxLines) ?? attempts[attempts.length - 1];
  return fitted(choice.size, choice.lines);
}

function fitted(size: number, lines: string[]): FittedCell {
  const lineHeight = size * LINE_HEIGHT_EM;
  return { size, lines, lineHeight, height: lineHeight * lines.length };
}

/** A run at (x, baseline) with the font's advances. */
export function textRun(font: CertificateFont, text: string, x: number, baseline: number, size: number, field?: string): TextRun {
  const advances = Array.from(text, (char) => font.advance(char) * size);
  return { kind: 'text', x, baseline, size, text, advances, ...(field ? { field } : {}) };
}

/** The baseline that centres a line of `size` in a line box of `lineHeight` starting at `top`. */
export function baselineIn(font: CertificateFont, top: number, size: number, lineHeight: number): number {
  return top + (lineHeight - (font.ascent + font.descent) * size) / 2 + font.ascent * size;
}

/**
 * Refuses a value with a character the font cannot draw: it would print as an empty box (豆腐块)
 * on a legal document. The message names the field and the character so the clerk can have the
 * font changed (or the record corrected) instead of issuing a certificate with a blank in a name.
 */
export function requireGlyphs(font: CertificateFont, caption: string, text: string): void {
  const missing = [...new Set(Array.from(text).filter((char) => !/\s/.test(char) && !font.hasGlyph(char)))];
  if (missing.length === 0) return;
  const list = missing.map((c) => `“${c}”（U+${(c.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')}）`).join('、');
  throw new OfdError(
    'OFD_FONT_MISSING_GLYPH',
    `${caption}中的字符 ${list} 不在证书字体 ${font.fontName} 中，无法显示。请在设置中配置包含该字的字体（如支持扩展汉字的宋体）后重新生成证书。`,
  );
}
