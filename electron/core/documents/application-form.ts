import { applicationFormSchema, parseDocumentData, type Applicant, type ApplicationFormData, type Unit } from './document-data';
import { DOCUMENT_KINDS, documentNumber } from './document-kinds';
import type { DocumentOptions } from './document-options';
import { drawHeading, GRID_COLUMNS, header, label, value } from './document-sections';
import { DocumentWriter } from './layout/document-writer';
import { columnsOf, drawTable, type Cell, type TextCell } from './layout/table';
import { drawSignature } from './signature-field';
import { chineseDate, unitArea } from './text-format';

const KIND = DOCUMENT_KINDS.applicationForm;
/** Tall enough for a signature written at natural size (about 16 mm). */
const SIGNATURE_ROW_HEIGHT = 46;

/**
 * 不动产登记申请书: what the applicants ask for, who they are and which units, their declaration,
 * and each applicant's signature as captured on the pad (vector paths; an empty box with a signing
 * line for one who signs on paper).
 */
export async function renderApplicationForm(input: ApplicationFormData, options: DocumentOptions = {}): Promise<Uint8Array> {
  const data = parseDocumentData(applicationFormSchema, input, '申请书');
  const writer = await DocumentWriter.open({
    title: KIND.title,
    documentNumber: documentNumber('applicationForm', data.caseNumber, data.documentNumber),
    officeName: data.office.name,
    issuedDate: data.issuedDate,
    subject: data.caseNumber,
    font: options.font,
  });

  drawHeading(writer, KIND.title, `受理编号：${data.caseNumber}`);
  drawTable(writer, {
    columns: GRID_COLUMNS,
    rows: [
      [label('登记机构'), value(data.office.name, 3)],
      [label('申请登记事项'), value(data.businessTypeName, 3)],
      [label('申请登记原因'), value(data.reason ?? '', 3)],
      [label('收件人'), value(data.clerkName), label('收件日期'), value(chineseDate(data.issuedDate))],
    ],
  });
  writer.gap(10);
  drawTable(writer, {
    caption: '一、申请人情况',
    columns: columnsOf(9, 22, 14, 24, 17, 14),
    header: ['类别', '姓名或名称', '证件种类', '证件号码', '联系电话', '共有情况'].map(header),
    rows: data.applicants.map(applicantRow),
  });
  writer.gap(10);
  drawTable(writer, {
    caption: '二、不动产情况',
    columns: columnsOf(6, 34, 37, 11, 12),
    header: ['序号', '不动产单元号', '坐落', '用途', '面积（㎡）'].map(header),
    rows: data.units.map(unitRow),
  });
  if (data.remarks) {
    writer.gap(10);
    drawTable(writer, { columns: GRID_COLUMNS, rows: [[label('备注'), value(data.remarks, 3)]] });
  }
  writer.gap(10);
  const declaration =
    '本申请人对填写的上述内容及提交的申请材料的真实性负责。如有不实，申请人愿意承担相应的法律责任。' +
    '申请人同意登记机构为办理本次登记查验、使用所提交的材料和个人信息。';
  writer.ensureSpace(writer.paragraphHeight(declaration, { indent: 2 }) + 30 + SIGNATURE_ROW_HEIGHT);
  writer.paragraph('三、申请人声明', { size: 11.5 });
  writer.paragraph(declaration, { indent: 2 });
  writer.gap(6);
  drawTable(writer, {
    caption: '四、申请人签字（盖章）',
    columns: columnsOf(22, 48, 10, 20),
    rows: data.applicants.map((applicant) => signatureRow(applicant, data.issuedDate)),
  });
  return writer.save();
}

function applicantRow(applicant: Applicant): TextCell[] {
  return [
    { text: applicant.role, align: 'center' },
    { text: applicant.name },
    { text: applicant.idType, align: 'center' },
    { text: applicant.idNumber, keepWhole: true },
    { text: applicant.phone ?? '', keepWhole: true },
    { text: applicant.share ?? '', align: 'center' },
  ];
}

function unitRow(unit: Unit, i: number): TextCell[] {
  return [
    { text: String(i + 1), align: 'center' },
    { text: unit.unitCode, keepWhole: true },
    { text: unit.address },
    { text: unit.use, align: 'center' },
    { text: unitArea(unit).value, align: 'right' },
  ];
}

/** Who signs, the signature box, and the date (left for the hand when signing on paper). */
function signatureRow(applicant: Applicant, issuedDate: string): Cell[] {
  const signed = applicant.signature !== undefined && applicant.signature.strokes.some((s) => s.length > 0);
  return [
    { text: `${applicant.role}\n${applicant.name}`, kind: 'label' },
    { height: SIGNATURE_ROW_HEIGHT, draw: (writer, box) => drawSignature(writer, box, applicant.signature) },
    { text: '日期', kind: 'label' },
    // Unsigned: the year, month and day are written by hand in the blanks before 年, 月 and 日.
    signed ? { text: chineseDate(issuedDate), align: 'center' } : { text: '年　　月　　日', align: 'right' },
  ];
}
