import { parseDocumentData, rejectionNoticeSchema, type Reason, type RejectionNoticeData } from './document-data';
import { DOCUMENT_KINDS, documentNumber } from './document-kinds';
import type { DocumentOptions } from './document-options';
import { drawHeading, drawIssuer, header, issuerHeight } from './document-sections';
import { DocumentWriter } from './layout/document-writer';
import { columnsOf, drawTable, type TextCell } from './layout/table';
import { addressees, chineseDate, unitsInBrief } from './text-format';

const KIND = DOCUMENT_KINDS.rejectionNotice;

/**
 * An administrative decision must tell the applicant how to challenge it: 行政复议 within sixty
 * days (行政复议法) or a lawsuit within six months (行政诉讼法第四十六条). Offices name their own
 * review body and court through `appealNote`.
 */
const DEFAULT_APPEAL_NOTE =
  '如对本决定不服，可以自收到本通知书之日起六十日内依法申请行政复议，或者自收到本通知书之日起六个月内依法向人民法院提起行政诉讼。';

/**
 * 不予受理通知书: the office will not accept the application, with every reason and the provision it
 * rests on, and the remedies.
 */
export async function renderRejectionNotice(input: RejectionNoticeData, options: DocumentOptions = {}): Promise<Uint8Array> {
  const data = parseDocumentData(rejectionNoticeSchema, input, '不予受理通知书');
  const writer = await DocumentWriter.open({
    title: KIND.title,
    documentNumber: documentNumber('rejectionNotice', data.caseNumber, data.documentNumber),
    officeName: data.office.name,
    issuedDate: data.issuedDate,
    subject: data.caseNumber,
    font: options.font,
  });

  drawHeading(writer, KIND.title, `编号：${data.caseNumber}`);
  writer.paragraph(`${addressees(data.applicants)}：`);
  writer.paragraph(
    `你（单位）于${chineseDate(data.applicationDate)}申请办理的${data.businessTypeName}（${unitsInBrief(data.units)}），` +
      '经审查，存在下列情形，本机构决定不予受理：',
    { indent: 2 },
  );
  writer.gap(8);
  drawTable(writer, {
    columns: columnsOf(8, 62, 30),
    header: ['序号', '不予受理的理由', '依据'].map(header),
    rows: [...(data.grounds ?? []).map((g) => ({ text: g.text, basis: g.article })), ...(data.reasons ?? [])].map(reasonRow),
  });
  writer.gap(8);
  const appeal = data.appealNote ?? DEFAULT_APPEAL_NOTE;
  writer.ensureSpace(writer.paragraphHeight(appeal, { indent: 2 }) + issuerHeight(writer));
  writer.paragraph(appeal, { indent: 2 });
  drawIssuer(writer, { office: data.office, issuedDate: data.issuedDate, clerkName: data.clerkName });
  return writer.save();
}

function reasonRow(reason: Reason, i: number): TextCell[] {
  return [{ text: String(i + 1), align: 'center' }, { text: reason.text }, { text: reason.basis ?? '' }];
}
