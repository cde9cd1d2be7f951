import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { PAGE, SEAL_BOX } from '../layout/certificate-geometry';
import type { OfficeSeal } from './office-seal';

/**
 * Seals the PDF rendition: the seal image where the OFD's StampAnnot puts it, and two entries in
 * the document information dictionary so a verifier needs no image decoding: `BdcQrText` (the
 * signed 2D-code text, the same the printed code holds) and `BdcSealCertificate` (base64 DER of
 * the office seal certificate that signed it). The keywords gain the QR text too, for any viewer.
 */
export const INFO_QR_TEXT = 'BdcQrText';
export const INFO_SEAL_CERTIFICATE = 'BdcSealCertificate';
const PT_PER_MM = 72 / 25.4;

export async function sealCertificatePdf(pdf: Uint8Array, o: { qrText: string; seal: OfficeSeal }): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const page = doc.getPage(0);
  const image = await doc.embedPng(o.seal.imagePng);
  page.drawImage(image, {
    x: SEAL_BOX.x * PT_PER_MM,
    y: (PAGE.height - SEAL_BOX.y - SEAL_BOX.h) * PT_PER_MM,
    width: SEAL_BOX.w * PT_PER_MM,
    height: SEAL_BOX.h * PT_PER_MM,
  });
  const info = infoDict(doc);
  info.set(PDFName.of(INFO_QR_TEXT), PDFHexString.fromText(o.qrText));
  info.set(PDFName.of(INFO_SEAL_CERTIFICATE), PDFString.of(Buffer.from(o.seal.certificateDer).toString('base64')));
  doc.setKeywords([...(doc.getKeywords() ?? '').split(' ').filter(Boolean), o.qrText]);
  return doc.save({ useObjectStreams: false });
}

export function infoDict(doc: PDFDocument): PDFDict {
  const ref = doc.context.trailerInfo.Info;
  const dict = ref ? doc.context.lookup(ref) : undefined;
  if (dict instanceof PDFDict) return dict;
  const fresh = doc.context.obj({});
  doc.context.trailerInfo.Info = doc.context.register(fresh);
  return fresh;
}

export function infoText(doc: PDFDocument, key: string): string | null {
  const v = infoDict(doc).get(PDFName.of(key));
  return v instanceof PDFHexString || v instanceof PDFString ? v.decodeText() : null;
}
