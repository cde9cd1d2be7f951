/**
 * Mainland phone numbers as applicants give them at the counter: mobiles (11 digits, 1[3-9]…),
 * optionally written with +86 / 86, spaces or hyphens; landlines as area code + local number
 * (0731-88888888, 010 12345678, 073188888888), optionally with an extension (-123, 转123).
 * Reasons never repeat the number: it is personal data (DOMAIN.md §8).
 */
export type PhoneCheck =
  | { valid: true; kind: 'mobile' | 'landline'; normalized: string }
  | { valid: false; code: 'INVALID_PHONE'; reasons: string[] };

/**
 * Area codes: 010 and 020–029 are three digits with 8-digit local numbers; all others are four
 * digits (03xx–09xx) with 7- or 8-digit local numbers. Local numbers never start with 0 or 1.
 */
const LANDLINE = /^(010|02\d)(\d{8})$|^(0[3-9]\d{2})(\d{7,8})$/;
/** An extension at the end: 0731-88888888-123, 0731-88888888转123, …ext123, …x123. */
const EXTENSION = /^(.+?)(?:-|转|ext\.?|x)(\d{1,6})$/i;

export function validatePhone(value: string): PhoneCheck {
  const text = value.normalize('NFKC').trim().replace(/[\s()]/g, '');
  if (text === '') return fail(['请填写联系电话。']);

  const compact = text.replace(/-/g, '');
  const mobile = compact.replace(/^\+?86(?=1\d{10}$)/, '');
  if (/^1\d{10}$/.test(mobile)) {
    if (!/^1[3-9]/.test(mobile)) return fail(['手机号码第2位应为3–9，请核对。']);
    return { valid: true, kind: 'mobile', normalized: mobile };
  }
  if (/^\+?86[2-9]/.test(compact)) {
    // +86 before a landline drops the trunk 0: +86 731 88888888.
    return validatePhone('0' + compact.replace(/^\+?86/, ''));
  }
  if (text.startsWith('1')) {
    return fail([`手机号码应为11位数字，当前为${compact.replace(/\D/g, '').length}位，请核对。`]);
  }
  if (!text.startsWith('0')) {
    return fail(['固定电话请填写区号，例如“0731-88888888”；手机号码应以1开头。']);
  }
  return validateLandline(text);
}

function validateLandline(text: string): PhoneCheck {
  // A hyphen may group digits (0731-8888-8888) or open an extension (0731-88888888-123): read the
  // whole as one number first, and split off an extension only when that fails.
  const whole = text.replace(/-/g, '');
  const extension = EXTENSION.exec(text);
  const candidates: Array<[string, string | undefined]> = [[whole, undefined]];
  if (extension) candidates.push([extension[1].replace(/-/g, ''), extension[2]]);
  if (!candidates.some(([number]) => /^\d+$/.test(number))) {
    return fail(['电话号码只能包含数字、空格和“-”，分机号可写作“-123”或“转123”。']);
  }
  for (const [number, ext] of candidates) {
    const m = LANDLINE.exec(number);
    if (!m) continue;
    const area = m[1] ?? m[3];
    const local = m[2] ?? m[4];
    if (/^[01]/.test(local)) return fail(['固定电话本地号码（区号之后）不能以0或1开头，请核对。']);
    return { valid: true, kind: 'landline', normalized: `${area}-${local}${ext ? `-${ext}` : ''}` };
  }
  return fail(['固定电话应为区号＋本地号码：区号010、020–029后接8位号码，其他区号为4位、后接7或8位号码。']);
}

/**
 * Masked for display: mobiles as 3 + **** + 4 (138****8000), landlines keep the area code and
 * the last 4 digits (0731-****8888). Anything else keeps only its last 4 characters.
 */
export function maskPhone(value: string): string {
  const check = validatePhone(value);
  if (check.valid && check.kind === 'mobile') return `${check.normalized.slice(0, 3)}****${check.normalized.slice(-4)}`;
  if (check.valid) {
    const [area, local] = check.normalized.split('-');
    return `${area}-${'*'.repeat(local.length - 4)}${local.slice(-4)}`;
  }
  const text = value.trim();
  return text.length <= 4 ? '*'.repeat(text.length) : '*'.repeat(text.length - 4) + text.slice(-4);
}

function fail(reasons: string[]): PhoneCheck {
  return { valid: false, code: 'INVALID_PHONE', reasons };
}
