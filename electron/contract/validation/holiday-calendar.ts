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
    /**
     * Years of which only the statutory days off are known (《全国年节及纪念日放假办法》), not yet
     * the State Council's arrangement: their days count as holidays, the year is still "uncovered".
     */
    provisionalYears: z.array(z.number().int().min(2000).max(2100)).optional(),
  })
  .strict()
  .superRefine((calendar, ctx) => {
    const off = new Set(calendar.holidays);
    calendar.makeUpWorkdays.forEach((date, i) => {
      if (off.has(date)) ctx.addIssue({ code: 'custom', path: ['makeUpWorkdays', i], message: `${date} 不能既是假日又是调休工作日` });
    });
    const years = new Set([...calendar.years, ...(calendar.provisionalYears ?? [])]);
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

/**
 * The statutory days off of 《全国年节及纪念日放假办法》 as revised 2024-11-10 (国务院令第795号, in
 * force 2025-01-01): 元旦 1/1; 春节 农历除夕 and 正月初一至初三; 清明 1 day; 劳动节 5/1–5/2; 端午 农历五月初五;
 * 中秋 农历八月十五; 国庆 10/1–10/3. The fixed ones are computed; the lunar dates and 清明 are listed
 * for 2027–2030 from published almanac tables (ICU's Chinese calendar agrees except for 2027 and
 * 2030 春节, where the new moon falls within minutes of midnight Beijing time and ICU's
 * approximation misses: 2027-02-06 and 2030-02-03 are the published dates). Years outside the
 * table get the fixed days only.
 */
export const LUNAR_HOLIDAY_DATES: Readonly<Record<number, { springFestival: IsoDateText; qingming: IsoDateText; dragonBoat: IsoDateText; midAutumn: IsoDateText }>> = {
  2027: { springFestival: '2027-02-06', qingming: '2027-04-05', dragonBoat: '2027-06-09', midAutumn: '2027-09-15' },
  2028: { springFestival: '2028-01-26', qingming: '2028-04-04', dragonBoat: '2028-05-28', midAutumn: '2028-10-03' },
  2029: { springFestival: '2029-02-13', qingming: '2029-04-04', dragonBoat: '2029-06-16', midAutumn: '2029-09-22' },
  2030: { springFestival: '2030-02-03', qingming: '2030-04-05', dragonBoat: '2030-06-05', midAutumn: '2030-09-12' },
};
type IsoDateText = string;

/** The statutory days off of one year (no 调休: that comes with the State Council's notice). */
export function statutoryHolidays(year: number): string[] {
  const fixed = [`${year}-01-01`, `${year}-05-01`, `${year}-05-02`, `${year}-10-01`, `${year}-10-02`, `${year}-10-03`];
  const lunar = LUNAR_HOLIDAY_DATES[year];
  if (!lunar) return fixed;
  const spring = lunar.springFestival;
  const around = (date: string, offset: number): string => shiftDate(date, offset);
  const days = [...fixed, around(spring, -1), spring, around(spring, 1), around(spring, 2), lunar.qingming, lunar.dragonBoat, lunar.midAutumn];
  return [...new Set(days)].sort();
}

/** A calendar holding only the statutory days of these years, marked provisional. */
export function provisionalHolidayCalendar(years: readonly number[]): HolidayCalendar {
  return { years: [], holidays: years.flatMap(statutoryHolidays), makeUpWorkdays: [], provisionalYears: [...years] };
}

/**
 * The official arrangements this build knows (2026), plus the statutory days of 2027–2030 so a
 * promise made in December already skips next year's 元旦, 春节 … before the notice; offices add the
 * official arrangement of later years in configuration.
 */
export const DEFAULT_HOLIDAY_CALENDAR: HolidayCalendar = mergeHolidayCalendars(CN_2026_HOLIDAY_CALENDAR, provisionalHolidayCalendar([2027, 2028, 2029, 2030]));

/** Several calendars as one (e.g. the built-in years plus the ones an office configured). */
export function mergeHolidayCalendars(...calendars: HolidayCalendar[]): HolidayCalendar {
  const unique = <T extends string | number>(values: T[]): T[] => [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const years = unique(calendars.flatMap((c) => c.years));
  const provisional = unique(calendars.flatMap((c) => c.provisionalYears ?? [])).filter((y) => !years.includes(y));
  const merged: HolidayCalendar = {
    years,
    holidays: unique(calendars.flatMap((c) => c.holidays)),
    makeUpWorkdays: unique(calendars.flatMap((c) => c.makeUpWorkdays)),
  };
  return provisional.length > 0 ? { ...merged, provisionalYears: provisional } : merged;
}

function shiftDate(date: string, days: number): string {
  const t = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

function range(month: string, from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, i) => `${month}-${String(from + i).padStart(2, '0')}`);
}
