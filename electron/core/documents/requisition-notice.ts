import { parseDocumentData, requisitionNoticeSchema, type Material, type RequisitionNoticeData } from './document-data';
import { DOCUMENT_KINDS, documentNumber } from './document-kinds';
import type { DocumentOptions } from './document-options';
import { drawHeading, drawIssuer, drawNotes, header, issuerHeight } from './document-sections';
import { DocumentWriter } from './layout/document-writer';
import { columnsOf, drawTable, type TextCell } from './layout/table';
import { addressees, chineseDate, unitsInBrief } from './text-format';

const KIND = DOCUMENT_KINDS.requisitionNotice;

/**
 * 补正材料通知书: materials are missing or not in the legal form. 《不动产登记暂行条例》第十七条第（三）项
 * requires the office to say so in writing at once and to list everything to be supplied in one
 * go (一次性告知), so the list is the whole point of the document.
 */
export async function renderRequisitionNotice(input: RequisitionNoticeData, options: DocumentOptions = {}): Promise<Uint8Array> {
  const data = parseDocumentData(requisitionNoticeSchema, input, '补正材料通知书');
  const writer = await DocumentWriter.open({
    title: KIND.title,
    documentNumber: documentNumber('requisitionNotice', data.caseNumber, data.documentNumber),
    officeName: data.office.name,
    issuedDate: data.issuedDate,
    subject: data.caseNumber,
    font: options.font,
  });
  const missing = data.materials.filter((m) => m.status === 'missing');

  drawHeading(writer, KIND.title, `编号：${data.caseNumber}`);
  writer.paragraph(`${addressees(data.applicants)}：`);
  writer.paragraph(
    `你（单位）于${chineseDate(data.applicationDate)}申请办理的${data.businessTypeName}（${unitsInBrief(data.units)}），` +
      '经审查，申请材料不齐全或者不符合法定形式。根据《不动产登记暂行条例》第十七条第（三）项的规定，' +
      `现一次性告知需要补正的全部内容如下。请${data.deadline ? `于${chineseDate(data.deadline)}前` : ''}按要求提交全部补正材料，` +
      '材料齐全、符合法定形式后，本机构予以受理。',
    { indent: 2 },
  );
  writer.gap(8);
  drawTable(writer, {
    caption: '需要补正的材料',
    columns: columnsOf(8, 38, 12, 42),
    header: ['序号', '材料名称', '份数', '补正要求'].map(header),
    rows: missing.map(missingRow),
  });
  if (data.deadline) {
    writer.gap(6);
    writer.paragraph(`补正期限：${chineseDate(data.deadline)}前`, { size: 11.5 });
  }
  drawNotes(writer, '说明：', [
    '补正材料时请携带本通知书和申请人的身份证明原件。',
    '逾期未补正或者补正后仍不符合要求的，本机构将退回申请材料，申请人可以重新申请。',
  ], { keepWithNext: issuerHeight(writer) });
  drawIssuer(writer, { office: data.office, issuedDate: data.issuedDate, clerkName: data.clerkName });
  return writer.save();
}

function missingRow(material: Material, i: number): TextCell[] {
  const form = material.form ? `提交${material.form}` : '';
  return [
    { text: String(i + 1), align: 'center' },
    { text: material.name },
    { text: String(material.copies), align: 'center' },
    { text: [form, material.note].filter(Boolean).join('；') },
  ];
}
