import { createHash } from 'node:crypto';
import { PDFDocument, rgb, type PDFFont, type PDFImage, type PDFPage } from 'pdf-lib';
import { embedDocumentFont } from '../../documents/fonts/document-font';
import type { CertificateFacts } from '../certificate-facts';
import { certificateFont } from './certificate-font';
import { certificateTitle } from './certificate-metadata';
import { certificatePages } from './certificate-page';
import { certificateQrPng } from './certificate-qr';
import type { PageDrawing } from './drawing';
import { CREATOR, CREATOR_VERSION, type RenderOptions } from './render-certificate-ofd';

const POINTS_PER_MM = 72 / 25.4;

/**
 * The PDF rendition of the e-certificate for screens and printing: the same pages as the OFD
 * (certificate-page.ts), the same face subset-embedded (documents' embedDocumentFont), the same
 * 2D code image, every run at the same baseline and size. The signature is the seal's business
 * (cert-seal's signed 2D code); this is the unsigned drawing.
 */
export async function renderCertificatePdf(facts: CertificateFacts, o: RenderOptions): Promise<Uint8Array> {
  const font = await certificateFont(o.font);
  const qrPng = await certificateQrPng(o.qrText);
  const pages = certificatePages({ facts, font, identifier: o.identifier, qrPng });
  const doc = await PDFDocument.create({ updateMetadata: false });
  const tag = subsetTag(o.identifier);
  const embedded = await embedDocumentFont(doc, tag, o.font);
  const images = new Map<Uint8Array, PDFImage>();
  for (const drawing of pages) {
    const page = doc.addPage([drawing.widthMm * POINTS_PER_MM, drawing.heightMm * POINTS_PER_MM]);
    await drawPage(page, drawing, embedded.pdf, images, doc);
  }
  // Fixed dates (the 登簿 time), so the same facts give the same bytes.
  const registered = new Date(facts.registeredAt);
  doc.setTitle(certificateTitle(facts), { showInWindowTitleBar: true });
  doc.setAuthor(facts.office.name);
  doc.setSubject(o.identifier);
  doc.setKeywords([facts.number, o.identifier]);
  doc.setCreator(CREATOR);
  doc.setProducer(`${CREATOR} ${CREATOR_VERSION}`);
  doc.setLanguage('zh-CN');
  doc.setCreationDate(registered);
  doc.setModificationDate(registered);
  return doc.save({ useObjectStreams: false });
}

async function drawPage(page: PDFPage, drawing: PageDrawing, pdfFont: PDFFont, images: Map<Uint8Array, PDFImage>, doc: PDFDocument): Promise<void> {
  const k = POINTS_PER_MM;
  const height = drawing.heightMm * k;
  const black = rgb(0, 0, 0);
  for (const item of drawing.items) {
    if (item.kind === 'text') {
      page.drawText(item.text, { x: item.x * k, y: height - item.baseline * k, size: item.size * k, font: pdfFont, color: black });
    } else if (item.kind === 'line') {
      page.drawLine({ start: { x: item.x1 * k, y: height - item.y1 * k }, end: { x: item.x2 * k, y: height - item.y2 * k }, thickness: item.lineWidth * k, color: black });
    } else if (item.kind === 'rect') {
      page.drawRectangle({ x: item.x * k, y: height - (item.y + item.h) * k, width: item.w * k, height: item.h * k, borderWidth: item.lineWidth * k, borderColor: black });
    } else {
      let image = images.get(item.png);
      if (!image) {
        image = await doc.embedPng(item.png);
        images.set(item.png, image);
      }
      page.drawImage(image, { x: item.x * k, y: height - (item.y + item.h) * k, width: item.w * k, height: item.h * k });
    }
  }
}

/** Six capital letters from the identifier: the PDF subset tag (ISO 32000-1 §9.6.4), stable per certificate. */
function subsetTag(identifier: string): string {
  const digest = createHash('sha256').update(identifier).digest();
  return Array.from(digest.subarray(0, 6), (b) => String.fromCharCode(65 + (b % 26))).join('');
}
