import { isIsoDate, type IsoDate } from '../../contract/validation/calendar-date';
import { checkOfficeCode } from '../../contract/validation/office-code';
import { WORKSTATION_ID_PATTERN } from '../../contract/validation/workstation-id';

/**
 * Provisional case numbers (临时受理编号), given at acceptance before the platform assigns its own:
 *
 *   430102-20260315-A7-0001
 *   office  date     ws sequence
 *
 * The office code (GB/T 2260 county code) and the Asia/Shanghai acceptance date make it readable;
 * the workstation id (unique within the office, see workstation-id.ts) keeps two counters from
 * ever colliding without talking to each other, which matters offline; the sequence counts that
 * workstation's cases of the day. 23 characters: one line on a receipt. Allocating the sequence
 * is the case store's job.
 */
export interface CaseNumberParts {
  officeCode: string;
  /** Acceptance date in Asia/Shanghai, YYYY-MM-DD. */
  date: IsoDate;
  workstationId: string;
  /** 1–9999: that workstation's count of the day. */
  sequence: number;
}

export const MAX_DAILY_SEQUENCE = 9999;

export type CaseNumberCheck =
  | { valid: true; caseNumber: string; parts: CaseNumberParts }
  | { valid: false; code: 'INVALID_CASE_NUMBER'; reasons: string[] };

/** Throws RangeError for parts that cannot make a valid number: callers pass checked values. */
export function formatCaseNumber(parts: CaseNumberParts): string {
  const problems = partProblems(parts);
  if (problems.length > 0) throw new RangeError(`invalid case number parts: ${problems.join(' ')}`);
  const { officeCode, date, workstationId, sequence } = parts;
  return `${officeCode}-${date.replaceAll('-', '')}-${workstationId}-${String(sequence).padStart(4, '0')}`;
}

/**
 * Reads a case number as a person types it: lower case, spaces, full-width characters and
 * missing hyphens are accepted (43010220260315a70001).
 */
export function parseCaseNumber(value: string): CaseNumberCheck {
  const text = value.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  const m = /^(\d{6})-?(\d{4})(\d{2})(\d{2})-?([A-Z0-9]{2})-?(\d{4})$/.exec(text);
  if (!m) {
    return fail(['受理编号格式应为“机构代码-日期-工作站-序号”，例如 430102-20260315-A7-0001。']);
  }
  const parts: CaseNumberParts = {
    officeCode: m[1],
    date: `${m[2]}-${m[3]}-${m[4]}`,
    workstationId: m[5],
    sequence: Number(m[6]),
  };
  const reasons = partProblems(parts);
  if (reasons.length > 0) return fail(reasons);
  return { valid: true, caseNumber: formatCaseNumber(parts), parts };
}

function partProblems({ officeCode, date, workstationId, sequence }: CaseNumberParts): string[] {
  const problems: string[] = [];
  const office = checkOfficeCode(officeCode);
  if (!office.ok) problems.push(`受理编号中的机构代码不正确：${office.reason}。`);
  if (!isIsoDate(date)) problems.push('受理编号中的日期不是有效日期。');
  if (!WORKSTATION_ID_PATTERN.test(workstationId)) problems.push('受理编号中的工作站编号应为2位字母或数字（不用I、O、0、1）。');
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_DAILY_SEQUENCE) {
    problems.push(`受理编号中的序号应在0001–${MAX_DAILY_SEQUENCE}之间。`);
  }
  return problems;
}

function fail(reasons: string[]): CaseNumberCheck {
  return { valid: false, code: 'INVALID_CASE_NUMBER', reasons };
}
