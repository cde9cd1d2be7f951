import { NATIONS, SEXES } from './nations';

/**
 * The 256-byte text block of a second-generation resident ID card (DOMAIN.md §4): UCS-2LE (read as
 * UTF-16LE so characters outside the BMP, stored as surrogate pairs, decode too), each field padded
 * with spaces to its fixed width.
 */
export const TEXT_BLOCK_BYTES = 256;

/** Field offsets and widths in bytes. */
const FIELDS = {
  name: [0, 30],
  sex: [30, 2],
  nation: [32, 4],
  birthDate: [36, 16],
  address: [52, 70],
  idNumber: [122, 36],
  issuer: [158, 30],
  validFrom: [188, 16],
  validTo: [204, 16],
} as const satisfies Record<string, readonly [number, number]>;

/** Byte offset of the card-kind marker in the reserved area (one UCS-2 character). */
const KIND_MARKER_OFFSET = 248;

/** What the encoder takes: dates as YYYY-MM-DD, validTo may be 长期. */
export interface ResidentCardFields {
  name: string;
  sexCode: string;
  nationCode: string;
  birthDate: string;
  address: string;
  idNumber: string;
  issuer: string;
  validFrom: string;
  validTo: string;
}

export interface ResidentCardText extends ResidentCardFields {
  cardType: 'resident';
  supported: true;
  sex: string;
  nation: string;
}

export type UnsupportedCardType = 'foreign_permanent_resident' | 'hmt_residence_permit';

/** A card of another kind: detected by its marker and reported, never misparsed as a resident card. */
export interface UnsupportedCardText {
  cardType: UnsupportedCardType;
  supported: false;
  marker: string;
  message: string;
}

export type TextBlockResult =
  | { ok: true; value: ResidentCardText | UnsupportedCardText }
  | { ok: false; error: { code: 'CARD_DATA_INVALID'; field: string; message: string } };

/**
 * The marker at bytes 248–249: 'I' is the 2017 foreign permanent residence card, 'Y' its 2023
 * redesign, 'J' the residence permit for Hong Kong, Macao and Taiwan residents. A resident card
 * keeps the reserved area blank.
 */
const OTHER_KINDS: Record<string, { cardType: UnsupportedCardType; message: string }> = {
  I: { cardType: 'foreign_permanent_resident', message: '这是外国人永久居留身份证，本系统暂不支持自动读取，请人工录入证件信息。' },
  Y: { cardType: 'foreign_permanent_resident', message: '这是外国人永久居留身份证，本系统暂不支持自动读取，请人工录入证件信息。' },
  J: { cardType: 'hmt_residence_permit', message: '这是港澳台居民居住证，本系统暂不支持自动读取，请人工录入证件信息。' },
};

const FIELD_LABELS: Record<keyof typeof FIELDS | 'cardType', string> = {
  name: '姓名',
  sex: '性别',
  nation: '民族',
  birthDate: '出生日期',
  address: '住址',
  idNumber: '公民身份号码',
  issuer: '签发机关',
  validFrom: '有效期起始日期',
  validTo: '有效期截止日期',
  cardType: '证件类型',
};

const LONG_TERM = '长期';

export function parseTextBlock(block: Uint8Array): TextBlockResult {
  if (block.length !== TEXT_BLOCK_BYTES) return invalid('cardType');
  const marker = decode(block.subarray(KIND_MARKER_OFFSET, KIND_MARKER_OFFSET + 2));
  if (marker !== ' ' && marker !== '\u0000') {
    const kind = OTHER_KINDS[marker];
    if (!kind) return invalid('cardType');
    return { ok: true, value: { ...kind, supported: false, marker } };
  }
  const field = (name: keyof typeof FIELDS): string => {
    const [offset, width] = FIELDS[name];
    return trimPadding(decode(block.subarray(offset, offset + width)));
  };
  const sexCode = field('sex');
  const sex = SEXES[sexCode];
  if (!sex) return invalid('sex');
  const nationCode = field('nation');
  const nation = NATIONS[nationCode];
  if (!nation) return invalid('nation');
  const birthDate = compactToIsoDate(field('birthDate'));
  if (!birthDate) return invalid('birthDate');
  const validFrom = compactToIsoDate(field('validFrom'));
  if (!validFrom) return invalid('validFrom');
  const rawValidTo = field('validTo');
  const validTo = rawValidTo === LONG_TERM ? LONG_TERM : compactToIsoDate(rawValidTo);
  if (!validTo) return invalid('validTo');
  const name = field('name');
  if (!name) return invalid('name');
  return {
    ok: true,
    value: {
      cardType: 'resident',
      supported: true,
      name,
      sexCode,
      sex,
      nationCode,
      nation,
      birthDate,
      address: field('address'),
      idNumber: field('idNumber'),
      issuer: field('issuer'),
      validFrom,
      validTo,
    },
  };
}

/**
 * The inverse of parseTextBlock, for the simulator and tests. Throws RangeError when a value does
 * not fit its field, since a card can never hold it.
 */
export function encodeTextBlock(fields: ResidentCardFields): Uint8Array {
  const block = new Uint8Array(TEXT_BLOCK_BYTES);
  writePadded(block, 0, TEXT_BLOCK_BYTES, '');
  const put = (name: keyof typeof FIELDS, value: string): void => {
    const [offset, width] = FIELDS[name];
    writePadded(block, offset, width, value, name);
  };
  put('name', fields.name);
  put('sex', fields.sexCode);
  put('nation', fields.nationCode);
  put('birthDate', isoToCompactDate(fields.birthDate));
  put('address', fields.address);
  put('idNumber', fields.idNumber);
  put('issuer', fields.issuer);
  put('validFrom', isoToCompactDate(fields.validFrom));
  put('validTo', fields.validTo === LONG_TERM ? LONG_TERM : isoToCompactDate(fields.validTo));
  return block;
}

/** Sets the card-kind marker (for simulating foreign and HMT cards). */
export function withKindMarker(block: Uint8Array, marker: string): Uint8Array {
  const copy = block.slice();
  writePadded(copy, KIND_MARKER_OFFSET, 2, marker, 'marker');
  return copy;
}

/** YYYYMMDD → YYYY-MM-DD when it is a real calendar date, else null. */
export function compactToIsoDate(value: string): string | null {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (!match) return null;
  const [, y, m, d] = match;
  return isRealDate(Number(y), Number(m), Number(d)) ? `${y}-${m}-${d}` : null;
}

export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoToCompactDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new RangeError(`date must be YYYY-MM-DD: ${value}`);
  return value.replaceAll('-', '');
}

const utf16 = new TextDecoder('utf-16le');

function decode(bytes: Uint8Array): string {
  return utf16.decode(bytes);
}

/** Cards pad with spaces (U+0020); some readers hand back NULs instead. Nothing else is trimmed. */
function trimPadding(value: string): string {
  return value.replace(/^[ \u0000]+|[ \u0000]+$/g, '');
}

function writePadded(block: Uint8Array, offset: number, width: number, value: string, field = ''): void {
  if (value.length * 2 > width) {
    throw new RangeError(`${field} needs ${value.length * 2} bytes, the field holds ${width}`);
  }
  for (let i = 0; i < width / 2; i++) {
    const unit = i < value.length ? value.charCodeAt(i) : 0x20;
    block[offset + 2 * i] = unit & 0xff;
    block[offset + 2 * i + 1] = unit >> 8;
  }
}

function invalid(field: keyof typeof FIELD_LABELS): TextBlockResult {
  return {
    ok: false,
    error: {
      code: 'CARD_DATA_INVALID',
      field,
      message: `身份证信息中的“${FIELD_LABELS[field]}”格式异常，请重新放置身份证后重试；如仍失败，请人工核验证件。`,
    },
  };
}
