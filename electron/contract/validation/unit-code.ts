import { provinceByCode } from './provinces';

/**
 * 不动产单元代码, GB/T 37346-2019: 28 characters, of which the first 19 are the parcel code (宗地/宗海
 * 代码) and the last 9 the fixture (定着物) part. There is no check character, so every position is
 * checked against what the standard allows there, and each reason names the position.
 */
export type UnitCodeCheck =
  | { valid: true; normalized: string; decoded: UnitCodeDecoded; warnings?: string[] }
  | { valid: false; code: 'INVALID_UNIT_CODE'; reasons: string[]; problems: CodeProblem[] };

export type ParcelCodeCheck =
  | { valid: true; normalized: string; decoded: ParcelCodeDecoded }
  | { valid: false; code: 'INVALID_UNIT_CODE'; reasons: string[]; problems: CodeProblem[] };

/** A reason tied to the 1-based positions it is about (from = to for a single character). */
export interface CodeProblem {
  from: number;
  to: number;
  reason: string;
}

export interface ParcelCodeDecoded {
  kind: 'parcel';
  parcelCode: string;
  /** Positions 1–6, county-level code of GB/T 2260. */
  countyCode: string;
  provinceName: string;
  /** Positions 7–9, 地籍区. */
  zone: string;
  /** Positions 10–12, 地籍子区. */
  subZone: string;
  ownership: Ownership;
  ownershipLabel: string;
  parcelType: ParcelType;
  parcelTypeLabel: string;
  /** Positions 15–19, 宗地顺序号. */
  parcelSequence: string;
}

export interface UnitCodeDecoded extends Omit<ParcelCodeDecoded, 'kind'> {
  kind: 'unit';
  fixture: Fixture;
  fixtureLabel: string;
  /** Positions 21–28. */
  fixtureNumber: string;
  /** For houses (F): positions 21–24, 幢号; otherwise null. */
  building: string | null;
  /** For houses (F): positions 25–28, 户号; otherwise null. */
  unit: string | null;
}

export const UNIT_CODE_LENGTH = 28;
export const PARCEL_CODE_LENGTH = 19;

/** GB/T 37346-2019 position 13: 宗地所有权类型. */
export const OWNERSHIP_LABELS = {
  G: '国家土地所有权',
  J: '集体土地所有权',
  Z: '土地所有权未确定或有争议',
} as const;
export type Ownership = keyof typeof OWNERSHIP_LABELS;

/**
 * GB/T 37346-2019 position 14: 宗地特征码 (what right the parcel carries). The 2019 standard adds
 * L 林地使用权宗地（承包经营以外的） and N 农用地使用权宗地（承包经营以外的、非林地） to the letters of the
 * 2014 trial rules (不动产单元设定与代码编制规则（试行）).
 */
export const PARCEL_TYPE_LABELS = {
  A: '集体土地所有权宗地',
  B: '建设用地使用权宗地（地表）',
  S: '建设用地使用权宗地（地上）',
  X: '建设用地使用权宗地（地下）',
  C: '宅基地使用权宗地',
  D: '土地承包经营权宗地（耕地）',
  E: '土地承包经营权宗地（林地）',
  F: '土地承包经营权宗地（草地）',
  L: '林地使用权宗地（承包经营以外的）',
  N: '农用地使用权宗地（承包经营以外的、非林地）',
  H: '海域使用权宗海',
  G: '无居民海岛',
  W: '使用权未确定或有争议的土地',
  Y: '其他土地使用权宗地',
} as const;
export type ParcelType = keyof typeof PARCEL_TYPE_LABELS;

/** GB/T 37346-2019 position 20: 定着物特征码. */
export const FIXTURE_LABELS = {
  F: '房屋等建筑物、构筑物',
  L: '森林、林木',
  Q: '其他',
  W: '无定着物',
} as const;
export type Fixture = keyof typeof FIXTURE_LABELS;

/**
 * Which 定着物 a parcel type can carry, read from what the letters denote (GB/T 37346-2019):
 * a 集体土地所有权宗地 is registered as land only (W: an error otherwise); construction land carries
 * buildings (F), other fixtures (Q) or none; a 宅基地 a house or none; forest parcels trees (L);
 * a 宗海 structures (F); farmland none or other. Outside the error case these are warnings: the
 * standard's text was not at hand to confirm every pairing, and a real code must never be refused
 * on a guess.
 */
export const PARCEL_FIXTURE_COMBINATIONS: Readonly<Record<ParcelType, readonly Fixture[]>> = {
  A: ['W'],
  B: ['F', 'Q', 'W'],
  S: ['F', 'Q', 'W'],
  X: ['F', 'Q', 'W'],
  C: ['F', 'W'],
  D: ['W', 'Q'],
  E: ['L', 'W', 'Q'],
  F: ['W', 'Q'],
  L: ['L', 'W', 'Q'],
  N: ['W', 'Q'],
  H: ['F', 'Q', 'W'],
  G: ['F', 'L', 'Q', 'W'],
  W: ['W', 'F', 'L', 'Q'],
  Y: ['F', 'L', 'Q', 'W'],
};

const UNIT = '不动产单元代码';
const PARCEL = '宗地代码';

/** Field names used in reasons, by position range. */
const FIELDS = [
  { from: 1, to: 6, label: '县级行政区划代码' },
  { from: 7, to: 9, label: '地籍区代码' },
  { from: 10, to: 12, label: '地籍子区代码' },
  { from: 13, to: 13, label: '宗地所有权类型' },
  { from: 14, to: 14, label: '宗地特征码' },
  { from: 15, to: 19, label: '宗地顺序号' },
  { from: 20, to: 20, label: '定着物特征码' },
  { from: 21, to: 28, label: '定着物单元编号' },
] as const;

/** Trims, folds full-width characters (NFKC) and upper-cases, as clerks type codes every way. */
export function normalizeUnitCode(value: string): string {
  return value.normalize('NFKC').trim().toUpperCase();
}

export function validateUnitCode(value: string): UnitCodeCheck {
  const code = normalizeUnitCode(value);
  if (code.length !== UNIT_CODE_LENGTH) {
    const hint = code.length === PARCEL_CODE_LENGTH ? '（19位的是宗地代码，请补全第20–28位定着物部分）' : '';
    return invalid(UNIT, [{ from: 1, to: UNIT_CODE_LENGTH, reason: `应为28位，当前为${code.length}位${hint}，请核对。` }]);
  }
  const problems = [...parcelProblems(code), ...fixtureProblems(code)];
  const parcelType = code[13] as ParcelType;
  const fixture = code[19] as Fixture;
  if (problems.length === 0 && parcelType === 'A' && fixture !== 'W') {
    problems.push({ from: 20, to: 20, reason: '第14位为A（集体土地所有权宗地）时，第20位定着物特征码应为W（无定着物）。' });
  }
  if (problems.length > 0) return invalid(UNIT, problems);
  const isHouse = fixture === 'F';
  const warnings = PARCEL_FIXTURE_COMBINATIONS[parcelType].includes(fixture)
    ? []
    : [`${UNIT}第14位为${parcelType}（${PARCEL_TYPE_LABELS[parcelType]}）而第20位为${fixture}（${FIXTURE_LABELS[fixture]}），这种组合少见，请核对。`];
  return {
    ...(warnings.length > 0 ? { warnings } : {}),
    valid: true,
    normalized: code,
    decoded: {
      ...decodeParcel(code),
      kind: 'unit',
      fixture,
      fixtureLabel: FIXTURE_LABELS[fixture],
      fixtureNumber: code.slice(20, 28),
      building: isHouse ? code.slice(20, 24) : null,
      unit: isHouse ? code.slice(24, 28) : null,
    },
  };
}

/** A 19-character parcel code (宗地代码), the first 19 positions of a unit code. */
export function validateParcelCode(value: string): ParcelCodeCheck {
  const code = normalizeUnitCode(value);
  if (code.length !== PARCEL_CODE_LENGTH) {
    return invalid(PARCEL, [{ from: 1, to: PARCEL_CODE_LENGTH, reason: `应为19位，当前为${code.length}位，请核对。` }]);
  }
  const problems = parcelProblems(code);
  if (problems.length > 0) return invalid(PARCEL, problems);
  return { valid: true, normalized: code, decoded: { ...decodeParcel(code), kind: 'parcel' } };
}

function parcelProblems(code: string): CodeProblem[] {
  const problems = [...digitProblems(code, 1, 12), ...digitProblems(code, 15, 19)];
  if (!problems.some((p) => p.from <= 2)) {
    const province = code.slice(0, 2);
    if (!provinceByCode(province)) {
      problems.push({ from: 1, to: 2, reason: `第1–2位“${province}”不是有效的省级行政区划代码（GB/T 2260），请核对。` });
    }
  }
  if (code.slice(2, 4) === '00') {
    problems.push({ from: 3, to: 4, reason: '第3–4位（地级代码）不能为00：第1–6位应为县级行政区划代码，请核对。' });
  }
  problems.push(...letterProblem(code, 13, OWNERSHIP_LABELS), ...letterProblem(code, 14, PARCEL_TYPE_LABELS));
  if (code.slice(14, 19) === '00000') {
    problems.push({ from: 15, to: 19, reason: '第15–19位（宗地顺序号）应在00001–99999之间，不能为00000。' });
  }
  return problems.sort((a, b) => a.from - b.from);
}

function fixtureProblems(code: string): CodeProblem[] {
  const problems = [...letterProblem(code, 20, FIXTURE_LABELS), ...digitProblems(code, 21, 28)];
  if (problems.length > 0) return problems;
  const fixture = code[19] as Fixture;
  if (fixture === 'W') {
    // GB/T 37346-2019: a parcel without fixtures is coded W00000000.
    for (let p = 21; p <= 28; p++) {
      if (code[p - 1] !== '0') {
        problems.push({ from: p, to: p, reason: `第20位为W（无定着物）时，第21–28位应为00000000，第${p}位当前为“${code[p - 1]}”。` });
      }
    }
  } else if (fixture === 'F' && code.slice(20, 24) === '0000') {
    // Houses: 21–24 building (幢), 25–28 unit (户); building numbers start at 0001.
    problems.push({ from: 21, to: 24, reason: '第20位为F（房屋）时，第21–24位为幢号，应在0001–9999之间，不能为0000。' });
  }
  return problems;
}

function digitProblems(code: string, from: number, to: number): CodeProblem[] {
  const problems: CodeProblem[] = [];
  for (let p = from; p <= to; p++) {
    const c = code[p - 1];
    if (!/[0-9]/.test(c)) {
      problems.push({ from: p, to: p, reason: `第${p}位（${fieldLabel(p)}）应为数字，当前为“${c}”。` });
    }
  }
  return problems;
}

function letterProblem(code: string, position: number, allowed: Record<string, string>): CodeProblem[] {
  const c = code[position - 1];
  if (Object.prototype.hasOwnProperty.call(allowed, c)) return [];
  const choices = Object.keys(allowed).join('、');
  return [{ from: position, to: position, reason: `第${position}位（${fieldLabel(position)}）应为${choices}之一，当前为“${c}”。` }];
}

function fieldLabel(position: number): string {
  return FIELDS.find((f) => position >= f.from && position <= f.to)?.label ?? '';
}

function decodeParcel(code: string): Omit<ParcelCodeDecoded, 'kind'> {
  const ownership = code[12] as Ownership;
  const parcelType = code[13] as ParcelType;
  return {
    parcelCode: code.slice(0, 19),
    countyCode: code.slice(0, 6),
    provinceName: provinceByCode(code.slice(0, 2))?.name ?? '',
    zone: code.slice(6, 9),
    subZone: code.slice(9, 12),
    ownership,
    ownershipLabel: OWNERSHIP_LABELS[ownership],
    parcelType,
    parcelTypeLabel: PARCEL_TYPE_LABELS[parcelType],
    parcelSequence: code.slice(14, 19),
  };
}

/** Reasons are shown alone (a toast, a tooltip), so each one names the code it is about. */
function invalid(subject: string, problems: CodeProblem[]): { valid: false; code: 'INVALID_UNIT_CODE'; reasons: string[]; problems: CodeProblem[] } {
  return { valid: false, code: 'INVALID_UNIT_CODE', reasons: problems.map((p) => subject + p.reason), problems };
}
