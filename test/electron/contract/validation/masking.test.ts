import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskName, maskPersonalData, maskPersonalText, maskPhone } from '../../../../electron/contract';

describe('the one masking policy', () => {
  it('values: ID first 6 + ******** + last 4; mobile 3 + **** + 4; landline area code + last 4; names optional', () => {
    expect(maskIdNumber('43010219860314042X')).toBe('430102********042X');
    expect(maskPhone('13807310001')).toBe('138****0001');
    expect(maskPhone('0731-84001234')).toBe('0731-****1234');
    expect(maskName('张三丰')).toBe('张*丰');
    expect(maskName('李四')).toBe('李*');
    expect(maskName('欧阳娜娜')).toBe('欧**娜');
  });

  it('finds ID numbers and phones inside free text (log lines, messages)', () => {
    expect(maskPersonalText('号码43010219860314042X有误')).toBe('号码430102********042X有误');
    expect(maskPersonalText('id=43010219860314042x; old 430102860314042')).toBe('id=430102********042X; old 430102********4042');
    expect(maskPersonalText('电话 13807310001、+86 138-0731-0001、0731-84001234、010 62345678')).toBe('电话 138****0001、138****0001、0731-****1234、010-****5678');
    expect(maskPersonalText('Error: driver fault reading 433124199211080267\n    at read (idcard.ts:10:5)')).toBe('Error: driver fault reading 433124********0267\n    at read (idcard.ts:10:5)');
  });

  it('leaves everything else alone: dates, times, amounts, case numbers, hashes, URLs with secrets', () => {
    const untouched = [
      '2026-11-27T08:00:00.000Z 受理 430102-20261127-A7-0001 80.00 元',
      'seq 12345678901 (not a mobile: 2nd digit 2)',
      'blob 9a13807310001f3c hash',
      'http://127.0.0.1:17380/?s=abc13807310001x',
      '单元 430102003004GB00123F00010203',
      '收费项目 1041501',
    ];
    for (const text of untouched) expect(maskPersonalText(text)).toBe(text);
  });

  it('masks every string inside error details and keeps the shape', () => {
    expect(maskPersonalData({ field: 'parties.0.idNumber', reasons: ['43010219860314042X 校验码不正确'], n: 3, ok: true, none: null })).toEqual({
      field: 'parties.0.idNumber',
      reasons: ['430102********042X 校验码不正确'],
      n: 3,
      ok: true,
      none: null,
    });
  });
});
