import { toBuffer } from 'qrcode';
import type { Box, DocumentWriter } from './layout/document-writer';

/**
 * Draws a QR code of `text` into `box` (square). Error correction M (15 %) survives a fold or a
 * stamp's edge over the code; the PNG's own quiet zone is one module, and callers keep the box
 * clear of anything else for the four modules scanners like (ISO/IEC 18004 §6.3.8).
 */
export async function drawQrCode(writer: DocumentWriter, text: string, box: Box): Promise<void> {
  const png = await toBuffer(text, { errorCorrectionLevel: 'M', margin: 1, type: 'png', scale: 4 });
  const image = await writer.embedPng(new Uint8Array(png.buffer, png.byteOffset, png.byteLength));
  writer.image(image, box);
}
