import type { CatalogEntry } from './registration-catalog';
import { DEFAULT_FEE_RATES, DEFAULT_FEE_SCHEDULE, UNIT_USE_LABELS, type FeeExemption, type FeeSchedule, type ReducedRate, type UnitUse } from './fee-schedule';
import { validateUnitCode } from './unit-code';

/**
 * Fees of one case by 件 (发改价格规〔2016〕2559号; 财税〔2016〕79号; 民法典 第223条: 按件收取).
 * - A 件 is one unit × one right × one registration type (2559号). Several units mortgaged on one
 *   parcel (the first 19 characters of the unit code) are one 件 (2559号: 同一宗土地上多个抵押物…按一件收费).
 * - Each 件 is 住宅 80 元 or 非住宅 550 元 by ITS units' 规划用途; a mortgage 件 over units of mixed
 *   use is charged at the higher class among them (the regulation names no rule for the mix; the
 *   higher class is what a 件 containing a non-residential unit is by 2559号's definition
 *   "住宅以外的…为非住宅"). 车库、车位、储藏室 are non-residential uses that 2559号 charges at the
 *   住宅 rate (80 元) when they get their own certificate, and not at all when they do not
 *   (`separateCertificate: false`); class `parking`.
 * - 工本费: each 件's first certificate is free, every further certificate costs the schedule's
 *   amount (10 元); 登记证明 never cost anything (2559号). `certificateOnly` types (宅基地, 补换证)
 *   pay 工本费 for every certificate (2559号 三).
 * - Free: 注销, 预告, 查封/解封, 更正 caused by the office (`officeError`). 异议 and ordinary 更正 at the
 *   schedule's rates (default half, see fee-schedule.ts).
 * - The payer is the party registered as 权利人 (the holder role; for a mortgage the 抵押权人).
 */
export interface FeeUnitInput {
  /** 28-character 不动产单元代码. */
  unitCode: string;
  /** 规划用途 as text (住宅, 商业, 车库 …) or code (不动产登记数据库标准 房屋用途; GB/T 21010 for land). */
  plannedUse?: string;
  /** The class when the clerk decides it (overrides plannedUse). */
  feeClass?: UnitUse;
  /** 车库/车位/储藏室: whether it gets its own certificate or proof (default true). */
  separateCertificate?: boolean;
}

export interface FeeCalculationInput {
  businessType: Pick<CatalogEntry, 'id' | 'name' | 'registrationType' | 'feeRule' | 'issues' | 'origin' | 'roleLabels'>;
  units: readonly FeeUnitInput[];
  /** Certificates (不动产权证书) issued in the whole case, e.g. one per co-owner who asks. */
  certificates: number;
  exemptionId?: string | null;
  /** 更正登记 caused by the office's own error: free (2559号). */
  officeError?: boolean;
}

export interface FeeLine {
  /** 非税收入项目编码. */
  code: string;
  name: string;
  quantity: number;
  amountFen: number;
}

/** One 件: its units, the class that decided its fee and the fee. */
export interface FeePiece {
  unitCodes: string[];
  feeClass: UnitUse;
  amountFen: number;
}

/** Same shape as the core's stored quote (electron/core/cases/fees.ts), plus 件 and payer. */
export interface FeeQuote {
  lines: FeeLine[];
  totalFen: number;
  exemptionId: string | null;
  notes: string[];
  manual: boolean;
  overrideReason: string | null;
}

export interface CalculatedFeeQuote extends FeeQuote {
  pieces: FeePiece[];
  /** Who pays: the holder role (权利人; 抵押权人 for a mortgage); null for a court's 嘱托 (free). */
  payerRole: 'holder' | null;
  /** The label of that role in this business type (e.g. 抵押权人), for the 缴费通知书. */
  payerLabel: string | null;
  /** The rules applied, for the fee notice. */
  basis: string[];
}

export type FeeCalculationResult = { ok: true; quote: CalculatedFeeQuote } | { ok: false; code: 'INVALID_FEE_INPUT'; reasons: string[] };

/** Registration types whose units on one parcel are charged as one 件. */
const PARCEL_GROUPED = new Set(['mortgageFirst', 'mortgageChange', 'mortgageTransfer']);
const CLASS_RANK: Record<UnitUse, number> = { parking: 0, residential: 1, nonResidential: 2 };

export function calculateFees(input: FeeCalculationInput, schedule: FeeSchedule = DEFAULT_FEE_SCHEDULE): FeeCalculationResult {
  const { businessType: type } = input;
  const reasons: string[] = [];
  if (!Number.isInteger(input.certificates) || input.certificates < 0) reasons.push('发证数量应为0或正整数。');
  if (input.units.length === 0) reasons.push('请至少填写一个不动产单元。');
  const exemption = input.exemptionId ? schedule.exemptions.find((e) => e.id === input.exemptionId) : undefined;
  if (input.exemptionId && !exemption) reasons.push('所选减免项目不在本机构的收费配置中，请重新选择。');

  const classified: Array<{ unitCode: string; parcel: string; feeClass: UnitUse; charged: boolean }> = [];
  input.units.forEach((unit, i) => {
    const code = validateUnitCode(unit.unitCode);
    if (!code.valid) {
      reasons.push(`第${i + 1}个不动产单元：${code.reasons[0]}`);
      return;
    }
    const feeClass = unit.feeClass ?? (unit.plannedUse ? classifyPlannedUse(unit.plannedUse, { hasHouse: code.decoded.fixture === 'F' }) : null);
    if (!feeClass) {
      reasons.push(`第${i + 1}个不动产单元：无法由规划用途“${unit.plannedUse ?? ''}”判断收费类别（住宅、非住宅或车库车位储藏室），请选择收费类别。`);
      return;
    }
    const charged = !(feeClass === 'parking' && unit.separateCertificate === false);
    classified.push({ unitCode: code.normalized, parcel: code.normalized.slice(0, 19), feeClass, charged });
  });
  if (reasons.length > 0) return { ok: false, code: 'INVALID_FEE_INPUT', reasons };

  const notes: string[] = [];
  const basis = ['发改价格规〔2016〕2559号', '财税〔2016〕79号'];
  const payerRole = type.origin === 'commission' ? null : 'holder';
  const payerLabel = payerRole ? type.roleLabels.holder : null;

  // 件: units on one parcel together for mortgages, one unit each otherwise.
  const groups = new Map<string, typeof classified>();
  for (const unit of classified) {
    const key = PARCEL_GROUPED.has(type.registrationType) ? unit.parcel : unit.unitCode;
    groups.set(key, [...(groups.get(key) ?? []), unit]);
  }
  const pieceCount = groups.size;
  if (PARCEL_GROUPED.has(type.registrationType) && pieceCount < classified.length) {
    notes.push(`同一宗地上的${classified.length}个抵押物按${pieceCount}件收费。`);
  }
  for (const unit of classified) {
    if (!unit.charged) notes.push(`${unit.unitCode}为车库、车位或储藏室，不单独核发证书或证明，不收取登记费。`);
  }

  const rate = registrationRate(type, input.officeError === true, schedule);
  const pieces: FeePiece[] = [];
  const lines: FeeLine[] = [];
  for (const units of groups.values()) {
    const chargedUnits = units.filter((u) => u.charged);
    const feeClass = units.map((u) => u.feeClass).reduce((a, b) => (CLASS_RANK[b] > CLASS_RANK[a] ? b : a));
    const item = schedule.registration[feeClass];
    let amountFen = chargedUnits.length === 0 || rate.factor === 0 ? 0 : Math.round(item.amountFen * rate.factor);
    if (amountFen > 0 && exemption?.registration === 'waive') amountFen = 0;
    else if (amountFen > 0 && exemption?.registration === 'half') amountFen = Math.round(amountFen / 2);
    pieces.push({ unitCodes: units.map((u) => u.unitCode), feeClass, amountFen });
    if (rate.factor > 0 && chargedUnits.length > 0) addLine(lines, { code: item.code, name: item.name, quantity: 1, amountFen });
  }
  notes.push(...rate.notes);
  if (exemption && exemption.registration === 'waive' && rate.factor > 0) notes.push(`${exemption.name}：免收不动产登记费。`);
  if (exemption && exemption.registration === 'half' && rate.factor > 0) notes.push(`${exemption.name}：减半收取不动产登记费。`);

  const certificateLine = certificateFee(type, input.certificates, pieceCount, exemption, schedule, notes);
  if (certificateLine) lines.push(certificateLine);
  if (exemption?.basis) basis.push(exemption.basis);

  return {
    ok: true,
    quote: {
      lines,
      totalFen: lines.reduce((sum, l) => sum + l.amountFen, 0),
      exemptionId: exemption?.id ?? null,
      notes,
      manual: false,
      overrideReason: null,
      pieces,
      payerRole,
      payerLabel,
      basis,
    },
  };
}

/**
 * 规划用途 → fee class. Text: 车库/车位/停车/储藏/储物 → parking; 非住宅 → non-residential; 住宅, 公寓,
 * 别墅, 宿舍, 宅基地 → residential; 商住 is ambiguous (null: the clerk picks); any other use is
 * non-residential (2559号: 住宅以外的为非住宅). Codes: for a unit with a house, the 房屋用途 codes of
 * 不动产登记数据库标准 (10 住宅, 11 成套住宅, 111 别墅, 112 高档公寓, 12 非成套住宅, 13 集体宿舍 are
 * residential; other 2–3 digit codes non-residential); for land only, GB/T 21010-2017 (07, 0701,
 * 0702 住宅用地 residential; other codes non-residential). Codes never yield parking: pass text or feeClass.
 */
export function classifyPlannedUse(plannedUse: string, options: { hasHouse: boolean }): UnitUse | null {
  const text = plannedUse.normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, '');
  if (text === '') return null;
  if (/^\d+$/.test(text)) {
    if (options.hasHouse) {
      if (!/^\d{2,3}$/.test(text) || text.startsWith('0')) return null;
      return /^(1[0-3]|11[1-9]|12\d|13\d)$/.test(text) ? 'residential' : 'nonResidential';
    }
    if (!/^\d{2}(\d{2})?$/.test(text)) return null;
    return /^07(0[12])?$/.test(text) ? 'residential' : 'nonResidential';
  }
  if (/车库|车位|停车|储藏|储物|贮藏|杂物间/.test(text)) return 'parking';
  if (/商住/.test(text)) return null;
  if (/非住宅|非居住/.test(text)) return 'nonResidential';
  if (/住宅|公寓|别墅|宿舍|宅基地|住房|居住/.test(text)) return 'residential';
  return /[\u3400-\u9fff]/.test(text) ? 'nonResidential' : null;
}

export const FEE_CLASS_LABELS = UNIT_USE_LABELS;

function registrationRate(
  type: FeeCalculationInput['businessType'],
  officeError: boolean,
  schedule: FeeSchedule,
): { factor: number; notes: string[] } {
  const rates = schedule.rates ?? DEFAULT_FEE_RATES;
  switch (type.feeRule) {
    case 'standard':
      return { factor: 1, notes: [] };
    case 'free':
      return { factor: 0, notes: [`${type.name}不收取不动产登记费。`] };
    case 'certificateOnly':
      return { factor: 0, notes: [`${type.name}只收取证书工本费。`] };
    case 'objection':
      return reduced(rates.objection, type.name);
    case 'correction':
      if (officeError) return { factor: 0, notes: ['因不动产登记机构错误导致的更正登记，不收取不动产登记费。'] };
      return reduced(rates.correction, type.name);
  }
}

function reduced(rate: ReducedRate, name: string): { factor: number; notes: string[] } {
  if (rate === 'full') return { factor: 1, notes: [] };
  if (rate === 'half') return { factor: 0.5, notes: [`${name}减半收取不动产登记费。`] };
  return { factor: 0, notes: [`${name}不收取不动产登记费。`] };
}

function certificateFee(
  type: FeeCalculationInput['businessType'],
  certificates: number,
  pieces: number,
  exemption: FeeExemption | undefined,
  schedule: FeeSchedule,
  notes: string[],
): FeeLine | null {
  if (type.issues !== 'certificate' || certificates === 0) {
    if (type.issues === 'proof') notes.push('核发不动产登记证明，不收取工本费。');
    return null;
  }
  const chargeAll = type.feeRule === 'certificateOnly' || exemption?.certificates === 'chargeAll';
  const charged = chargeAll ? certificates : Math.max(0, certificates - pieces);
  if (charged === 0) return null;
  const { code, name, amountFen } = schedule.extraCertificate;
  if (exemption?.certificates === 'waive') {
    notes.push(`${exemption.name}：免收证书工本费。`);
    return { code, name, quantity: charged, amountFen: 0 };
  }
  notes.push(
    chargeAll
      ? `核发${certificates}本证书，每本${amountFen / 100}元工本费。`
      : `核发${certificates}本证书，每件第一本免收工本费，另${charged}本每本${amountFen / 100}元。`,
  );
  return { code, name, quantity: charged, amountFen: amountFen * charged };
}

function addLine(lines: FeeLine[], line: FeeLine): void {
  const same = lines.find((l) => l.code === line.code && l.name === line.name);
  if (same) {
    same.quantity += line.quantity;
    same.amountFen += line.amountFen;
  } else lines.push({ ...line });
}
