import type { PDFFont } from 'pdf-lib';

/**
 * Widths and vertical metrics of the document font at a given size, in points.
 *
 * Widths are the sum of each character's advance, cached per character: pdf-lib's own measure
 * runs fontkit's layout engine on every call, and wrapping a page measures thousands of pieces.
 * The sum is what pdf-lib draws (it places glyphs by their advances, without kerning).
 */
export class TextMetrics {
  private readonly advances = new Map<string, number>();
  /** Above the baseline, and ascent plus descent, per point of size: the box PDF readers put around text. */
  readonly ascent: number;
  readonly height: number;

  constructor(readonly font: PDFFont) {
    this.ascent = font.heightAtSize(1, { descender: false });
    this.height = font.heightAtSize(1, { descender: true });
  }

  width(text: string, size: number): number {
    let em = 0;
    for (const char of text) em += this.advance(char);
    return em * size;
  }

  /**
   * Line height for a size: at least the font's ascent-to-descent box (Noto CJK: 1.44 em), so the
   * text boxes a PDF reader reports for two lines never overlap, and 1.5 em for ease of reading.
   */
  lineHeight(size: number): number {
    return Math.max(1.5, this.height + 0.02) * size;
  }

  /** The baseline that centres a line's text box in a line box starting at `top`. */
  baseline(top: number, size: number, lineHeight = this.lineHeight(size)): number {
    return top + (lineHeight - this.height * size) / 2 + this.ascent * size;
  }

  private advance(char: string): number {
    let em = this.advances.get(char);
    if (em === undefined) {
      em = this.font.widthOfTextAtSize(char, 1);
      this.advances.set(char, em);
    }
    return em;
  }
}
