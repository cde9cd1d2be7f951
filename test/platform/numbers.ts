/**
 * The numbers the platform issues. Their shapes are plausible, not official: no province publishes
 * its 统一受理编号 scheme, so the stand-in uses the style of a government document number
 * (`湘长芙受〔2026〕000123号`: province, city + district abbreviation, 受 for 受理, year in 六角括号,
 * a per-office yearly sequence). Certificate numbers follow DOMAIN.md §3 exactly.
 */

/** Short names of the Changsha districts and counties (GB/T 2260), as offices abbreviate them. */
const OFFICE_ABBREVIATIONS: Record<string, string> = {
  '430102': '长芙', // 芙蓉区
  '430103': '长天', // 天心区
  '430104': '长岳', // 岳麓区
  '430105': '长开', // 开福区
  '430111': '长雨', // 雨花区
  '430112': '长望', // 望城区
  '430121': '长县', // 长沙县
  '430181': '浏', // 浏阳市
  '430182': '宁', // 宁乡市
};

/** The platform's own case id: P + the case's row sequence, zero-padded so ids sort as text too. */
export function platformCaseId(sequence: number): string {
  return `P${String(sequence).padStart(8, '0')}`;
}

/** 统一受理编号, e.g. 湘长芙受〔2026〕000123号; the sequence is per office and year. */
export function officialNumber(office: string, year: number, sequence: number): string {
  const place = OFFICE_ABBREVIATIONS[office] ?? '长';
  return `湘${place}受〔${year}〕${String(sequence).padStart(6, '0')}号`;
}

/** The counter name of an office's yearly official-number sequence. */
export function officialNumberCounter(office: string, year: number): string {
  return `official:${office}:${year}`;
}

export type CertificateKind = 'certificate' | 'proof';

/**
 * 不动产权证书 or 不动产登记证明 number: `湘(2026)长沙市不动产权第0201234号` (DOMAIN.md §3), 7 digits,
 * half-width parentheses as in API.md. One sequence per kind and year; issued numbers start above
 * ISSUED_SERIAL_BASE so they never meet the seeded register's older numbers of the same year.
 */
export function certificateNumber(kind: CertificateKind, year: number, sequence: number): string {
  const word = kind === 'certificate' ? '不动产权' : '不动产证明';
  return `湘(${year})长沙市${word}第${String(ISSUED_SERIAL_BASE + sequence).padStart(7, '0')}号`;
}

/** Seeded register numbers stay below this serial. */
export const ISSUED_SERIAL_BASE = 200_000;

export function certificateCounter(kind: CertificateKind, year: number): string {
  return `${kind}:${year}`;
}

/** The office a client certificate CN names: `430102-A7` → 430102; any other CN is its own scope. */
export function officeOfCn(cn: string): string {
  return /^(\d{6})-/.exec(cn)?.[1] ?? cn;
}

/** The year in Asia/Shanghai (UTC+8, no daylight saving): a case received at 2026-12-31T17:00Z is a 2027 case. */
export function yearInChina(at: Date): number {
  return new Date(at.getTime() + 8 * 60 * 60 * 1000).getUTCFullYear();
}
