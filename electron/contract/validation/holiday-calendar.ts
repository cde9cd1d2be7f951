import { z } from 'zod';
import { isoDateSchema } from './calendar-date';

/**
 * Public holidays and make-up working days (调休上班) as ISO dates. The State Council publishes the
 * next year's arrangement each November, so offices add a year to their configuration then; the
 * workstation warns when a deadline falls in a year the calendar does not cover.
 */
export const holidayCalendarSchema = z
  .object({
    /** Years whose arrangement this calendar holds. */
    years: z.array(z.number().int().min(2000).max(2100)),
    /** Days off, weekends inside a holiday period included. */
    holidays: z.array(isoDateSchema),
    /** Saturdays and Sundays that are working days (调休上班). */
    makeUpWorkdays: z.array(isoDateSchema),
  })
  .strict()
  .superRefine((calendar, ctx) => {
    const off = new Set(calendar.holidays);
    calendar.makeUpWorkdays.forEach((date, i) => {
      if (off.has(date)) ctx.addIssue({ code: 'custom', path: ['makeUpWorkdays', i], message: `${date} 不能既是假日又是调休工作日` });
    });
    const years = new Set(calendar.years);
    (['holidays', 'makeUpWorkdays'] as const).forEach((key) =>
      calendar[key].forEach((date, i) => {
        if (!years.has(Number(date.slice(0, 4)))) {
          ctx.addIssue({ code: 'custom', path: [key, i], message: `${date} 不在 years 所列年份内，请把 ${date.slice(0, 4)} 加入 years` });
        }
      }),
    );
  });
export type HolidayCalendar = z.infer<typeof holidayCalendarSchema>;

export const EMPTY_HOLIDAY_CALENDAR: HolidayCalendar = { years: [], holidays: [], makeUpWorkdays: [] };

/**
 * 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04, published by Xinhua): 元旦 1/1–1/3, 1/4 上班;
 * 春节 2/15–2/23, 2/14 and 2/28 上班; 清明 4/4–4/6; 劳动节 5/1–5/5, 5/9 上班; 端午 6/19–6/21;
 * 中秋 9/25–9/27; 国庆 10/1–10/7, 9/20 and 10/10 上班.
 */
export const CN_2026_HOLIDAY_CALENDAR: HolidayCalendar = {
  years: [2026],
  holidays: [
    ...range('2026-01', 1, 3),
    ...range('2026-02', 15, 23),
    ...range('2026-04', 4, 6),
    ...range('2026-05', 1, 5),
    ...range('2026-06', 19, 21),
    ...range('2026-09', 25, 27),
    ...range('2026-10', 1, 7),
  ],
  makeUpWorkdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
};

/** The official arrangements this build knows; offices add later years in configuration. */
export const DEFAULT_HOLIDAY_CALENDAR: HolidayCalendar = CN_2026_HOLIDAY_CALENDAR;

/** Several calendars as one (e.g. the built-in years plus the ones an office configured). */
export function mergeHolidayCalendars(...calendars: HolidayCalendar[]): HolidayCalendar {
  const unique = <T extends string | number>(values: T[]): T[] => [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    years: unique(calendars.flatMap((c) => c.years)),
    holidays: unique(calendars.flatMap((c) => c.holidays)),
    makeUpWorkdays: unique(calendars.flatMap((c) => c.makeUpWorkdays)),
  };
}

function range(month: string, from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, i) => `${month}-${String(from + i).padStart(2, '0')}`);
}
