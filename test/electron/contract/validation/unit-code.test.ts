import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAINLAND_PROVINCES } from '../../../../electron/contract/validation/provinces';
import {
  FIXTURE_LABELS,
  OWNERSHIP_LABELS,
  PARCEL_TYPE_LABELS,
  validateParcelCode,
  validateUnitCode,
} from '../../../../electron/contract/validation/unit-code';

const digits = (n: number): fc.Arbitrary<string> => fc.stringMatching(new RegExp(`^\\d{${n}}$`));

const validParcelCode = fc
  .record({
    province: fc.constantFrom(...MAINLAND_PROVINCES.map((p) => p.code)),
    prefecture: digits(2).filter((d) => d !== '00'),
    county: digits(2),
    zone: digits(3),
    subZone: digits(3),
    ownership: fc.constantFrom(...Object.keys(OWNERSHIP_LABELS)),
    parcelType: fc.constantFrom(...Object.keys(PARCEL_TYPE_LABELS)),
    sequence: digits(5).filter((d) => d !== '00000'),
  })
  .map((p) => p.province + p.prefecture + p.county + p.zone + p.subZone + p.ownership + p.parcelType + p.sequence);

const fixturePart = fc.constantFrom(...Object.keys(FIXTURE_LABELS)).chain((fixture) => {
  if (fixture === 'W') return fc.constant('W00000000');
  if (fixture === 'F') return fc.tuple(digits(4).filter((d) => d !== '0000'), digits(4)).map(([b, u]) => `F${b}${u}`);
  return digits(8).map((n) => fixture + n);
});

// GB/T 37346-2019: a 集体土地所有权宗地 (A) is registered as land only, so its fixture part is W00000000.
const validUnitCode = fc
  .tuple(validParcelCode, fixturePart)
  .map(([parcel, fixture]) => parcel + (parcel[13] === 'A' ? 'W00000000' : fixture));

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');
const ALPHANUMERIC = [...'0123456789', ...LETTERS];

/** Characters the standard never allows at this 1-based position, whatever the rest of the code. */
function forbiddenAt(position: number): string[] {
  if (position === 13) return ALPHANUMERIC.filter((c) => !(c in OWNERSHIP_LABELS));
  if (position === 14) return ALPHANUMERIC.filter((c) => !(c in PARCEL_TYPE_LABELS));
  if (position === 20) return ALPHANUMERIC.filter((c) => !(c in FIXTURE_LABELS));
  return LETTERS;
}

describe('不动产单元代码 (GB/T 37346-2019)', () => {
  it('decodes the public example 320684413219GB00029F00010002', () => {
    expect(validateUnitCode('320684413219GB00029F00010002')).toEqual({
      valid: true,
      normalized: '320684413219GB00029F00010002',
      decoded: {
        kind: 'unit',
        parcelCode: '320684413219GB00029',
        countyCode: '320684',
        provinceName: '江苏省',
        zone: '413',
        subZone: '219',
        ownership: 'G',
        ownershipLabel: '国家土地所有权',
        parcelType: 'B',
        parcelTypeLabel: '建设用地使用权宗地（地表）',
        parcelSequence: '00029',
        fixture: 'F',
        fixtureLabel: '房屋等建筑物、构筑物',
        fixtureNumber: '00010002',
        building: '0001',
        unit: '0002',
      },
    });
  });

  it('decodes the public example 340121261006GB00014F00220045', () => {
    expect(validateUnitCode('340121261006GB00014F00220045')).toMatchObject({
      valid: true,
      decoded: { provinceName: '安徽省', countyCode: '340121', zone: '261', subZone: '006', building: '0022', unit: '0045' },
    });
  });

  it('accepts lower case, full-width characters and surrounding spaces by normalising', () => {
    expect(validateUnitCode('  320684413219gb00029f00010002\t')).toMatchObject({ valid: true, normalized: '320684413219GB00029F00010002' });
    expect(validateUnitCode('３２０６８４４１３２１９ＧＢ０００２９Ｆ０００１０００２')).toMatchObject({ valid: true, normalized: '320684413219GB00029F00010002' });
  });

  it('has no building or unit for fixtures other than houses', () => {
    expect(validateUnitCode('340123002004GB00011W00000000')).toMatchObject({
      valid: true,
      decoded: { fixture: 'W', fixtureLabel: '无定着物', building: null, unit: null },
    });
    expect(validateUnitCode('340123002004JD00011L00000012')).toMatchObject({ valid: true, decoded: { fixture: 'L', building: null } });
  });

  it('says a 19-character input is a parcel code', () => {
    expect(validateUnitCode('340123002004GB00011')).toEqual({
      valid: false,
      code: 'INVALID_UNIT_CODE',
      reasons: ['不动产单元代码应为28位，当前为19位（19位的是宗地代码，请补全第20–28位定着物部分），请核对。'],
      problems: [expect.objectContaining({ from: 1, to: 28 })],
    });
  });

  it('names the position and the field in each reason', () => {
    const reasonsOf = (code: string): string[] => {
      const r = validateUnitCode(code);
      return r.valid ? [] : r.reasons;
    };
    expect(reasonsOf('320684413219GK00029F00010002')).toEqual([
      '不动产单元代码第14位（宗地特征码）应为A、B、S、X、C、D、E、F、L、N、H、G、W、Y之一，当前为“K”。',
    ]);
    expect(reasonsOf('320684413219QB00029F00010002')).toEqual(['不动产单元代码第13位（宗地所有权类型）应为G、J、Z之一，当前为“Q”。']);
    expect(reasonsOf('320684413219GB00029Z00010002')).toEqual(['不动产单元代码第20位（定着物特征码）应为F、L、Q、W之一，当前为“Z”。']);
    expect(reasonsOf('3206844132A9GB00029F00010002')).toEqual(['不动产单元代码第11位（地籍子区代码）应为数字，当前为“A”。']);
    expect(reasonsOf('990684413219GB00029F00010002')).toEqual([
      '不动产单元代码第1–2位“99”不是有效的省级行政区划代码（GB/T 2260），请核对。',
    ]);
    expect(reasonsOf('320084413219GB00029F00010002')).toEqual([
      '不动产单元代码第3–4位（地级代码）不能为00：第1–6位应为县级行政区划代码，请核对。',
    ]);
    expect(reasonsOf('320684413219GB00000F00010002')).toEqual([
      '不动产单元代码第15–19位（宗地顺序号）应在00001–99999之间，不能为00000。',
    ]);
    expect(reasonsOf('320684413219GB00029W00010000')).toEqual([
      '不动产单元代码第20位为W（无定着物）时，第21–28位应为00000000，第24位当前为“1”。',
    ]);
    expect(reasonsOf('320684413219GB00029F00000002')).toEqual([
      '不动产单元代码第20位为F（房屋）时，第21–24位为幢号，应在0001–9999之间，不能为0000。',
    ]);
  });

  it('reports every wrong position, in order', () => {
    const result = validateUnitCode('32068441321AGK00029F0001000X');
    expect(result.valid).toBe(false);
    expect(!result.valid && result.problems.map((p) => p.from)).toEqual([12, 14, 28]);
  });

  it('accepts every generated valid code and decodes it losslessly (property)', () => {
    fc.assert(
      fc.property(validUnitCode, (code) => {
        const result = validateUnitCode(code.toLowerCase());
        expect(result.valid).toBe(true);
        if (!result.valid) return;
        const d = result.decoded;
        expect(d.countyCode + d.zone + d.subZone + d.ownership + d.parcelType + d.parcelSequence + d.fixture + d.fixtureNumber).toBe(code);
      }),
    );
  });

  it('rejects a forbidden character at any position and names that position (property)', () => {
    const corruption = validUnitCode.chain((code) =>
      fc.integer({ min: 1, max: 28 }).chain((position) => fc.constantFrom(...forbiddenAt(position)).map((c) => ({ code, position, c }))),
    );
    fc.assert(
      fc.property(corruption, ({ code, position, c }) => {
        const broken = code.slice(0, position - 1) + c + code.slice(position);
        const result = validateUnitCode(broken);
        expect(result.valid).toBe(false);
        if (result.valid) return;
        expect(result.problems.some((p) => p.from === position && p.to === position)).toBe(true);
        expect(result.reasons.some((r) => r.includes(`第${position}位`))).toBe(true);
      }),
    );
  });

  it('never throws on arbitrary input (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        expect(typeof validateUnitCode(s).valid).toBe('boolean');
        expect(typeof validateParcelCode(s).valid).toBe('boolean');
      }),
    );
  });
});

describe('宗地代码 (the first 19 positions)', () => {
  it('parses the public example 340123002004GB00011', () => {
    expect(validateParcelCode('340123002004GB00011')).toEqual({
      valid: true,
      normalized: '340123002004GB00011',
      decoded: {
        kind: 'parcel',
        parcelCode: '340123002004GB00011',
        countyCode: '340123',
        provinceName: '安徽省',
        zone: '002',
        subZone: '004',
        ownership: 'G',
        ownershipLabel: '国家土地所有权',
        parcelType: 'B',
        parcelTypeLabel: '建设用地使用权宗地（地表）',
        parcelSequence: '00011',
      },
    });
  });

  it('rejects other lengths and bad positions with the parcel code named', () => {
    expect(validateParcelCode('320684413219GB00029F00010002')).toMatchObject({ reasons: ['宗地代码应为19位，当前为28位，请核对。'] });
    expect(validateParcelCode('340123002004GB0001X')).toMatchObject({ reasons: ['宗地代码第19位（宗地顺序号）应为数字，当前为“X”。'] });
  });

  it('accepts the parcel part of every generated unit code (property)', () => {
    fc.assert(
      fc.property(validParcelCode, (code) => {
        expect(validateParcelCode(code)).toMatchObject({ valid: true, decoded: { parcelCode: code } });
      }),
    );
  });
});
