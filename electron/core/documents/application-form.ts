import { amountInCapitals } from '../../contract/validation/chinese-amount';
import { amountInFigures } from './amount-in-figures';
import {
  APPLICATION_CHANNELS,
  applicationFormSchema,
  CERTIFICATE_LAYOUTS,
  COLLECTION_METHODS,
  parseDocumentData,
  type Applicant,
  type ApplicationFormData,
  type AreaUnit,
  type Mortgage,
  type Unit,
} from './document-data';
import { DOCUMENT_KINDS, documentNumber } from './document-kinds';
import type { DocumentOptions } from './document-options';
import { code, drawHeading, GRID_COLUMNS, label, value } from './document-sections';
import { drawApprovalBlocks, embedSeals, SIGNATURE_ROW_HEIGHT, signatureTable } from './application-signatures';
import { areaUnitMarks, choiceMarks, registrationTypeMarks, rightTypeMarks, yesNoMarks } from './form-choices';
import { DocumentWriter } from './layout/document-writer';
import { columnsOf, drawTable, tableHeight, type TableSpec, type TextCell } from './layout/table';
import { CONTENT } from './layout/page-geometry';
import { chineseDate, unitArea, unitUse } from './text-format';

const KIND = DOCUMENT_KINDS.applicationForm;

/** Six columns for an applicant's or a unit's block: label, value, label, value, label, value. */
const SIX_COLUMNS = columnsOf(15, 22, 11, 16, 10, 26);

/** The applicants' declaration as the 申请审批表 prints it, with the consent to use personal data. */
export const DECLARATION =
  '本申请人对填写的上述内容及提交的申请材料的真实性负责。如有不实，申请人愿承担法律责任。' +
  '申请人同意登记机构为办理本次登记查验、使用所提交的材料和个人信息。';

/**
 * 不动产登记申请书 in the layout of the official 不动产登记申请审批表 (国土资发〔2015〕25号 附件5
 * 《不动产登记申请审批表》样式及使用填写说明, whose rows 《不动产登记规程》TD/T 1095-2024 keeps): 收件
 * block and units line; 申请登记事由 with 权利类型 and 登记类型 ticked; per applicant 姓名（名称）,
 * 证件种类, 证件号, 通讯地址, 邮编, 法定代表人或负责人, 联系电话, 代理人 and 代理机构; 不动产情况 per
 * unit (坐落, 不动产单元号, 不动产类型, 面积 with its unit, 规划用途, 原不动产权证书号); 抵押情况 and
 * 地役权情况 when the case has them; 登记原因及证明; 申请证书版式, 申请分别持证; then what the form
 * predates and offices now record (领证方式, 申请渠道); the declaration, each applicant's signature
 * or seal, and the office's empty 初审/复审/核定 blocks. Pages are added as the content needs.
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
  const seals = await embedSeals(writer, data.applicants);

  drawHeading(writer, KIND.title, `受理编号：${data.caseNumber}`);
  const areaUnits = new Set<AreaUnit>(data.units.map((u) => (u.area?.unit ?? '平方米') as AreaUnit));
  drawTable(writer, {
    columns: GRID_COLUMNS,
    rows: [
      [label('收件编号'), code(data.caseNumber), label('收件日期'), value(chineseDate(data.issuedDate))],
      [label('收件人'), value(data.clerkName), label('单位'), value(areaUnitMarks(areaUnits))],
      [label('登记机构'), value(data.office.name, 3)],
      [label('申请登记事项'), value(data.businessTypeName, 3)],
      [label('权利类型'), value(rightTypeMarks(data.rightType), 3)],
      [label('登记类型'), value(registrationTypeMarks(data.registrationType), 3)],
    ],
  });
  data.applicants.forEach((applicant, i) => {
    writer.gap(i === 0 ? 8 : 4);
    drawBlock(writer, {
      caption: i === 0 ? '申请人情况' : undefined,
      columns: SIX_COLUMNS,
      rows: applicantRows(applicant),
    });
  });
  writer.gap(8);
  data.units.forEach((unit, i) => {
    if (i > 0) writer.gap(4);
    drawBlock(writer, {
      caption: i === 0 ? '不动产情况' : undefined,
      columns: SIX_COLUMNS,
      rows: unitRows(unit, data.units.length > 1 ? `（${i + 1}）` : ''),
    });
  });
  if (data.mortgage) {
    writer.gap(8);
    drawTable(writer, {
      caption: `抵押情况（${data.mortgage.maximum ? '最高额抵押' : '一般抵押'}）`,
      columns: GRID_COLUMNS,
      rows: mortgageRows(data.mortgage),
    });
  }
  if (data.dominantLand) {
    writer.gap(8);
    drawTable(writer, {
      caption: '地役权情况',
      columns: GRID_COLUMNS,
      rows: [
        [label('需役地坐落'), value(data.dominantLand.address, 3)],
        [label('需役地不动产单元号'), code(data.dominantLand.unitCode ?? '', 3)],
      ],
    });
  }
  writer.gap(8);
  const documents = data.reasonDocuments ?? [];
  drawTable(writer, {
    caption: '登记原因及证明',
    columns: GRID_COLUMNS,
    rows: [
      [label('登记原因'), value(data.reason ?? '', 3)],
      [label('登记原因证明文件'), value(documents.map((d, i) => `${i + 1}. ${d}`).join('\n'), 3)],
    ],
  });
  writer.gap(8);
  const collection = data.collection;
  drawTable(writer, {
    caption: '申请事项',
    columns: GRID_COLUMNS,
    rows: [
      [
        label('申请证书版式'),
        value(choiceMarks(CERTIFICATE_LAYOUTS, data.certificateLayout)),
        label('申请分别持证'),
        value(yesNoMarks(data.separateCertificates)),
      ],
      [
        label('领证方式'),
        value(choiceMarks(COLLECTION_METHODS, collection?.method) + (collection?.address ? `\n邮寄地址：${collection.address}` : ''), 3),
      ],
      [label('申请渠道'), value(choiceMarks(APPLICATION_CHANNELS, data.channel), 3)],
      [label('备注'), value(data.remarks ?? '', 3)],
    ],
  });
  writer.gap(8);
  writer.ensureSpace(writer.paragraphHeight(DECLARATION, { indent: 2 }) + 30 + SIGNATURE_ROW_HEIGHT);
  writer.paragraph('申请人声明', { size: 11.5 });
  writer.paragraph(DECLARATION, { indent: 2 });
  writer.gap(6);
  drawTable(writer, signatureTable(data.applicants, data.issuedDate, seals));
  writer.gap(10);
  drawApprovalBlocks(writer);
  return writer.save();
}

/** A table that fits on a page is kept on one page: an applicant or a unit is read as one block. */
function drawBlock(writer: DocumentWriter, spec: TableSpec): void {
  const height = tableHeight(writer, spec);
  if (height <= CONTENT.bottom - CONTENT.top) writer.ensureSpace(height);
  drawTable(writer, spec);
}

/**
 * An applicant's rows, in the order of the 申请审批表; the 代理人 row when someone acts for them (an
 * applicant listed as 代理人 is their own row 1).
 */
function applicantRows(a: Applicant): TextCell[][] {
  const rows: TextCell[][] = [
    [label(`${a.role}姓名（名称）`), value(a.name), label('证件种类'), value(a.idType), label('证件号'), code(a.idNumber)],
    [label('通讯地址'), value(a.address ?? ''), label('邮编'), code(a.postcode ?? ''), label('联系电话'), code(a.phone ?? '')],
    [label('法定代表人或负责人'), value(a.legalRepresentative ?? ''), label('共有方式/份额'), value(a.role === '代理人' ? '' : (a.share ?? ''), 3)],
  ];
  if (a.agentName || a.agentOrganization || a.agentPhone) {
    rows.push([label('代理人姓名'), value(a.agentName ?? ''), label('代理人电话'), code(a.agentPhone ?? ''), label('代理机构名称'), value(a.agentOrganization ?? '')]);
  }
  return rows;
}

function unitRows(unit: Unit, suffix: string): TextCell[][] {
  const area = unitArea(unit);
  return [
    [label(`坐落${suffix}`), value(unit.address, 5)],
    [label('不动产单元号'), code(unit.unitCode, 3), label('不动产类型'), value(unit.realEstateType ?? '')],
    [
      label('面积'),
      value(`${area.value}${area.unit}`),
      label('规划用途'),
      value(unitUse(unit)),
      label('原不动产权证书号'),
      value(unit.originalCertificateNumber ?? ''),
    ],
  ];
}

function mortgageRows(m: Mortgage): TextCell[][] {
  const amount = m.amountFen === undefined ? '' : `${amountInFigures(m.amountFen)}元（${amountInCapitals(m.amountFen)}）`;
  const period = m.periodFrom || m.periodTo ? `${m.periodFrom ? chineseDate(m.periodFrom) : '　　'}起至${m.periodTo ? chineseDate(m.periodTo) : '　　'}止` : '';
  return [
    [label(m.maximum ? '最高债权额' : '被担保主债权数额'), value(amount, 3)],
    [label(m.maximum ? '债权确定期间' : '债务履行期限'), value(period, 3)],
    [label('抵押顺位'), value(m.rank === undefined ? '' : `第${m.rank}顺位`), label('是否约定禁止转让'), value(yesNoMarks(m.transferForbidden))],
    [label('担保范围'), value(m.scope ?? '', 3)],
    [label('在建建筑物抵押范围'), value(m.underConstructionScope ?? '', 3)],
  ];
}
