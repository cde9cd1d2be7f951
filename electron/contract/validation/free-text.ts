import { z } from 'zod';
import { maskIdNumber } from './id-number';
import { maskPhone } from './phone';

/**
 * Free text is personal data (STYLE.md): a clerk types "电话 138 0731 0001" into a reason or an
 * ID number into an address. Those numbers are found and masked by the ONE masking policy
 * (masking.ts: 430102********042X, 138****0001) at the contract edge, before the text is stored,
 * indexed, audited or synced. Found even when written the way people type them: with spaces or
 * dashes inside, in full-width digits (１３８…), with +86 / 86 before a mobile, a lower-case x.
 *
 * Use `freeText(z.string()…)` for every free-text field of a contract input (addresses, reasons,
 * notes). It only rewrites the value (`.overwrite`): the field stays a string in the JSON Schema.
 */

/** A digit, ASCII or full-width. */
const D = '[0-9\\uFF10-\\uFF19]';
/** Separators people put inside a number: spaces (also full-width), hyphens and dashes. */
const S = '[ \\u3000\\-\\u2010-\\u2015\\uFF0D]';
/** A run that may be one number: digits with single separators between, maybe +86 before, maybe X at the end. */
const CANDIDATE = new RegExp(`(?<![0-9A-Za-z\\uFF10-\\uFF19])(?:[+\\uFF0B]?(?:86|\\uFF18\\uFF16)${S}?)?${D}(?:${S}?${D})*(?:${S}?[Xx\\uFF38\\uFF58])?(?![0-9A-Za-z\\uFF10-\\uFF19])`, 'g');

function toAscii(text: string): string {
  return text.replace(/[\uFF10-\uFF19\uFF38\uFF58\uFF0B]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** What a candidate run is, once its separators are gone; null = not a personal number. */
function maskNumber(run: string): string | null {
  const plain = toAscii(run).replace(/[^0-9Xx+]/g, '').toUpperCase();
  const digits = plain.replace(/^\+/, '');
  if (/^\d{17}[\dX]$/.test(digits)) return maskIdNumber(digits);
  if (/^[1-8]\d{14}$/.test(digits)) return maskIdNumber(digits);
  if (/^(?:86)?1[3-9]\d{9}$/.test(digits)) return maskPhone(digits.slice(-11));
  // Landlines: 0 + area code (2–3 digits) + 7–8 digits, e.g. 0731-84001234.
  if (/^0\d{9,11}$/.test(digits)) {
    const split = toAscii(run).match(/^(0\d{2,3})\D+(\d{7,8})$/);
    const area = split ? split[1] : digits.length === 12 ? digits.slice(0, 4) : digits.slice(0, 3);
    const local = split ? split[2] : digits.slice(area.length);
    return `${area}-${'*'.repeat(local.length - 4)}${local.slice(-4)}`;
  }
  return null;
}

/** Masks every ID number and phone number found in `text`; other text comes back as it was. */
export function maskFreeText(text: string): string {
  return text.replace(CANDIDATE, (run) => {
    // A run may hold two numbers side by side ("430102… 13807310001"): try its space-split parts.
    const whole = maskNumber(run);
    if (whole !== null) return whole;
    const parts = run.split(/([ \u3000]+)/);
    if (parts.length === 1) return run;
    return parts.map((p) => (/^[ \u3000]+$/.test(p) ? p : (maskNumber(p) ?? p))).join('');
  });
}

/** A free-text contract field: masked (ID numbers, phones) before any handler sees it. */
export function freeText(schema: z.ZodString): z.ZodString {
  return schema.overwrite(maskFreeText);
}
