import { parseDocumentData, refusalNoticeSchema, type RefusalNoticeData } from './document-data';
import { DOCUMENT_KINDS, documentNumber } from './document-kinds';
import type { DocumentOptions } from './document-options';
import { drawHeading, drawIssuer, issuerHeight } from './document-sections';
import { DocumentWriter } from './layout/document-writer';
import { drawGrounds } from './notice-grounds';
import { defaultAppealNote } from './remedies';
import { addressees, chineseDate, unitsInBrief } from './text-format';

const KIND = DOCUMENT_KINDS.refusalNotice;

/**
 * 不予登记告知书: after acceptance the review found that the registration must be refused
 * (《不动产登记暂行条例》第二十二条: against a law or administrative regulation; an unresolved dispute
 * over the right; the right applied for exceeds its prescribed term; other cases laws or regulations
 * name). Every ground that applies is printed at once (一次性告知) with its article, then the facts
 * the review found, the return of the materials, and the remedies (行政复议 60 days, 行政诉讼 6 months).
 */
export async function renderRefusalNotice(input: RefusalNoticeData, options: DocumentOptions = {}): Promise<Uint8Array> {
  const data = parseDocumentData(refusalNoticeSchema, input, '不予登记告知书');
  const writer = await DocumentWriter.open({
    title: KIND.title,
    documentNumber: documentNumber('refusalNotice', data.caseNumber, data.documentNumber),
    officeName: data.office.name,
    issuedDate: data.issuedDate,
    subject: data.caseNumber,
    font: options.font,
  });

  drawHeading(writer, KIND.title, `编号：${data.caseNumber}`);
  writer.paragraph(`${addressees(data.applicants)}：`);
  writer.paragraph(
    `你（单位）于${chineseDate(data.applicationDate)}申请办理的${data.businessTypeName}（${unitsInBrief(data.units)}，` +
      `受理编号：${data.caseNumber}），经审查，存在下列情形，根据《不动产登记暂行条例》第二十二条的规定，本机构决定不予登记。` +
      '现将不予登记的全部理由一次性告知如下：',
    { indent: 2 },
  );
  writer.gap(8);
  drawGrounds(writer, { heading: '不予登记的情形', grounds: data.grounds });
  writer.gap(8);
  if (data.facts) {
    writer.paragraph(`经审查查明：${data.facts}`, { indent: 2 });
  }
  writer.paragraph('申请人可凭本告知书和受理凭证领回申请材料。', { indent: 2 });
  const appeal = data.appealNote ?? defaultAppealNote('告知书');
  writer.ensureSpace(writer.paragraphHeight(appeal, { indent: 2 }) + issuerHeight(writer));
  writer.paragraph(appeal, { indent: 2 });
  drawIssuer(writer, { office: data.office, issuedDate: data.issuedDate, clerkName: data.clerkName });
  return writer.save();
}
