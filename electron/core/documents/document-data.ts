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
  /**
   * The applicant's signature from the pad; absent until signed. When `signedByAgent` is set these
   * are the agent's strokes, written for this principal.
   */
  signature: signatureCaptureSchema.optional(),
  /** 通讯地址. */
  address: line(120).optional(),
  /** 邮编 (6 digits). */
  postcode: z.string().regex(/^\d{6}$/, '邮编应为 6 位数字').optional(),
  /** 法定代表人或负责人 of an organisation. */
  legalRepresentative: line(30).optional(),
  /** 代理人姓名 acting for this applicant (授权委托书 received). */
  agentName: line(60).optional(),
  /** 代理人联系电话. */
  agentPhone: line(30).optional(),
  /** 代理机构名称. */
  agentOrganization: line(60).optional(),
  /** The agent who signs for this principal: printed 代理人 X 代 in the signature block. */
  signedByAgent: line(60).optional(),
  /** An organisation's electronic seal, verified (SM2 over the form's hash) before printing. */
  seal: z
    .object({
      /** The seal image, PNG, base64. */
      imagePngBase64: z.string().min(8).max(2_000_000).regex(/^[A-Za-z0-9+/=]+$/, '印章图片应为 base64 编码的 PNG'),
      /** Who applied it (the organisation's agent who presented the seal key). */
      signerName: line(60),
      /** Whether the SM2 signature over the form was verified; an unverified seal prints a warning. */
      verified: z.boolean(),
    })
    .optional(),
});

/**
 * GB/T 37346-2019: 12 digits of county, zone and sub-zone; ownership G/J/Z; parcel type; a 5-digit
 * parcel number; fixture F/L/Q/W; an 8-digit fixture number (DOMAIN.md §3).
 */
export const UNIT_CODE_PATTERN = /^\d{12}[GJZ][ABSXCDEFHGWY]\d{5}[FLQW]\d{8}$/;

/** The units the 申请审批表 offers for areas (国土资发〔2015〕25号 附件5: □平方米 □公顷（□亩）). */
export const AREA_UNITS = ['平方米', '公顷', '亩'] as const;

export const unitSchema = z
  .object({
    /** 不动产单元代码, 28 characters. */
    unitCode: z.string().regex(UNIT_CODE_PATTERN, '不动产单元号应为 28 位（GB/T 37346）'),
    /** 坐落 (ZL). */
    address: line(120),
    /** 用途 (FWYT), e.g. 住宅, 商业, 车位: the fee class when `plannedUse` is given separately. */
    use: line(20),
    /** 规划用途 as the title documents record it (e.g. 成套住宅, 车库); printed instead of `use`. */
    plannedUse: line(40).optional(),
    /** 建筑面积, square metres; or give `area` with its unit (land in 公顷 or 亩). */
    areaM2: z.number().positive('面积应大于 0').max(10_000_000, '面积过大').optional(),
    /** An area in the unit the register records it in; printed as given when present. */
    area: z
      .object({
        value: z.number().positive('面积应大于 0').max(10_000_000, '面积过大'),
        unit: z.enum(AREA_UNITS, '面积单位应为平方米、公顷或亩'),
      })
      .optional(),
    /** 不动产类型, e.g. 土地, 房屋等建筑物, 构筑物, 森林、林木, 海域. */
    realEstateType: line(20).optional(),
    /** 原不动产权证书号 (or 证明号), printed exactly as written on the old certificate. */
    originalCertificateNumber: line(60).optional(),
  })
  .refine((u) => u.areaM2 !== undefined || u.area !== undefined, { path: ['areaM2'], message: '面积不能为空' });

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
  /** 页数 of the material as received. */
  pages: z.number().int().min(1).max(9999).optional(),
});

export const feeSchema = z.object({
  /** 非税收入项目编码, e.g. 1041501 (residential registration fee). */
  code: z.string().regex(/^[0-9A-Za-z]{1,20}$/, '项目编码只能由字母和数字组成'),
  name: line(40),
  /** Integer fen: money is never a float. */
  amountFen: z.number().int('金额应为整数（分）').min(0).max(1_000_000_000_000),
});

/**
 * A tax the tax authority collects (契税, 增值税, 个人所得税…). It is never a registration fee: the
 * payment notice lists it in its own section, for information, and never adds it to the fees.
 */
export const taxSchema = z.object({
  name: line(40),
  amountFen: z.number().int('金额应为整数（分）').min(0).max(1_000_000_000_000),
  /** Whether the tax authority has confirmed payment (完税). */
  paid: z.boolean().optional(),
});

export const reasonSchema = z.object({
  text: paragraph(300),
  /** The provision it rests on, e.g. 《不动产登记暂行条例》第十七条第一款第（四）项. */
  basis: line(120).optional(),
});

/**
 * A legal ground as the contract lists them (electron/contract/validation/legal-grounds.ts
 * LegalGround, which parses here unchanged): `citation` names the provision
 * (《不动产登记暂行条例》第二十二条第（一）项), `text` is the item as enacted, `label` its short name
 * for the list of reasons (the text is printed when there is none).
 */
export const legalGroundSchema = z.object({
  id: z.string().max(60).optional(),
  label: line(120).optional(),
  text: paragraph(300),
  citation: line(120),
});

/** 领证方式 (issue #10 §4). */
export const COLLECTION_METHODS = ['窗口领取', '邮寄', '仅电子证照'] as const;
export const collectionSchema = z
  .object({
    method: z.enum(COLLECTION_METHODS, '领证方式应为窗口领取、邮寄或仅电子证照'),
    /** 邮寄地址 (with recipient and phone if the office records them); required for 邮寄. */
    address: line(160).optional(),
  })
  .refine((c) => c.method !== '邮寄' || c.address !== undefined, { path: ['address'], message: '邮寄领证须写明邮寄地址' });

/** 申请渠道. */
export const APPLICATION_CHANNELS = ['窗口', '网上', '银行网点', '开发企业'] as const;
/** 申请证书版式 (国土资发〔2015〕25号 附件5). */
export const CERTIFICATE_LAYOUTS = ['单一版', '集成版'] as const;

/** The mortgage block of the application form (实施细则 第六十六条, 第七十一条, 第七十五条). */
export const mortgageSchema = z.object({
  /** 最高额抵押: the amount is the 最高债权额 and the period the 债权确定期间. */
  maximum: z.boolean(),
  /** 被担保主债权数额 or 最高债权额, in fen. */
  amountFen: z.number().int('金额应为整数（分）').min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  /** 债务履行期限 / 债权确定期间: from, to. */
  periodFrom: isoDate.optional(),
  periodTo: isoDate.optional(),
  /** 抵押顺位. */
  rank: z.number().int().min(1).max(99).optional(),
  /** 担保范围. */
  scope: paragraph(200).optional(),
  /** 在建建筑物抵押范围. */
  underConstructionScope: paragraph(200).optional(),
  /** 是否约定禁止或者限制转让抵押不动产 (民法典 第四百零六条). */
  transferForbidden: z.boolean().optional(),
});

/** 需役地 of an easement (地役权): the parcel the easement benefits. */
export const dominantLandSchema = z.object({
  address: line(120),
  unitCode: z.string().regex(UNIT_CODE_PATTERN, '需役地不动产单元号应为 28 位（GB/T 37346）').optional(),
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
  /** 权利类型 as the catalogue names it, e.g. 国有建设用地使用权及房屋所有权; marked in the list. */
  rightType: line(40).optional(),
  /** 登记类型, e.g. 首次登记, 转移登记, 抵押权首次登记; marked in the list. */
  registrationType: line(40).optional(),
  /** 登记原因证明文件, e.g. 不动产买卖合同, 借款合同及抵押合同. */
  reasonDocuments: z.array(line(80)).max(20, '登记原因证明文件过多').optional(),
  mortgage: mortgageSchema.optional(),
  dominantLand: dominantLandSchema.optional(),
  certificateLayout: z.enum(CERTIFICATE_LAYOUTS, '证书版式应为单一版或集成版').optional(),
  /** 申请分别持证 (co-owners each get a certificate). */
  separateCertificates: z.boolean().optional(),
  collection: collectionSchema.optional(),
  channel: z.enum(APPLICATION_CHANNELS, '申请渠道应为窗口、网上、银行网点或开发企业').optional(),
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
    /** Total of the registration fees, in fen (taxes are never part of it). */
    feeTotalFen: z.number().int('金额应为整数（分）').min(0).max(1_000_000_000_000).optional(),
    collection: collectionSchema.optional(),
    /** 统一受理编号 from the provincial platform, once it has assigned one. */
    unifiedNumber: line(40).optional(),
    /** Printed again after the 统一受理编号 arrived: the receipt says it replaces the first one. */
    reprint: z.boolean().optional(),
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
  /**
   * Who pays (缴费人): the party registered as 权利人, for a mortgage the 抵押权人 (发改价格规〔2016〕
   * 2559号). The notice is addressed to them; without it, to the applicants who are not agents.
   */
  payer: z.object({ name: line(60), idNumber: line(40).optional() }).optional(),
  /** 缴款码 issued by the province's non-tax payment platform (issued after acceptance). */
  paymentCode: z.string().regex(/^[0-9A-Za-z-]{4,40}$/, '缴款码只能由字母、数字和连字符组成').optional(),
  /** The text of the payment QR code the platform issued (a URL or its own payload). */
  paymentQrText: z
    .string()
    .min(1)
    .max(1000, '支付二维码内容过长')
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), '不能包含换行或控制字符')
    .optional(),
  /** Taxes of the same transaction, for information only: never shown or added as fees. */
  taxes: z.array(taxSchema).max(20, '税种过多').optional(),
  /**
   * The 件 the registration fee counts (one unit × one right × one registration type; units of one
   * parcel under one mortgage are one 件): the payer sees what they pay for.
   */
  pieces: z
    .array(z.object({ unitCodes: z.array(line(40)).min(1).max(500), feeClass: line(20), amountFen: z.number().int().min(0) }))
    .max(500, '计费件数过多')
    .optional(),
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

/**
 * 不予登记告知书 (条例 第二十二条): after acceptance, the review finds a ground on which the office must
 * refuse to register. Used by the review stage.
 */
export const refusalNoticeSchema = z.object({
  ...caseHeaderShape,
  applicants,
  units,
  applicationDate: isoDate,
  /** The grounds of 条例 第二十二条 that apply (legal-grounds.ts), each printed with its article. */
  grounds: z.array(legalGroundSchema).min(1, '至少要写明一项不予登记的情形').max(10, '情形过多'),
  /** The facts found, in the reviewer's words (what makes the ground apply to this case). */
  facts: paragraph(600).optional(),
  /** 救济途径; the standard sentence on 行政复议 (60 days) and 行政诉讼 (6 months) when not given. */
  appealNote: paragraph(300).optional(),
});

export const rejectionNoticeSchema = z.object({
  ...caseHeaderShape,
  applicants,
  units,
  applicationDate: isoDate,
  /**
   * Free-text reasons, each with its basis. Either these or `grounds` (or both): the reasons given
   * when no ground of 条例 第十七条 was chosen are still printed.
   */
  reasons: z.array(reasonSchema).max(20, '理由过多').optional(),
  /** Grounds chosen from 条例 第十七条 (legal-grounds.ts), printed with the article. */
  grounds: z.array(legalGroundSchema).max(10, '情形过多').optional(),
  /** 救济途径; a standard sentence on 行政复议 and 行政诉讼 when not given. */
  appealNote: paragraph(300).optional(),
}).refine((d) => (d.reasons?.length ?? 0) + (d.grounds?.length ?? 0) > 0, {
  path: ['reasons'],
  message: '至少要写明一条不予受理的理由',
});

export type Office = z.infer<typeof officeSchema>;
export type Applicant = z.infer<typeof applicantSchema>;
export type ApplicantRole = Applicant['role'];
export type Unit = z.infer<typeof unitSchema>;
export type Material = z.infer<typeof materialSchema>;
export type Fee = z.infer<typeof feeSchema>;
export type Reason = z.infer<typeof reasonSchema>;
export type Tax = z.infer<typeof taxSchema>;
export type LegalGround = z.infer<typeof legalGroundSchema>;
export type Collection = z.infer<typeof collectionSchema>;
export type CollectionMethod = Collection['method'];
export type ApplicationChannel = (typeof APPLICATION_CHANNELS)[number];
export type CertificateLayout = (typeof CERTIFICATE_LAYOUTS)[number];
export type AreaUnit = (typeof AREA_UNITS)[number];
export type Mortgage = z.infer<typeof mortgageSchema>;
export type DominantLand = z.infer<typeof dominantLandSchema>;
export type RefusalNoticeData = z.infer<typeof refusalNoticeSchema>;
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
  plannedUse: '规划用途',
  area: '面积',
  value: '数值',
  unit: '单位',
  realEstateType: '不动产类型',
  originalCertificateNumber: '原不动产权证书号',
  postcode: '邮编',
  legalRepresentative: '法定代表人或负责人',
  agentName: '代理人姓名',
  agentPhone: '代理人联系电话',
  agentOrganization: '代理机构名称',
  signedByAgent: '代签代理人',
  seal: '电子印章',
  imagePngBase64: '印章图片',
  signerName: '签章人',
  rightType: '权利类型',
  registrationType: '登记类型',
  reasonDocuments: '登记原因证明文件',
  mortgage: '抵押情况',
  periodFrom: '起始日期',
  periodTo: '截止日期',
  rank: '抵押顺位',
  scope: '担保范围',
  underConstructionScope: '在建建筑物抵押范围',
  dominantLand: '需役地',
  certificateLayout: '证书版式',
  collection: '领证方式',
  method: '方式',
  channel: '申请渠道',
  feeTotalFen: '收费合计',
  unifiedNumber: '统一受理编号',
  pages: '页数',
  payer: '缴费人',
  paymentCode: '缴款码',
  paymentQrText: '支付二维码',
  taxes: '税款',
  grounds: '法定情形',
  citation: '条款',
  label: '名称',
  facts: '审查查明的事实',
};

/** Labels that depend on where the field is: an applicant's address is not a 坐落. */
const NESTED_LABELS: Record<string, string> = {
  'applicants.address': '通讯地址',
  'collection.address': '邮寄地址',
  'mortgage.amountFen': '被担保债权数额',
  'payer.name': '姓名或名称',
  'payer.idNumber': '证件号码',
};

function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  const parts: string[] = [];
  let parent = '';
  for (const key of path) {
    if (typeof key === 'number') {
      parts[parts.length - 1] = `${parts[parts.length - 1] ?? ''}第 ${key + 1} 项`;
      continue;
    }
    const name = String(key);
    parts.push(NESTED_LABELS[`${parent}.${name}`] ?? FIELD_LABELS[name] ?? name);
    parent = name;
  }
  return parts.join(' › ');
}

function isCalendarDate(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
