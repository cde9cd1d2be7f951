import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumberToIsoDate, isoDateToDayNumber } from '../../../../electron/contract/validation/calendar-date';
import { WORKSTATION_ID_ALPHABET } from '../../../../electron/contract/validation/workstation-id';
import { formatCaseNumber, parseCaseNumber, type CaseNumberParts } from '../../../../electron/core/cases/case-number';

const parts: fc.Arbitrary<CaseNumberParts> = fc.record({
  officeCode: fc.constantFrom('430102', '430111', '320684', '340121', '110105'),
  date: fc.integer({ min: isoDateToDayNumber('2024-01-01'), max: isoDateToDayNumber('2035-12-31') }).map(dayNumberToIsoDate),
  workstationId: fc.tuple(fc.constantFrom(...WORKSTATION_ID_ALPHABET), fc.constantFrom(...WORKSTATION_ID_ALPHABET)).map(([a, b]) => a + b),
  sequence: fc.integer({ min: 1, max: 9999 }),
});

describe('provisional case numbers', () => {
  it('formats office code, date, workstation and sequence so a person can read them', () => {
    expect(formatCaseNumber({ officeCode: '430102', date: '2026-03-15', workstationId: 'A7', sequence: 1 })).toBe('430102-20260315-A7-0001');
  });

  it('refuses parts that cannot make a valid number', () => {
    const ok: CaseNumberParts = { officeCode: '430102', date: '2026-03-15', workstationId: 'A7', sequence: 1 };
    expect(() => formatCaseNumber({ ...ok, sequence: 10000 })).toThrow(RangeError);
    expect(() => formatCaseNumber({ ...ok, sequence: 0 })).toThrow(RangeError);
    expect(() => formatCaseNumber({ ...ok, workstationId: 'a7' })).toThrow(RangeError);
    expect(() => formatCaseNumber({ ...ok, date: '2026-02-30' })).toThrow(RangeError);
    expect(() => formatCaseNumber({ ...ok, officeCode: '430100' })).toThrow(RangeError);
  });

  it('reads a number typed in lower case, with spaces or without hyphens', () => {
    const expected = { valid: true, caseNumber: '430102-20260315-A7-0001', parts: { officeCode: '430102', date: '2026-03-15', workstationId: 'A7', sequence: 1 } };
    expect(parseCaseNumber('430102-20260315-A7-0001')).toEqual(expected);
    expect(parseCaseNumber(' 43010220260315a70001 ')).toEqual(expected);
    expect(parseCaseNumber('430102 20260315 a7 0001')).toEqual(expected);
  });

  it('gives the reason a number is not valid', () => {
    const reasons = (value: string): string[] => {
      const r = parseCaseNumber(value);
      return r.valid ? [] : r.reasons;
    };
    expect(reasons('2026-0001')).toEqual(['受理编号格式应为“机构代码-日期-工作站-序号”，例如 430102-20260315-A7-0001。']);
    expect(reasons('430102-20260230-A7-0001')).toEqual(['受理编号中的日期不是有效日期。']);
    expect(reasons('430102-20260315-O1-0001')).toEqual(['受理编号中的工作站编号应为2位字母或数字（不用I、O、0、1）。']);
    expect(reasons('430102-20260315-A7-0000')).toEqual(['受理编号中的序号应在0001–9999之间。']);
    expect(reasons('990102-20260315-A7-0001')).toEqual(['受理编号中的机构代码不正确：前两位 99 不是有效的省级行政区划代码。']);
  });

  it('fits on one receipt line', () => {
    expect(formatCaseNumber({ officeCode: '430102', date: '2026-12-31', workstationId: 'ZZ', sequence: 9999 })).toHaveLength(23);
  });

  it('round-trips through parse (property)', () => {
    fc.assert(
      fc.property(parts, (p) => {
        expect(parseCaseNumber(formatCaseNumber(p))).toEqual({ valid: true, caseNumber: formatCaseNumber(p), parts: p });
      }),
    );
  });

  it('never gives two workstations, dates or sequences the same number (property)', () => {
    fc.assert(
      fc.property(parts, parts, (a, b) => {
        fc.pre(JSON.stringify(a) !== JSON.stringify(b));
        expect(formatCaseNumber(a)).not.toBe(formatCaseNumber(b));
      }),
    );
  });

  it('never throws on arbitrary input (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => {
        expect(typeof parseCaseNumber(s).valid).toBe('boolean');
      }),
    );
  });
});
