import { z } from 'zod';
import { freeText as maskedFreeText } from '../validation/free-text';
import { mortgageKindSchema } from '../validation/registration-types';

/**
 * Case model v2 (issue #10): the parts of a case the official 不动产登记申请书 asks for beyond
 * parties, units and materials. Every input field is optional with a default, so an intake screen
 * that does not know a field yet still saves drafts; core masks typed ID numbers and phones in the
 * free-text fields (maskPersonalText) before storing them.
 */

/** Every state of a case's life (core/cases/lifecycle.ts holds the transitions between them). */
export const CASE_STATUSES = [
  'draft',
  'requisitioned',
  'accepted',
  'submitted',
  'reviewing',
  'supplementing',
  'approved',
  'registered',
  'certified',
  'delivered',
  'closed',
  'rejected',
  'withdrawn',
  'refused',
] as const;
export const caseStatusSchema = z.enum(CASE_STATUSES);
export type CaseStatusValue = z.infer<typeof caseStatusSchema>;

/**
 * What people do to a case (the actions of the lifecycle table that a role performs). The
 * platform's own changes (received, registered … from the change feed) are rows of the same table
 * with the platform as actor and never appear in `allowedActions`.
 */
export const CASE_ACTIONS = [
  'edit',
  'sign',
  'applySeal',
  'accept',
  'requisition',
  'reject',
  'withdraw',
  'claim',
  'requestSupplement',
  'resumeReview',
  'approve',
  'returnToPrevious',
  'refuse',
  'register',
  'undoRegistration',
  'certify',
  'deliver',
  'close',
] as const;
export const caseActionSchema = z.enum(CASE_ACTIONS);
export type CaseAction = z.infer<typeof caseActionSchema>;

/** 不动产类型 (申请书 "不动产类型" row). */
export const REAL_ESTATE_TYPES = ['land', 'house', 'structure', 'forest', 'sea', 'other'] as const;
export const realEstateTypeSchema = z.enum(REAL_ESTATE_TYPES);
export const REAL_ESTATE_TYPE_LABELS: Record<(typeof REAL_ESTATE_TYPES)[number], string> = {
  land: '土地',
  house: '房屋',
  structure: '构筑物',
  forest: '森林、林木',
  sea: '海域',
  other: '其他',
};

/** 面积 as the documents give it: 平方米, 亩 (林地、耕地), 公顷 (海域). */
export const AREA_UNITS = ['m2', 'mu', 'hectare'] as const;
export const areaUnitSchema = z.enum(AREA_UNITS);
export const AREA_UNIT_LABELS: Record<(typeof AREA_UNITS)[number], string> = { m2: '平方米', mu: '亩', hectare: '公顷' };
/** Square metres per unit: 1 亩 = 10000/15 m², 1 公顷 = 10000 m². */
export const SQUARE_METRES_PER: Record<(typeof AREA_UNITS)[number], number> = { m2: 1, mu: 10000 / 15, hectare: 10000 };

export const areaSchema = z.object({ value: z.number().positive().max(100_000_000), unit: areaUnitSchema }).strict();

/** A date as 2026-12-03. */
const dateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 2026-12-03' });
/** Free text the applicant dictates: core masks ID numbers and phones typed into it. */
/** Free text is personal data: typed ID numbers and phones are masked at the contract edge (free-text.ts). */
const freeText = (max: number) => maskedFreeText(z.string().trim().max(max)).nullable().default(null);

export const legalRepresentativeInput = z
  .object({
    /** 法定代表人 (a company) or 负责人 (a branch, an unincorporated organisation). */
    title: z.enum(['legalRepresentative', 'responsiblePerson']).default('legalRepresentative'),
    name: z.string().trim().min(1).max(60),
    /** As typed, or the masked number the screen shows for a representative already saved. */
    idNumber: z.string().trim().max(40).default(''),
  })
  .strict();

export const agencyInput = z
  .object({
    /** 代理机构 (a law firm, an intermediary) the agent works for. */
    name: z.string().trim().min(1).max(100),
    creditCode: z.string().trim().max(18).nullable().default(null),
  })
  .strict();

/** The v2 fields of a party (申请书 per applicant). */
export const partyV2Input = {
  /** 通讯地址. */
  address: freeText(200),
  /** 邮编: six digits. */
  postalCode: z
    .string()
    .trim()
    .regex(/^\d{6}$/, { message: '邮政编码应为 6 位数字' })
    .nullable()
    .default(null),
  legalRepresentative: legalRepresentativeInput.nullable().default(null),
  /** For an agent: the ordinals (1-based, as in this save) of the parties who appointed them. */
  actsFor: z.array(z.number().int().min(1).max(50)).max(50).default([]),
  agency: agencyInput.nullable().default(null),
};

/** The v2 fields of a unit. */
export const unitV2Input = {
  realEstateType: realEstateTypeSchema.nullable().default(null),
  /** 规划用途 as the planning documents say it (住宅, 商业, 车库 …); the fee class is `use`. */
  plannedUse: z.string().trim().max(40).nullable().default(null),
  /** 面积 with its unit; when absent, `areaM2` in square metres. */
  area: areaSchema.nullable().default(null),
  /** 原不动产权证书号 as typed (parsed tolerantly, never rewritten). */
  previousCertificateNumber: z.string().trim().max(80).nullable().default(null),
};

export const mortgageInput = z
  .object({
    /** 一般抵押, 最高额抵押, 在建建筑物抵押 (the catalogue's mortgage kinds). */
    method: mortgageKindSchema,
    /** 被担保主债权数额 (general) or 最高债权额 (maximum), in fen. */
    amountFen: z.number().int().min(0).max(10_000_000_000_000).nullable().default(null),
    /** 债务履行期限 (general) or 债权确定期间 (maximum). */
    termFrom: dateText.nullable().default(null),
    termTo: dateText.nullable().default(null),
    /** 抵押顺位. */
    rank: z.number().int().min(1).max(99).nullable().default(null),
    /** 担保范围. */
    scope: freeText(300),
    /** 在建建筑物抵押范围. */
    constructionScope: freeText(300),
    /** 是否约定禁止或限制转让抵押不动产. */
    transferRestricted: z.boolean().nullable().default(null),
  })
  .strict();

export const collectionInput = z
  .object({
    /** 领证方式: 窗口领取, 邮寄, 仅电子证照. */
    method: z.enum(['window', 'mail', 'electronic']),
    recipient: z.string().trim().max(60).nullable().default(null),
    address: freeText(200),
    phone: z.string().trim().max(30).nullable().default(null),
  })
  .strict();

/** The case-level parts of the 申请书; sent with cases.saveDraft as `application` (optional). */
export const applicationInput = z
  .object({
    /** 登记原因. */
    reason: freeText(500),
    /** 登记原因证明文件 (买卖合同, 继承公证书 …). */
    reasonDocuments: freeText(300),
    mortgage: mortgageInput.nullable().default(null),
    /** 需役地 of an easement (地役权): the parcel that benefits. */
    dominantUnit: z.object({ unitCode: z.string().trim().min(1).max(40), address: z.string().trim().min(1).max(200) }).strict().nullable().default(null),
    /** 证书版式: 单一版 or 集成版. */
    certificateFormat: z.enum(['single', 'integrated']).default('single'),
    /** 申请分别持证 (co-owners each get a certificate). */
    separateCertificates: z.boolean().default(false),
    collection: collectionInput.default({ method: 'window', recipient: null, address: null, phone: null }),
    /** 申请渠道. */
    channel: z.enum(['window', 'online', 'bank', 'developer']).default('window'),
    /** 备注. */
    note: freeText(500),
  })
  .strict();
export type ApplicationInput = z.infer<typeof applicationInput>;

export const APPLICATION_DEFAULTS: ApplicationInput = applicationInput.parse({});

export const materialReceivedInput = z
  .object({
    materialId: z.string().max(48),
    copies: z.number().int().min(0).max(99),
    /** 原件 or 复印件 (the receipt lists which). */
    form: z.enum(['original', 'copy']).nullable().default(null),
    pages: z.number().int().min(1).max(9999).nullable().default(null),
  })
  .strict();

/** Outputs. */
export const applicationView = z.object({
  reason: z.string().nullable(),
  reasonDocuments: z.string().nullable(),
  mortgage: z
    .object({
      method: mortgageKindSchema,
      amountFen: z.number().int().nullable(),
      termFrom: z.string().nullable(),
      termTo: z.string().nullable(),
      rank: z.number().int().nullable(),
      scope: z.string().nullable(),
      constructionScope: z.string().nullable(),
      transferRestricted: z.boolean().nullable(),
    })
    .nullable(),
  dominantUnit: z.object({ unitCode: z.string(), address: z.string() }).nullable(),
  certificateFormat: z.enum(['single', 'integrated']),
  separateCertificates: z.boolean(),
  collection: z.object({ method: z.enum(['window', 'mail', 'electronic']), recipient: z.string().nullable(), address: z.string().nullable(), phoneMasked: z.string().nullable() }),
  channel: z.enum(['window', 'online', 'bank', 'developer']),
  note: z.string().nullable(),
});

/** How a party's will to apply is on the case. */
export const partySigningSchema = z.enum(['none', 'handwritten', 'byAgent', 'seal']);

export const sealView = z.object({
  organisationName: z.string(),
  creditCode: z.string(),
  sealedAt: z.string(),
  /** The SM2 signature verifies against the seal's public key over the application's digest now. */
  valid: z.boolean(),
  sealImageBlob: z.string(),
});

/** Whether the previous certificate number was checked against the register. */
export const previousCertificateCheckSchema = z.enum(['notGiven', 'unparsable', 'notChecked', 'matched', 'notMatched']);

export const legalGroundView = z.object({ id: z.string(), article: z.string(), text: z.string() });
