import type { PDFImage } from 'pdf-lib';
import type { Applicant } from './document-data';
import { INK, SIGNATURE_INK } from './layout/colors';
import type { Box, DocumentWriter } from './layout/document-writer';
import { columnsOf, drawTable, tableHeight, type Cell, type TableSpec } from './layout/table';
import { drawSignature } from './signature-field';
import { chineseDate } from './text-format';

/** Tall enough for a signature written at natural size (about 16 mm), or a 40 mm seal at 60 %. */
export const SIGNATURE_ROW_HEIGHT = 56;
const NOTE_SIZE = 8;

/** The seal images of a form, embedded once before the rows are laid out (drawing is synchronous). */
export type SealImages = ReadonlyMap<Applicant, PDFImage>;

export async function embedSeals(writer: DocumentWriter, applicants: readonly Applicant[]): Promise<SealImages> {
  const images = new Map<Applicant, PDFImage>();
  for (const applicant of applicants) {
    if (applicant.seal) images.set(applicant, await writer.embedPng(Buffer.from(applicant.seal.imagePngBase64, 'base64')));
  }
  return images;
}

/**
 * 申请人（签章）: one row per applicant with how they signed — pen strokes from the pad; an
 * organisation's electronic seal with who applied it and whether its SM2 signature verified; or,
 * for a principal whose agent signs, 代理人 X 代 with the agent's strokes — and the date, left blank
 * (年　月　日) for the hand when nothing was captured.
 */
export function signatureTable(applicants: readonly Applicant[], issuedDate: string, seals: SealImages): TableSpec {
  return {
    caption: '申请人（代理人）签章',
    columns: columnsOf(24, 50, 8, 18),
    rows: applicants.map((applicant): Cell[] => {
      const seal = seals.get(applicant);
      const signed = seal !== undefined || (applicant.signature?.strokes.some((s) => s.length > 0) ?? false);
      return [
        { text: `${applicant.role}\n${applicant.name}`, kind: 'label' },
        { height: SIGNATURE_ROW_HEIGHT, draw: (writer, box) => drawSigning(writer, box, applicant, seal) },
        { text: '日期', kind: 'label' },
        signed ? { text: chineseDate(issuedDate), align: 'center' } : { text: '年　　月　　日', align: 'right' },
      ];
    }),
  };
}

function drawSigning(writer: DocumentWriter, box: Box, applicant: Applicant, seal: PDFImage | undefined): void {
  const noteLine = writer.metrics.lineHeight(NOTE_SIZE);
  // The seal caption is set one point larger than the notes: its two lines step by that size.
  const captionLine = writer.metrics.lineHeight(NOTE_SIZE + 1);
  if (seal && applicant.seal) {
    const size = box.height - 6;
    const scale = Math.min(size / seal.width, size / seal.height);
    const width = seal.width * scale;
    writer.image(seal, { x: box.x + 6, top: box.top + 3, width, height: seal.height * scale });
    const status = applicant.seal.verified ? '电子签章已验证' : '电子签章未通过验证';
    const x = box.x + 12 + width;
    writer.textLine(status, { x, top: box.top + box.height / 2 - captionLine, size: NOTE_SIZE + 1, color: applicant.seal.verified ? SIGNATURE_INK : INK });
    writer.textLine(`签章人：${applicant.seal.signerName}`, { x, top: box.top + box.height / 2, size: NOTE_SIZE + 1 });
    return;
  }
  if (!applicant.signedByAgent) {
    drawSignature(writer, box, applicant.signature);
    return;
  }
  // The agent's strokes to the right of 代理人 X 代, so the two never overlap.
  const note = `代理人 ${applicant.signedByAgent} 代`;
  const noteWidth = writer.metrics.width(note, NOTE_SIZE + 1) + 8;
  writer.textLine(note, { x: box.x + 4, top: box.top + box.height / 2 - noteLine / 2, size: NOTE_SIZE + 1 });
  drawSignature(writer, { ...box, x: box.x + noteWidth, width: box.width - noteWidth }, applicant.signature);
}

/**
 * 不动产登记审批情况（申请人请勿填写）: the 初审, 复审 and 核定 blocks of the 申请审批表, left empty
 * for the review stage (or its printout) to fill, each with its signer and date line.
 */
export function drawApprovalBlocks(writer: DocumentWriter): void {
  const block = (signer: string): Cell => ({
    height: 50,
    draw: (w, box) => {
      const top = box.top + box.height - w.metrics.lineHeight(9.5) - 4;
      w.textLine(`${signer}　　　　　　　　年　　月　　日`, { x: box.x, top, width: box.width - 8, size: 9.5, align: 'right' });
    },
  });
  const spec: TableSpec = {
    caption: '不动产登记审批情况（申请人请勿填写）',
    columns: columnsOf(16, 84),
    rows: [
      [{ text: '初审意见', kind: 'label' }, block('审查人（签章）：')],
      [{ text: '复审意见', kind: 'label' }, block('审查人（签章）：')],
      [{ text: '核定意见', kind: 'label' }, block('负责人（签章）：　　　　（登记机构公章）')],
    ],
  };
  writer.ensureSpace(tableHeight(writer, spec));
  drawTable(writer, spec);
}
