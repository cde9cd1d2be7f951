import { z } from 'zod';
import {
  APPLICANT_ROLE_LABELS,
  businessTypeIdSchema,
  materialIdSchema,
  materialRequirementSchema,
  roleRequirementSchema,
  tracksSchema,
  type ApplicantRole,
  type BusinessTypeId,
  type RoleRequirement,
  type Tracks,
} from './business-types';
import { CATALOG_AGENCY, CATALOG_APPLICATION, CATALOG_MATERIALS, type CatalogMaterial } from './catalog-materials';
import { CONTRACT_FILING_REFUSAL, isContractFilingMaterial } from './contract-filing';
import {
  MORTGAGE_KINDS,
  mortgageKindSchema,
  registrationTypeById,
  registrationTypeIdSchema,
  type MortgageKind,
  type RegistrationTypeId,
} from './registration-types';
import { rightTypeById, rightTypeIdSchema, type RightTypeId } from './right-types';

/**
 * The two-dimensional registration catalogue: a business type is a 登记类型 applied to a 权利类型
 * (《不动产登记暂行条例实施细则》, 《不动产登记操作规范（试行）》). Its id is
 * `<registrationType>.<rightType>` (`transfer.stateLandHouse`, `first.residence`,
 * `mortgageFirst.mortgage`). Only meaningful combinations exist (see CATALOG.md for the matrix and
 * why some are missing, e.g. no 转移 of 居住权: 民法典 第369条). Offices adjust or add entries in
 * configuration (catalog-config.ts). The mortgage kind is a field of the case, see `materialsFor`.
 */
export const businessTypeKeySchema = z
  .string()
  .regex(/^[a-zA-Z]+\.[a-zA-Z]+$/, { message: '业务类型编号应为“登记类型.权利类型”，如 transfer.stateLandHouse' });
export type BusinessTypeKey = `${RegistrationTypeId}.${RightTypeId}`;

/** 不动产权证书, 不动产登记证明, or nothing (注销, 查封 …). */
export const issuesSchema = z.enum(['certificate', 'proof', 'none']);
export type Issues = z.infer<typeof issuesSchema>;

/**
 * Fee rules (fee-calculation.ts applies them with the schedule): standard = per 件 by 规划用途;
 * free; certificateOnly = 工本费 for every certificate (2559号: 宅基地, 补换证); objection and
 * correction = the office's configured rate (FeeSchedule.rates).
 */
export const catalogFeeRuleSchema = z.enum(['standard', 'free', 'certificateOnly', 'objection', 'correction']);
export type CatalogFeeRule = z.infer<typeof catalogFeeRuleSchema>;

/** What units the business is about: with a house (F), land only (W/L …), or either. */
export const unitKindSchema = z.enum(['house', 'land', 'any']);
export type UnitKind = z.infer<typeof unitKindSchema>;

export const catalogMaterialSchema = z
  .object({
    id: materialIdSchema,
    name: z.string().trim().min(1).max(60),
    requirement: materialRequirementSchema,
    note: z.string().trim().max(200).optional(),
    basis: z.string().trim().max(120).optional(),
    mortgageKinds: z.array(mortgageKindSchema).min(1).optional(),
  })
  .strict();

const rolesSchema = z.object({ holder: roleRequirementSchema, obligor: roleRequirementSchema, agent: roleRequirementSchema }).strict();
const roleLabelsSchema = z
  .object({ holder: z.string().min(1).max(30), obligor: z.string().min(1).max(30), agent: z.string().min(1).max(30) })
  .strict();

export const catalogEntrySchema = z
  .object({
    id: businessTypeKeySchema,
    registrationType: registrationTypeIdSchema,
    rightType: rightTypeIdSchema,
    registrationTypeName: z.string().min(1).max(30),
    rightTypeName: z.string().min(1).max(40),
    /** Full name, e.g. 国有建设用地使用权及房屋所有权转移登记. */
    name: z.string().min(1).max(60),
    typeCode: z.number().int().min(1).max(9),
    enabled: z.boolean(),
    origin: z.enum(['application', 'commission']),
    roles: rolesSchema,
    roleLabels: roleLabelsSchema,
    signaturesRequired: z.boolean(),
    coOwnership: z.boolean(),
    materials: z.array(catalogMaterialSchema).min(1),
    feeRule: catalogFeeRuleSchema,
    tracks: tracksSchema,
    promisedWorkingDays: z.number().int().min(0).max(30),
    issues: issuesSchema,
    unitKind: unitKindSchema,
    /** Mortgage kinds the case may choose (empty for non-mortgage types). */
    mortgageKinds: z.array(mortgageKindSchema),
    /** The pre-catalogue id stored cases carry (null for types added by the catalogue). */
    legacyId: businessTypeIdSchema.nullable(),
    /** Articles the type as a whole rests on. */
    basis: z.string().max(200),
  })
  .strict()
  .superRefine((entry, ctx) => {
    for (const p of catalogEntryProblems(entry)) ctx.addIssue({ code: 'custom', path: p.path, message: p.message });
  });
export type CatalogEntry = z.infer<typeof catalogEntrySchema>;

/** The stored ids of the first release, mapped to their catalogue entries (for the data migration). */
export const LEGACY_BUSINESS_TYPE_MAP: Readonly<Record<BusinessTypeId, BusinessTypeKey>> = {
  first: 'first.stateLandHouse',
  transfer: 'transfer.stateLandHouse',
  change: 'change.stateLandHouse',
  cancellation: 'cancellation.stateLandHouse',
  correction: 'correction.stateLandHouse',
  objection: 'objection.stateLandHouse',
  preRegistration: 'preRegistration.stateLandHouse',
  mortgageFirst: 'mortgageFirst.mortgage',
  mortgageChange: 'mortgageChange.mortgage',
  mortgageCancellation: 'mortgageCancellation.mortgage',
  easement: 'first.easement',
  seizure: 'seizure.stateLandHouse',
};

/** The consistency rules every entry meets, built-in or after an office's configuration. */
export function catalogEntryProblems(entry: {
  id: string;
  registrationType: RegistrationTypeId;
  rightType: RightTypeId;
  origin: 'application' | 'commission';
  roles: Record<ApplicantRole, RoleRequirement>;
  signaturesRequired: boolean;
  coOwnership: boolean;
  materials: readonly CatalogMaterial[];
  mortgageKinds: readonly MortgageKind[];
}): Array<{ path: Array<string | number>; message: string }> {
  const problems: Array<{ path: Array<string | number>; message: string }> = [];
  if (entry.id !== `${entry.registrationType}.${entry.rightType}`) {
    problems.push({ path: ['id'], message: `业务类型编号应为 ${entry.registrationType}.${entry.rightType}` });
  }
  entry.materials.forEach((mat, i) => {
    if (entry.materials.findIndex((o) => o.id === mat.id && sameKinds(o, mat)) !== i) {
      problems.push({ path: ['materials', i, 'id'], message: `材料编号 ${mat.id} 重复，每项材料的编号应唯一` });
    }
    if ((mat.requirement === 'required' || mat.requirement === 'withAgent') && isContractFilingMaterial(mat.name)) {
      problems.push({ path: ['materials', i, 'requirement'], message: `“${mat.name}”${CONTRACT_FILING_REFUSAL}` });
    }
    for (const kind of mat.mortgageKinds ?? []) {
      if (!entry.mortgageKinds.includes(kind)) {
        problems.push({ path: ['materials', i, 'mortgageKinds'], message: `本业务不适用抵押方式 ${kind}` });
      }
    }
  });
  const has = (id: string, ...requirements: string[]): boolean =>
    entry.materials.some((mat) => mat.id === id && requirements.includes(mat.requirement));
  if (entry.roles.agent !== 'none' && !has('powerOfAttorney', 'withAgent', 'required')) {
    problems.push({ path: ['materials'], message: '允许代理人办理的业务，材料清单必须包含授权委托书（powerOfAttorney），且为“代理时必交”或“必交”' });
  }
  if (entry.origin === 'commission') {
    if (entry.roles.holder !== 'none' || entry.roles.obligor !== 'none' || entry.roles.agent !== 'none') {
      problems.push({ path: ['roles'], message: '嘱托登记（如人民法院查封）没有申请人，权利人、义务人、代理人均应为 none' });
    }
    if (entry.signaturesRequired) problems.push({ path: ['signaturesRequired'], message: '嘱托登记没有申请人签名，应为 false' });
  } else {
    if (entry.roles.holder !== 'required' && entry.roles.obligor !== 'required') {
      problems.push({ path: ['roles'], message: '依申请登记至少要有一方申请人（权利人或义务人）为 required' });
    }
    if (!has('applicationForm', 'required')) {
      problems.push({ path: ['materials'], message: '依申请登记的材料清单必须包含必交的不动产登记申请书（applicationForm）' });
    }
  }
  if (entry.coOwnership && entry.roles.holder === 'none') {
    problems.push({ path: ['coOwnership'], message: '没有权利人的业务不适用共有方式，coOwnership 应为 false' });
  }
  return problems;
}

/**
 * The checklist for one case: materials limited to a mortgage kind appear only for that kind.
 * Pass the case's mortgage kind for mortgage types (defaults to 'general').
 */
export function materialsFor(entry: Pick<CatalogEntry, 'materials' | 'mortgageKinds'>, options: { mortgageKind?: MortgageKind } = {}): CatalogMaterial[] {
  const kind = entry.mortgageKinds.length > 0 ? (options.mortgageKind ?? 'general') : undefined;
  return entry.materials.filter((mat) => !mat.mortgageKinds || (kind !== undefined && mat.mortgageKinds.includes(kind)));
}

export function catalogEntryById(entries: readonly CatalogEntry[], id: string): CatalogEntry | undefined {
  return entries.find((e) => e.id === id);
}

/** A stored id of either generation: a legacy id (`transfer`) is mapped; a key is looked up as is. */
export function resolveBusinessType(entries: readonly CatalogEntry[], storedId: string): CatalogEntry | undefined {
  const parsed = businessTypeIdSchema.safeParse(storedId);
  return catalogEntryById(entries, parsed.success ? LEGACY_BUSINESS_TYPE_MAP[parsed.data] : storedId);
}

export function businessTypeKey(registrationType: RegistrationTypeId, rightType: RightTypeId): BusinessTypeKey {
  return `${registrationType}.${rightType}`;
}

function sameKinds(a: CatalogMaterial, b: CatalogMaterial): boolean {
  const ka = a.mortgageKinds ?? MORTGAGE_KINDS;
  const kb = b.mortgageKinds ?? MORTGAGE_KINDS;
  return ka.some((k) => kb.includes(k));
}

// ---- the built-in matrix --------------------------------------------------------------------

type Roles = CatalogEntry['roles'];
const STANDARD: Roles = { holder: 'required', obligor: 'none', agent: 'optional' };
const BOTH: Roles = { holder: 'required', obligor: 'required', agent: 'optional' };
const HOLDER_OBLIGOR_OPTIONAL: Roles = { holder: 'required', obligor: 'optional', agent: 'optional' };
const NOBODY: Roles = { holder: 'none', obligor: 'none', agent: 'none' };
const NO_TRACKS: Tracks = { transaction: 'never', tax: 'never' };

const OWNERSHIP_RIGHTS: readonly RightTypeId[] = [
  'collectiveLandOwnership',
  'stateLandUse',
  'stateLandHouse',
  'homesteadLand',
  'homestead',
  'collectiveConstructionLand',
  'collectiveConstructionBuilding',
  'landContract',
  'forest',
  'seaArea',
  'seaAreaStructure',
];
/** Rights a court may seize (查封 is of a holder's property right, not of a mortgage, easement or residence). */
const SEIZABLE = OWNERSHIP_RIGHTS.filter((r) => r !== 'collectiveLandOwnership');

interface Spec {
  materials: CatalogMaterial[];
  roles?: Roles;
  labels?: Partial<Record<ApplicantRole, string>>;
  coOwnership?: boolean;
  feeRule?: CatalogFeeRule;
  tracks?: Tracks;
  promisedWorkingDays?: number;
  issues?: Issues;
  origin?: 'application' | 'commission';
  mortgageKinds?: MortgageKind[];
  basis?: string;
}

export const DEFAULT_CATALOG: readonly CatalogEntry[] = buildDefaultCatalog();

function buildDefaultCatalog(): CatalogEntry[] {
  const entries: CatalogEntry[] = [];
  const add = (registrationType: RegistrationTypeId, rightType: RightTypeId, spec: Spec): void => {
    entries.push(entry(registrationType, rightType, spec));
  };

  for (const right of OWNERSHIP_RIGHTS) {
    const rt = rightTypeById(right);
    add('first', right, { materials: firstMaterials(right), coOwnership: right !== 'collectiveLandOwnership', basis: rt.basis });
    add('change', right, { materials: [...CATALOG_APPLICATION, CATALOG_MATERIALS.titleCertificate, CATALOG_MATERIALS.changeProof, ...CATALOG_AGENCY], basis: '细则 第26、37条' });
    add('transfer', right, {
      materials: [...CATALOG_APPLICATION, CATALOG_MATERIALS.titleCertificate, CATALOG_MATERIALS.transferContract, CATALOG_MATERIALS.taxReceiptBeforeEntry, CATALOG_MATERIALS.maritalStatusProof, ...CATALOG_AGENCY],
      roles: BOTH,
      labels: { holder: '权利人（受让方）', obligor: '义务人（转让方）' },
      tracks: rt.withHouse ? { transaction: 'houses', tax: 'always' } : { transaction: 'never', tax: 'always' },
      basis: '细则 第27、38条',
    });
    add('cancellation', right, {
      materials: [...CATALOG_APPLICATION, CATALOG_MATERIALS.titleCertificate, CATALOG_MATERIALS.rightEndedProof, ...CATALOG_AGENCY],
      coOwnership: false,
      feeRule: 'free',
      issues: 'none',
      basis: '细则 第28条',
    });
  }

  // 预购商品房预告登记 (细则 第85条第1项) on houses; 预告抵押 on mortgage.
  add('preRegistration', 'stateLandHouse', {
    materials: [...CATALOG_APPLICATION, CATALOG_MATERIALS.purchaseContract, CATALOG_MATERIALS.preRegistrationAgreement, ...CATALOG_AGENCY],
    roles: BOTH,
    labels: { holder: '预告登记权利人（买受人）', obligor: '义务人（出卖人）' },
    feeRule: 'free',
    promisedWorkingDays: 0,
    issues: 'proof',
  });
  add('preRegistration', 'mortgage', {
    materials: [...CATALOG_APPLICATION, CATALOG_MATERIALS.preMortgageContracts, CATALOG_MATERIALS.preRegistrationProof, CATALOG_MATERIALS.preRegistrationAgreement, ...CATALOG_AGENCY],
    roles: BOTH,
    labels: { holder: '预告抵押权人', obligor: '预告抵押人' },
    coOwnership: false,
    feeRule: 'free',
    promisedWorkingDays: 0,
    issues: 'proof',
  });
  for (const right of ['stateLandHouse', 'mortgage'] as const) {
    const labels = right === 'mortgage' ? { holder: '预告抵押权人', obligor: '预告抵押人' } : { holder: '预告登记权利人', obligor: '义务人' };
    add('preRegistrationChange', right, {
      materials: [...CATALOG_APPLICATION, CATALOG_MATERIALS.preRegistrationProof, CATALOG_MATERIALS.preRegistrationChangeProof, ...CATALOG_AGENCY],
      roles: BOTH,
      labels,
      coOwnership: right !== 'mortgage',
      feeRule: 'free',
      promisedWorkingDays: 0,
      issues: 'proof',
    });
    add('preRegistrationTransfer', right, {
      materials: [...CATALOG_APPLICATION, CATALOG_MATERIALS.preRegistrationProof, CATALOG_MATERIALS.preRegistrationChangeProof, ...CATALOG_AGENCY],
      roles: BOTH,
      labels: { holder: '预告登记权利人（受让方）', obligor: '原预告登记权利人' },
      coOwnership: right !== 'mortgage',
      feeRule: 'free',
      promisedWorkingDays: 0,
      issues: 'proof',
    });
    add('preRegistrationCancellation', right, {
      materials: [...CATALOG_APPLICATION, CATALOG_MATERIALS.preRegistrationProof, CATALOG_MATERIALS.preRegistrationEndedProof, ...CATALOG_AGENCY],
      roles: HOLDER_OBLIGOR_OPTIONAL,
      labels,
      coOwnership: false,
      feeRule: 'free',
      promisedWorkingDays: 0,
      issues: 'none',
    });
  }

  // 抵押权 (细则 第65–77条). One entry per registration type; the kind is chosen per case.
  const mortgageLabels = { holder: '抵押权人', obligor: '抵押人' };
  add('mortgageFirst', 'mortgage', {
    materials: [
      ...CATALOG_APPLICATION,
      CATALOG_MATERIALS.mortgageTitle,
      CATALOG_MATERIALS.mortgageContract,
      CATALOG_MATERIALS.principalDebtContract,
      CATALOG_MATERIALS.maximumMortgageContract,
      CATALOG_MATERIALS.maximumDebtContracts,
      CATALOG_MATERIALS.constructionMortgageContract,
      CATALOG_MATERIALS.constructionPermit,
      ...CATALOG_AGENCY,
    ],
    roles: BOTH,
    labels: mortgageLabels,
    coOwnership: false,
    promisedWorkingDays: 0,
    issues: 'proof',
    mortgageKinds: [...MORTGAGE_KINDS],
    basis: '细则 第66、71、75条',
  });
  add('mortgageChange', 'mortgage', {
    materials: [...CATALOG_APPLICATION, CATALOG_MATERIALS.titleCertificate, CATALOG_MATERIALS.registrationProof, CATALOG_MATERIALS.mortgageChangeProof, ...CATALOG_AGENCY],
    roles: BOTH,
    labels: mortgageLabels,
    coOwnership: false,
    promisedWorkingDays: 0,
    issues: 'proof',
    mortgageKinds: [...MORTGAGE_KINDS],
  });
  add('mortgageTransfer', 'mortgage', {
    materials: [...CATALOG_APPLICATION, CATALOG_MATERIALS.registrationProof, CATALOG_MATERIALS.debtTransferAgreement, CATALOG_MATERIALS.debtorNotified, ...CATALOG_AGENCY],
    roles: BOTH,
    labels: { holder: '抵押权人（受让方）', obligor: '原抵押权人（转让方）' },
    coOwnership: false,
    promisedWorkingDays: 0,
    issues: 'proof',
    mortgageKinds: [...MORTGAGE_KINDS],
  });
  add('mortgageCancellation', 'mortgage', {
    materials: [...CATALOG_APPLICATION, CATALOG_MATERIALS.registrationProof, CATALOG_MATERIALS.mortgageEndedProof, ...CATALOG_AGENCY],
    roles: HOLDER_OBLIGOR_OPTIONAL,
    labels: mortgageLabels,
    coOwnership: false,
    feeRule: 'free',
    promisedWorkingDays: 0,
    issues: 'none',
    mortgageKinds: [...MORTGAGE_KINDS],
  });

  // 地役权 (细则 第60–64条): the proof goes to the 需役地 holder; the 供役地 register only notes it.
  const easementLabels = { holder: '需役地权利人', obligor: '供役地权利人' };
  add('first', 'easement', {
    materials: [...CATALOG_APPLICATION, CATALOG_MATERIALS.easementContract, CATALOG_MATERIALS.easementTitles, ...CATALOG_AGENCY],
    roles: BOTH,
    labels: easementLabels,
    coOwnership: false,
    issues: 'proof',
    basis: '细则 第60条',
  });
  for (const reg of ['change', 'transfer'] as const) {
    add(reg, 'easement', {
      materials: [...CATALOG_APPLICATION, CATALOG_MATERIALS.registrationProof, CATALOG_MATERIALS.easementChangeProof, ...CATALOG_AGENCY],
      roles: BOTH,
      labels: easementLabels,
      coOwnership: false,
      issues: 'proof',
      basis: '细则 第61–62条',
    });
  }
  add('cancellation', 'easement', {
    materials: [...CATALOG_APPLICATION, CATALOG_MATERIALS.registrationProof, CATALOG_MATERIALS.rightEndedProof, ...CATALOG_AGENCY],
    roles: HOLDER_OBLIGOR_OPTIONAL,
    labels: easementLabels,
    coOwnership: false,
    feeRule: 'free',
    issues: 'none',
    basis: '细则 第63条',
  });

  // 居住权 (民法典 第366–371条): not transferable or inheritable (第369条), so no 转移.
  const residenceLabels = { holder: '居住权人', obligor: '住宅所有权人' };
  add('first', 'residence', {
    materials: [...CATALOG_APPLICATION, CATALOG_MATERIALS.residenceHouseTitle, CATALOG_MATERIALS.residenceContract, ...CATALOG_AGENCY],
    roles: BOTH,
    labels: residenceLabels,
    issues: 'proof',
    basis: '民法典 第366–368、371条',
  });
  add('change', 'residence', {
    materials: [...CATALOG_APPLICATION, CATALOG_MATERIALS.registrationProof, CATALOG_MATERIALS.residenceChangeProof, ...CATALOG_AGENCY],
    roles: BOTH,
    labels: residenceLabels,
    issues: 'proof',
    basis: '民法典 第368条',
  });
  add('cancellation', 'residence', {
    materials: [...CATALOG_APPLICATION, CATALOG_MATERIALS.registrationProof, CATALOG_MATERIALS.residenceEndedProof, ...CATALOG_AGENCY],
    roles: HOLDER_OBLIGOR_OPTIONAL,
    labels: residenceLabels,
    coOwnership: false,
    feeRule: 'free',
    issues: 'none',
    basis: '民法典 第370条',
  });

  // 更正, 异议, 异议注销 and 换证/补证 apply to every right; 查封/解封 to seizable ones.
  const allRights: RightTypeId[] = [...OWNERSHIP_RIGHTS, 'easement', 'mortgage', 'residence'];
  for (const right of allRights) {
    const ownership = rightTypeById(right).family === 'ownership';
    add('correction', right, {
      materials: [
        ...CATALOG_APPLICATION,
        { ...(ownership ? CATALOG_MATERIALS.titleCertificate : CATALOG_MATERIALS.registrationProof), requirement: 'optional', note: '权利人申请时提交' },
        { ...CATALOG_MATERIALS.interestProof, requirement: 'optional', note: '利害关系人申请时提交' },
        CATALOG_MATERIALS.errorProof,
        ...CATALOG_AGENCY,
      ],
      labels: { holder: '申请人（权利人或利害关系人）' },
      coOwnership: ownership,
      feeRule: 'correction',
      issues: ownership ? 'certificate' : 'proof',
    });
    add('objection', right, {
      materials: [...CATALOG_APPLICATION, CATALOG_MATERIALS.interestProof, CATALOG_MATERIALS.errorProof, ...CATALOG_AGENCY],
      labels: { holder: '异议申请人（利害关系人）' },
      coOwnership: false,
      feeRule: 'objection',
      issues: 'proof',
    });
    add('objectionCancellation', right, {
      materials: [...CATALOG_APPLICATION, { ...CATALOG_MATERIALS.registrationProof, name: '不动产登记证明（异议登记证明）', basis: '细则 第84条' }, CATALOG_MATERIALS.objectionEndedProof, ...CATALOG_AGENCY],
      labels: { holder: '申请人（异议申请人或权利人）' },
      coOwnership: false,
      feeRule: 'free',
      issues: 'none',
    });
    add('certificateReplacement', right, {
      materials: [...CATALOG_APPLICATION, CATALOG_MATERIALS.damagedCertificate, ...CATALOG_AGENCY],
      coOwnership: false,
      feeRule: 'certificateOnly',
      issues: ownership ? 'certificate' : 'proof',
    });
    add('certificateReissue', right, {
      materials: [...CATALOG_APPLICATION, CATALOG_MATERIALS.lossStatement, ...CATALOG_AGENCY],
      coOwnership: false,
      feeRule: 'certificateOnly',
      issues: ownership ? 'certificate' : 'proof',
      // 细则 第23条: the loss is announced on the office's portal for 15 working days first.
      promisedWorkingDays: 20,
    });
  }
  for (const right of SEIZABLE) {
    add('seizure', right, {
      materials: [CATALOG_MATERIALS.courtAssistanceNotice, CATALOG_MATERIALS.courtRuling, CATALOG_MATERIALS.courtOfficerCredentials],
      roles: NOBODY,
      coOwnership: false,
      origin: 'commission',
      feeRule: 'free',
      promisedWorkingDays: 0,
      issues: 'none',
    });
    add('seizureRelease', right, {
      materials: [CATALOG_MATERIALS.releaseNotice, CATALOG_MATERIALS.releaseRuling, CATALOG_MATERIALS.courtOfficerCredentials],
      roles: NOBODY,
      coOwnership: false,
      origin: 'commission',
      feeRule: 'free',
      promisedWorkingDays: 0,
      issues: 'none',
    });
  }
  return entries;
}

function firstMaterials(right: RightTypeId): CatalogMaterial[] {
  switch (right) {
    case 'collectiveLandOwnership':
    case 'stateLandUse':
    case 'collectiveConstructionLand':
      return [
        ...CATALOG_APPLICATION,
        CATALOG_MATERIALS.landSourceOnly,
        CATALOG_MATERIALS.cadastralSurvey,
        ...(right === 'stateLandUse' ? [CATALOG_MATERIALS.landPriceReceipt] : []),
        ...(right === 'collectiveConstructionLand' ? [CATALOG_MATERIALS.collectiveConsent] : []),
        ...CATALOG_AGENCY,
      ];
    case 'homesteadLand':
      return [...CATALOG_APPLICATION, CATALOG_MATERIALS.householdRegister, CATALOG_MATERIALS.homesteadApproval, CATALOG_MATERIALS.homesteadSurvey, ...CATALOG_AGENCY];
    case 'homestead':
      return [...CATALOG_APPLICATION, CATALOG_MATERIALS.householdRegister, CATALOG_MATERIALS.homesteadApproval, CATALOG_MATERIALS.homesteadBuilding, CATALOG_MATERIALS.homesteadSurvey, ...CATALOG_AGENCY];
    case 'landContract':
      return [...CATALOG_APPLICATION, CATALOG_MATERIALS.contractForLand, CATALOG_MATERIALS.cadastralSurvey, ...CATALOG_AGENCY];
    case 'forest':
      return [...CATALOG_APPLICATION, CATALOG_MATERIALS.forestSource, CATALOG_MATERIALS.cadastralSurvey, ...CATALOG_AGENCY];
    case 'seaArea':
      return [...CATALOG_APPLICATION, CATALOG_MATERIALS.seaAreaSource, CATALOG_MATERIALS.seaSurvey, ...CATALOG_AGENCY];
    case 'seaAreaStructure':
      return [...CATALOG_APPLICATION, CATALOG_MATERIALS.titleCertificate, CATALOG_MATERIALS.planningCompliance, CATALOG_MATERIALS.completionProof, CATALOG_MATERIALS.surveyReport, ...CATALOG_AGENCY];
    case 'stateLandHouse':
    case 'collectiveConstructionBuilding':
      return [
        ...CATALOG_APPLICATION,
        CATALOG_MATERIALS.landTitleSource,
        CATALOG_MATERIALS.planningCompliance,
        CATALOG_MATERIALS.completionProof,
        CATALOG_MATERIALS.surveyReport,
        CATALOG_MATERIALS.taxReceiptOptional,
        ...CATALOG_AGENCY,
      ];
    default:
      throw new RangeError(`no first registration materials for ${right}`);
  }
}

/** Fee rules the rights themselves impose (2559号 三: 宅基地 pays 工本费 only). */
function rightFeeRule(right: RightTypeId, registrationType: RegistrationTypeId): CatalogFeeRule | undefined {
  const ordinary = registrationType === 'first' || registrationType === 'change' || registrationType === 'transfer';
  if (ordinary && (right === 'homestead' || right === 'homesteadLand')) return 'certificateOnly';
  return undefined;
}

function entry(registrationType: RegistrationTypeId, rightType: RightTypeId, spec: Spec): CatalogEntry {
  const reg = registrationTypeById(registrationType);
  const right = rightTypeById(rightType);
  const key = businessTypeKey(registrationType, rightType);
  const legacy = (Object.entries(LEGACY_BUSINESS_TYPE_MAP) as Array<[BusinessTypeId, string]>).find(([, k]) => k === key)?.[0] ?? null;
  const roles = spec.roles ?? STANDARD;
  return {
    id: key,
    registrationType,
    rightType,
    registrationTypeName: reg.name,
    rightTypeName: right.name,
    // A registration type that already names its right (抵押权首次登记) is not prefixed again.
    name: reg.name.startsWith(right.name) ? reg.name : `${right.name}${reg.name}`,
    typeCode: reg.typeCode,
    enabled: true,
    origin: spec.origin ?? 'application',
    roles,
    roleLabels: { ...APPLICANT_ROLE_LABELS, ...spec.labels },
    signaturesRequired: (spec.origin ?? 'application') === 'application',
    coOwnership: spec.coOwnership ?? roles.holder !== 'none',
    materials: spec.materials,
    feeRule: spec.feeRule ?? rightFeeRule(rightType, registrationType) ?? 'standard',
    tracks: spec.tracks ?? NO_TRACKS,
    promisedWorkingDays: spec.promisedWorkingDays ?? 5,
    issues: spec.issues ?? (right.family === 'ownership' ? 'certificate' : 'proof'),
    unitKind: right.family === 'ownership' || rightType === 'residence' ? (right.withHouse ? 'house' : 'land') : 'any',
    mortgageKinds: spec.mortgageKinds ?? [],
    legacyId: legacy,
    basis: spec.basis ?? reg.basis,
  };
}
