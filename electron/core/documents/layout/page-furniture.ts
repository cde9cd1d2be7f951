import type { PDFPage } from 'pdf-lib';
import type { DocumentWriter } from './document-writer';
import { RULE_GREY } from './colors';
import { CONTENT, FOOTER_BASELINE, HEADER_BASELINE } from './page-geometry';

export interface Furniture {
  officeName: string;
  title: string;
  documentNumber: string;
  pageNumber: number;
  pageCount: number;
}

const SIZE = 8.5;

/**
 * The running header (the issuing office, and the document's title for a loose page) and footer
 * (the document number, which ties a printed page to its archived PDF, and 第 x 页 共 y 页, so a
 * missing page is noticed), each set off from the content by a hairline.
 */
export function drawPageFurniture(writer: DocumentWriter, page: PDFPage, f: Furniture): void {
  const lineHeight = writer.metrics.lineHeight(SIZE);
  const headerTop = HEADER_BASELINE - lineHeight;
  writer.textLine(f.officeName, { page, x: CONTENT.left, top: headerTop, size: SIZE, color: RULE_GREY });
  writer.textLine(f.title, { page, x: CONTENT.left, top: headerTop, width: CONTENT.width, size: SIZE, align: 'right', color: RULE_GREY });
  writer.line(CONTENT.left, HEADER_BASELINE + 2, CONTENT.right, HEADER_BASELINE + 2, 0.4, RULE_GREY, page);

  const footerTop = FOOTER_BASELINE - lineHeight;
  writer.line(CONTENT.left, footerTop - 3, CONTENT.right, footerTop - 3, 0.4, RULE_GREY, page);
  writer.textLine(`文书编号：${f.documentNumber}`, { page, x: CONTENT.left, top: footerTop, size: SIZE, color: RULE_GREY });
  writer.textLine(`第 ${f.pageNumber} 页 共 ${f.pageCount} 页`, {
    page,
    x: CONTENT.left,
    top: footerTop,
    width: CONTENT.width,
    size: SIZE,
    align: 'right',
    color: RULE_GREY,
  });
}
