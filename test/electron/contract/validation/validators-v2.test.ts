import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { weekdayOf } from '../../../../electron/contract/validation/calendar-date';
import { parseCertificateNumber } from '../../../../electron/contract/validation/certificate-number';
import {
  DEFAULT_HOLIDAY_CALENDAR,
  holidayCalendarSchema,
  LUNAR_HOLIDAY_DATES,
  mergeHolidayCalendars,
  provisionalHolidayCalendar,
  statutoryHolidays,
} from '../../../../electron/contract/validation/holiday-calendar';
import { checkCharacter, validateIdNumber } from '../../../../electron/contract/validation/id-number';
import { PARCEL_FIXTURE_COMBINATIONS, validateUnitCode } from '../../../../electron/contract/validation/unit-code';
import {
  DEEMED_ACCEPTANCE,
  NON_REGISTRATION_GROUNDS,
  nonRegistrationGround,
  REFUSAL_GROUNDS,
  refusalGround,
} from '../../../../electron/contract/validation/legal-grounds';
import { configSchema } from '../../../../electron/contract/config';

describe('certificate numbers: 字-style, 6 digits, every bracket', () => {
  it('parses a 字-style Shanghai number and keeps its 6-digit serial as written', () => {
    expect(parseCertificateNumber('沪(2018)徐字不动产权第015979号')).toMatchObject({
      valid: true,
      province: '沪',
      provinceCode: '31',
      year: 2018,
      place: '徐字',
      placeStem: '徐',
      serial: '015979',
      style: 'zi',
      normalized: '沪（2018）徐字不动产权第015979号',
    });
  });

  it.each(['湘〔2017〕北湖不动产权第0034063号', '湘[2017]北湖不动产权第0034063号', '湘【2017】北湖不动产权第0034063号', '湘［2017］北湖不动产权第0034063号', '湘（２０１７）北湖不动产权第００３４０６３号'])(
    'normalises the brackets of %s',
    (text) => expect(parseCertificateNumber(text)).toMatchObject({ valid: true, normalized: '湘（2017）北湖不动产权第0034063号', style: 'plain' }),
  );

  it('never pads or rewrites the serial (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{6,8}$/), fc.constantFrom('徐字', '北湖', '长沙市'), (serial, place) => {
        const result = parseCertificateNumber(`湘(2020)${place}不动产权第${serial}号`);
        expect(result.valid && result.serial).toBe(serial);
        expect(result.valid && result.normalized.endsWith(`第${serial}号`)).toBe(true);
      }),
    );
  });
});

describe('ID numbers: full-width digits and first-generation cards', () => {
  const valid = '11010519491231002X';

  it('folds full-width digits and Ｘ before checking', () => {
    const fullWidth = [...valid].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');
    expect(validateIdNumber(fullWidth, { today: '2026-01-01' })).toMatchObject({ valid: true, normalized: valid });
    expect(validateIdNumber(`110105 19491231 002x`, { today: '2026-01-01' })).toMatchObject({ valid: true, normalized: valid });
  });

  it('answers a 15-digit number with the first-generation hint and no echo of the number', () => {
    const result = validateIdNumber('110105491231002');
    expect(result).toMatchObject({ valid: false, code: 'INVALID_ID_NUMBER', hint: 'firstGenerationCard' });
    expect(!result.valid && result.reasons[0]).toMatch(/2013年1月1日/);
    expect(!result.valid && result.reasons.join('')).not.toContain('110105491231002');
  });

  it('agrees for every generated number typed half- or full-width (property)', () => {
    const body = fc.tuple(fc.constantFrom('110105', '430102', '320684'), fc.integer({ min: 1950, max: 2010 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.stringMatching(/^\d{3}$/));
    fc.assert(
      fc.property(body, ([area, y, m, d, seq]) => {
        const first17 = `${area}${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${seq}`;
        const id = first17 + checkCharacter(first17);
        const wide = id.normalize('NFKC').replace(/[0-9X]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
        expect(validateIdNumber(wide, { today: '2026-01-01' })).toEqual(validateIdNumber(id, { today: '2026-01-01' }));
      }),
    );
  });
});

describe('unit codes: GB/T 37346-2019 parcel letters L and N and fixture pairs', () => {
  it('accepts L (林地使用权宗地) and N (农用地使用权宗地) parcels', () => {
    expect(validateUnitCode('430102001002JL00001L00000001')).toMatchObject({ valid: true, decoded: { parcelType: 'L', fixture: 'L' } });
    expect(validateUnitCode('430102001002GN00001W00000000')).toMatchObject({ valid: true, decoded: { parcelType: 'N' } });
    expect(validateUnitCode('430102001002GL00001L00000001')).not.toHaveProperty('warnings');
  });

  it('refuses a fixture on a 集体土地所有权宗地 (A), naming position 20', () => {
    const result = validateUnitCode('430102001002JA00001F00010001');
    expect(result.valid).toBe(false);
    expect(!result.valid && result.problems.map((p) => p.from)).toEqual([20]);
  });

  it('warns, without refusing, about an unusual parcel and fixture pair', () => {
    const result = validateUnitCode('430102001002JC00001L00000001');
    expect(result.valid).toBe(true);
    expect(result.valid && result.warnings?.[0]).toMatch(/第14位为C.*第20位为L/);
  });

  it('gives every parcel letter its allowed fixtures', () => {
    expect(Object.keys(PARCEL_FIXTURE_COMBINATIONS).sort()).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'L', 'N', 'S', 'W', 'X', 'Y']);
  });
});

describe('statutory holidays before the State Council notice (放假办法 2024 revision)', () => {
  it('knows the fixed days of any year', () => {
    expect(statutoryHolidays(2031)).toEqual(['2031-01-01', '2031-05-01', '2031-05-02', '2031-10-01', '2031-10-02', '2031-10-03']);
  });

  it('lists 13 days for 2027–2030 (2028: 中秋 falls on 10/3, 12 distinct days)', () => {
    expect(statutoryHolidays(2027)).toHaveLength(13);
    expect(statutoryHolidays(2027)).toEqual(expect.arrayContaining(['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-04-05', '2027-06-09', '2027-09-15']));
    expect(statutoryHolidays(2028)).toHaveLength(12);
    expect(statutoryHolidays(2030)).toContain('2030-02-02');
  });

  it('agrees with the ICU Chinese calendar on the lunar dates, except the two near-midnight new moons', () => {
    const lunar = new Intl.DateTimeFormat('en-u-ca-chinese', { month: 'numeric', day: 'numeric', timeZone: 'UTC' });
    const monthDay = (iso: string): string => {
      const parts = lunar.formatToParts(new Date(`${iso}T00:00:00Z`));
      return `${parts.find((p) => p.type === 'month')?.value}/${parts.find((p) => p.type === 'day')?.value}`;
    };
    for (const [year, d] of Object.entries(LUNAR_HOLIDAY_DATES)) {
      expect(monthDay(d.dragonBoat), `${year} 端午`).toBe('5/5');
      expect(monthDay(d.midAutumn), `${year} 中秋`).toBe('8/15');
      if (year !== '2027' && year !== '2030') expect(monthDay(d.springFestival), `${year} 春节`).toBe('1/1');
    }
    // Published tables: 2027-02-06 (周六) and 2030-02-03 (周日).
    expect(weekdayOf('2027-02-06')).toBe(6);
    expect(weekdayOf('2030-02-03')).toBe(0);
  });

  it('puts next year’s statutory days in the default calendar, still marked provisional', () => {
    expect(DEFAULT_HOLIDAY_CALENDAR.holidays).toEqual(expect.arrayContaining(['2026-10-07', '2027-01-01', '2027-02-06', '2027-10-03']));
    expect(DEFAULT_HOLIDAY_CALENDAR.years).toEqual([2026]);
    expect(DEFAULT_HOLIDAY_CALENDAR.provisionalYears).toEqual([2027, 2028, 2029, 2030]);
    expect(holidayCalendarSchema.safeParse(DEFAULT_HOLIDAY_CALENDAR).success).toBe(true);
  });

  it('drops the provisional mark once an office configures the official arrangement', () => {
    const official = { years: [2027], holidays: ['2027-01-01', '2027-01-02'], makeUpWorkdays: [] };
    const merged = mergeHolidayCalendars(provisionalHolidayCalendar([2027, 2028]), official);
    expect(merged.years).toEqual([2027]);
    expect(merged.provisionalYears).toEqual([2028]);
    expect(merged.holidays).toContain('2027-02-06');
  });
});

describe('legal grounds (《不动产登记暂行条例》第十七条、第二十二条)', () => {
  it('lists the 不予受理 grounds of 第十七条 with their citation', () => {
    expect(REFUSAL_GROUNDS.map((g) => g.citation)).toEqual(['《不动产登记暂行条例》第十七条第一款第（三）项', '《不动产登记暂行条例》第十七条第一款第（四）项']);
    expect(refusalGround('incompleteMaterials').text).toContain('一次性告知需要补正的全部内容');
    expect(DEEMED_ACCEPTANCE).toContain('视为受理');
  });

  it('lists the four 不予登记 grounds of 第二十二条', () => {
    expect(NON_REGISTRATION_GROUNDS.map((g) => g.id)).toEqual(['violatesLaw', 'ownershipDispute', 'termExpired', 'otherStatutory']);
    expect(nonRegistrationGround('ownershipDispute').text).toBe('存在尚未解决的权属争议的');
    expect(() => nonRegistrationGround('x' as never)).toThrow(RangeError);
  });

  it('configures the 补正 deadline in working days, default 5, and the catalogue key', () => {
    const parsed = configSchema.parse({});
    expect(parsed.supplementWorkingDays).toBe(5);
    expect(parsed.catalog).toEqual({ types: {}, add: [] });
    expect(configSchema.safeParse({ supplementWorkingDays: 0 }).success).toBe(false);
  });
});
