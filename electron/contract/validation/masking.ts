import { maskIdNumber } from './id-number';
import { maskPhone } from './phone';

/**
 * The ONE masking policy for personal data (DOMAIN.md §8): what screens, documents marked as
 * masked, exports, logs and error messages show.
 *   - ID numbers: first 6 + ******** + last 4 (430102********042X);
 *   - phones: mobiles 3 + **** + 4 (138****0001), landlines keep the area code and last 4;
 *   - names: shown (a name alone identifies nobody at the counter); `maskName` exists for places
 *     that want them masked (张*丰).
 * Roles that need the full value get it through an explicit, audited "show" (cases.revealParty).
 * Pure: used by core, hosts and the renderer. maskIdNumber (id-number.ts) and maskPhone (phone.ts)
 * are the two value maskers; everything that masks goes through them or through this file.
 */

/** The family name and the last character stay: 张三丰 → 张*丰, 李四 → 李*. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return chars.join('');
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

// Not part of a longer run of letters or digits: hashes, tokens and URLs keep their digits unless
// they happen to contain a standalone number of exactly this shape.
const B = '(?<![0-9A-Za-z])';
const E = '(?![0-9A-Za-z])';
/** 18-character resident ID numbers (17 digits + digit or X) and the old 15-digit ones. */
const ID_NUMBER = new RegExp(`${B}(?:\\d{17}[\\dXx]|[1-8]\\d{14})${E}`, 'g');
/** Mobiles: 11 digits 1[3-9]…, optionally +86 / 86 and grouped with spaces or hyphens. */
const MOBILE = new RegExp(`${B}(?:\\+?86[- ]?)?1[3-9]\\d[- ]?\\d{4}[- ]?\\d{4}${E}`, 'g');
/** Landlines: area code 0xx / 0xxx, then 7–8 digits, optionally split by a hyphen or a space. */
const LANDLINE = new RegExp(`${B}0\\d{2,3}[- ]?[2-9]\\d{6,7}${E}`, 'g');

/**
 * Masks every ID number and phone number found inside free text (log lines, error messages,
 * exported cells). Text without personal numbers comes back unchanged.
 */
export function maskPersonalText(text: string): string {
  if (!/\d{7}/.test(text.replace(/[- ]/g, ''))) return text;
  return text
    .replace(ID_NUMBER, (m) => maskIdNumber(m.toUpperCase()))
    .replace(MOBILE, (m) => maskPhone(m))
    .replace(LANDLINE, (m) => maskPhone(m));
}

/** maskPersonalText over every string inside a JSON-like value (error details, audit details). */
export function maskPersonalData<T>(value: T): T {
  if (typeof value === 'string') return maskPersonalText(value) as T;
  if (Array.isArray(value)) return value.map((v) => maskPersonalData(v)) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskPersonalData(v)])) as T;
  }
  return value;
}
