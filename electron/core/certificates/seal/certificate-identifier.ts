/**
 * 证照标识 (GB/T 36904 practice): `1.2.156.3005.2.{证照类型代码}.{颁发机构代码}.{流水号}.{版本号}.{校验位}`.
 *
 * The check character is ISO/IEC 7064 "MOD 37,36" — the hybrid system with M = 36 over the
 * alphabet 0-9A-Z (values 0..35), computed over 类型代码+机构代码+流水号+版本号 with the dots removed.
 * Source of the practice: gtmap's public implementation (GitHub yanFranklin/bdc20230104, see
 * DOMAIN.md §5) and other public 电子证照 code calling ISO7064 MOD_37_HYBRID_36 the same way; the
 * vectors in the tests are identifiers published in public code.
 *
 * The hybrid system: P := M; for each character c: S := (P + value(c)) mod M, S := M if 0,
 * P := (2·S) mod (M+1). The check character c' makes (P + value(c')) mod M = 1.
 */
export const CERTIFICATE_ROOT_OID = '1.2.156.3005.2';
export const CERTIFICATE_VERSION = '001';
/** Defaults, configurable per office (config.certificates.typeCodes). */
export const DEFAULT_TYPE_CODES = {
  certificate: '11100000MB03271699001',
  proof: '11100000MB03271699022',
} as const;

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const M = 36;

export class IdentifierError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IdentifierError';
  }
}

function valueOf(ch: string): number {
  const v = ALPHABET.indexOf(ch);
  if (v < 0) throw new IdentifierError(`证照标识含有不允许的字符：${ch}`);
  return v;
}

/** The hybrid system's running value P after `s` (M for the empty string). */
export function mod3736State(s: string): number {
  let p = M;
  for (const ch of s) {
    let sum = (p + valueOf(ch)) % M;
    if (sum === 0) sum = M;
    p = (sum * 2) % (M + 1);
  }
  return p;
}

/**
 * ISO/IEC 7064 MOD 37,36 check character of `s` (0-9A-Z; lower case is refused, not folded).
 * It catches every single-character substitution. It does NOT catch every adjacent transposition:
 * swapping two characters whose partial sums (P + value) mod 36 are 18 and 19 leaves P unchanged
 * (2·18 mod 37 = 36 and 2·19 mod 37 = 1 meet again at the next step); the tests pin this blind spot.
 */
export function checkCharacter(s: string): string {
  if (s.length === 0) throw new IdentifierError('校验位的计算内容为空');
  return ALPHABET[(M + 1 - mod3736State(s)) % M]!;
}

/** True when `s` followed by its check character `c` passes the MOD 37,36 check. */
export function checkCharacterValid(s: string, c: string): boolean {
  try {
    return c.length === 1 && checkCharacter(s) === c;
  } catch {
    return false;
  }
}

const CODE = /^[0-9A-Z]+$/;
/** 流水号: the year then the sequence padded to 7 digits (never reused; 登簿退回 voids). */
export function certificateSerial(year: number, sequence: number): string {
  if (!Number.isInteger(year) || year < 2000 || year > 9999) throw new IdentifierError(`年份不正确：${year}`);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 9_999_999) throw new IdentifierError(`流水号序号不正确：${sequence}`);
  return `${year}${String(sequence).padStart(7, '0')}`;
}

export function certificateIdentifier(o: { typeCode: string; authorityCode: string; serial: string; version?: string }): string {
  const version = o.version ?? CERTIFICATE_VERSION;
  for (const [label, v] of [['证照类型代码', o.typeCode], ['颁发机构代码', o.authorityCode], ['流水号', o.serial], ['版本号', version]] as const) {
    if (!CODE.test(v)) throw new IdentifierError(`${label}只能由数字和大写字母组成：${v}`);
  }
  const check = checkCharacter(o.typeCode + o.authorityCode + o.serial + version);
  return `${CERTIFICATE_ROOT_OID}.${o.typeCode}.${o.authorityCode}.${o.serial}.${version}.${check}`;
}

export interface ParsedIdentifier {
  typeCode: string;
  authorityCode: string;
  serial: string;
  version: string;
  check: string;
}

/** Splits an identifier; null when it is not shaped like one (the check character is not judged). */
export function parseCertificateIdentifier(id: string): ParsedIdentifier | null {
  if (!id.startsWith(CERTIFICATE_ROOT_OID + '.')) return null;
  const parts = id.slice(CERTIFICATE_ROOT_OID.length + 1).split('.');
  if (parts.length !== 5 || !parts.every((p) => CODE.test(p)) || parts[4]!.length !== 1) return null;
  const [typeCode, authorityCode, serial, version, check] = parts as [string, string, string, string, string];
  return { typeCode, authorityCode, serial, version, check };
}

/** True when the identifier is well formed and its check character is right. */
export function identifierValid(id: string): boolean {
  const p = parseCertificateIdentifier(id);
  return p !== null && checkCharacterValid(p.typeCode + p.authorityCode + p.serial + p.version, p.check);
}
