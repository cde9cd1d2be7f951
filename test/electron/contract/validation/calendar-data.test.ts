import { describe, expect, it } from 'vitest';
import { isIsoDate, isRealDate, shanghaiDate, weekdayOf } from '../../../../electron/contract/validation/calendar-date';
import {
  CN_2026_HOLIDAY_CALENDAR,
  holidayCalendarSchema,
  mergeHolidayCalendars,
} from '../../../../electron/contract/validation/holiday-calendar';

describe('calendar dates (YYYY-MM-DD, Asia/Shanghai)', () => {
  it('knows real dates, leap years included', () => {
    expect(isRealDate(2024, 2, 29)).toBe(true);
    expect(isRealDate(2026, 2, 29)).toBe(false);
    expect(isRealDate(2000, 2, 29)).toBe(true);
    expect(isRealDate(1900, 2, 29)).toBe(false);
    expect(isIsoDate('2026-04-31')).toBe(false);
    expect(isIsoDate('2026-4-30')).toBe(false);
  });

  it('gives the weekday of a date without the machine time zone', () => {
    expect(weekdayOf('1970-01-01')).toBe(4);
    expect(weekdayOf('2026-01-01')).toBe(4);
    expect(weekdayOf('1949-10-01')).toBe(6);
  });

  it("takes today's date in Shanghai, whatever the machine's zone", () => {
    const saved = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      expect(shanghaiDate(new Date('2026-03-01T16:30:00Z'))).toBe('2026-03-02');
      expect(shanghaiDate(new Date('2026-03-01T15:59:59Z'))).toBe('2026-03-01');
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe('holiday calendars', () => {
  it('holds the State Council 2026 arrangement, matching the weekdays the notice states', () => {
    expect(holidayCalendarSchema.safeParse(CN_2026_HOLIDAY_CALENDAR).success).toBe(true);
    expect(CN_2026_HOLIDAY_CALENDAR.holidays).toHaveLength(3 + 9 + 3 + 5 + 3 + 3 + 7);
    // The notice gives weekdays: 1/1 周四, 2/15 周日, 4/4 周六, 5/1 周五, 6/19 周五, 9/25 周五, 10/1 周四.
    expect(['2026-01-01', '2026-02-15', '2026-04-04', '2026-05-01', '2026-06-19', '2026-09-25', '2026-10-01'].map(weekdayOf)).toEqual([
      4, 0, 6, 5, 5, 5, 4,
    ]);
    // Every make-up working day is a Saturday or Sunday: 1/4 周日, 2/14 周六, 2/28 周六, 5/9 周六, 9/20 周日, 10/10 周六.
    expect(CN_2026_HOLIDAY_CALENDAR.makeUpWorkdays.map(weekdayOf)).toEqual([0, 6, 6, 6, 0, 6]);
  });

  it('rejects a day that is both off and a make-up day, and dates outside its years, naming the field', () => {
    const result = holidayCalendarSchema.safeParse({ years: [2026], holidays: ['2026-05-01', '2027-01-01'], makeUpWorkdays: ['2026-05-01'] });
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['makeUpWorkdays.0', '2026-05-01 不能既是假日又是调休工作日'],
      ['holidays.1', '2027-01-01 不在 years 所列年份内，请把 2027 加入 years'],
    ]);
    expect(holidayCalendarSchema.safeParse({ years: [2026], holidays: ['2026-02-30'], makeUpWorkdays: [] }).error?.issues[0].message).toBe(
      '日期应为 YYYY-MM-DD 格式的有效日期，例如 2026-03-02',
    );
  });

  it('merges calendars without duplicates, sorted', () => {
    const merged = mergeHolidayCalendars(
      { years: [2027], holidays: ['2027-01-01'], makeUpWorkdays: [] },
      CN_2026_HOLIDAY_CALENDAR,
      { years: [2026], holidays: ['2026-01-01'], makeUpWorkdays: [] },
    );
    expect(merged.years).toEqual([2026, 2027]);
    expect(merged.holidays[0]).toBe('2026-01-01');
    expect(merged.holidays.at(-1)).toBe('2027-01-01');
    expect(merged.holidays).toHaveLength(CN_2026_HOLIDAY_CALENDAR.holidays.length + 1);
  });
});
