import { maskIdNumber } from '../../contract/validation/id-number';
import type { Applicant, Collection, Unit } from './document-data';

/** How facts are written in document text. */

/** 2026-11-27 → 2026年11月27日, the way dates are written in official documents (no leading zeros). */
export function chineseDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

/** Square metres with two decimals, as registers record areas. */
export function area(m2: number): string {
  return m2.toFixed(2);
}

/** A unit's area as printed, with its unit: 89.50平方米, 1.2500公顷. */
export function unitArea(unit: Unit): { value: string; unit: string } {
  if (unit.area) return { value: unit.area.unit === '平方米' ? area(unit.area.value) : String(unit.area.value), unit: unit.area.unit };
  return { value: area(unit.areaM2 ?? 0), unit: '平方米' };
}

/** The unit's use as printed: its 规划用途 when known, else the use class. */
export function unitUse(unit: Unit): string {
  return unit.plannedUse ?? unit.use;
}

/** 张三、李四 — how a notice addresses its applicants (agents act for them and are not addressed). */
export function addressees(applicants: readonly Applicant[]): string {
  const principals = applicants.filter((a) => a.role !== '代理人');
  return unique((principals.length > 0 ? principals : applicants).map((a) => a.name)).join('、');
}

/** The units' locations for running text: the first, and how many more. */
export function unitsInBrief(units: readonly Unit[]): string {
  const [first] = units;
  return units.length === 1 ? first.address : `${first.address}等${units.length}个不动产单元`;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** Organisations' codes are public registers; a person's ID number is personal data. */
const ORGANISATION_ID = /统一社会信用代码|组织机构代码|营业执照|事业单位法人证书|社会团体/;

/**
 * An applicant's ID number as documents handed out print it: masked by the one masking policy
 * (contract masking.ts) unless it belongs to an organisation or is masked already. The renderer
 * masks even if the caller forgot: a receipt must never carry a full ID number.
 */
export function maskedIdNumber(applicant: Applicant): string {
  if (ORGANISATION_ID.test(applicant.idType) || applicant.idNumber.includes('*')) return applicant.idNumber;
  return maskIdNumber(applicant.idNumber);
}

/** 邮寄（湖南省长沙市…） or 窗口领取. */
export function collectionText(collection: Collection): string {
  return collection.method === '邮寄' && collection.address ? `邮寄（${collection.address}）` : collection.method;
}
