import { acceptanceReceiptSchema, parseDocumentData, type AcceptanceReceiptData, type Material } from './document-data';
import { DOCUMENT_KINDS, documentNumber } from './document-kinds';
import type { SignedDocumentOptions } from './document-options';
import { code, drawHeading, drawIssuer, GRID_COLUMNS, header, issuerHeight, label, unitGridRows, value } from './document-sections';
import { DocumentWriter } from './layout/document-writer';
import { CONTENT, mmToPt } from './layout/page-geometry';
import { columnsOf, drawTable, type TextCell } from './layout/table';
import { receiptFactsDigest } from './receipt-facts';
import { amountInCapitals } from '../../contract/validation/chinese-amount';
import { amountInFigures } from './amount-in-figures';
import { addressees, chineseDate, collectionText, maskedIdNumber, unitsInBrief } from './text-format';
import { signVerificationCode } from './verification-code';
import { drawQrCode } from './verification-qr';

const KIND = DOCUMENT_KINDS.acceptanceReceipt;
// 27 mm: a version-10 code at ~0.47 mm a module, read by phones and counter scanners alike, and
// small enough that a receipt with three applicants and five materials stays on one page.
const QR_SIZE = mmToPt(27);
/** A little tighter than other documents' rows, for the same reason. */
const ROW_HEIGHT = 19;

/**
 * 受理凭证: given to the applicants when a case is accepted. It states the case number, what was
 * received and the promised completion date, and carries a verification QR code signed by the
 * office (verification-code.ts), so the receipt can be checked at collection or by a third party.
 */
export async function renderAcceptanceReceipt(input: AcceptanceReceiptData, options: SignedDocumentOptions): Promise<Uint8Array> {
  const parsed = parseDocumentData(acceptanceReceiptSchema, input, '受理凭证');
  // Masked before anything else sees it: the page and the QR code's facts digest alike.
  const data: AcceptanceReceiptData = { ...parsed, applicants: parsed.applicants.map((a) => ({ ...a, idNumber: maskedIdNumber(a) })) };
  const verificationCode = signVerificationCode(
    {
      kind: KIND.code,
      officeCode: data.office.code,
      caseNumber: data.caseNumber,
      issuedDate: data.issuedDate,
      dueDate: data.promisedDate,
      factsDigest: receiptFactsDigest(data),
    },
    options.signingKey,
  );
  const writer = await DocumentWriter.open({
    title: KIND.title,
    documentNumber: documentNumber('acceptanceReceipt', data.caseNumber, data.documentNumber),
    officeName: data.office.name,
    issuedDate: data.issuedDate,
    subject: data.caseNumber,
    font: options.font,
  });

  // A reprint says so under its title, where the eye looks first, and voids the first receipt.
  const reprintNote = data.reprint ? '取得统一受理编号后补打，原凭证作废　' : '';
  drawHeading(writer, data.reprint ? `${KIND.title}（补打）` : KIND.title, `${reprintNote}受理编号：${data.caseNumber}`);
  writer.paragraph(`${addressees(data.applicants)}：`);
  writer.paragraph(
    // A reprint carries more rows (统一受理编号, a postal address): its letter leaves the units to the
      // table below so the sheet, QR code included, stays on one page.
      `你（单位）于${chineseDate(data.issuedDate)}申请办理的${data.businessTypeName}${data.reprint ? '' : `（${unitsInBrief(data.units)}）`}，` +
      '申请材料齐全、符合法定形式。根据《不动产登记暂行条例》第十七条第（一）项的规定，本机构决定予以受理，' +
      `并承诺于${chineseDate(data.promisedDate)}前办结。`,
    { indent: 2 },
  );
  writer.gap(8);
  drawTable(writer, {
    columns: GRID_COLUMNS,
    minRowHeight: ROW_HEIGHT,
    rows: [
      data.unifiedNumber
        ? [label('受理编号'), code(data.caseNumber), label('统一受理编号'), code(data.unifiedNumber)]
        : [label('受理编号'), code(data.caseNumber, 3)],
      [label('登记类型'), value(data.businessTypeName), label('受理人'), value(data.clerkName)],
      ...unitGridRows(data.units),
      [label('受理日期'), value(chineseDate(data.issuedDate)), label('承诺办结日期'), value(chineseDate(data.promisedDate))],
      ...feeAndCollectionRow(data),
    ],
  });
  writer.gap(6);
  drawTable(writer, {
    caption: '申请人',
    minRowHeight: ROW_HEIGHT,
    columns: columnsOf(8, 12, 36, 18, 26),
    header: [header('序号'), header('类别'), header('姓名或名称'), header('证件种类'), header('证件号码')],
    rows: data.applicants.map((a, i) => [
      { text: String(i + 1), align: 'center' },
      { text: a.role, align: 'center' },
      { text: a.name },
      { text: a.idType, align: 'center' },
      { text: a.idNumber, keepWhole: true },
    ]),
  });
  writer.gap(6);
  drawTable(writer, {
    caption: '已收取的申请材料',
    minRowHeight: ROW_HEIGHT,
    columns: columnsOf(8, 52, 16, 12, 12),
    header: [header('序号'), header('材料名称'), header('原件/复印件'), header('份数'), header('页数')],
    rows: data.materials.filter((m) => m.status === 'received').map(materialRow),
  });
  writer.gap(6);
  await drawNotesWithCode(writer, data, verificationCode);
  drawIssuer(writer, { office: data.office, issuedDate: data.issuedDate, clerkName: data.clerkName, clerkTitle: '受理人' });
  return writer.save();
}

/** 登记费用合计 and 领证方式 share a row; either may be unknown yet. */
function feeAndCollectionRow(data: AcceptanceReceiptData): TextCell[][] {
  const fee = data.feeTotalFen === undefined ? undefined : `¥${amountInFigures(data.feeTotalFen)}（${amountInCapitals(data.feeTotalFen)}）`;
  const collection = data.collection ? collectionText(data.collection) : undefined;
  // A postal address needs the row's width; a short method shares the row with the fee.
  if (fee && collection && collection.length <= 12) return [[label('登记费用合计'), value(fee), label('领证方式'), value(collection)]];
  if (fee && collection) return [[label('登记费用合计'), value(fee, 3)], [label('领证方式'), value(collection, 3)]];
  if (fee) return [[label('登记费用合计'), value(fee, 3)]];
  if (collection) return [[label('领证方式'), value(collection, 3)]];
  return [];
}

function materialRow(material: Material, i: number): TextCell[] {
  return [
    { text: String(i + 1), align: 'center' },
    { text: material.note ? `${material.name}（${material.note}）` : material.name },
    { text: material.form ?? '', align: 'center' },
    { text: String(material.copies), align: 'center' },
    { text: material.pages === undefined ? '' : String(material.pages), align: 'center' },
  ];
}

/** The notes at the left and the verification code at the right, kept together on one page. */
async function drawNotesWithCode(writer: DocumentWriter, data: AcceptanceReceiptData, verificationCode: string): Promise<void> {
  const size = 9.5;
  const captionSize = 8.5;
  const codeHeight = QR_SIZE + writer.metrics.lineHeight(captionSize);
  const notesWidth = CONTENT.width - QR_SIZE - 24;
  const notes = [
    '请妥善保管本凭证，领取登记结果时请出示本凭证和申请人的身份证明原件。',
    `办理进度可凭受理编号查询${data.officePhone ? `，咨询电话：${data.officePhone}` : ''}。`,
    '承诺办结时限不含依法公告、实地查看和补正材料所需的时间。',
    '右侧二维码载有本机构的电子签名，扫码可核验本凭证的真伪。',
  ];
  const noteOptions = { size, x: CONTENT.left + size, width: notesWidth - size };
  const lines = ['注：', ...notes.map((note, i) => `${i + 1}. ${note}`)];
  const notesHeight =
    writer.paragraphHeight(lines[0], { size, width: notesWidth }) +
    lines.slice(1).reduce((sum, line) => sum + writer.paragraphHeight(line, noteOptions), 0);
  writer.ensureSpace(Math.max(codeHeight, notesHeight) + issuerHeight(writer));
  const top = writer.y;
  await drawQrCode(writer, verificationCode, { x: CONTENT.right - QR_SIZE, top, width: QR_SIZE, height: QR_SIZE });
  writer.textLine('扫码核验', { x: CONTENT.right - QR_SIZE, top: top + QR_SIZE, width: QR_SIZE, size: captionSize, align: 'center' });
  writer.paragraph(lines[0], { size, width: notesWidth });
  for (const line of lines.slice(1)) writer.paragraph(line, noteOptions);
  writer.y = Math.max(writer.y, top + codeHeight);
}
