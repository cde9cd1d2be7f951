import { afterEach, describe, expect, it } from 'vitest';
import { formatShortTime, formatTime, shanghaiDate, shanghaiStartOfDay, shanghaiToday } from '../../renderer/src/app/shanghai-time';

/**
 * Screens show Asia/Shanghai whatever zone the machine runs in. The renderer's formatter is run
 * here with the process in UTC and in a zone west of Greenwich, at instants just either side of
 * Shanghai's midnight: the day a UTC machine would get wrong.
 */
describe('shanghai-time: one formatter for every screen', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = originalTz;
  });

  for (const tz of ['UTC', 'America/Los_Angeles', 'America/New_York', 'Asia/Shanghai']) {
    it(`shows the Shanghai day and time near midnight with the machine on ${tz}`, () => {
      process.env.TZ = tz;
      // 2026-12-03T16:30Z is 00:30 on 4 December in Shanghai (still 3 December on a UTC machine).
      expect(new Date('2026-12-03T16:30:00Z').getTimezoneOffset()).toBe({ UTC: 0, 'America/Los_Angeles': 480, 'America/New_York': 300, 'Asia/Shanghai': -480 }[tz]);
      expect(formatTime('2026-12-03T16:30:05Z')).toBe('2026-12-04 00:30:05');
      expect(formatShortTime('2026-12-03T16:30:05Z')).toBe('2026-12-04 00:30');
      expect(shanghaiDate('2026-12-03T16:30:05Z')).toBe('2026-12-04');
      // One second before Shanghai's midnight is still the 3rd.
      expect(formatTime('2026-12-03T15:59:59Z')).toBe('2026-12-03 23:59:59');
      expect(shanghaiToday(Date.parse('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
      expect(shanghaiToday(Date.parse('2026-12-31T15:59:59Z'))).toBe('2026-12-31');
    });
  }

  it('keeps an instant written with an offset, and says — for none', () => {
    expect(formatTime('2026-12-04T00:05:00+08:00')).toBe('2026-12-04 00:05:00');
    expect(formatTime(null)).toBe('—');
    expect(formatShortTime(undefined)).toBe('—');
    expect(formatTime('not a time')).toBe('not a time');
  });

  it('turns a Shanghai calendar day into the instants core compares', () => {
    expect(shanghaiStartOfDay('2026-12-04')).toBe('2026-12-03T16:00:00.000Z');
    expect(shanghaiStartOfDay('2026-12-04', 1)).toBe('2026-12-04T16:00:00.000Z');
  });
});
