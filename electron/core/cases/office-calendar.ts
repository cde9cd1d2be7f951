import { DEFAULT_HOLIDAY_CALENDAR, mergeHolidayCalendars, type HolidayCalendar } from '../../contract';
import type { CallContext } from '../services';

/** The official holiday calendar with the office's own additions (config `holidays`). */
export function officeCalendar(ctx: CallContext): HolidayCalendar {
  return mergeHolidayCalendars(DEFAULT_HOLIDAY_CALENDAR, ctx.services.config.value.holidays);
}
