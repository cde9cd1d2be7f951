import { toBuffer } from 'qrcode';

/**
 * The 2D code both renditions carry, as one PNG (so the OFD and the PDF show the same modules).
 * Error correction M (15 %) survives the seal's edge over a corner, as on the receipts
 * (documents/verification-qr.ts); a one-module margin inside the image, the rest of the quiet
 * zone is the clear space kept around QR_BOX.
 */
export async function certificateQrPng(text: string): Promise<Uint8Array> {
  const png = await toBuffer(text, { errorCorrectionLevel: 'M', margin: 1, type: 'png', scale: 6 });
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}
