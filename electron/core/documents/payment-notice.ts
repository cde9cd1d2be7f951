import { amountInCapitals } from '../../contract/validation/chinese-amount';
import { amountInFigures } from './amount-in-figures';
import { parseDocumentData, paymentNoticeSchema, type Fee, type PaymentNoticeData } from './document-data';
import { DOCUMENT_KINDS, documentNumber } from './document-kinds';
import type { DocumentOptions } from './document-options';
import { drawHeading, drawIssuer, drawNotes, header, issuerHeight } from './document-sections';
import { DocumentWriter } from './layout/document-writer';
import { columnsOf, drawTable, type TextCell } from './layout/table';
import { addressees, chineseDate } from './text-format';

const KIND = DOCUMENT_KINDS.paymentNotice;

/** 发改价格规〔2016〕2559号 sets the registration fees (DOMAIN.md §2). */
const FEE_BASIS =
  '收费依据：《国家发展改革委 财政部关于不动产登记收费标准等有关问题的通知》（发改价格规〔2016〕2559号）。';

/**
 * 缴费通知书: the fees of a case, each with its non-tax revenue item code (非税收入项目编码) so the
 * payment platform books it to the right item, and the total in figures and in capitals (大写),
 * which must agree: the capitals are what a cashier checks against.
 */
export async function renderPaymentNotice(input: PaymentNoticeData, options: DocumentOptions = {}): Promise<Uint8Array> {
  const data = parseDocumentData(paymentNoticeSchema, input, '缴费通知书');
  const writer = await DocumentWriter.open({
    title: KIND.title,
    documentNumber: documentNumber('paymentNotice', data.caseNumber, data.documentNumber),
    officeName: data.office.name,
    issuedDate: data.issuedDate,
    subject: data.caseNumber,
    font: options.font,
  });
  const totalFen = data.fees.reduce((sum, fee) => sum + fee.amountFen, 0);

  drawHeading(writer, KIND.title, `受理编号：${data.caseNumber}`);
  writer.paragraph(`${addressees(data.applicants)}：`);
  writer.paragraph(
    `你（单位）申请办理的${data.businessTypeName}（受理编号：${data.caseNumber}）应缴纳下列费用，合计人民币` +
      `${amountInCapitals(totalFen)}（¥${amountInFigures(totalFen)}）` +
      `${data.payBefore ? `，请于${chineseDate(data.payBefore)}前缴纳` : '，请及时缴纳'}。`,
    { indent: 2 },
  );
  writer.gap(8);
  drawTable(writer, {
    columns: columnsOf(8, 20, 50, 22),
    header: ['序号', '项目编码', '收费项目', '金额（元）'].map(header),
    rows: [
      ...data.fees.map(feeRow),
      [{ text: '合计（小写）', kind: 'label', span: 3 }, { text: `¥${amountInFigures(totalFen)}`, align: 'right', keepWhole: true }],
      [{ text: '合计（大写）', kind: 'label', span: 2 }, { text: `人民币${amountInCapitals(totalFen)}`, span: 2 }],
    ],
  });
  drawNotes(writer, '说明：', [
    FEE_BASIS,
    ...(data.paymentNote ? [`缴费方式：${data.paymentNote}`] : []),
    '缴费后请保留缴款凭证（非税收入电子票据），登记机构收到缴款信息后继续办理。',
  ], { keepWithNext: issuerHeight(writer) });
  drawIssuer(writer, { office: data.office, issuedDate: data.issuedDate, clerkName: data.clerkName });
  return writer.save();
}

function feeRow(fee: Fee, i: number): TextCell[] {
  return [
    { text: String(i + 1), align: 'center' },
    { text: fee.code, align: 'center', keepWhole: true },
    { text: fee.name },
    { text: amountInFigures(fee.amountFen), align: 'right', keepWhole: true },
  ];
}
