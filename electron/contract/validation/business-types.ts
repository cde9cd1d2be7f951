import { z } from 'zod';
import { isContractFilingMaterial } from './contract-filing';

/**
 * @deprecated Superseded by the two-dimensional catalogue (registration-catalog.ts, catalog-config.ts);
 * kept until core and renderer switch. LEGACY_BUSINESS_TYPE_MAP maps these ids to catalogue entries.
 *
 * The registration business types (不动产登记暂行条例 art. 3, DOMAIN.md §2) as data: who applies,
 * whether holders may co-own, the materials checklist, the fee rule and which of the three parallel
 * tracks (登记, 交易, 税务) an intake opens. Offices adjust these through configuration
 * (business-type-config.ts); the checks that use them are in business-type-rules.ts.
 *
 * Materials follow 不动产登记暂行条例实施细则 (arts. 35, 37, 38, 60, 66–69, 79, 82, 86, 90) and common
 * counter practice; exact lists vary by office, which is why they are data.
 */
export const BUSINESS_TYPE_IDS = [
  'first',
  'transfer',
  'change',
  'cancellation',
  'correction',
  'objection',
  'preRegistration',
  'mortgageFirst',
  'mortgageChange',
  'mortgageCancellation',
  'easement',
  'seizure',
] as const;
export const businessTypeIdSchema = z.enum(BUSINESS_TYPE_IDS);
export type BusinessTypeId = z.infer<typeof businessTypeIdSchema>;

/** 权利人, 义务人, 代理人. An agent acts for either side with a power of attorney. */
export const APPLICANT_ROLES = ['holder', 'obligor', 'agent'] as const;
export const applicantRoleSchema = z.enum(APPLICANT_ROLES);
export type ApplicantRole = z.infer<typeof applicantRoleSchema>;
export const APPLICANT_ROLE_LABELS: Record<ApplicantRole, string> = { holder: '权利人', obligor: '义务人', agent: '代理人' };

export const roleRequirementSchema = z.enum(['required', 'optional', 'none']);
export type RoleRequirement = z.infer<typeof roleRequirementSchema>;

/**
 * When a material must be on the table:
 * - required: at acceptance (受理);
 * - requiredBeforeEntry: before entry in the register (登簿), not at acceptance — what a parallel
 *   track delivers (完税凭证 from the tax track: 一窗受理、并行办理);
 * - withAgent: at acceptance when an agent applies (授权委托书, the agent's identity);
 * - optional: accepted when offered.
 */
export const materialRequirementSchema = z.enum(['required', 'requiredBeforeEntry', 'withAgent', 'optional']);
export type MaterialRequirement = z.infer<typeof materialRequirementSchema>;

export const materialIdSchema = z
  .string()
  .regex(/^[a-z][A-Za-z0-9]{1,47}$/, { message: '材料编号应为英文字母开头的字母或数字（如 marriageCertificate）' });

export const materialSchema = z
  .object({
    id: materialIdSchema,
    name: z.string().trim().min(1).max(60),
    requirement: materialRequirementSchema,
    note: z.string().trim().max(200).optional(),
  })
  .strict();
export type Material = z.infer<typeof materialSchema>;

/** Fee rules; the amounts live in the fee schedule (fee-schedule.ts). */
export const feeRuleSchema = z.enum(['standard', 'free']);
export type FeeRule = z.infer<typeof feeRuleSchema>;

/** Registration is always a track; these say when the other two open. */
export const tracksSchema = z
  .object({
    transaction: z.enum(['never', 'houses', 'always']),
    tax: z.enum(['never', 'always']),
  })
  .strict();
export type Tracks = z.infer<typeof tracksSchema>;
export const TRACKS = ['registration', 'transaction', 'tax'] as const;
export type Track = (typeof TRACKS)[number];

const rolesSchema = z.object({ holder: roleRequirementSchema, obligor: roleRequirementSchema, agent: roleRequirementSchema }).strict();
const roleLabelsSchema = z
  .object({ holder: z.string().min(1).max(30), obligor: z.string().min(1).max(30), agent: z.string().min(1).max(30) })
  .strict();

/**
 * Contract filing (合同备案) and transaction confirmation (交易确认) must never be a precondition of
 * acceptance (一窗受理、并行办理: Hunan's 2020 notice on 互联网+不动产登记, DOMAIN.md §1). A material whose name says so may be optional, never
 * required at acceptance.
 */
export const FORBIDDEN_PRECONDITION = /合同备案|备案证明|网签备案|交易确认/;
// FORBIDDEN_PRECONDITION is kept for callers; the check below normalises first (contract-filing.ts).

export const businessTypeSchema = z
  .object({
    id: businessTypeIdSchema,
    name: z.string().min(1).max(30),
    /** First digit of the common registration type code: 1 首次 … 8 查封, 9 其他. */
    typeCode: z.number().int().min(1).max(9),
    enabled: z.boolean(),
    /** application: the parties apply (依申请); commission: a court or authority orders it (嘱托). */
    origin: z.enum(['application', 'commission']),
    roles: rolesSchema,
    roleLabels: roleLabelsSchema,
    /** Whether applicants sign the application (a court-ordered seizure has no applicant signatures). */
    signaturesRequired: z.boolean(),
    /** Whether the holders may co-own (单独所有 / 共同共有 / 按份共有 applies). */
    coOwnership: z.boolean(),
    materials: z.array(materialSchema).min(1),
    feeRule: feeRuleSchema,
    tracks: tracksSchema,
    /** The office's promise in working days (statutory limit 30; 0 = the same day). */
    promisedWorkingDays: z.number().int().min(0).max(30),
  })
  .strict()
  .superRefine((type, ctx) => {
    for (const problem of businessTypeProblems(type)) ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
  });
export type BusinessType = z.infer<typeof businessTypeSchema>;

/** What the consistency rules read (spelled out, so the rules do not depend on the schema's type). */
export interface BusinessTypeRuleInput {
  origin: 'application' | 'commission';
  roles: Record<ApplicantRole, RoleRequirement>;
  signaturesRequired: boolean;
  coOwnership: boolean;
  materials: readonly Material[];
}

/** The consistency rules a business type must meet, also after an office's overrides. */
export function businessTypeProblems(type: BusinessTypeRuleInput): Array<{ path: Array<string | number>; message: string }> {
  const problems: Array<{ path: Array<string | number>; message: string }> = [];
  const seen = new Set<string>();
  type.materials.forEach((m, i) => {
    if (seen.has(m.id)) problems.push({ path: ['materials', i, 'id'], message: `材料编号 ${m.id} 重复，每项材料的编号应唯一` });
    seen.add(m.id);
    if ((m.requirement === 'required' || m.requirement === 'withAgent') && isContractFilingMaterial(m.name)) {
      problems.push({
        path: ['materials', i, 'requirement'],
        message: `“${m.name}”不能作为受理必交材料：一窗受理、并行办理，合同备案、交易确认不得作为登记受理的前置条件，可设为可选材料`,
      });
    }
  });
  const agentAllowed = type.roles.agent !== 'none';
  const powerOfAttorney = type.materials.find((m) => m.id === POWER_OF_ATTORNEY.id);
  if (agentAllowed && (!powerOfAttorney || (powerOfAttorney.requirement !== 'withAgent' && powerOfAttorney.requirement !== 'required'))) {
    problems.push({ path: ['materials'], message: '允许代理人办理的业务，材料清单必须包含授权委托书（powerOfAttorney），且为“代理时必交”或“必交”' });
  }
  if (type.origin === 'commission') {
    if (type.roles.holder !== 'none' || type.roles.obligor !== 'none' || type.roles.agent !== 'none') {
      problems.push({ path: ['roles'], message: '嘱托登记（如人民法院查封）没有申请人，权利人、义务人、代理人均应为 none' });
    }
    if (type.signaturesRequired) problems.push({ path: ['signaturesRequired'], message: '嘱托登记没有申请人签名，应为 false' });
  } else {
    if (type.roles.holder !== 'required' && type.roles.obligor !== 'required') {
      problems.push({ path: ['roles'], message: '依申请登记至少要有一方申请人（权利人或义务人）为 required' });
    }
    if (!type.materials.some((m) => m.id === APPLICATION_FORM.id && m.requirement === 'required')) {
      problems.push({ path: ['materials'], message: '依申请登记的材料清单必须包含必交的不动产登记申请书（applicationForm）' });
    }
  }
  if (type.coOwnership && type.roles.holder === 'none') {
    problems.push({ path: ['coOwnership'], message: '没有权利人的业务不适用共有方式，coOwnership 应为 false' });
  }
  return problems;
}

// The materials catalogue: one name per id, shared by the types below.
const APPLICATION_FORM = material('applicationForm', '不动产登记申请书', 'required');
const APPLICANT_IDENTITY = material('applicantIdentity', '申请人身份证明', 'required');
const POWER_OF_ATTORNEY = material('powerOfAttorney', '授权委托书', 'withAgent');
const AGENT_IDENTITY = material('agentIdentity', '代理人身份证明', 'withAgent');
const TITLE_CERTIFICATE = material('titleCertificate', '不动产权属证书', 'required');
const REGISTRATION_PROOF = material('registrationProof', '不动产登记证明（或他项权利证书）', 'required');

const APPLICATION = [APPLICATION_FORM, APPLICANT_IDENTITY] as const;
const AGENCY = [POWER_OF_ATTORNEY, AGENT_IDENTITY] as const;
const STANDARD_ROLES = { holder: 'required', obligor: 'none', agent: 'optional' } as const;
const BOTH_PARTIES = { holder: 'required', obligor: 'required', agent: 'optional' } as const;
const NO_EXTRA_TRACKS: Tracks = { transaction: 'never', tax: 'never' };

/**
 * Promised days are common commitments (5 working days; mortgages and pre-registration the same
 * day, "1 hour" / 即时办): unconfirmed per office, hence configurable.
 */
export const DEFAULT_BUSINESS_TYPES: readonly BusinessType[] = [
  type('first', '首次登记', 1, STANDARD_ROLES, {}, true, [
    ...APPLICATION,
    material('landTitleSource', '土地权属来源材料（或不动产权属证书）', 'required'),
    material('planningCompliance', '建设工程符合规划的材料', 'required'),
    material('completionProof', '房屋已经竣工的材料', 'required'),
    material('surveyReport', '不动产调查报告（房地产测绘报告）', 'required'),
    material('taxReceipt', '相关税费缴纳凭证', 'optional'),
    ...AGENCY,
  ]),
  type(
    'transfer',
    '转移登记',
    2,
    BOTH_PARTIES,
    { holder: '权利人（受让方）', obligor: '义务人（转让方）' },
    true,
    [
      ...APPLICATION,
      TITLE_CERTIFICATE,
      material('transferContract', '转移合同（买卖、赠与、互换等）或其他转移依据', 'required'),
      material('taxReceipt', '完税凭证', 'requiredBeforeEntry', '由税务并行办理取得，不作为受理前置条件'),
      material('maritalStatusProof', '婚姻关系证明', 'optional'),
      ...AGENCY,
    ],
    { tracks: { transaction: 'houses', tax: 'always' } },
  ),
  type('change', '变更登记', 3, STANDARD_ROLES, {}, true, [
    ...APPLICATION,
    TITLE_CERTIFICATE,
    material('changeProof', '不动产权利发生变更的材料', 'required'),
    ...AGENCY,
  ]),
  type(
    'cancellation',
    '注销登记',
    4,
    STANDARD_ROLES,
    {},
    false,
    [...APPLICATION, TITLE_CERTIFICATE, material('rightEndedProof', '不动产权利消灭的材料', 'required'), ...AGENCY],
    { feeRule: 'free' },
  ),
  type('correction', '更正登记', 5, STANDARD_ROLES, { holder: '申请人（权利人或利害关系人）' }, true, [
    ...APPLICATION,
    { ...TITLE_CERTIFICATE, requirement: 'optional', note: '权利人申请时提交' },
    material('errorProof', '证实不动产登记簿记载事项错误的材料', 'required'),
    ...AGENCY,
  ]),
  type('objection', '异议登记', 6, STANDARD_ROLES, { holder: '异议申请人（利害关系人）' }, false, [
    ...APPLICATION,
    material('interestProof', '证实与登记的不动产权利有利害关系的材料', 'required'),
    material('errorProof', '证实不动产登记簿记载事项错误的材料', 'required'),
    ...AGENCY,
  ]),
  type(
    'preRegistration',
    '预告登记',
    7,
    BOTH_PARTIES,
    { holder: '预告登记权利人（买受人）', obligor: '义务人（出卖人）' },
    true,
    [...APPLICATION, material('purchaseContract', '商品房预售合同或买卖合同', 'required'), ...AGENCY],
    { feeRule: 'free', promisedWorkingDays: 0 },
  ),
  type(
    'mortgageFirst',
    '抵押权首次登记',
    1,
    BOTH_PARTIES,
    { holder: '抵押权人', obligor: '抵押人' },
    false,
    [
      ...APPLICATION,
      TITLE_CERTIFICATE,
      material('mortgageContract', '抵押合同', 'required'),
      material('principalDebtContract', '主债权合同', 'required'),
      ...AGENCY,
    ],
    { promisedWorkingDays: 0 },
  ),
  type(
    'mortgageChange',
    '抵押权变更登记',
    3,
    BOTH_PARTIES,
    { holder: '抵押权人', obligor: '抵押人' },
    false,
    [
      ...APPLICATION,
      TITLE_CERTIFICATE,
      REGISTRATION_PROOF,
      material('mortgageChangeProof', '抵押权变更的材料', 'required'),
      ...AGENCY,
    ],
    { promisedWorkingDays: 0 },
  ),
  type(
    'mortgageCancellation',
    '抵押权注销登记',
    4,
    { holder: 'required', obligor: 'optional', agent: 'optional' },
    { holder: '抵押权人', obligor: '抵押人' },
    false,
    [...APPLICATION, REGISTRATION_PROOF, material('mortgageEndedProof', '抵押权消灭的材料（如主债权已清偿的证明）', 'required'), ...AGENCY],
    { feeRule: 'free', promisedWorkingDays: 0 },
  ),
  type('easement', '地役权登记', 1, BOTH_PARTIES, { holder: '需役地权利人', obligor: '供役地权利人' }, false, [
    ...APPLICATION,
    material('easementContract', '地役权合同', 'required'),
    material('titleCertificate', '需役地和供役地的不动产权属证书', 'required'),
    ...AGENCY,
  ]),
  type(
    'seizure',
    '查封登记',
    8,
    { holder: 'none', obligor: 'none', agent: 'none' },
    {},
    false,
    [
      material('courtAssistanceNotice', '人民法院协助执行通知书', 'required'),
      material('courtRuling', '人民法院裁定书（或判决书、调解书）', 'required'),
      material('courtOfficerCredentials', '执行公务人员的工作证和执行公务证', 'required'),
    ],
    { origin: 'commission', signaturesRequired: false, feeRule: 'free', promisedWorkingDays: 0 },
  ),
];

export function businessTypeById(types: readonly BusinessType[], id: BusinessTypeId): BusinessType | undefined {
  return types.find((t) => t.id === id);
}

function material(id: string, name: string, requirement: MaterialRequirement, note?: string): Material {
  return note === undefined ? { id, name, requirement } : { id, name, requirement, note };
}

function type(
  id: BusinessTypeId,
  name: string,
  typeCode: number,
  roles: BusinessType['roles'],
  labels: Partial<BusinessType['roleLabels']>,
  coOwnership: boolean,
  materials: Material[],
  extra: Partial<Pick<BusinessType, 'origin' | 'signaturesRequired' | 'feeRule' | 'tracks' | 'promisedWorkingDays'>> = {},
): BusinessType {
  return {
    id,
    name,
    typeCode,
    enabled: true,
    origin: 'application',
    roles,
    roleLabels: { ...APPLICANT_ROLE_LABELS, ...labels },
    signaturesRequired: true,
    coOwnership,
    materials,
    feeRule: 'standard',
    tracks: NO_EXTRA_TRACKS,
    promisedWorkingDays: 5,
    ...extra,
  };
}
