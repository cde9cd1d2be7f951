import {
  checkCoOwnership,
  normalizeUnitCode,
  parseShare,
  validateCreditCode,
  validateIdNumber,
  validatePhone,
  validateUnitCode,
  type ApplicantRole,
  type CaseView,
  type CoOwnershipMode,
  type IdCardView,
  type MethodInput,
  type UnitUse,
} from '../../../../electron/contract';
import type { BusinessTypeInfo } from '../cases/case-labels';
import {
  applicationFromCase,
  applicationInput,
  emptyApplication,
  emptyPartyExtra,
  emptyUnitExtra,
  partyExtraFromCase,
  partyExtraInput,
  unitExtraFromCase,
  unitExtraInput,
  type ApplicationForm,
  type PartyExtra,
  type UnitExtra,
} from './application-form';

export type ResidentCard = Extract<IdCardView, { supported: true }>;

/**
 * Where a party's ID number comes from. The full number never has to reach the screen:
 * - typed: the clerk typed it (live-checked against GB 11643);
 * - card: read from the card; the form holds the masked number and the token core resolves;
 * - stored: already saved in the case; the masked number sent back keeps the stored one.
 */
export type IdSource =
  | { kind: 'typed' }
  | { kind: 'card'; token: string; masked: string }
  /** `token` when the number came from a card read here: it still stands for the card in a new draft. */
  | { kind: 'stored'; masked: string; token?: string };

export interface PartyRow {
  key: string;
  role: ApplicantRole;
  name: string;
  idType: 'resident_id' | 'organization' | 'other';
  /** The typed number (only for `idSource.kind === 'typed'`). */
  idNumber: string;
  idSource: IdSource;
  phone: string;
  /** Masked phone of a saved party, shown as a hint; the case does not give the number back. */
  phoneMasked: string | null;
  share: string;
  /** The card last read for this row, shown compactly. */
  card: ResidentCard | null;
  /** 更多信息: 通讯地址, 邮编, 法定代表人, 代理机构, whom an agent acts for (application-form.ts). */
  extra: PartyExtra;
}

export interface UnitRow {
  key: string;
  unitCode: string;
  address: string;
  use: UnitUse;
  /** The area as typed, in `extra.areaUnit` (square metres unless 亩 or 公顷 is chosen). */
  areaM2: number | null;
  /** 不动产类型, 规划用途, 面积单位, 原不动产权证书号 (application-form.ts). */
  extra: UnitExtra;
}

export interface MaterialRow {
  received: boolean;
  copies: number;
  /** 原件 or 复印件, and 页数, as the receipt lists them. */
  form?: 'original' | 'copy' | null;
  pages?: number | null;
}

export interface IntakeForm {
  coOwnership: CoOwnershipMode | null;
  parties: PartyRow[];
  units: UnitRow[];
  materials: Record<string, MaterialRow>;
  /** The case-level parts of the 申请书: 登记原因, mortgage, 领证方式 … (application-form.ts). */
  application: ApplicationForm;
}

let nextKey = 1;
export function rowKey(): string {
  return `row-${nextKey++}`;
}

export function emptyParty(role: ApplicantRole): PartyRow {
  return { key: rowKey(), role, name: '', idType: 'resident_id', idNumber: '', idSource: { kind: 'typed' }, phone: '', phoneMasked: null, share: '', card: null, extra: emptyPartyExtra() };
}

export function emptyUnit(): UnitRow {
  return { key: rowKey(), unitCode: '', address: '', use: 'residential', areaM2: null, extra: emptyUnitExtra() };
}

/** A fresh form: one row for each role the type requires, 单独所有 where co-ownership applies. */
export function newForm(type: BusinessTypeInfo): IntakeForm {
  const required = (['holder', 'obligor'] as const).filter((r) => type.roles[r] === 'required');
  return {
    coOwnership: type.coOwnership ? 'sole' : null,
    parties: required.length > 0 ? required.map(emptyParty) : [],
    units: [emptyUnit()],
    materials: {},
    application: emptyApplication(type),
  };
}

/** The form of a saved draft (继续受理): ID numbers come back masked and are kept as stored. */
export function formFromCase(view: CaseView, type?: BusinessTypeInfo | null): IntakeForm {
  const keys = view.parties.map(() => rowKey());
  const keyOf = (ordinal: number) => keys[ordinal - 1] ?? null;
  return {
    coOwnership: view.coOwnership,
    parties: view.parties.map((p, i) => ({
      ...emptyParty(p.role),
      key: keys[i]!,
      name: p.name,
      idType: p.idType === 'other' || p.idType === 'organization' ? p.idType : 'resident_id',
      idSource: { kind: 'stored', masked: p.idNumberMasked },
      phoneMasked: p.phoneMasked,
      share: p.share ?? '',
      extra: partyExtraFromCase(p, keyOf),
    })),
    units:
      view.units.length > 0
        ? view.units.map((u) => {
            const { extra, areaValue } = unitExtraFromCase(u);
            return { key: rowKey(), unitCode: u.unitCode, address: u.address, use: asUse(u.use), areaM2: areaValue, extra };
          })
        : [emptyUnit()],
    materials: Object.fromEntries(
      view.materials.filter((m) => m.received).map((m) => [m.materialId, { received: true, copies: m.copies, form: m.form, pages: m.pages }]),
    ),
    application: applicationFromCase(view, type),
  };
}

function asUse(use: string): UnitUse {
  return use === 'nonResidential' || use === 'parking' ? use : 'residential';
}

export function partyIsEmpty(p: PartyRow): boolean {
  const extraTyped = p.extra.address.trim() !== '' || p.extra.postalCode.trim() !== '' || p.extra.representativeName.trim() !== '' || p.extra.agencyName.trim() !== '';
  return p.name.trim() === '' && p.idSource.kind === 'typed' && p.idNumber.trim() === '' && p.phone.trim() === '' && p.share.trim() === '' && !extraTyped;
}

export function unitIsEmpty(u: UnitRow): boolean {
  return u.unitCode.trim() === '' && u.address.trim() === '' && u.areaM2 === null;
}

/** What the clerk must fix in one party row before moving on; each field's reasons, in Chinese. */
export interface PartyProblems {
  name?: string;
  idNumber?: string[];
  phone?: string[];
  share?: string;
}

export function partyProblems(p: PartyRow, mode: CoOwnershipMode | null): PartyProblems {
  const problems: PartyProblems = {};
  if (p.name.trim() === '') problems.name = '请填写姓名或读取身份证';
  if (p.idSource.kind === 'typed') {
    if (p.idNumber.trim() === '') problems.idNumber = ['请填写证件号码或读取身份证'];
    else if (p.idType === 'resident_id') {
      const check = validateIdNumber(p.idNumber);
      if (!check.valid) problems.idNumber = check.reasons;
    } else if (p.idType === 'organization') {
      const check = validateCreditCode(p.idNumber);
      if (!check.valid) problems.idNumber = check.reasons;
    }
  }
  if (p.phone.trim() !== '') {
    const check = validatePhone(p.phone);
    if (!check.valid) problems.phone = check.reasons;
  }
  if (mode === 'shares' && p.role === 'holder') {
    const share = parseShare(p.share);
    if (!share.ok) problems.share = `份额${share.reason}`;
  }
  return problems;
}

export function hasProblems(p: object): boolean {
  return Object.keys(p).length > 0;
}

/** Problems of the applicant set as a whole (co-ownership, roles): shown, not blocking. */
export function partySetWarnings(form: IntakeForm, type: BusinessTypeInfo): string[] {
  const rows = form.parties.filter((p) => !partyIsEmpty(p));
  const warnings: string[] = [];
  for (const role of ['holder', 'obligor', 'agent'] as const) {
    const count = rows.filter((p) => p.role === role).length;
    if (type.roles[role] === 'required' && count === 0) warnings.push(`${type.name}须填写${type.roleLabels[role]}。`);
    if (type.roles[role] === 'none' && count > 0) warnings.push(`${type.name}不适用${type.roleLabels[role]}，请删除。`);
  }
  const holders = rows.filter((p) => p.role === 'holder');
  if (type.coOwnership && form.coOwnership && holders.length > 0) {
    const check = checkCoOwnership({ mode: form.coOwnership, holders: holders.map((h) => ({ share: h.share })) });
    if (!check.valid) warnings.push(...check.reasons);
  }
  return warnings;
}

export interface UnitProblems {
  unitCode?: string[];
  address?: string;
  areaM2?: string;
}

export function unitProblems(u: UnitRow): UnitProblems {
  const problems: UnitProblems = {};
  const check = validateUnitCode(u.unitCode);
  if (!check.valid) problems.unitCode = u.unitCode.trim() === '' ? ['请填写不动产单元代码'] : check.reasons;
  if (u.address.trim() === '') problems.address = '请填写坐落';
  // The area is printed on the application form and the receipt (an acceptance rule of core).
  if (u.areaM2 === null) problems.areaM2 = '请填写面积';
  return problems;
}

/**
 * The saveDraft call for the form. Empty rows are left out; rows that cannot be saved at all
 * (no name, no ID number) make it null: the draft keeps its last saved state until they are fixed.
 */
export interface SaveCall {
  input: MethodInput<'cases.saveDraft'>;
  /** The rows sent as parties, in order: party `ordinal` = index + 1. */
  partyKeys: string[];
}

export function toSaveInput(id: number, type: BusinessTypeInfo, form: IntakeForm): SaveCall | null {
  const parties = form.parties.filter((p) => !partyIsEmpty(p));
  const units = form.units.filter((u) => !unitIsEmpty(u));
  if (parties.some((p) => p.name.trim() === '' || (p.idSource.kind === 'typed' && p.idNumber.trim() === ''))) return null;
  if (units.some((u) => u.unitCode.trim() === '' || u.address.trim() === '')) return null;
  const ordinalOf = (key: string) => {
    const i = parties.findIndex((p) => p.key === key);
    return i < 0 ? null : i + 1;
  };
  const input: MethodInput<'cases.saveDraft'> = {
    id,
    coOwnership: type.coOwnership ? form.coOwnership : null,
    parties: parties.map((p) => ({
      role: p.role,
      name: p.name.trim(),
      idType: p.idType,
      ...idFields(p),
      // A saved phone is shown masked and sent back masked: the back end keeps the stored number.
      phone: p.phone.trim() || p.phoneMasked || null,
      share: form.coOwnership === 'shares' && p.role === 'holder' ? p.share.trim() || null : null,
      ...partyExtraInput(p.extra, p.role, p.idType, ordinalOf),
    })),
    units: units.map((u) => ({ unitCode: normalizeUnitCode(u.unitCode), address: u.address.trim(), use: u.use, ...unitExtraInput(u.extra, u.areaM2) })),
    materialsReceived: Object.entries(form.materials)
      .filter(([, m]) => m.received)
      .map(([materialId, m]) => ({ materialId, copies: m.copies, form: m.form ?? null, pages: m.pages ?? null })),
    // 申请分别持证: each co-owner (权利人) gets a certificate; the 工本费 counts them.
    certificates: form.application.separateCertificates ? Math.max(1, parties.filter((p) => p.role === 'holder').length) : 1,
    application: applicationInput(form.application, type),
  };
  return { input, partyKeys: parties.map((p) => p.key) };
}

function idFields(p: PartyRow): { idNumber: string; cardToken?: string } {
  switch (p.idSource.kind) {
    case 'typed':
      return { idNumber: p.idNumber.trim().toUpperCase() };
    case 'card':
      return { idNumber: '', cardToken: p.idSource.token };
    case 'stored':
      return { idNumber: p.idSource.masked };
  }
}

/**
 * After a save, the form follows the case: empty rows go, and numbers taken from a card become
 * "stored" (the token expires; the masked number sent back keeps the stored one).
 */
export function afterSave(form: IntakeForm, sent: SaveCall, view: CaseView, o: { keepEmptyRows?: boolean } = {}): IntakeForm {
  // An autosave while the clerk types keeps the blank row just added (the focus may be in it).
  const parties = o.keepEmptyRows ? form.parties : form.parties.filter((p) => !partyIsEmpty(p));
  const units = o.keepEmptyRows ? form.units : form.units.filter((u) => !unitIsEmpty(u));
  const tokens = new Map(sent.input.parties.map((p, i) => [sent.partyKeys[i], p.cardToken]));
  return {
    ...form,
    parties: parties.map((p) => {
      const saved = view.parties[sent.partyKeys.indexOf(p.key)];
      if (p.idSource.kind !== 'card' || !saved || tokens.get(p.key) !== p.idSource.token) return p;
      return { ...p, idSource: { kind: 'stored', masked: saved.idNumberMasked, token: p.idSource.token } };
    }),
    units: units.length > 0 ? units : [emptyUnit()],
  };
}

/** How a step changes the form: with an updater, so late answers (a card read) never undo typing. */
export type FormEdit = (update: (form: IntakeForm) => IntakeForm) => void;

/**
 * Rows carried into a new draft (the clerk changed the business type): a number stored in the old
 * draft is not in the new one, so it goes back to its card token, or must be typed again.
 */
export function carryParty(p: PartyRow, allowed: (role: ApplicantRole) => boolean): PartyRow {
  const role = allowed(p.role) ? p.role : 'holder';
  if (p.idSource.kind !== 'stored') return { ...p, role };
  const { token, masked } = p.idSource;
  return token ? { ...p, role, idSource: { kind: 'card', token, masked } } : { ...p, role, idSource: { kind: 'typed' }, idNumber: '' };
}
