import type { SignatureCapture } from '../../../native/sigpad/strokes';
import type { CjkFontSource } from '../../../native/printer/cjk-font';
import { sm3Hex } from '../crypto/sm3';
import { DOCUMENT_KINDS, documentNumber } from '../documents/document-kinds';
import { code, drawHeading, drawIssuer, GRID_COLUMNS, header, label, value } from '../documents/document-sections';
import { DocumentWriter } from '../documents/layout/document-writer';
import { CONTENT, mmToPt } from '../documents/layout/page-geometry';
import { columnsOf, drawTable } from '../documents/layout/table';
import { drawSignature } from '../documents/signature-field';
import { signVerificationCode } from '../documents/verification-code';
import { drawQrCode } from '../documents/verification-qr';
import { shanghaiDateTime } from './shanghai-time';

const KIND = DOCUMENT_KINDS.collectionRecord;
const QR_SIZE = mmToPt(27);
const SIGNATURE_HEIGHT = mmToPt(24);

/** What the 领证单 states. Everything personal arrives masked: the sheet is filed and copied. */
export interface CollectionRecordData {
  office: { name: string; code: string };
  caseNumber: string;
  officialNumber: string | null;
  businessTypeName: string;
  holders: string[];
  addresses: string[];
  certificates: Array<{ number: string; formSerial: string | null }>;
  collector: { role: 'holder' | 'agent'; name: string; idNumberMasked: string };
  /** 授权委托书 received (agents). */
  powerOfAttorney: boolean;
  /** ISO instant of the handover. */
  issuedAt: string;
  clerkName: string;
  signature: SignatureCapture | undefined;
}

/** The digest the verification code binds: the sheet's facts as printed. */
function factsDigest(d: CollectionRecordData): string {
  return sm3Hex(JSON.stringify([d.caseNumber, d.certificates, d.collector, d.issuedAt])).slice(0, 32);
}

/**
 * 领证单: the collector's signed acknowledgement that the certificates (with their 印制号) were
 * handed over, kept in the case file. Same furniture and the same office-signed verification code
 * as the counter's other documents, so a copy can be checked.
 */
export async function renderCollectionRecord(d: CollectionRecordData, options: { signingKey: { privateKeyHex: string; publicKeyHex?: string }; font?: CjkFontSource }): Promise<Uint8Array> {
  const when = shanghaiDateTime(d.issuedAt);
  const verification = signVerificationCode(
    { kind: KIND.code, officeCode: d.office.code, caseNumber: d.caseNumber, issuedDate: when.date, dueDate: when.date, factsDigest: factsDigest(d) },
    options.signingKey,
  );
  const writer = await DocumentWriter.open({
    title: KIND.title,
    documentNumber: documentNumber('collectionRecord', d.caseNumber),
    officeName: d.office.name,
    issuedDate: when.date,
    subject: d.caseNumber,
    font: options.font,
  });
  drawHeading(writer, '领证单', `受理编号：${d.caseNumber}`);
  drawTable(writer, {
    columns: GRID_COLUMNS,
    rows: [
      d.officialNumber ? [label('受理编号'), code(d.caseNumber), label('统一受理编号'), code(d.officialNumber)] : [label('受理编号'), code(d.caseNumber, 3)],
      [label('登记类型'), value(d.businessTypeName), label('权利人'), value(d.holders.join('、'))],
      [label('坐落'), value(d.addresses.join('；'), 3)],
      [label('领证时间'), value(when.text), label('经办人'), value(d.clerkName)],
    ],
  });
  writer.gap(6);
  drawTable(writer, {
    caption: '领取的证书（证明）',
    columns: columnsOf(8, 62, 30),
    header: [header('序号'), header('不动产权证书（证明）号'), header('印制号')],
    rows: d.certificates.map((c, i) => [
      { text: String(i + 1), align: 'center' },
      { text: c.number },
      { text: c.formSerial ?? '—', align: 'center' },
    ]),
  });
  writer.gap(6);
  drawTable(writer, {
    caption: '领证人',
    columns: columnsOf(16, 34, 16, 34),
    rows: [
      [label('姓名'), value(d.collector.name), label('身份'), value(d.collector.role === 'holder' ? '权利人本人' : '受托代理人')],
      [label('身份证号'), code(d.collector.idNumberMasked), label('授权委托书'), value(d.collector.role === 'agent' ? (d.powerOfAttorney ? '已提交' : '未提交') : '不适用')],
    ],
  });
  writer.gap(8);
  writer.ensureSpace(Math.max(QR_SIZE, SIGNATURE_HEIGHT) + 40);
  const top = writer.y;
  writer.paragraph('本人已核对并领取上述不动产权证书（证明），证书记载内容无误。', { size: 10.5, width: CONTENT.width - QR_SIZE - 24 });
  writer.textLine('领证人签名：', { x: CONTENT.left, top: writer.y + 4, size: 10.5 });
  drawSignature(writer, { x: CONTENT.left + 70, top: writer.y, width: 170, height: SIGNATURE_HEIGHT }, d.signature);
  await drawQrCode(writer, verification, { x: CONTENT.right - QR_SIZE, top, width: QR_SIZE, height: QR_SIZE });
  writer.textLine('扫码核验', { x: CONTENT.right - QR_SIZE, top: top + QR_SIZE, width: QR_SIZE, size: 8.5, align: 'center' });
  writer.y = Math.max(writer.y + SIGNATURE_HEIGHT, top + QR_SIZE + 14);
  drawIssuer(writer, { office: d.office, issuedDate: when.date, clerkName: d.clerkName, clerkTitle: '发证人' });
  return writer.save();
}
