import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumberToIsoDate, isoDateToDayNumber, weekdayOf } from '../../../../electron/contract/validation/calendar-date';
import { CN_2026_HOLIDAY_CALENDAR, EMPTY_HOLIDAY_CALENDAR, type HolidayCalendar } from '../../../../electron/contract/validation/holiday-calendar';
import {
  addWorkingDays,
  isWorkingDay,
  promisedCompletionDate,
  uncoveredYears,
  workingDaysBetween,
} from '../../../../electron/core/cases/working-days';

const date = fc.integer({ min: isoDateToDayNumber('2020-01-01'), max: isoDateToDayNumber('2030-12-31') }).map(dayNumberToIsoDate);

/** A made-up calendar: some days off, some weekend days that are working days. */
const calendar: fc.Arbitrary<HolidayCalendar> = fc
  .tuple(fc.uniqueArray(date, { maxLength: 60 }), fc.uniqueArray(date, { maxLength: 20 }))
  .map(([holidays, extra]) => {
    const makeUpWorkdays = extra.filter((d) => !holidays.includes(d) && [0, 6].includes(weekdayOf(d)));
    return { years: [], holidays, makeUpWorkdays };
  });

describe('working days', () => {
  it('skips weekends when there are no holidays', () => {
    // 2026-03-06 is a Friday.
    expect(addWorkingDays('2026-03-06', 1, EMPTY_HOLIDAY_CALENDAR)).toBe('2026-03-09');
    expect(addWorkingDays('2026-03-06', 5, EMPTY_HOLIDAY_CALENDAR)).toBe('2026-03-13');
    expect(addWorkingDays('2026-03-07', 1, EMPTY_HOLIDAY_CALENDAR)).toBe('2026-03-09');
  });

  it('treats 0 working days as the same day', () => {
    expect(addWorkingDays('2026-03-07', 0, EMPTY_HOLIDAY_CALENDAR)).toBe('2026-03-07');
  });

  it('skips holidays and counts make-up Saturdays (2026 National Day)', () => {
    // Accepted Wed 30 Sep: 1–7 Oct off, Thu 8 (1), Fri 9 (2), Sat 10 调休 (3), Mon 12 (4), Tue 13 (5).
    expect(promisedCompletionDate({ acceptedOn: '2026-09-30', workingDays: 5, calendar: CN_2026_HOLIDAY_CALENDAR })).toBe('2026-10-13');
    // Accepted Fri 13 Feb: Sat 14 Feb is a make-up working day before the Spring Festival.
    expect(addWorkingDays('2026-02-13', 1, CN_2026_HOLIDAY_CALENDAR)).toBe('2026-02-14');
    expect(addWorkingDays('2026-02-14', 1, CN_2026_HOLIDAY_CALENDAR)).toBe('2026-02-24');
    expect(isWorkingDay('2026-01-04', CN_2026_HOLIDAY_CALENDAR)).toBe(true);
    expect(isWorkingDay('2026-01-02', CN_2026_HOLIDAY_CALENDAR)).toBe(false);
  });

  it('does the same arithmetic whatever the machine time zone', () => {
    const saved = process.env.TZ;
    try {
      for (const zone of ['Asia/Shanghai', 'America/Los_Angeles', 'Pacific/Kiritimati', 'UTC']) {
        process.env.TZ = zone;
        expect(addWorkingDays('2026-09-30', 5, CN_2026_HOLIDAY_CALENDAR), zone).toBe('2026-10-13');
        expect(addWorkingDays('2026-03-29', 1, EMPTY_HOLIDAY_CALENDAR), zone).toBe('2026-03-30');
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('refuses negative or fractional day counts and stops on a calendar with no working days', () => {
    expect(() => addWorkingDays('2026-03-06', -1, EMPTY_HOLIDAY_CALENDAR)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-03-06', 1.5, EMPTY_HOLIDAY_CALENDAR)).toThrow(RangeError);
    const weekdays = Array.from({ length: 3700 }, (_, i) => dayNumberToIsoDate(isoDateToDayNumber('2026-03-07') + i));
    expect(() => addWorkingDays('2026-03-06', 1, { years: [], holidays: weekdays, makeUpWorkdays: [] })).toThrow(/ten years/);
  });

  it('lists the years a calendar does not cover, for a warning', () => {
    expect(uncoveredYears('2026-12-28', '2027-01-08', CN_2026_HOLIDAY_CALENDAR)).toEqual([2027]);
    expect(uncoveredYears('2026-03-02', '2026-03-09', CN_2026_HOLIDAY_CALENDAR)).toEqual([]);
  });

  it('lands on a working day after the start, exactly n working days later (property)', () => {
    fc.assert(
      fc.property(calendar, date, fc.integer({ min: 1, max: 40 }), (cal, start, n) => {
        const end = addWorkingDays(start, n, cal);
        expect(end > start).toBe(true);
        expect(isWorkingDay(end, cal)).toBe(true);
        expect(cal.holidays.includes(end) && !cal.makeUpWorkdays.includes(end)).toBe(false);
        expect(workingDaysBetween(start, end, cal)).toBe(n);
      }),
      { numRuns: 200 },
    );
  });

  it('is monotonic: one more working day is always a later date (property)', () => {
    fc.assert(
      fc.property(calendar, date, fc.integer({ min: 0, max: 40 }), (cal, start, n) => {
        expect(addWorkingDays(start, n + 1, cal) > addWorkingDays(start, n, cal)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('never lands on a weekend unless it is a make-up working day (property)', () => {
    fc.assert(
      fc.property(calendar, date, fc.integer({ min: 1, max: 40 }), (cal, start, n) => {
        const end = addWorkingDays(start, n, cal);
        if ([0, 6].includes(weekdayOf(end))) expect(cal.makeUpWorkdays).toContain(end);
      }),
      { numRuns: 200 },
    );
  });
});
