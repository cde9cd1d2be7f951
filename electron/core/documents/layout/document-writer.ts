import { LineCapStyle, PDFDocument, type Color, type PDFImage, type PDFPage } from 'pdf-lib';
import type { CjkFontSource } from '../../../../native/printer/cjk-font';
import { sm3Hex } from '../../crypto/sm3';
import { DocumentError } from '../document-errors';
import { embedDocumentFont, type DocumentFont } from '../fonts/document-font';
import { INK } from './colors';
import { A4, CONTENT } from './page-geometry';
import { drawPageFurniture } from './page-furniture';
import { TextMetrics } from './text-metrics';
import { wrapText } from './text-wrap';

export type Align = 'left' | 'center' | 'right';

export interface DocumentMeta {
  /** The title printed at the top and in the running header, e.g. 不动产登记受理凭证. */
  title: string;
  /** The number in every footer. */
  documentNumber: string;
  officeName: string;
  /** YYYY-MM-DD: the PDF's creation date, so the same facts always give the same bytes. */
  issuedDate: string;
  /** For the PDF's metadata, e.g. the case number. */
  subject: string;
  font?: CjkFontSource;
}

export interface ParagraphOptions {
  size?: number;
  /** First-line indent of each paragraph, in characters. */
  indent?: number;
  align?: Align;
  x?: number;
  width?: number;
}

export interface Box {
  x: number;
  top: number;
  width: number;
  height: number;
}

/**
 * Lays out one document page by page: a cursor moving down the content area, a new page when the
 * next piece does not fit, and running headers and footers (which need the page count) drawn when
 * the document is finished. Coordinates are points from the top-left corner, y downwards.
 */
export class DocumentWriter {
  /** The top of the next piece on the current page. */
  y: number = CONTENT.top;
  private readonly pages: PDFPage[] = [];

  private constructor(
    private readonly doc: PDFDocument,
    private readonly font: DocumentFont,
    readonly metrics: TextMetrics,
    private readonly meta: DocumentMeta,
  ) {
    this.newPage();
  }

  static async open(meta: DocumentMeta): Promise<DocumentWriter> {
    // No automatic metadata: pdf-lib would stamp the current time and its own name.
    const doc = await PDFDocument.create({ updateMetadata: false });
    // Midnight China Standard Time on the issue date: offices date documents in local time.
    const issued = new Date(`${meta.issuedDate}T00:00:00+08:00`);
    doc.setTitle(`${meta.title}（${meta.subject}）`, { showInWindowTitleBar: true });
    doc.setAuthor(meta.officeName);
    doc.setSubject(meta.subject);
    doc.setCreator('不动产登记窗口工作站');
    doc.setProducer('不动产登记窗口工作站（pdf-lib）');
    doc.setCreationDate(issued);
    doc.setModificationDate(issued);
    doc.setLanguage('zh-CN');
    const font = await embedDocumentFont(doc, subsetTag(meta.documentNumber), meta.font);
    return new DocumentWriter(doc, font, new TextMetrics(font.pdf), meta);
  }

  get page(): PDFPage {
    return this.pages[this.pages.length - 1];
  }

  get pageCount(): number {
    return this.pages.length;
  }

  newPage(): void {
    this.pages.push(this.doc.addPage([A4.width, A4.height]));
    this.y = CONTENT.top;
  }

  /** Room left on this page below the cursor. */
  remaining(): number {
    return CONTENT.bottom - this.y;
  }

  /**
   * Starts a new page unless `height` fits below the cursor, or the cursor is already at the top
   * of a page (a piece taller than a page would otherwise add blank pages forever). Returns
   * whether it started one.
   */
  ensureSpace(height: number): boolean {
    if (height <= this.remaining() || this.y === CONTENT.top) return false;
    this.newPage();
    return true;
  }

  gap(height: number): void {
    this.y += height;
  }

  // ---- flowing text ----

  /** A centred title at the cursor. */
  title(text: string, size = 20): void {
    const lineHeight = this.metrics.lineHeight(size);
    this.ensureSpace(lineHeight);
    this.textLine(text, { x: CONTENT.left, top: this.y, width: CONTENT.width, size, align: 'center' });
    this.y += lineHeight;
  }

  /**
   * Wrapped text across the content width at the cursor, breaking pages between lines. `indent`
   * (in characters) indents the first line of each paragraph, as Chinese prose is set.
   */
  paragraph(text: string, options: ParagraphOptions = {}): void {
    const { size, x, width, lineHeight, paragraphs } = this.layoutParagraph(text, options);
    for (const { lines, indent } of paragraphs) {
      lines.forEach((line, i) => {
        this.ensureSpace(lineHeight);
        const shift = i === 0 ? indent : 0;
        this.textLine(line, { x: x + shift, top: this.y, width: width - shift, size, align: options.align ?? 'left' });
        this.y += lineHeight;
      });
    }
  }

  /** The height paragraph() will take for this text, for keeping a block on one page. */
  paragraphHeight(text: string, options: ParagraphOptions = {}): number {
    const { lineHeight, paragraphs } = this.layoutParagraph(text, options);
    return lineHeight * paragraphs.reduce((sum, p) => sum + p.lines.length, 0);
  }

  private layoutParagraph(text: string, options: ParagraphOptions) {
    const size = options.size ?? 11;
    const x = options.x ?? CONTENT.left;
    const width = options.width ?? CONTENT.right - x;
    const indent = (options.indent ?? 0) * size;
    const paragraphs = text.split('\n').map((paragraph) => ({
      lines: wrapText(paragraph, width, (s) => this.metrics.width(s, size), indent),
      indent,
    }));
    return { size, x, width, lineHeight: this.metrics.lineHeight(size), paragraphs };
  }

  // ---- drawing at given positions ----

  /** One line of text in a line box whose top is `top`; `width` is needed to centre or right-align. */
  textLine(
    text: string,
    at: { x: number; top: number; size: number; width?: number; align?: Align; lineHeight?: number; color?: Color; page?: PDFPage },
  ): void {
    if (text === '') return;
    this.checkGlyphs(text);
    const textWidth = this.metrics.width(text, at.size);
    const room = at.width ?? textWidth;
    const left = at.align === 'center' ? at.x + (room - textWidth) / 2 : at.align === 'right' ? at.x + room - textWidth : at.x;
    const baseline = this.metrics.baseline(at.top, at.size, at.lineHeight);
    (at.page ?? this.page).drawText(text, { x: left, y: A4.height - baseline, size: at.size, font: this.font.pdf, color: at.color ?? INK });
  }

  rect(box: Box, style: { fill?: Color; border?: Color; borderWidth?: number }): void {
    this.page.drawRectangle({
      x: box.x,
      y: A4.height - box.top - box.height,
      width: box.width,
      height: box.height,
      color: style.fill,
      borderColor: style.border,
      borderWidth: style.border ? (style.borderWidth ?? 0.6) : 0,
    });
  }

  line(x1: number, y1: number, x2: number, y2: number, thickness = 0.6, color: Color = INK, page = this.page): void {
    page.drawLine({ start: { x: x1, y: A4.height - y1 }, end: { x: x2, y: A4.height - y2 }, thickness, color });
  }

  /** An SVG path (y down) whose origin is placed at (x, top): pen strokes as vector paths. */
  strokePath(d: string, at: { x: number; top: number; width: number; color: Color }): void {
    this.page.drawSvgPath(d, {
      x: at.x,
      y: A4.height - at.top,
      borderWidth: at.width,
      borderColor: at.color,
      borderLineCap: LineCapStyle.Round,
    });
  }

  async embedPng(png: Uint8Array): Promise<PDFImage> {
    return this.doc.embedPng(png);
  }

  image(image: PDFImage, box: Box): void {
    this.page.drawImage(image, { x: box.x, y: A4.height - box.top - box.height, width: box.width, height: box.height });
  }

  /** Draws headers and footers on every page and returns the PDF. */
  async save(): Promise<Uint8Array> {
    this.pages.forEach((page, i) => {
      drawPageFurniture(this, page, {
        officeName: this.meta.officeName,
        title: this.meta.title,
        documentNumber: this.meta.documentNumber,
        pageNumber: i + 1,
        pageCount: this.pages.length,
      });
    });
    return this.doc.save({ useObjectStreams: true });
  }

  /**
   * A character the font lacks prints as a blank (or a box) with no error anywhere: names with
   * rare characters (生僻字) are the usual case. Refuse, and say what to do.
   */
  private checkGlyphs(text: string): void {
    for (const char of text) {
      const codePoint = char.codePointAt(0) ?? 0;
      if (/\s/u.test(char) || this.font.hasGlyph(codePoint)) continue;
      const hex = codePoint.toString(16).toUpperCase().padStart(4, '0');
      throw new DocumentError(
        'DOCUMENT_FONT_MISSING_GLYPH',
        `字体 ${this.font.postscriptName} 中没有“${char}”（U+${hex}），打印出来会是空白。请在设置中改用包含该字的中文字体后重新生成。`,
      );
    }
  }
}

/**
 * Six capital letters before the font name mark an embedded subset (ISO 32000-1 §9.6.4). Derived
 * from the document number, so the same document always gives the same bytes.
 */
function subsetTag(documentNumber: string): string {
  return Array.from(sm3Hex(documentNumber).slice(0, 6), (h) => String.fromCharCode(65 + parseInt(h, 16))).join('');
}
