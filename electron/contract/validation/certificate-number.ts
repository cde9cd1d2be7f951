import { provinceByAbbreviation } from './provinces';

/**
 * Numbers of 不动产权证书 (certificates) and 不动产登记证明 (proofs: mortgage, pre-registration …):
 * `{省简称}({year}){市县名}不动产权第{N}号` and `{省简称}({year}){市县名}不动产证明第{N}号`.
 * Real numbers vary: full- or half-width parentheses or 〔〕 [] 【】, stray spaces, N of 6, 7 or 8
 * digits, county names with or without 市/区/县 (湘(2017)北湖不动产权第0034063号), and the 字-style of
 * some offices, place plus 字 (沪(2018)徐字不动产权第015979号). The serial is kept exactly as written. The parser accepts all of these and
 * returns a normalized form (full-width parentheses, no spaces) so the same number typed two ways
 * is found as one.
 */
export type CertificateKind = 'certificate' | 'proof';

export interface CertificateNumber {
  kind: CertificateKind;
  /** The abbreviation as written, e.g. 湘. */
  province: string;
  /** GB/T 2260 code of that province, e.g. 43. */
  provinceCode: string;
  year: number;
  /** The city or county name as written (北湖 or 北湖区). */
  place: string;
  /** The place without a trailing 市/区/县, for matching numbers written both ways. */
  placeStem: string;
  /** N as written (6, 7 or 8 digits) with its leading zeros: never padded or rewritten. */
  serial: string;
  /** 'zi' for the 字-style numbers some offices print (沪(2018)徐字不动产权第015979号), else 'plain'. */
  style: 'plain' | 'zi';
  normalized: string;
}

export type CertificateNumberCheck =
  | ({ valid: true } & CertificateNumber)
  | { valid: false; code: 'INVALID_CERTIFICATE_NUMBER'; reasons: string[] };

export interface CertificateNumberOptions {
  /** Reject years after this one (the current year); omit to skip that check. */
  latestYear?: number;
}

/**
 * Unified registration began with 不动产登记暂行条例 (in force 2015-03-01); a few pilot offices issued
 * certificates in 2014, so 2014 is the earliest year accepted.
 */
export const EARLIEST_CERTIFICATE_YEAR = 2014;

const KIND_WORDS: Record<CertificateKind, string> = { certificate: '不动产权', proof: '不动产证明' };
const PLACE_SUFFIX = /[市区县]$/;

export function parseCertificateNumber(value: string, options: CertificateNumberOptions = {}): CertificateNumberCheck {
  // NFKC folds full-width parentheses and digits to ASCII; all white space (also U+3000) goes;
  // the other brackets people type around the year (〔〕 [] 【】 〖〗 ［］) become ( ).
  const text = value
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[〔\[【〖]/g, '(')
    .replace(/[〕\]】〗]/g, ')');
  if (text === '') return fail(['请填写不动产权证书号或不动产登记证明号。']);
  const reasons: string[] = [];

  // Without a leading abbreviation the number starts with the year: report it missing, read on.
  const hasAbbreviation = text[0] !== '(' && !/\d/.test(text[0]);
  const abbreviation = hasAbbreviation ? text[0] : '';
  const province = provinceByAbbreviation(abbreviation);
  if (!hasAbbreviation) {
    reasons.push('证号开头缺少省、自治区、直辖市的简称，例如“湘”。');
  } else if (!province) {
    reasons.push(`开头的“${abbreviation}”不是省、自治区、直辖市的简称，应为如“湘”“苏”“京”等31个简称之一。`);
  }

  const afterAbbreviation = text.slice(abbreviation.length);
  const yearMatch = /^\((\d{4})\)/.exec(afterAbbreviation);
  let year = NaN;
  if (!yearMatch) {
    reasons.push('省简称后应为括号中的4位年份，例如“(2017)”。');
  } else {
    year = Number(yearMatch[1]);
    if (year < EARLIEST_CERTIFICATE_YEAR || (options.latestYear !== undefined && year > options.latestYear)) {
      const latest = options.latestYear ?? '今年';
      reasons.push(`年份${year}不在${EARLIEST_CERTIFICATE_YEAR}至${latest}之间，请核对。`);
    }
  }

  const rest = yearMatch
    ? afterAbbreviation.slice(yearMatch[0].length)
    : afterAbbreviation.replace(/^\(?\d*\)?/, '');
  const kindAt = findKind(rest);
  if (!kindAt) {
    reasons.push('应包含“不动产权”（证书）或“不动产证明”（登记证明）字样，请核对。');
    return fail(reasons);
  }
  const place = rest.slice(0, kindAt.index);
  if (place === '') {
    reasons.push('年份后应为市县名称，例如“长沙市”或“北湖”。');
  } else if (!/^[\u3400-\u9fff]+$/.test(place)) {
    reasons.push('年份后的市县名称只能是汉字，请核对。');
  }

  const tail = rest.slice(kindAt.index + KIND_WORDS[kindAt.kind].length);
  const serialMatch = /^第(\d+)号$/.exec(tail);
  if (!serialMatch) {
    reasons.push(`“${KIND_WORDS[kindAt.kind]}”后应为“第”＋6至8位数字＋“号”，例如“第0034063号”。`);
  } else if (serialMatch[1].length < 6 || serialMatch[1].length > 8) {
    reasons.push(`证号中的顺序号应为6至8位数字，当前为${serialMatch[1].length}位，请按证书上印的号码照录。`);
  }

  if (reasons.length > 0 || !province || !serialMatch) return fail(reasons);
  const serial = serialMatch[1];
  return {
    valid: true,
    kind: kindAt.kind,
    province: abbreviation,
    provinceCode: province.code,
    year,
    place,
    placeStem: placeStem(place),
    serial,
    style: place.endsWith('字') ? 'zi' : 'plain',
    normalized: `${abbreviation}（${year}）${place}${KIND_WORDS[kindAt.kind]}第${serial}号`,
  };
}

/**
 * A search key for the place: 北湖区 → 北湖, 长沙市 → 长沙; a one-character remainder keeps its suffix
 * (城区 stays 城区), and only one suffix goes, so 沙市区 becomes 沙市, never 沙. Stems can coincide
 * for different offices (长沙市 and 长沙县 both give 长沙), so a stem match is a search hit to show
 * the clerk, never proof that two numbers are the same.
 */
export function placeStem(place: string): string {
  // 字-style (徐字): the stem is the place before 字.
  if (place.length >= 2 && place.endsWith('字')) return place.slice(0, -1);
  return place.length > 2 && PLACE_SUFFIX.test(place) ? place.slice(0, -1) : place;
}

function findKind(rest: string): { kind: CertificateKind; index: number } | null {
  // 不动产证明 and 不动产权 share the prefix 不动产, so look for the longer word first.
  const proof = rest.indexOf(KIND_WORDS.proof);
  if (proof >= 0) return { kind: 'proof', index: proof };
  const certificate = rest.indexOf(KIND_WORDS.certificate);
  if (certificate >= 0) return { kind: 'certificate', index: certificate };
  return null;
}

function fail(reasons: string[]): CertificateNumberCheck {
  return { valid: false, code: 'INVALID_CERTIFICATE_NUMBER', reasons };
}
