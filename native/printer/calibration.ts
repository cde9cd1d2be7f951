import type { PDFDocument } from 'pdf-lib';

// pdf-lib loads with the first shifted document: the schemas below are needed at start, it is not.
const pdfLib = () => import('pdf-lib');
import { z } from 'zod';
import { isDeviceError } from '../serial/device-error';
import { printError } from './print-error';
import { printerNameSchema } from './printer-name';
import { mmToPt } from './units';

/**
 * Certificates are printed on pre-printed forms (DOMAIN.md §4): every printer feeds paper a little
 * differently, so each one gets an offset, measured once with the test page, that moves the whole
 * print until the text lands in the form's boxes. Offsets are in millimetres in paper terms, as
 * read off the test page's ruler: x to the right, y downwards, from the sheet's top-left corner.
 * Beyond ±20 mm the problem is the paper guide, not something to calibrate away.
 */
export const CALIBRATION_LIMIT_MM = 20;

// zod 4's number() already refuses NaN and ±Infinity.
const offsetComponent = (axis: string) =>
  z
    .number({ error: `${axis}方向偏移必须是数字` })
    .refine((v) => Math.abs(v) <= CALIBRATION_LIMIT_MM, {
      error: `${axis}方向偏移超出 ±${CALIBRATION_LIMIT_MM} 毫米`,
    });

export const offsetMmSchema = z.object({ x: offsetComponent('水平'), y: offsetComponent('垂直') }).strict();
export type OffsetMm = z.infer<typeof offsetMmSchema>;

/** One printer's calibration, as the settings page saves it (storage lives in the app's database). */
export const calibrationSchema = z
  .object({
    printer: printerNameSchema,
    offsetMm: offsetMmSchema,
  })
  .strict();
export type Calibration = z.infer<typeof calibrationSchema>;

/**
 * Returns a PDF whose every page shows the original page moved by `offsetMm`, on a page of the same
 * size and rotation. Content pushed past an edge is clipped, exactly as the printer would lose it.
 * No side effects; a zero offset returns the input unchanged. Annotations and form fields are not
 * carried over: certificate PDFs have none, and a printer does not print interactive widgets.
 *
 * Throws `DeviceError` INVALID_CALIBRATION for an offset out of range, INVALID_PDF for bytes pdf-lib
 * cannot read.
 */
export async function shiftPdf(pdf: Uint8Array, offsetMm: OffsetMm): Promise<Uint8Array> {
  const offset = offsetMmSchema.safeParse(offsetMm);
  if (!offset.success) {
    throw printError('INVALID_CALIBRATION', { detail: offset.error.issues[0]?.message }, { offsetMm });
  }
  const right = toPrintablePt(offset.data.x);
  const down = toPrintablePt(offset.data.y);
  if (right === 0 && down === 0) return pdf;

  try {
    return await shiftPages(await loadPdf(pdf), right, down);
  } catch (error) {
    if (isDeviceError(error)) throw error;
    // pdf-lib parses leniently and fails later on a broken page tree or content stream.
    throw printError('INVALID_PDF', { detail: '无法读取文档内容' }, { cause: String(error) });
  }
}

async function shiftPages(source: PDFDocument, right: number, down: number): Promise<Uint8Array> {
  const { PDFDocument, degrees } = await pdfLib();
  const shifted = await PDFDocument.create();
  copyInfo(source, shifted);
  for (const page of source.getPages()) {
    // The crop box is what viewers and printers show; a media box with a non-zero origin is common
    // in scanned or imposed files, so embed exactly that rectangle and start the new page at 0,0.
    const box = page.getCropBox();
    const rotation = normaliseRotation(page.getRotation().angle);
    const target = shifted.addPage([box.width, box.height]);
    target.setRotation(degrees(rotation));
    if (page.node.Contents() === undefined) continue; // a blank page stays blank
    const embedded = await shifted.embedPage(page, {
      left: box.x,
      bottom: box.y,
      right: box.x + box.width,
      top: box.y + box.height,
    });
    const move = paperToUserSpace(right, down, rotation);
    target.drawPage(embedded, { x: move.x, y: move.y });
  }
  return shifted.save();
}

/**
 * A shift on the sheet (right, down) expressed in the page's own user space (y up), which a
 * /Rotate of 90, 180 or 270 degrees (clockwise on display and print) turns relative to the sheet.
 */
export function paperToUserSpace(rightPt: number, downPt: number, rotation: 0 | 90 | 180 | 270): { x: number; y: number } {
  const vx = rightPt;
  const vy = -downPt; // on the sheet, y up
  switch (rotation) {
    case 0:
      return { x: vx, y: vy };
    case 90:
      return { x: -vy, y: vx };
    case 180:
      return { x: -vx, y: -vy };
    case 270:
      return { x: vy, y: -vx };
  }
}

/**
 * Millimetres to points, rounded to 0.001 pt (0.35 µm, far below a printer's dot). Rounding also
 * matters for the file: pdf-lib writes a tiny number such as 5e-324 as hundreds of digits, which
 * poppler refuses, and the page then renders empty.
 */
function toPrintablePt(mm: number): number {
  const pt = Math.round(mmToPt(mm) * 1000) / 1000;
  return pt === 0 ? 0 : pt; // no -0 in the content stream
}

function normaliseRotation(angle: number): 0 | 90 | 180 | 270 {
  const r = (((Math.round(angle / 90) * 90) % 360) + 360) % 360;
  return r as 0 | 90 | 180 | 270;
}

async function loadPdf(pdf: Uint8Array): Promise<PDFDocument> {
  try {
    return await (await pdfLib()).PDFDocument.load(pdf, { updateMetadata: false });
  } catch (error) {
    throw printError('INVALID_PDF', { detail: '无法读取文档内容' }, { cause: String(error) });
  }
}

function copyInfo(from: PDFDocument, to: PDFDocument): void {
  const title = from.getTitle();
  if (title) to.setTitle(title);
  const author = from.getAuthor();
  if (author) to.setAuthor(author);
  to.setProducer('bdc-workstation printer calibration');
}
