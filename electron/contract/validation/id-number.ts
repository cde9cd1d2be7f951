import { isRealDate, shanghaiDate, type IsoDate } from './calendar-date';

/**
 * Citizen identity numbers, GB 11643-1999: 6-digit address code (GB/T 2260), 8-digit birth date,
 * 3-digit sequence (odd for men, even for women), 1 check character (ISO 7064 MOD 11-2).
 * Reasons are Chinese and never repeat the number itself: it is personal data and reasons end up
 * on screens and in logs. Shared by the renderer's live validation, the back end and the card
 * reader driver (native/idcard re-exports this file), so there is one implementation.
 */
export type IdNumberCheck =
  | { valid: true; normalized: string; birthDate: string; sex: '男' | '女' }
  | { valid: false; code: 'INVALID_ID_NUMBER'; reasons: string[]; hint?: 'firstGenerationCard' };

export interface IdNumberOptions {
  /**
   * "Today" for the birth-date check: a Date is read in the machine's local zone (the counter
   * is in China); a `YYYY-MM-DD` string is taken as is. Defaults to today in Asia/Shanghai.
   */
  today?: Date | IsoDate;
}

/**
 * A 15-digit number is a first-generation card's: those cards ceased to be valid on 2013-01-01
 * (公安部 notice under 居民身份证法; first-generation cards stopped being usable from that date).
 */
export const FIRST_GENERATION_REASON =
  '15位号码为第一代居民身份证号码，第一代居民身份证已于2013年1月1日停止使用，请出示第二代居民身份证（18位号码）或其他有效身份证明。';

/** GB 11643-1999 §7.2 weights W_i = 2^(i-1) mod 11, for positions 18 down to 2. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** Check character for (Σ a_i·W_i) mod 11 = 0…10. */
const CHECK_CHARS = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];

/**
 * Province-level codes of GB/T 2260 (first two digits of the address code), plus 71 and 81/82/83,
 * which residence permits for Taiwan, Hong Kong and Macao residents use.
 */
export const PROVINCE_CODES: ReadonlySet<string> = new Set([
  '11', '12', '13', '14', '15',
  '21', '22', '23',
  '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54',
  '61', '62', '63', '64', '65',
  '71', '81', '82', '83',
]);

export function validateIdNumber(value: string, options: IdNumberOptions = {}): IdNumberCheck {
  // NFKC folds full-width digits and Ｘ (typed with a Chinese IME) to ASCII; all white space goes.
  const normalized = value.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  if (/^\d{15}$/.test(normalized)) {
    return { valid: false, code: 'INVALID_ID_NUMBER', reasons: [FIRST_GENERATION_REASON], hint: 'firstGenerationCard' };
  }
  if (normalized.length !== 18) {
    return fail([`公民身份号码应为18位，当前为${normalized.length}位，请核对。`]);
  }
  if (!/^\d{17}[\dX]$/.test(normalized)) {
    return fail(['公民身份号码前17位应为数字，最后一位应为数字或X，请核对。']);
  }
  const reasons: string[] = [];
  const province = normalized.slice(0, 2);
  if (!PROVINCE_CODES.has(province)) {
    reasons.push(`地址码前两位“${province}”不是有效的省级行政区划代码（GB/T 2260），请核对。`);
  }
  const year = Number(normalized.slice(6, 10));
  const month = Number(normalized.slice(10, 12));
  const day = Number(normalized.slice(12, 14));
  const birthDate = `${normalized.slice(6, 10)}-${normalized.slice(10, 12)}-${normalized.slice(12, 14)}`;
  if (!isRealDate(year, month, day)) {
    reasons.push('号码中的出生日期（第7–14位）不是有效日期，请核对。');
  } else if (birthDate > todayOf(options.today)) {
    reasons.push('号码中的出生日期（第7–14位）晚于今天，请核对。');
  }
  if (checkCharacter(normalized.slice(0, 17)) !== normalized[17]) {
    reasons.push('公民身份号码校验码（第18位）不正确（GB 11643-1999），请核对号码是否有误。');
  }
  if (reasons.length > 0) return fail(reasons);
  const sex = Number(normalized[16]) % 2 === 1 ? '男' : '女';
  return { valid: true, normalized, birthDate, sex };
}

/** ISO 7064 MOD 11-2 check character of the first 17 digits. */
export function checkCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('need exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/** For display: first 6, eight asterisks, last 4 (DOMAIN.md §3). Short input is masked entirely. */
export function maskIdNumber(value: string): string {
  if (value.length < 10) return '*'.repeat(value.length);
  return `${value.slice(0, 6)}********${value.slice(-4)}`;
}

function fail(reasons: string[]): IdNumberCheck {
  return { valid: false, code: 'INVALID_ID_NUMBER', reasons };
}

function todayOf(today: Date | IsoDate | undefined): IsoDate {
  if (today === undefined) return shanghaiDate(new Date());
  if (typeof today === 'string') return today;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`;
}
