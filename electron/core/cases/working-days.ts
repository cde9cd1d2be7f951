import {
  dayNumberToIsoDate,
  isoDateToDayNumber,
  weekdayOf,
  type IsoDate,
} from '../../contract/validation/calendar-date';
import type { HolidayCalendar } from '../../contract/validation/holiday-calendar';

/**
 * Working-day arithmetic for promised completion dates (承诺办结时限). Dates are Asia/Shanghai
 * calendar dates as `YYYY-MM-DD` strings: the arithmetic never touches the machine's time zone.
 * A working day is a Monday–Friday that is not a holiday, or a make-up working day (调休上班).
 */
export function isWorkingDay(date: IsoDate, calendar: HolidayCalendar): boolean {
  if (calendar.makeUpWorkdays.includes(date)) return true;
  if (calendar.holidays.includes(date)) return false;
  const weekday = weekdayOf(date);
  return weekday !== 0 && weekday !== 6;
}

/** A bound on the search, so a calendar that marks every day off cannot loop forever. */
const MAX_SPAN_DAYS = 3660;

/**
 * The date `workingDays` working days after `start`. The start day itself is not counted
 * (民法典 art. 201: a period counted in days starts on the next day). 0 working days means the same
 * day: a same-day promise, such as mortgages "in an hour".
 */
export function addWorkingDays(start: IsoDate, workingDays: number, calendar: HolidayCalendar): IsoDate {
  if (!Number.isInteger(workingDays) || workingDays < 0) throw new RangeError('workingDays must be a non-negative integer');
  const lookup = indexCalendar(calendar);
  let day = isoDateToDayNumber(start);
  const limit = day + MAX_SPAN_DAYS;
  for (let counted = 0; counted < workingDays; ) {
    day += 1;
    if (day > limit) throw new RangeError('no working days found within ten years: check the holiday calendar');
    if (lookup.isWorkingDay(day)) counted += 1;
  }
  return dayNumberToIsoDate(day);
}

/** The promised completion date of a case accepted on `acceptedOn`. */
export function promisedCompletionDate(input: { acceptedOn: IsoDate; workingDays: number; calendar: HolidayCalendar }): IsoDate {
  return addWorkingDays(input.acceptedOn, input.workingDays, input.calendar);
}

/** How many working days lie after `from` up to and including `to` (0 when `to` ≤ `from`). */
export function workingDaysBetween(from: IsoDate, to: IsoDate, calendar: HolidayCalendar): number {
  const lookup = indexCalendar(calendar);
  const end = isoDateToDayNumber(to);
  let count = 0;
  for (let day = isoDateToDayNumber(from) + 1; day <= end; day++) if (lookup.isWorkingDay(day)) count++;
  return count;
}

/**
 * Years from `from` to `to` that the calendar holds no arrangement for: the UI warns that a
 * promised date there ignores that year's holidays.
 */
export function uncoveredYears(from: IsoDate, to: IsoDate, calendar: HolidayCalendar): number[] {
  const years: number[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    if (!calendar.years.includes(year)) years.push(year);
  }
  return years;
}

function indexCalendar(calendar: HolidayCalendar): { isWorkingDay(day: number): boolean } {
  const holidays = new Set(calendar.holidays.map(isoDateToDayNumber));
  const makeUp = new Set(calendar.makeUpWorkdays.map(isoDateToDayNumber));
  return {
    isWorkingDay(day) {
      if (makeUp.has(day)) return true;
      if (holidays.has(day)) return false;
      const weekday = (((day + 4) % 7) + 7) % 7; // day 0 (1970-01-01) was a Thursday
      return weekday !== 0 && weekday !== 6;
    },
  };
}
