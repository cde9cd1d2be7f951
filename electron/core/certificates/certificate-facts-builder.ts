import {
  CO_OWNERSHIP_LABELS,
  DEFAULT_CATALOG,
  MORTGAGE_KIND_LABELS,
  UNIT_USE_LABELS,
  parseCertificateNumber,
  resolveBusinessType,
  shanghaiDate,
  type CatalogEntry,
  type CoOwnershipMode,
  type MortgageKind,
  type RegisterRecord,
  type UnitUse,
  type WorkstationConfig,
} from '../../contract';
import { amountInFigures } from '../documents/amount-in-figures';
import { chineseDate } from '../documents/text-format';
import type { SubmissionBody } from '../review/office-cache';
import type { CertificateFacts, CertificateKind, CertificateOffice, CertificateParty } from './certificate-facts';

/**
 * CertificateFacts for one certificate or proof a 登簿 issued: from the case's submission body (the
 * parties, units, business type), the platform's answer to 登簿 (its time and the units' register
 * after it) and the number the platform assigned. Every rendition — OFD, its PDF, the paper print,
 * the views — draws these facts, so the wording of 权利其他状况 / 附记 is decided here once.
 */

/** The 登簿 answer (API.md "Office review and 登簿": `POST …/registration` → 200). */
export interface RegisterAnswer {
  registeredAt: string;
  certificateNumbers: string[];
  register?: RegisterRecord[];
}

/** Case fields the builder reads beyond what review needs (sent when the case has them). */
export interface FactsBody extends SubmissionBody {
  rightType?: string | null;
  /** 登记原因 (e.g. 买卖), when the application gave one. */
  reason?: string | null;
  /** 权利性质 as the case records it, e.g. 出让/市场化商品房. */
  rightNature?: string | null;
  /** 土地使用期限, when the case records it. */
  landTerm?: { from: string; to: string } | null;
  units: Array<SubmissionBody['units'][number] & { structure?: string | null; floors?: string | null; plannedUse?: string | null }>;
  mortgage?: {
    method: MortgageKind;
    amountFen: number | null;
    termFrom: string | null;
    termTo: string | null;
    rank: number | null;
    scope?: string | null;
  } | null;
}

export interface FactsOptions {
  catalog?: readonly CatalogEntry[];
  /** 业务号: the platform's 统一受理编号 when it gave one; the case number otherwise. */
  businessNumber?: string | null;
}

/** The office as certificates print it, from the `certificates` section of config.json. */
export function certificateOfficeOf(config: Pick<WorkstationConfig, 'certificates'>): CertificateOffice {
  const c = config.certificates;
  return { name: c.issuerName, creditCode: c.creditCode, regionCode: c.regionCode, provinceShort: c.provinceShort, cityCounty: c.cityCounty };
}

/** What each registration type issues (the stand-in's case-lifecycle.ts CERTIFICATE_KINDS). */
const KIND_OF: Record<string, CertificateKind> = {
  first: 'certificate',
  transfer: 'certificate',
  change: 'certificate',
  correction: 'certificate',
  mortgageFirst: 'proof',
  mortgageChange: 'proof',
  preRegistration: 'proof',
  objection: 'proof',
  easement: 'proof',
  residence: 'proof',
};

/** 证明权利或事项 as proofs print it. */
const PROVED_MATTER: Record<string, string> = {
  mortgageFirst: '抵押权',
  mortgageChange: '抵押权',
  preRegistration: '预告登记',
  objection: '异议登记',
  easement: '地役权',
  residence: '居住权',
};

const ID_TYPE_LABELS: Record<string, string> = { resident_id: '居民身份证', organization: '统一社会信用代码', other: '其他证件' };

const RESTRICTION_LABELS: Record<string, string> = { mortgage: '抵押', seizure: '查封', objection: '异议', preRegistration: '预告', residence: '居住权' };

/** 用途 as certificates print it for a right with a house: land use / house use. */
const HOUSE_USE: Record<UnitUse, string> = { residential: '城镇住宅用地/住宅', nonResidential: '商服用地/商业服务', parking: '城镇住宅用地/车位' };

/** The registration type of a body: its catalogue part, or a first-release id as is (rules/index.ts does the same). */
export function registrationTypeOfBody(body: FactsBody): string {
  const [keyRegistration, keyRight] = body.businessType.split('.');
  const registration = body.registrationType ?? keyRegistration;
  const right = body.rightType ?? keyRight;
  return right === 'residence' && registration === 'first' ? 'residence' : registration;
}

/** Which kind of document a body's 登簿 issues, or null (注销, 查封 …). */
export function certificateKindOf(body: FactsBody): CertificateKind | null {
  return KIND_OF[registrationTypeOfBody(body)] ?? null;
}

function party(p: FactsBody['parties'][number]): CertificateParty {
  return { name: p.name, idType: ID_TYPE_LABELS[p.idType ?? 'resident_id'] ?? p.idType ?? '居民身份证', idNumber: p.idNumber ?? '', share: p.share ?? null };
}

function areaText(m2: number | null | undefined): string {
  return typeof m2 === 'number' ? `${m2.toFixed(2)}平方米` : '';
}

function yuanText(fen: number): string {
  // Registers write loan amounts in 万元 when whole; otherwise in 元 with two decimals.
  return fen % 1_000_000 === 0 ? `${fen / 1_000_000}万元` : `${amountInFigures(fen)}元`;
}

export function certificateFactsFor(body: FactsBody, answer: RegisterAnswer, number: string, office: CertificateOffice, options: FactsOptions = {}): CertificateFacts {
  const type = registrationTypeOfBody(body);
  const kind = KIND_OF[type];
  if (!kind) throw new RangeError(`registration type ${type} issues no certificate or proof`);
  const parsed = parseCertificateNumber(number);
  if (!parsed.valid) throw new RangeError(`not a certificate number: ${number} (${parsed.reasons.join('')})`);
  if (parsed.kind !== kind) throw new RangeError(`${number} is a ${parsed.kind} number, the registration issues a ${kind}`);
  const index = answer.certificateNumbers.indexOf(number);
  if (index < 0) throw new RangeError(`${number} is not among the numbers the 登簿 issued`);

  const entry = resolveBusinessType(options.catalog ?? DEFAULT_CATALOG, body.businessType);
  const allHolders = body.parties.filter((p) => p.role === 'holder');
  const mode: CoOwnershipMode = body.coOwnership ?? (allHolders.length > 1 ? 'joint' : 'sole');
  // 按份共有 with one number per holder: each certificate names its holder; the others go to 权利其他状况.
  const separate = kind === 'certificate' && mode === 'shares' && answer.certificateNumbers.length === allHolders.length && allHolders.length > 1;
  const holders = separate ? [allHolders[index]] : allHolders;
  const obligors = kind === 'proof' ? body.parties.filter((p) => p.role === 'obligor') : [];
  const unit = body.units[0];
  const unitCode = body.units.length > 1 ? `${unit.unitCode}等${body.units.length}个` : unit.unitCode;
  const location = body.units.map((u) => u.address).join('；');
  const record = answer.register?.find((r) => r.unitCode === unit.unitCode);

  const otherStatus: string[] = [];
  const other: string[] = [];
  const notes: string[] = [];
  if (kind === 'certificate') {
    if (unit.structure) otherStatus.push(`房屋结构：${unit.structure}`);
    if (unit.floors) otherStatus.push(`房屋总层数/所在层：${unit.floors}`);
    if (body.units.length > 1) body.units.forEach((u) => otherStatus.push(`${u.unitCode}：${u.address}${u.areaM2 != null ? `，建筑面积${areaText(u.areaM2)}` : ''}`));
    if (mode === 'shares') {
      for (const h of allHolders) otherStatus.push(`${h.name}占${h.share ?? '—'}份额`);
    } else if (mode === 'joint') {
      otherStatus.push(`共有人：${allHolders.map((h) => h.name).join('、')}`);
    }
    // Restrictions still in force after this 登簿 are stated so the certificate tells the truth about the unit.
    for (const r of record?.restrictions ?? []) {
      if (r.state !== 'current' && r.state !== 'provisional') continue;
      otherStatus.push(`该不动产存在${RESTRICTION_LABELS[r.kind] ?? r.kind}登记${r.holder ? `，${r.kind === 'mortgage' ? '抵押权人' : '权利人'}：${r.holder}` : ''}${r.since ? `（${chineseDate(r.since.slice(0, 10))}）` : ''}`);
    }
  } else {
    const m = body.mortgage;
    if ((type === 'mortgageFirst' || type === 'mortgageChange') && m) {
      other.push(`抵押方式：${MORTGAGE_KIND_LABELS[m.method]}`);
      if (m.amountFen !== null) other.push(`${m.method === 'maximum' ? '最高债权额' : '被担保主债权数额'}：${yuanText(m.amountFen)}`);
      if (m.termFrom && m.termTo) other.push(`${m.method === 'maximum' ? '债权确定期间' : '债务履行期限'}：${chineseDate(m.termFrom)}起${chineseDate(m.termTo)}止`);
      if (m.rank !== null) other.push(`抵押顺位：${m.rank}`);
      if (m.scope) other.push(`担保范围：${m.scope}`);
    }
    if (unit.areaM2 != null) other.push(`不动产面积：${areaText(unit.areaM2)}`);
  }
  if (body.reason) notes.push(`登记原因：${body.reason}`);
  const previous = body.units.map((u) => u.previousCertificateNumber).filter((n): n is string => !!n);
  if (previous.length > 0) notes.push(`原证号：${[...new Set(previous)].join('、')}`);
  if (separate) notes.push(`按份共有，分别持证（共${allHolders.length}本）`);

  const houseRight = entry?.rightType === 'stateLandHouse' || entry?.rightType === 'collectiveConstructionBuilding' || entry?.rightType === 'homestead' || entry?.rightType === 'seaAreaStructure';
  const rightName = entry ? entry.rightTypeName.replace('及', '/') : '';
  const use = unit.plannedUse ?? (houseRight ? HOUSE_USE[unit.use as UnitUse] : UNIT_USE_LABELS[unit.use as UnitUse]) ?? unit.use;
  const nature = body.rightNature ?? (entry?.rightType === 'stateLandHouse' ? '出让/市场化商品房' : entry?.rightType === 'homestead' ? '批准拨用/自建房' : '');
  const term = body.landTerm ? `国有建设用地使用权 ${chineseDate(body.landTerm.from)}起${chineseDate(body.landTerm.to)}止` : '';

  return {
    kind,
    number,
    year: parsed.year,
    sequence: Number(parsed.serial),
    businessNumber: options.businessNumber ?? body.caseNumber,
    caseNumber: body.caseNumber,
    office,
    registeredAt: answer.registeredAt,
    issueDate: shanghaiDate(new Date(answer.registeredAt)),
    holders: holders.map(party),
    obligors: obligors.map(party),
    coOwnership: CO_OWNERSHIP_LABELS[mode],
    location,
    unitCode,
    rightType: kind === 'certificate' ? rightName : '',
    rightNature: kind === 'certificate' ? nature : '',
    use: kind === 'certificate' ? use : '',
    area: kind === 'certificate' ? (houseRight ? `房屋建筑面积${areaText(unit.areaM2)}` : areaText(unit.areaM2)) : '',
    term: kind === 'certificate' ? term : '',
    otherStatus,
    provedMatter: kind === 'proof' ? (PROVED_MATTER[type] ?? '') : '',
    other,
    notes: [`业务号：${options.businessNumber ?? body.caseNumber}`, ...notes],
  };
}
