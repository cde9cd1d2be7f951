import { amountInCapitals } from '../../contract/validation/chinese-amount';
import { amountInFigures } from './amount-in-figures';
import { parseDocumentData, paymentNoticeSchema, type Fee, type PaymentNoticeData, type Tax } from './document-data';
import { DOCUMENT_KINDS, documentNumber } from './document-kinds';
import type { DocumentOptions } from './document-options';
import { code, drawHeading, drawIssuer, drawNotes, GRID_COLUMNS, header, issuerHeight, label, value } from './document-sections';
import { DocumentWriter } from './layout/document-writer';
import { CONTENT, mmToPt } from './layout/page-geometry';
import { columnsOf, drawTable, type TextCell } from './layout/table';
import { drawQrCode } from './verification-qr';
import { addressees, chineseDate } from './text-format';

const KIND = DOCUMENT_KINDS.paymentNotice;
const QR_SIZE = mmToPt(30);

/** 发改价格规〔2016〕2559号 sets the registration fees (DOMAIN.md §2). */
const FEE_BASIS =
  '收费依据：《国家发展改革委 财政部关于不动产登记收费标准等有关问题的通知》（发改价格规〔2016〕2559号）。';

/**
 * 缴费通知书: addressed to the payer — the party registered as 权利人, for a mortgage the 抵押权人
 * (发改价格规〔2016〕2559号) — with the fees of the case, each with its non-tax revenue item code
 * (非税收入项目编码) so the payment platform books it to the right item, and the total in figures
 * and in capitals (大写), which must agree: the capitals are what a cashier checks against. What the
 * province's non-tax payment platform issues later (缴款码, the payment QR, the deadline) is printed
 * when the data carries it. Taxes are collected by the tax authority, not by this notice: they are
 * listed apart, for information, and never added to the total.
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
  writer.paragraph(`${data.payer?.name ?? addressees(data.applicants)}：`);
  writer.paragraph(
    `你（单位）申请办理的${data.businessTypeName}（受理编号：${data.caseNumber}）应缴纳下列不动产登记费用，合计人民币` +
      `${amountInCapitals(totalFen)}（¥${amountInFigures(totalFen)}）` +
      `${data.payBefore ? `，请于${chineseDate(data.payBefore)}前缴纳` : '，请及时缴纳'}。`,
    { indent: 2 },
  );
  writer.gap(8);
  drawTable(writer, {
    caption: '一、不动产登记费用',
    columns: columnsOf(8, 20, 50, 22),
    header: ['序号', '项目编码', '收费项目', '金额（元）'].map(header),
    rows: [
      ...data.fees.map(feeRow),
      [{ text: '合计（小写）', kind: 'label', span: 3 }, { text: `¥${amountInFigures(totalFen)}`, align: 'right', keepWhole: true }],
      [{ text: '合计（大写）', kind: 'label', span: 2 }, { text: `人民币${amountInCapitals(totalFen)}`, span: 2 }],
    ],
  });
  if (data.pieces && data.pieces.length > 0) {
    writer.gap(8);
    drawTable(writer, {
      caption: `计费件数：共${data.pieces.length}件`,
      columns: columnsOf(8, 62, 12, 18),
      header: ['件', '不动产单元代码', '计费类别', '金额（元）'].map(header),
      rows: data.pieces.map((p, i) => [
        { text: String(i + 1), align: 'center' },
        { text: p.unitCodes.join('、') },
        { text: p.feeClass, align: 'center' },
        { text: amountInFigures(p.amountFen), align: 'right', keepWhole: true },
      ]),
    });
  }
  writer.gap(8);
  await drawPaymentDetails(writer, data);
  if (data.taxes && data.taxes.length > 0) {
    writer.gap(8);
    drawTable(writer, {
      caption: '三、相关税款（由税务机关征收，不在本通知书缴纳，不计入上述合计）',
      columns: columnsOf(8, 52, 22, 18),
      header: ['序号', '税种', '税额（元）', '完税情况'].map(header),
      rows: data.taxes.map(taxRow),
    });
  }
  drawNotes(writer, '说明：', [
    FEE_BASIS,
    ...(data.paymentNote ? [`缴费方式：${data.paymentNote}`] : []),
    '缴费后请保留缴款凭证（非税收入电子票据），登记机构收到缴款信息后继续办理。',
  ], { keepWithNext: issuerHeight(writer) });
  drawIssuer(writer, { office: data.office, issuedDate: data.issuedDate, clerkName: data.clerkName });
  return writer.save();
}

/**
 * 二、缴费信息: the payer, the deadline and the 缴款码 at the left; the platform's payment QR at the
 * right, with a quiet zone around it. Items not issued yet read 待缴费平台生成, so the clerk sees
 * that the platform has not answered rather than a blank.
 */
async function drawPaymentDetails(writer: DocumentWriter, data: PaymentNoticeData): Promise<void> {
  const pending = '待缴费平台生成';
  const rows = [
    [label('缴费人'), value(data.payer?.name ?? addressees(data.applicants))],
    [label('缴款码'), data.paymentCode ? code(data.paymentCode) : value(pending)],
    [label('缴费期限'), value(data.payBefore ? `${chineseDate(data.payBefore)}前` : pending)],
  ];
  const qr = data.paymentQrText;
  const tableWidth = qr ? CONTENT.width - QR_SIZE - 24 : CONTENT.width;
  const columns = [GRID_COLUMNS[0], tableWidth - GRID_COLUMNS[0]];
  const captionHeight = writer.metrics.lineHeight(11.5) + 2;
  const height = Math.max(rows.length * 22, qr ? QR_SIZE + 14 : 0);
  writer.ensureSpace(captionHeight + height);
  const top = writer.y + captionHeight;
  drawTable(writer, { caption: '二、缴费信息', columns, rows });
  if (qr) {
    await drawQrCode(writer, qr, { x: CONTENT.right - QR_SIZE, top, width: QR_SIZE, height: QR_SIZE });
    writer.textLine('扫码缴费', { x: CONTENT.right - QR_SIZE, top: top + QR_SIZE, width: QR_SIZE, size: 8.5, align: 'center' });
    writer.y = Math.max(writer.y, top + QR_SIZE + 14);
  }
}

function feeRow(fee: Fee, i: number): TextCell[] {
  return [
    { text: String(i + 1), align: 'center' },
    { text: fee.code, align: 'center', keepWhole: true },
    { text: fee.name },
    { text: amountInFigures(fee.amountFen), align: 'right', keepWhole: true },
  ];
}

function taxRow(tax: Tax, i: number): TextCell[] {
  return [
    { text: String(i + 1), align: 'center' },
    { text: tax.name },
    { text: amountInFigures(tax.amountFen), align: 'right', keepWhole: true },
    { text: tax.paid === undefined ? '' : tax.paid ? '已完税' : '未完税', align: 'center' },
  ];
}
