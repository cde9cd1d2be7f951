import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCertificateNumber, placeStem } from '../../../../electron/contract/validation/certificate-number';
import { MAINLAND_PROVINCES, provinceByAbbreviation } from '../../../../electron/contract/validation/provinces';

const reasonsOf = (value: string, latestYear?: number): string[] => {
  const r = parseCertificateNumber(value, { latestYear });
  return r.valid ? [] : r.reasons;
};

describe('不动产权证书 and 不动产登记证明 numbers (tolerant parser)', () => {
  it('parses a certificate whose county name drops 区, with half-width parentheses', () => {
    expect(parseCertificateNumber('湘(2017)北湖不动产权第0034063号')).toEqual({
      valid: true,
      kind: 'certificate',
      province: '湘',
      provinceCode: '43',
      year: 2017,
      place: '北湖',
      placeStem: '北湖',
      serial: '0034063',
      style: 'plain',
      normalized: '湘（2017）北湖不动产权第0034063号',
    });
  });

  it('parses a proof with full-width parentheses, spaces and an 8-digit serial', () => {
    expect(parseCertificateNumber(' 苏（2019） 海门市 不动产证明 第 00012345 号 ')).toMatchObject({
      valid: true,
      kind: 'proof',
      provinceCode: '32',
      place: '海门市',
      placeStem: '海门',
      serial: '00012345',
      normalized: '苏（2019）海门市不动产证明第00012345号',
    });
  });

  it('normalises the same number written two ways to one form', () => {
    const a = parseCertificateNumber('湘(2017)北湖区不动产权第0034063号');
    const b = parseCertificateNumber('湘（２０１７）北湖区不动产权第００３４０６３号');
    expect(a.valid && b.valid && a.normalized === b.normalized).toBe(true);
  });

  it('accepts both abbreviations of provinces that have two', () => {
    for (const abbreviation of ['贵', '黔', '云', '滇', '陕', '秦', '甘', '陇']) {
      expect(parseCertificateNumber(`${abbreviation}(2020)某某市不动产权第0000001号`).valid, abbreviation).toBe(true);
    }
  });

  it('lists the 31 mainland provinces with their codes and abbreviations', () => {
    expect(MAINLAND_PROVINCES).toHaveLength(31);
    expect(MAINLAND_PROVINCES.flatMap((p) => p.abbreviations).join('')).toBe('京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川贵黔云滇藏陕秦甘陇青宁新');
    expect(provinceByAbbreviation('湘')?.code).toBe('43');
    expect(provinceByAbbreviation('港')).toBeUndefined();
  });

  it('gives the exact reason for each kind of mistake', () => {
    expect(reasonsOf('')).toEqual(['请填写不动产权证书号或不动产登记证明号。']);
    expect(reasonsOf('港(2017)北湖不动产权第0034063号')).toEqual([
      '开头的“港”不是省、自治区、直辖市的简称，应为如“湘”“苏”“京”等31个简称之一。',
    ]);
    expect(reasonsOf('(2017)北湖不动产权第0034063号')).toEqual(['证号开头缺少省、自治区、直辖市的简称，例如“湘”。']);
    expect(reasonsOf('湘2017北湖不动产权第0034063号')).toEqual(['省简称后应为括号中的4位年份，例如“(2017)”。']);
    expect(reasonsOf('湘(2013)北湖不动产权第0034063号')).toEqual(['年份2013不在2014至今年之间，请核对。']);
    expect(reasonsOf('湘(2027)北湖不动产权第0034063号', 2026)).toEqual(['年份2027不在2014至2026之间，请核对。']);
    expect(reasonsOf('湘(2017)不动产权第0034063号')).toEqual(['年份后应为市县名称，例如“长沙市”或“北湖”。']);
    expect(reasonsOf('湘(2017)北湖房权证第0034063号')).toEqual(['应包含“不动产权”（证书）或“不动产证明”（登记证明）字样，请核对。']);
    expect(reasonsOf('湘(2017)北湖不动产权0034063')).toEqual([
      '“不动产权”后应为“第”＋6至8位数字＋“号”，例如“第0034063号”。',
    ]);
    expect(reasonsOf('湘(2017)北湖不动产权第34063号')).toEqual(['证号中的顺序号应为6至8位数字，当前为5位，请按证书上印的号码照录。']);
    expect(reasonsOf('湘(2017)北湖不动产权第123456789号')).toEqual(['证号中的顺序号应为6至8位数字，当前为9位，请按证书上印的号码照录。']);
  });

  it('reports several mistakes at once', () => {
    expect(reasonsOf('港(2013)北湖不动产权第34063号')).toHaveLength(3);
  });

  it('strips one 市/区/县 for the place stem, never from a two-character name', () => {
    expect(placeStem('北湖区')).toBe('北湖');
    expect(placeStem('沙市区')).toBe('沙市');
    expect(placeStem('城区')).toBe('城区');
    expect(placeStem('长沙县')).toBe('长沙');
  });

  it('parses every generated number however it is written, and the normalized form is stable (property)', () => {
    const place = fc
      .tuple(fc.array(fc.constantFrom(...'长沙北湖海门天心岳麓江阳平'), { minLength: 1, maxLength: 4 }), fc.constantFrom('', '市', '区', '县'))
      .map(([chars, suffix]) => chars.join('') + suffix);
    const number = fc.record({
      abbreviation: fc.constantFrom(...MAINLAND_PROVINCES.flatMap((p) => p.abbreviations)),
      year: fc.integer({ min: 2014, max: 2026 }),
      place,
      kind: fc.constantFrom('不动产权', '不动产证明'),
      serial: fc.oneof(fc.stringMatching(/^\d{7}$/), fc.stringMatching(/^\d{8}$/)),
      open: fc.constantFrom('(', '（'),
      close: fc.constantFrom(')', '）'),
      space: fc.constantFrom('', ' ', '　'),
    });
    fc.assert(
      fc.property(number, (n) => {
        const text = `${n.abbreviation}${n.open}${n.year}${n.close}${n.space}${n.place}${n.kind}${n.space}第${n.serial}号`;
        const result = parseCertificateNumber(text);
        expect(result).toMatchObject({ valid: true, year: n.year, place: n.place, serial: n.serial });
        if (!result.valid) return;
        expect(result.kind).toBe(n.kind === '不动产权' ? 'certificate' : 'proof');
        expect(parseCertificateNumber(result.normalized)).toMatchObject({ valid: true, normalized: result.normalized });
      }),
    );
  });

  it('never throws on arbitrary input (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        expect(typeof parseCertificateNumber(s).valid).toBe('boolean');
      }),
    );
  });
});
