import { AppError } from '../../../contract';

/**
 * 印制号: the serial pre-printed on each blank certificate form (e.g. 43000123401). It is read as a
 * number so ranges can be compared, and written back at the batch's width so leading zeros stay
 * as printed. Up to 15 digits keeps it exact in a JavaScript number and a SQLite integer.
 */
const SERIAL = /^\d{6,15}$/;

export function parseSerial(text: string): number {
  const t = text.trim();
  if (!SERIAL.test(t)) throw new AppError('FORM_SERIAL_INVALID', undefined, { serial: t.slice(0, 20) });
  return Number(t);
}

export function formatSerial(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** The range of a delivery: same width, first ≤ last, and no more than 100,000 sheets in one batch. */
export function parseRange(first: string, last: string): { first: number; last: number; width: number } {
  const a = first.trim();
  const b = last.trim();
  const f = parseSerial(a);
  const l = parseSerial(b);
  if (a.length !== b.length || l < f || l - f >= 100_000) {
    throw new AppError('FORM_SERIAL_INVALID', undefined, { first: a, last: b });
  }
  return { first: f, last: l, width: a.length };
}
