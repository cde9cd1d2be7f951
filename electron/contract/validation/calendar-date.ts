import { z } from 'zod';

/**
 * Calendar dates as plain `YYYY-MM-DD` strings. Registration deadlines and birth dates are dates
 * in China (Asia/Shanghai), not instants: doing the arithmetic on strings keeps a machine set to
 * another time zone from shifting a deadline by a day.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const isoDateSchema = z
  .string()
  .refine(isIsoDate, { message: '日期应为 YYYY-MM-DD 格式的有效日期，例如 2026-03-02' });

export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  return m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Days since 1970-01-01 of a valid ISO date; UTC is used only as a zone-free day counter. */
export function isoDateToDayNumber(date: IsoDate): number {
  const m = ISO_DATE.exec(date);
  if (!m || !isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
    throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  }
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
  const day = new Date(0);
  day.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Math.round(day.getTime() / 86_400_000);
}

export function dayNumberToIsoDate(dayNumber: number): IsoDate {
  return new Date(dayNumber * 86_400_000).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: IsoDate): number {
  return (((isoDateToDayNumber(date) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

/**
 * Today's date in Asia/Shanghai. China has kept UTC+8 without daylight saving since 1991, so a
 * fixed offset is exact and needs no time-zone database (the renderer may lack full ICU).
 */
export function shanghaiDate(now: Date): IsoDate {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
