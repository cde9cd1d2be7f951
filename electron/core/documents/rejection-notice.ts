import { parseDocumentData, rejectionNoticeSchema, type RejectionNoticeData } from './document-data';
import { DOCUMENT_KINDS, documentNumber } from './document-kinds';
import type { DocumentOptions } from './document-options';
import { drawHeading, drawIssuer, issuerHeight } from './document-sections';
import { DocumentWriter } from './layout/document-writer';
import { drawGrounds } from './notice-grounds';
import { DEFAULT_APPEAL_NOTE } from './remedies';
import { addressees, chineseDate, unitsInBrief } from './text-format';

const KIND = DOCUMENT_KINDS.rejectionNotice;

/**
 * 不予受理通知书: the office will not accept the application (《不动产登记暂行条例》第十七条: materials
 * incomplete or not in the legal form, 第（三）项; not this office's jurisdiction, 第（四）项), with
 * every reason at once (一次性告知) and the provision it rests on, printed; then the remedies. Grounds
 * chosen from the contract's list come first, then any reason written by the clerk.
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
      '经审查，存在下列情形，根据《不动产登记暂行条例》第十七条的规定，本机构决定不予受理。现将不予受理的全部理由一次性告知如下：',
    { indent: 2 },
  );
  writer.gap(8);
  drawGrounds(writer, { heading: '不予受理的理由', grounds: data.grounds ?? [], reasons: data.reasons });
  writer.gap(8);
  const appeal = data.appealNote ?? DEFAULT_APPEAL_NOTE;
  writer.ensureSpace(writer.paragraphHeight(appeal, { indent: 2 }) + issuerHeight(writer));
  writer.paragraph(appeal, { indent: 2 });
  drawIssuer(writer, { office: data.office, issuedDate: data.issuedDate, clerkName: data.clerkName });
  return writer.save();
}
