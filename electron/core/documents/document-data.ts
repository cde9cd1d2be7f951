import { z } from 'zod';
import { DocumentError } from './document-errors';

/**
 * What each document prints, as plain data. The case store maps its rows onto these (DOMAIN.md §6:
 * applicants are DJF_DJ_SQR, units KTT_FW_H, materials DJF_DJ_SJ, fees DJF_DJ_SF); the renderers
 * validate them here, so a bad row becomes a clear message instead of a broken page. Length limits
 * are generous enough for real data (a 30-character Uyghur name written in Chinese, a company name,
 * a 70-character rural address) and small enough that a page can always hold one table row.
 */

/** Printable text on one line: no control characters, which would break the layout. */
function line(max: number) {
  return z
    .string()
    .trim()
    .min(1, '不能为空')
    .max(max, `不能超过 ${max} 个字符`)
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), '不能包含换行或控制字符');
}

/** Free text for reasons and notes: line breaks allowed, other control characters not. */
function paragraph(max: number) {
  return z
    .string()
    .trim()
    .min(1, '不能为空')
    .max(max, `不能超过 ${max} 个字符`)
    .refine((s) => !/[\u0000-\u0009\u000b-\u001f\u007f]/.test(s), '不能包含控制字符');
}

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期应写作 YYYY-MM-DD')
  .refine(isCalendarDate, '不是有效的日期');

/**
 * Case numbers and document numbers go into the verification QR and into file names: ASCII letters,
 * digits and hyphens only (e.g. 430102-20261127-A10001).
 */
const asciiNumber = z
  .string()
  .regex(/^[0-9A-Za-z][0-9A-Za-z-]{0,39}$/, '只能由字母、数字和连字符组成（最多 40 个字符）');

export const officeSchema = z.object({
  /** e.g. 长沙市不动产登记中心芙蓉分中心; printed in every header. */
  name: line(40),
  /** County-level administrative division code (GB/T 2260), e.g. 430102. */
  code: z.string().regex(/^\d{6}$/, '机构代码应为 6 位数字'),
});

/** Pen strokes as captured by the signature pad (native/sigpad/strokes.ts SignatureCapture). */
export const signatureCaptureSchema = z.object({
  strokes: z
    .array(
      z
        .array(z.object({ x: z.number(), y: z.number(), pressure: z.number().min(0), t: z.number().min(0) }))
        .max(20_000, '笔画的点数过多'),
    )
    .max(500, '笔画过多'),
  width: z.number().positive(),
  height: z.number().positive(),
  device: z.object({
    vendor: z.string().max(60),
    model: z.string().max(60),
    firmware: z.string().max(60),
    maxPressure: z.number().positive(),
    sampleRateHz: z.number().positive(),
  }),
  lostPoints: z.number().int().min(0).optional(),
});

export const APPLICANT_ROLES = ['权利人', '义务人', '代理人'] as const;

export const applicantSchema = z.object({
  role: z.enum(APPLICANT_ROLES, '申请人类别应为权利人、义务人或代理人'),
  /** 姓名或名称 (QLRMC): a person or an organisation. */
  name: line(60),
  /** 证件种类 (ZJZL), e.g. 居民身份证, 统一社会信用代码, 护照. */
  idType: line(20),
  /** 证件号码 (ZJH), printed as given: the caller decides whether it is masked. */
  idNumber: line(40),
  /** 联系电话 (DH). */
  phone: line(30).optional(),
  /** 共有情况 (GYFS), e.g. 单独所有, 共同共有, 按份共有 50%. */
  share: line(40).optional(),
  /** The applicant's signature from the pad; absent until signed. */
  signature: signatureCaptureSchema.optional(),
});

/**
 * GB/T 37346-2019: 12 digits of county, zone and sub-zone; ownership G/J/Z; parcel type; a 5-digit
 * parcel number; fixture F/L/Q/W; an 8-digit fixture number (DOMAIN.md §3).
 */
export const UNIT_CODE_PATTERN = /^\d{12}[GJZ][ABSXCDEFHGWY]\d{5}[FLQW]\d{8}$/;

export const unitSchema = z.object({
  /** 不动产单元代码, 28 characters. */
  unitCode: z.string().regex(UNIT_CODE_PATTERN, '不动产单元号应为 28 位（GB/T 37346）'),
  /** 坐落 (ZL). */
  address: line(120),
  /** 用途 (FWYT), e.g. 住宅, 商业, 车位. */
  use: line(20),
  /** 建筑面积, square metres. */
  areaM2: z.number().positive('面积应大于 0').max(10_000_000, '面积过大'),
});

export const MATERIAL_STATUSES = ['received', 'missing'] as const;

export const materialSchema = z.object({
  name: line(60),
  /** Copies received, or required when missing. */
  copies: z.number().int().min(0).max(999),
  /** 原件, 复印件, 原件及复印件, 电子材料… */
  form: line(12).optional(),
  status: z.enum(MATERIAL_STATUSES),
  /** What the applicant must do about it (补正要求) or a remark. */
  note: line(100).optional(),
});

export const feeSchema = z.object({
  /** 非税收入项目编码, e.g. 1041501 (residential registration fee). */
  code: z.string().regex(/^[0-9A-Za-z]{1,20}$/, '项目编码只能由字母和数字组成'),
  name: line(40),
  /** Integer fen: money is never a float. */
  amountFen: z.number().int('金额应为整数（分）').min(0).max(1_000_000_000_000),
});

export const reasonSchema = z.object({
  text: paragraph(300),
  /** The provision it rests on, e.g. 《不动产登记暂行条例》第十七条第一款第（四）项. */
  basis: line(120).optional(),
});

/** What every document of a case carries. */
const caseHeaderShape = {
  office: officeSchema,
  caseNumber: asciiNumber,
  /** Printed as given, e.g. 转移登记（二手房买卖）. */
  businessTypeName: line(40),
  /** The date on the document. */
  issuedDate: isoDate,
  /** The clerk (受理人/经办人) who issues it. */
  clerkName: line(30),
  /** The number in the footer; `{kind code}-{case number}` when not given. */
  documentNumber: asciiNumber.optional(),
};

const applicants = z.array(applicantSchema).min(1, '至少要有一名申请人').max(30, '申请人过多');
const units = z.array(unitSchema).min(1, '至少要有一个不动产单元').max(50, '不动产单元过多');

export const applicationFormSchema = z.object({
  ...caseHeaderShape,
  applicants,
  units,
  /** 申请登记原因, e.g. 买卖, 继承, 赠与. */
  reason: line(60).optional(),
  remarks: paragraph(300).optional(),
});

export const acceptanceReceiptSchema = z
  .object({
    ...caseHeaderShape,
    applicants,
    units,
    materials: z
      .array(materialSchema)
      .max(100, '材料过多')
      .refine((m) => m.some((x) => x.status === 'received'), '受理凭证至少要列出一份已收取的材料'),
    /** 承诺办结日期. */
    promisedDate: isoDate,
    /** The office's enquiry telephone. */
    officePhone: line(30).optional(),
  })
  .refine((d) => d.promisedDate >= d.issuedDate, { path: ['promisedDate'], message: '承诺办结日期不能早于受理日期' });

export const paymentNoticeSchema = z.object({
  ...caseHeaderShape,
  applicants,
  fees: z.array(feeSchema).min(1, '至少要有一个收费项目').max(40, '收费项目过多'),
  /** 缴费期限. */
  payBefore: isoDate.optional(),
  /** How to pay (缴费方式), e.g. the non-tax payment platform or the counter. */
  paymentNote: paragraph(300).optional(),
});

export const requisitionNoticeSchema = z.object({
  ...caseHeaderShape,
  applicants,
  units,
  /** 申请日期. */
  applicationDate: isoDate,
  materials: z
    .array(materialSchema)
    .max(100, '材料过多')
    .refine((m) => m.some((x) => x.status === 'missing'), '补正通知书至少要列出一份需补正的材料'),
  /** 补正期限. */
  deadline: isoDate.optional(),
});

export const rejectionNoticeSchema = z.object({
  ...caseHeaderShape,
  applicants,
  units,
  applicationDate: isoDate,
  reasons: z.array(reasonSchema).min(1, '至少要写明一条不予受理的理由').max(20, '理由过多'),
  /** 救济途径; a standard sentence on 行政复议 and 行政诉讼 when not given. */
  appealNote: paragraph(300).optional(),
});

export type Office = z.infer<typeof officeSchema>;
export type Applicant = z.infer<typeof applicantSchema>;
export type ApplicantRole = Applicant['role'];
export type Unit = z.infer<typeof unitSchema>;
export type Material = z.infer<typeof materialSchema>;
export type Fee = z.infer<typeof feeSchema>;
export type Reason = z.infer<typeof reasonSchema>;
export type ApplicationFormData = z.infer<typeof applicationFormSchema>;
export type AcceptanceReceiptData = z.infer<typeof acceptanceReceiptSchema>;
export type PaymentNoticeData = z.infer<typeof paymentNoticeSchema>;
export type RequisitionNoticeData = z.infer<typeof requisitionNoticeSchema>;
export type RejectionNoticeData = z.infer<typeof rejectionNoticeSchema>;

/**
 * Validates `data` for the document called `title`; throws DOCUMENT_DATA_INVALID naming the first
 * bad field in words the clerk knows (申请人第 2 项 › 姓名或名称：不能为空).
 */
export function parseDocumentData<T extends z.ZodType>(schema: T, data: unknown, title: string): z.infer<T> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue.path.length > 0 ? `${fieldPath(issue.path)}：` : '';
  throw new DocumentError('DOCUMENT_DATA_INVALID', `${title}的数据有误，${where}${issue.message}。请在案件中改正后重新生成。`);
}

const FIELD_LABELS: Record<string, string> = {
  office: '登记机构',
  name: '名称',
  code: '代码',
  caseNumber: '受理编号',
  businessTypeName: '登记类型',
  issuedDate: '出具日期',
  clerkName: '经办人',
  documentNumber: '文书编号',
  applicants: '申请人',
  role: '类别',
  idType: '证件种类',
  idNumber: '证件号码',
  phone: '联系电话',
  share: '共有情况',
  signature: '签名',
  units: '不动产单元',
  unitCode: '不动产单元号',
  address: '坐落',
  use: '用途',
  areaM2: '面积',
  materials: '申请材料',
  copies: '份数',
  form: '材料形式',
  status: '收取状态',
  note: '说明',
  fees: '收费项目',
  amountFen: '金额',
  reasons: '理由',
  text: '内容',
  basis: '依据',
  reason: '申请登记原因',
  remarks: '备注',
  promisedDate: '承诺办结日期',
  officePhone: '咨询电话',
  payBefore: '缴费期限',
  paymentNote: '缴费方式',
  applicationDate: '申请日期',
  deadline: '补正期限',
  appealNote: '救济途径',
};

function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  const parts: string[] = [];
  for (const key of path) {
    if (typeof key === 'number') parts[parts.length - 1] = `${parts[parts.length - 1] ?? ''}第 ${key + 1} 项`;
    else parts.push(FIELD_LABELS[String(key)] ?? String(key));
  }
  return parts.join(' › ');
}

function isCalendarDate(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
