import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { toBuffer } from 'qrcode';
import { mmToPt } from '../../../../native/printer/units';
import type { CjkFontSource } from '../../../../native/printer/cjk-font';
import { sm3Hex } from '../../crypto/sm3';
import { embedDocumentFont } from '../../documents/fonts/document-font';
import { fitText } from '../../documents/layout/fit-text';
import { TextMetrics } from '../../documents/layout/text-metrics';
import type { CertificateFacts } from '../certificate-facts';
import { formFieldTexts } from './form-fields';
import { FORM_FIELD_LABELS, type FormLayout, type TextBox } from './form-layout';

/**
 * The page printed onto a pre-printed form: only the variable texts (and the 2D code), in their
 * boxes, no rules or captions — the form has those. One PDF page per side of the sheet, each the
 * sheet's size. The printer's calibration offset is applied later, when printing (shiftPdf), so
 * the archived "as printed" PDF is this one shifted, and the same facts always give the same bytes.
 */

/** Sizes a long value may shrink to before it wraps (fit-text.ts). */
const MIN_PT = 7;
const INK = rgb(0, 0, 0);

export interface FormPdfOptions {
  /** The signed 2D-code text (cert-seal's certificateQrText); no code printed when absent. */
  qrText?: string | null;
  font?: CjkFontSource;
}

export async function renderFormPdf(facts: CertificateFacts, layout: FormLayout, o: FormPdfOptions = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const at = new Date(`${facts.issueDate}T00:00:00+08:00`);
  doc.setTitle(`${layout.name} ${facts.number}`);
  doc.setCreator('不动产登记窗口工作站');
  doc.setProducer('不动产登记窗口工作站（pdf-lib）');
  doc.setCreationDate(at);
  doc.setModificationDate(at);
  doc.setLanguage('zh-CN');
  const font = await embedDocumentFont(doc, tagOf(facts.number), o.font);
  const metrics = new TextMetrics(font.pdf);
  const texts = formFieldTexts(facts);
  const qr = o.qrText ? await doc.embedPng(await toBuffer(o.qrText, { errorCorrectionLevel: 'M', margin: 1, type: 'png', scale: 4 })) : null;

  for (const side of layout.pages) {
    const page = doc.addPage([mmToPt(layout.pageWidthMm), mmToPt(layout.pageHeightMm)]);
    const sheet = new SheetPen(page, layout.pageHeightMm);
    for (const box of side.texts) {
      const text = texts[box.field];
      if (text) sheet.textInBox(text, box, metrics, font.pdf);
    }
    if (side.qrCode && qr) {
      const size = Math.min(side.qrCode.width, side.qrCode.height);
      page.drawImage(qr, { x: mmToPt(side.qrCode.x), y: mmToPt(layout.pageHeightMm - side.qrCode.y - size), width: mmToPt(size), height: mmToPt(size) });
    }
  }
  return doc.save();
}

/**
 * The calibration grid for a form: a millimetre grid with rulers from the sheet's top-left corner,
 * and every field box outlined and named. Printed on plain paper and laid over a blank form against
 * the light, it shows how far the printer lands from the boxes (the offset to enter in 打印机校准),
 * and whether a box of the layout is off for this office's forms.
 */
export async function renderCalibrationGrid(layout: FormLayout, o: { font?: CjkFontSource } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(`${layout.name} 套打校准网格`);
  doc.setCreator('不动产登记窗口工作站');
  const font = await embedDocumentFont(doc, 'GRIDAA', o.font);
  const metrics = new TextMetrics(font.pdf);
  layout.pages.forEach((side, index) => {
    const page = doc.addPage([mmToPt(layout.pageWidthMm), mmToPt(layout.pageHeightMm)]);
    const pen = new SheetPen(page, layout.pageHeightMm);
    pen.grid(layout.pageWidthMm, layout.pageHeightMm, font.pdf);
    pen.label(`${layout.name} 套打校准网格 第 ${index + 1} 面（毫米，自纸张左上角量起）`, 12, layout.pageHeightMm - 8, 9, font.pdf);
    for (const box of side.texts) {
      pen.box(box.x, box.y, box.width, box.height);
      pen.label(FORM_FIELD_LABELS[box.field], box.x + 0.8, box.y + 0.8 + metrics.ascent * 6 * 0.3528, 6, font.pdf);
    }
    if (side.qrCode) {
      pen.box(side.qrCode.x, side.qrCode.y, side.qrCode.width, side.qrCode.height);
      pen.label(FORM_FIELD_LABELS.qrCode, side.qrCode.x + 0.8, side.qrCode.y + 3, 6, font.pdf);
    }
  });
  return doc.save();
}

/** Draws in millimetres from the top-left corner (the ruler's and the calibration's axes). */
class SheetPen {
  constructor(
    private readonly page: PDFPage,
    private readonly heightMm: number,
  ) {}

  private y(mm: number): number {
    return mmToPt(this.heightMm - mm);
  }

  /**
   * A value in its box: left-aligned at the box's left edge; shrunk (to MIN_PT) and wrapped to the
   * box's width; centred vertically in a one-line cell, from the top otherwise.
   */
  textInBox(text: string, box: TextBox, metrics: TextMetrics, font: PDFFont): void {
    const width = mmToPt(box.width);
    const sizes: number[] = [];
    for (let s = box.fontPt; s >= MIN_PT; s -= 0.5) sizes.push(s);
    const maxLines = Math.max(1, Math.floor(mmToPt(box.height) / metrics.lineHeight(box.fontPt)));
    const fitted = fitText(text, width, metrics, { sizes, maxLines, keepWhole: box.field === 'unitCode' });
    const top = box.vAlign === 'center' ? mmToPt(box.y) + (mmToPt(box.height) - fitted.height) / 2 : mmToPt(box.y);
    fitted.lines.forEach((line, i) => {
      const baselineFromTop = metrics.baseline(top + i * fitted.lineHeight, fitted.size, fitted.lineHeight);
      this.page.drawText(line, { x: mmToPt(box.x), y: mmToPt(this.heightMm) - baselineFromTop, size: fitted.size, font, color: INK });
    });
  }

  box(x: number, y: number, w: number, h: number): void {
    this.page.drawRectangle({ x: mmToPt(x), y: this.y(y + h), width: mmToPt(w), height: mmToPt(h), borderColor: rgb(0.85, 0.1, 0.1), borderWidth: 0.6 });
  }

  label(text: string, x: number, yBaseline: number, size: number, font: PDFFont): void {
    this.page.drawText(text, { x: mmToPt(x), y: this.y(yBaseline), size, font, color: rgb(0.7, 0.05, 0.05) });
  }

  grid(widthMm: number, heightMm: number, font: PDFFont): void {
    for (let x = 0; x <= widthMm; x += 1) {
      const major = x % 10 === 0;
      if (x % 5 !== 0 && !major) {
        // 1 mm ticks only along the rulers, so the sheet stays readable.
        this.page.drawLine({ start: { x: mmToPt(x), y: this.y(0) }, end: { x: mmToPt(x), y: this.y(2) }, thickness: 0.2, color: INK });
        continue;
      }
      this.page.drawLine({ start: { x: mmToPt(x), y: this.y(0) }, end: { x: mmToPt(x), y: this.y(heightMm) }, thickness: major ? 0.4 : 0.15, color: major ? rgb(0.55, 0.62, 0.75) : rgb(0.82, 0.86, 0.92) });
      if (major && x > 0 && x < widthMm) this.page.drawText(String(x), { x: mmToPt(x) + 1, y: this.y(5), size: 6, font, color: INK });
    }
    for (let y = 0; y <= heightMm; y += 1) {
      const major = y % 10 === 0;
      if (y % 5 !== 0 && !major) {
        this.page.drawLine({ start: { x: 0, y: this.y(y) }, end: { x: mmToPt(2), y: this.y(y) }, thickness: 0.2, color: INK });
        continue;
      }
      this.page.drawLine({ start: { x: 0, y: this.y(y) }, end: { x: mmToPt(widthMm), y: this.y(y) }, thickness: major ? 0.4 : 0.15, color: major ? rgb(0.55, 0.62, 0.75) : rgb(0.82, 0.86, 0.92) });
      if (major && y > 0 && y < heightMm) this.page.drawText(String(y), { x: mmToPt(3), y: this.y(y) + 1, size: 6, font, color: INK });
    }
  }
}

/** A subset tag per certificate (six capitals, ISO 32000-1 §9.6.4), stable for the same number. */
function tagOf(number: string): string {
  return Array.from(sm3Hex(number).slice(0, 6), (h) => String.fromCharCode(65 + parseInt(h, 16))).join('');
}
