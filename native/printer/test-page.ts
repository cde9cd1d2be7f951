import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { embedCjkFont, type CjkFontSource } from './cjk-font';
import { mmToPt } from './units';

export interface TestPageOptions {
  /** The Chinese font; by default the one documents use (font-resolution.ts: shipped Noto Serif SC first). */
  font?: CjkFontSource;
  /** Printed on the page so the sheet can be matched to the queue afterwards. */
  printerName?: string;
  printedAt?: Date;
}

export const TEST_PAGE_TITLE = '打印测试页';

/** A4 portrait, in millimetres. */
export const TEST_PAGE_SIZE_MM = { width: 210, height: 297 } as const;

/**
 * Crosshair centres, in millimetres from the sheet's top-left corner. Measuring where a printed
 * crosshair landed and subtracting these gives the printer's calibration offset (calibration.ts
 * uses the same axes: x to the right, y downwards).
 */
export const TEST_PAGE_MARKS_MM: ReadonlyArray<{ x: number; y: number }> = [
  { x: 20, y: 20 },
  { x: 190, y: 20 },
  { x: 20, y: 277 },
  { x: 190, y: 277 },
];

/**
 * A one-page A4 test page: a millimetre grid and rulers measured from the sheet's top-left corner,
 * crosshairs at known positions, a 100 mm bar to check the printer does not scale, and a Chinese
 * title, which proves the embedded CJK font prints (a missing font shows as blanks or boxes).
 */
export async function createTestPage(options: TestPageOptions = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(TEST_PAGE_TITLE);
  doc.setCreator('不动产登记窗口工作站');
  const font = await embedCjkFont(doc, options.font);
  const page = doc.addPage([mmToPt(TEST_PAGE_SIZE_MM.width), mmToPt(TEST_PAGE_SIZE_MM.height)]);
  const sheet = new Sheet(page, font);

  drawGrid(sheet);
  drawRulers(sheet);
  for (const mark of TEST_PAGE_MARKS_MM) drawCrosshair(sheet, mark.x, mark.y);
  drawScaleBar(sheet, 55, 200);
  drawLegend(sheet, options);
  return doc.save();
}

const INK = rgb(0, 0, 0);
const GRID_MINOR = rgb(0.82, 0.86, 0.92);
const GRID_MAJOR = rgb(0.55, 0.62, 0.75);

/** Draws in millimetres from the top-left corner, the way the ruler reads; pdf-lib's origin is bottom-left. */
class Sheet {
  readonly widthMm = TEST_PAGE_SIZE_MM.width;
  readonly heightMm = TEST_PAGE_SIZE_MM.height;

  constructor(
    readonly page: PDFPage,
    readonly font: PDFFont,
  ) {}

  line(x1: number, y1: number, x2: number, y2: number, thicknessPt: number, color = INK): void {
    this.page.drawLine({ start: this.point(x1, y1), end: this.point(x2, y2), thickness: thicknessPt, color });
  }

  /** Text whose baseline starts at (x, y) mm; `align` shifts it so x is its centre or right end. */
  text(text: string, x: number, y: number, sizePt: number, align: 'left' | 'centre' | 'right' = 'left'): void {
    const widthMm = this.font.widthOfTextAtSize(text, sizePt) / mmToPt(1);
    const left = align === 'left' ? x : align === 'centre' ? x - widthMm / 2 : x - widthMm;
    this.page.drawText(text, { ...this.point(left, y), size: sizePt, font: this.font, color: INK });
  }

  rectangle(x: number, y: number, width: number, height: number): void {
    this.page.drawRectangle({
      ...this.point(x, y + height),
      width: mmToPt(width),
      height: mmToPt(height),
      color: rgb(1, 1, 1),
      borderColor: INK,
      borderWidth: 0.8,
    });
  }

  circle(x: number, y: number, radius: number): void {
    this.page.drawCircle({ ...this.point(x, y), size: mmToPt(radius), borderColor: INK, borderWidth: 0.5 });
  }

  private point(x: number, y: number): { x: number; y: number } {
    return { x: mmToPt(x), y: mmToPt(this.heightMm - y) };
  }
}

function drawGrid(sheet: Sheet): void {
  for (let x = 5; x < sheet.widthMm; x += 5) {
    sheet.line(x, 0, x, sheet.heightMm, x % 10 === 0 ? 0.45 : 0.25, x % 10 === 0 ? GRID_MAJOR : GRID_MINOR);
  }
  for (let y = 5; y < sheet.heightMm; y += 5) {
    sheet.line(0, y, sheet.widthMm, y, y % 10 === 0 ? 0.45 : 0.25, y % 10 === 0 ? GRID_MAJOR : GRID_MINOR);
  }
}

/** Rulers along the top and left edges: a tick per millimetre, longer every 5 and 10, labelled every 10. */
function drawRulers(sheet: Sheet): void {
  const tick = (mm: number) => (mm % 10 === 0 ? 6 : mm % 5 === 0 ? 4 : 2);
  for (let x = 1; x < sheet.widthMm; x++) {
    sheet.line(x, 0, x, tick(x), 0.35);
    if (x % 10 === 0) sheet.text(String(x), x + 0.6, 8.5, 6);
  }
  for (let y = 1; y < sheet.heightMm; y++) {
    sheet.line(0, y, tick(y), y, 0.35);
    if (y % 10 === 0) sheet.text(String(y), 6.8, y + 1, 6);
  }
}

function drawCrosshair(sheet: Sheet, x: number, y: number): void {
  sheet.line(x - 6, y, x + 6, y, 0.5);
  sheet.line(x, y - 6, x, y + 6, 0.5);
  sheet.circle(x, y, 3);
  const labelLeft = x < sheet.widthMm / 2;
  sheet.text(`(${x}, ${y})`, labelLeft ? x + 4 : x - 4, y - 4, 7, labelLeft ? 'left' : 'right');
}

function drawScaleBar(sheet: Sheet, x: number, y: number): void {
  sheet.line(x, y, x + 100, y, 1);
  for (let i = 0; i <= 100; i += 10) sheet.line(x + i, y - (i % 50 === 0 ? 3 : 1.5), x + i, y, 0.5);
  sheet.text('100 毫米（打印后量取应为 100 毫米，否则打印机在缩放）', x + 50, y + 5, 8, 'centre');
}

function drawLegend(sheet: Sheet, options: TestPageOptions): void {
  sheet.rectangle(35, 105, 140, 72);
  sheet.text(TEST_PAGE_TITLE, 105, 122, 28, 'centre');
  const lines = [
    '网格：细线 5 毫米，粗线 10 毫米；刻度自纸张左上角量起，单位毫米。',
    '校准：量取十字中心到纸张左边、上边的距离，减去标注的坐标，',
    '即为该打印机的水平、垂直偏移量（向右、向下为正）。',
    options.printerName ? `打印机：${options.printerName}` : '',
    options.printedAt ? `打印时间：${formatTime(options.printedAt)}` : '',
  ].filter(Boolean);
  lines.forEach((line, i) => sheet.text(line, 42, 136 + i * 7, 9.5));
}

function formatTime(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return `${day} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
