import {
  parseCertificateNumber,
  SQUARE_METRES_PER,
  validatePhone,
  validateUnitCode,
  type CaseView,
  type MethodInput,
} from '../../../../electron/contract';
import type { BusinessTypeInfo } from '../cases/case-labels';

/**
 * Case model v2 on the intake form (issue #10): the parts of the official 不动产登记申请书 beyond
 * name, number and unit code — per applicant, per unit, per material and for the case as a whole.
 * Kept apart from intake-form.ts (rows, saving) so each concept stays in one small file.
 */

type SaveInput = MethodInput<'cases.saveDraft'>;
export type ApplicationInputValue = NonNullable<SaveInput['application']>;
export type RealEstateType = NonNullable<NonNullable<SaveInput['units'][number]['realEstateType']>>;
export type AreaUnit = 'm2' | 'mu' | 'hectare';
export type MortgageMethod = 'general' | 'maximum' | 'construction';
export type CollectionMethod = 'window' | 'mail' | 'electronic';
export type Channel = 'window' | 'online' | 'bank' | 'developer';

/** Per applicant (申请书 每一申请人): shown under 更多信息. */
export interface PartyExtra {
  address: string;
  postalCode: string;
  /** 法定代表人 or 负责人 of an organisation. */
  representativeTitle: 'legalRepresentative' | 'responsiblePerson';
  representativeName: string;
  representativeIdNumber: string;
  /** 代理机构 of an agent. */
  agencyName: string;
  agencyCreditCode: string;
  /** For an agent: the rows (keys) of the principals who appointed them. */
  actsFor: string[];
}

export interface UnitExtra {
  realEstateType: RealEstateType | null;
  /** 规划用途 as the documents say it; the fee class stays `use`. */
  plannedUse: string;
  areaUnit: AreaUnit;
  /** 原不动产权证书号 as typed: never rewritten. */
  previousCertificateNumber: string;
}

export interface MortgageForm {
  method: MortgageMethod;
  /** 被担保主债权数额 / 最高债权额, in 元 as typed. */
  amountYuan: number | null;
  termFrom: string;
  termTo: string;
  rank: number | null;
  scope: string;
  constructionScope: string;
  transferRestricted: boolean | null;
}

export interface ApplicationForm {
  reason: string;
  reasonDocuments: string;
  mortgage: MortgageForm;
  dominantUnitCode: string;
  dominantAddress: string;
  certificateFormat: 'single' | 'integrated';
  separateCertificates: boolean;
  collection: { method: CollectionMethod; recipient: string; address: string; phone: string; phoneMasked: string | null };
  channel: Channel;
  note: string;
}

export const emptyPartyExtra = (): PartyExtra => ({
  address: '',
  postalCode: '',
  representativeTitle: 'legalRepresentative',
  representativeName: '',
  representativeIdNumber: '',
  agencyName: '',
  agencyCreditCode: '',
  actsFor: [],
});

export const emptyUnitExtra = (): UnitExtra => ({ realEstateType: null, plannedUse: '', areaUnit: 'm2', previousCertificateNumber: '' });

export function emptyApplication(type?: BusinessTypeInfo | null): ApplicationForm {
  return {
    reason: '',
    reasonDocuments: '',
    mortgage: { method: defaultMortgageMethod(type), amountYuan: null, termFrom: '', termTo: '', rank: null, scope: '', constructionScope: '', transferRestricted: null },
    dominantUnitCode: '',
    dominantAddress: '',
    certificateFormat: 'single',
    separateCertificates: false,
    collection: { method: 'window', recipient: '', address: '', phone: '', phoneMasked: null },
    channel: 'window',
    note: '',
  };
}

// ── What the business type asks for ───────────────────────────────────────────────────────────

/** The catalogue facts of a type, read from the catalogue fields, or from the legacy id. */
interface TypeFacts {
  registrationType: string;
  rightType: string;
  mortgageKinds: readonly string[];
}
function facts(type: BusinessTypeInfo | null | undefined): TypeFacts {
  const t = (type ?? {}) as Partial<TypeFacts> & { id?: string };
  const [reg, right] = (t.id ?? '').split('.');
  return {
    registrationType: t.registrationType ?? reg ?? '',
    rightType: t.rightType ?? right ?? (t.id === 'easement' ? 'easement' : ''),
    mortgageKinds: t.mortgageKinds ?? [],
  };
}

/** A mortgage registration (抵押权 登记): the mortgage block applies. */
export function isMortgageType(type: BusinessTypeInfo | null | undefined): boolean {
  const f = facts(type);
  return f.registrationType.startsWith('mortgage') || f.rightType === 'mortgage' || f.mortgageKinds.length > 0;
}

/** 地役权: the 需役地 applies. */
export function isEasementType(type: BusinessTypeInfo | null | undefined): boolean {
  return facts(type).rightType === 'easement';
}

/** The mortgage methods (kinds) the type offers; all three when the type does not say. */
export function mortgageMethodsOf(type: BusinessTypeInfo | null | undefined): MortgageMethod[] {
  const kinds = facts(type).mortgageKinds.filter((k): k is MortgageMethod => k === 'general' || k === 'maximum' || k === 'construction');
  return kinds.length > 0 ? kinds : ['general', 'maximum', 'construction'];
}

function defaultMortgageMethod(type: BusinessTypeInfo | null | undefined): MortgageMethod {
  return mortgageMethodsOf(type)[0] ?? 'general';
}

export const MORTGAGE_METHOD_LABELS: Record<MortgageMethod, string> = { general: '一般抵押', maximum: '最高额抵押', construction: '在建建筑物抵押' };

/** 一般 vs 最高额 name the amount and the term differently on the 申请书. */
export function mortgageLabels(method: MortgageMethod): { amount: string; term: string } {
  return method === 'maximum' ? { amount: '最高债权额', term: '债权确定期间' } : { amount: '被担保主债权数额', term: '债务履行期限' };
}

export const COLLECTION_LABELS: Record<CollectionMethod, string> = { window: '窗口领取', mail: '邮寄', electronic: '仅电子证照' };
export const CHANNEL_LABELS: Record<Channel, string> = { window: '窗口', online: '网上', bank: '银行网点', developer: '开发企业' };
export const AREA_UNIT_OPTIONS: Record<AreaUnit, string> = { m2: 'm²', mu: '亩', hectare: '公顷' };

// ── Problems, each at its field, in Chinese ────────────────────────────────────────────────────

export interface PartyExtraProblems {
  postalCode?: string;
  representativeName?: string;
  actsFor?: string;
}

export function partyExtraProblems(extra: PartyExtra, role: string, idType: string): PartyExtraProblems {
  const p: PartyExtraProblems = {};
  if (extra.postalCode.trim() !== '' && !/^\d{6}$/.test(extra.postalCode.trim())) p.postalCode = '邮政编码应为 6 位数字';
  if (idType === 'organization' && extra.representativeIdNumber.trim() !== '' && extra.representativeName.trim() === '') {
    p.representativeName = '请填写法定代表人或负责人姓名';
  }
  if (role === 'agent' && extra.actsFor.length === 0) p.actsFor = '请选择该代理人代理的申请人';
  return p;
}

/** What the 原不动产权证书号 says while it is typed: the parser's reading or its reasons. */
export function previousCertificateMessage(value: string): { ok: true; text: string } | { ok: false; reasons: string[] } | null {
  if (value.trim() === '') return null;
  const check = parseCertificateNumber(value);
  if (!check.valid) return { ok: false, reasons: check.reasons };
  const kind = check.kind === 'proof' ? '不动产登记证明' : '不动产权证书';
  return { ok: true, text: `${kind}：${check.province}（${check.year}）${check.place} 第 ${check.serial} 号` };
}

export interface UnitExtraProblems {
  previousCertificateNumber?: string[];
}

export function unitExtraProblems(extra: UnitExtra): UnitExtraProblems {
  const message = previousCertificateMessage(extra.previousCertificateNumber);
  return message && !message.ok ? { previousCertificateNumber: message.reasons } : {};
}

export interface ApplicationProblems {
  amountYuan?: string;
  term?: string;
  rank?: string;
  dominantUnitCode?: string[];
  dominantAddress?: string;
  recipient?: string;
  collectionAddress?: string;
  collectionPhone?: string[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Wrong values block leaving the step; empty optional fields do not (the acceptance rules name what 受理 needs). */
export function applicationProblems(a: ApplicationForm, type: BusinessTypeInfo | null | undefined): ApplicationProblems {
  const p: ApplicationProblems = {};
  if (isMortgageType(type)) {
    const labels = mortgageLabels(a.mortgage.method);
    if (a.mortgage.amountYuan !== null && a.mortgage.amountYuan <= 0) p.amountYuan = `${labels.amount}应大于 0`;
    const { termFrom, termTo } = a.mortgage;
    if ((termFrom && !DATE.test(termFrom)) || (termTo && !DATE.test(termTo))) p.term = '日期格式应为 2026-12-03';
    else if (termFrom && termTo && termFrom > termTo) p.term = `${labels.term}的起始日期不能晚于截止日期`;
    if (a.mortgage.rank !== null && (!Number.isInteger(a.mortgage.rank) || a.mortgage.rank < 1)) p.rank = '抵押顺位为正整数';
  }
  if (isEasementType(type) && a.dominantUnitCode.trim() !== '') {
    const check = validateUnitCode(a.dominantUnitCode);
    if (!check.valid) p.dominantUnitCode = check.reasons;
    if (a.dominantAddress.trim() === '') p.dominantAddress = '请填写需役地坐落';
  }
  if (a.collection.method === 'mail') {
    if (a.collection.recipient.trim() === '') p.recipient = '邮寄领证请填写收件人';
    if (a.collection.address.trim() === '') p.collectionAddress = '邮寄领证请填写邮寄地址';
    if (a.collection.phone.trim() === '') {
      // A saved phone shows masked (as the placeholder) and is kept as stored.
      if (!a.collection.phoneMasked) p.collectionPhone = ['邮寄领证请填写收件人电话'];
    } else {
      const check = validatePhone(a.collection.phone);
      if (!check.valid) p.collectionPhone = check.reasons;
    }
  }
  return p;
}

// ── To the contract and back ───────────────────────────────────────────────────────────────────

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** The v2 fields of one party for saveDraft; `ordinalOf` maps a row key to its ordinal in this save. */
export function partyExtraInput(extra: PartyExtra, role: string, idType: string, ordinalOf: (key: string) => number | null) {
  const representative =
    idType === 'organization' && extra.representativeName.trim() !== ''
      ? { title: extra.representativeTitle, name: extra.representativeName.trim(), idNumber: extra.representativeIdNumber.trim().toUpperCase() }
      : null;
  return {
    address: orNull(extra.address),
    postalCode: /^\d{6}$/.test(extra.postalCode.trim()) ? extra.postalCode.trim() : null,
    legalRepresentative: representative,
    actsFor: role === 'agent' ? extra.actsFor.map(ordinalOf).filter((n): n is number => n !== null) : [],
    agency: role === 'agent' && extra.agencyName.trim() !== '' ? { name: extra.agencyName.trim(), creditCode: orNull(extra.agencyCreditCode) } : null,
  };
}

/** The v2 fields of one unit for saveDraft; the area goes both with its unit and in square metres. */
export function unitExtraInput(extra: UnitExtra, areaValue: number | null) {
  const converted = areaValue === null ? null : Math.round(areaValue * SQUARE_METRES_PER[extra.areaUnit] * 100) / 100;
  // A large forest or sea area in square metres exceeds the field's range: its unit carries it.
  const areaM2 = converted !== null && converted <= 1_000_000 ? converted : null;
  return {
    areaM2,
    realEstateType: extra.realEstateType,
    plannedUse: orNull(extra.plannedUse),
    area: areaValue === null ? null : { value: areaValue, unit: extra.areaUnit },
    previousCertificateNumber: orNull(extra.previousCertificateNumber),
  };
}

export function applicationInput(a: ApplicationForm, type: BusinessTypeInfo | null | undefined): ApplicationInputValue {
  const m = a.mortgage;
  const easement = isEasementType(type) && a.dominantUnitCode.trim() !== '' && a.dominantAddress.trim() !== '';
  const mail = a.collection.method === 'mail';
  return {
    reason: orNull(a.reason),
    reasonDocuments: orNull(a.reasonDocuments),
    mortgage: isMortgageType(type)
      ? {
          method: m.method,
          amountFen: m.amountYuan === null ? null : Math.round(m.amountYuan * 100),
          termFrom: DATE.test(m.termFrom) ? m.termFrom : null,
          termTo: DATE.test(m.termTo) ? m.termTo : null,
          rank: m.rank,
          scope: orNull(m.scope),
          constructionScope: m.method === 'construction' ? orNull(m.constructionScope) : null,
          transferRestricted: m.transferRestricted,
        }
      : null,
    dominantUnit: easement ? { unitCode: a.dominantUnitCode.trim().toUpperCase(), address: a.dominantAddress.trim() } : null,
    certificateFormat: a.certificateFormat,
    separateCertificates: a.separateCertificates,
    collection: {
      method: a.collection.method,
      recipient: mail ? orNull(a.collection.recipient) : null,
      address: mail ? orNull(a.collection.address) : null,
      phone: mail ? (orNull(a.collection.phone) ?? a.collection.phoneMasked) : null,
    },
    channel: a.channel,
    note: orNull(a.note),
  };
}

/** The form's application part from a saved case. */
export function applicationFromCase(view: CaseView, type: BusinessTypeInfo | null | undefined): ApplicationForm {
  const a = view.application;
  const base = emptyApplication(type);
  if (!a) return base;
  return {
    reason: a.reason ?? '',
    reasonDocuments: a.reasonDocuments ?? '',
    mortgage: a.mortgage
      ? {
          method: a.mortgage.method,
          amountYuan: a.mortgage.amountFen === null ? null : a.mortgage.amountFen / 100,
          termFrom: a.mortgage.termFrom ?? '',
          termTo: a.mortgage.termTo ?? '',
          rank: a.mortgage.rank,
          scope: a.mortgage.scope ?? '',
          constructionScope: a.mortgage.constructionScope ?? '',
          transferRestricted: a.mortgage.transferRestricted,
        }
      : base.mortgage,
    dominantUnitCode: a.dominantUnit?.unitCode ?? '',
    dominantAddress: a.dominantUnit?.address ?? '',
    certificateFormat: a.certificateFormat,
    separateCertificates: a.separateCertificates,
    collection: { method: a.collection.method, recipient: a.collection.recipient ?? '', address: a.collection.address ?? '', phone: '', phoneMasked: a.collection.phoneMasked },
    channel: a.channel,
    note: a.note ?? '',
  };
}

type ViewParty = CaseView['parties'][number];
type ViewUnit = CaseView['units'][number];

/** A saved party's v2 fields; `keyOf` maps an ordinal to the row key the form gave that party. */
export function partyExtraFromCase(p: ViewParty, keyOf: (ordinal: number) => string | null): PartyExtra {
  return {
    address: p.address ?? '',
    postalCode: p.postalCode ?? '',
    representativeTitle: p.legalRepresentative?.title ?? 'legalRepresentative',
    representativeName: p.legalRepresentative?.name ?? '',
    // The number comes back masked; sent back masked, core keeps the stored one.
    representativeIdNumber: p.legalRepresentative?.idNumberMasked ?? '',
    agencyName: p.agency?.name ?? '',
    agencyCreditCode: p.agency?.creditCode ?? '',
    actsFor: (p.actsFor ?? []).map(keyOf).filter((k): k is string => k !== null),
  };
}

export function unitExtraFromCase(u: ViewUnit): { extra: UnitExtra; areaValue: number | null } {
  return {
    extra: { realEstateType: u.realEstateType, plannedUse: u.plannedUse ?? '', areaUnit: u.area?.unit ?? 'm2', previousCertificateNumber: u.previousCertificateNumber ?? '' },
    areaValue: u.area?.value ?? u.areaM2,
  };
}
