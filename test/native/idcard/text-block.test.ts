import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NATIONS } from '../../../native/idcard/nations';
import {
  TEXT_BLOCK_BYTES,
  encodeTextBlock,
  parseTextBlock,
  withKindMarker,
  type ResidentCardFields,
} from '../../../native/idcard/text-block';
import {
  FOREIGN_PERMANENT_RESIDENT_CARD,
  HMT_RESIDENCE_PERMIT_CARD,
  SAMPLE_CARDS,
  SAMPLE_HOLDERS,
} from '../../../native/sim/sample-cards';
import { residentFields } from './arbitraries';

const holder: ResidentCardFields = { ...SAMPLE_HOLDERS.han };

function parsed(block: Uint8Array) {
  const result = parseTextBlock(block);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** Writes one field's raw UCS-2LE bytes, padded with spaces, at a byte offset. */
function patch(block: Uint8Array, offset: number, width: number, value: string): Uint8Array {
  const copy = block.slice();
  for (let i = 0; i < width / 2; i++) {
    const unit = i < value.length ? value.charCodeAt(i) : 0x20;
    copy[offset + 2 * i] = unit & 0xff;
    copy[offset + 2 * i + 1] = unit >> 8;
  }
  return copy;
}

describe('resident ID card text block', () => {
  it('parses every field of a card at its GA 450 offset, trimming the space padding', () => {
    const block = encodeTextBlock(holder);
    expect(block).toHaveLength(TEXT_BLOCK_BYTES);
    // Name at offset 0, UCS-2LE: 周 is U+5468.
    expect([block[0], block[1]]).toEqual([0x68, 0x54]);
    // Padding after the 3-character name is spaces, not NULs.
    expect([block[6], block[7]]).toEqual([0x20, 0x00]);
    expect(parsed(block)).toEqual({
      cardType: 'resident',
      supported: true,
      name: '周晓岚',
      sexCode: '2',
      sex: '女',
      nationCode: '01',
      nation: '汉',
      birthDate: '1986-03-14',
      address: '湖南省长沙市芙蓉区五一大道一百二十三号',
      idNumber: '43010219860314042X',
      issuer: '长沙市公安局芙蓉分局',
      validFrom: '2016-05-20',
      validTo: '2036-05-20',
    });
  });

  it('also trims NUL padding, which some readers return', () => {
    const block = encodeTextBlock(holder);
    for (let i = 6; i < 30; i++) block[i] = 0;
    expect(parsed(block).cardType === 'resident' && parsed(block)).toMatchObject({ name: '周晓岚' });
  });

  it('reads 长期 as the end of validity', () => {
    expect(parsed(SAMPLE_CARDS.longTerm.text)).toMatchObject({ validTo: '长期' });
  });

  it('decodes 䶮 (CJK Extension A) and a surrogate pair outside the BMP', () => {
    expect(parsed(SAMPLE_CARDS.rareCharacter.text)).toMatchObject({ name: '陈䶮' });
    const block = encodeTextBlock({ ...holder, name: '李𠮷' });
    // 𠮷 is U+20BB7: the high surrogate D842 then the low surrogate DFB7, each little-endian.
    expect(Array.from(block.subarray(2, 6))).toEqual([0x42, 0xd8, 0xb7, 0xdf]);
    expect(parsed(block)).toMatchObject({ name: '李𠮷' });
  });

  it('keeps a long Uyghur name with its interpunct', () => {
    expect(parsed(SAMPLE_CARDS.uyghur.text)).toMatchObject({ name: '买买提江·阿不都热合曼', nation: '维吾尔' });
  });

  it.each([
    ['0', '未知'],
    ['1', '男'],
    ['2', '女'],
    ['9', '未说明'],
  ])('maps sex code %s to %s', (code, label) => {
    expect(parsed(encodeTextBlock({ ...holder, sexCode: code }))).toMatchObject({ sex: label });
  });

  it('names the 56 nations in GB 3304 order, without 族, and 97/98', () => {
    expect(Object.keys(NATIONS)).toHaveLength(58);
    expect(NATIONS['01']).toBe('汉');
    expect(NATIONS['05']).toBe('维吾尔');
    expect(NATIONS['06']).toBe('苗');
    expect(NATIONS['29']).toBe('柯尔克孜');
    expect(NATIONS['43']).toBe('乌孜别克');
    expect(NATIONS['56']).toBe('基诺');
    expect(NATIONS['97']).toBe('其他');
    expect(NATIONS['98']).toBe('外国血统中国籍人士');
    expect(Object.values(NATIONS).some((name) => name.endsWith('族'))).toBe(false);
    expect(parsed(SAMPLE_CARDS.miao.text)).toMatchObject({ nation: '苗' });
  });

  it.each([
    ['sex', 30, 2, '7'],
    ['nation', 32, 4, '57'],
    ['birthDate', 36, 16, '19860230'],
    ['validFrom', 188, 16, '2016-5-2'],
    ['validTo', 204, 16, '永久'],
    ['name', 0, 30, ''],
  ])('rejects an invalid %s with a coded error naming the field', (field, offset, width, value) => {
    const result = parseTextBlock(patch(encodeTextBlock(holder), offset, width, value));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('CARD_DATA_INVALID');
    expect(result.error.field).toBe(field);
    expect(result.error.message).toMatch(/请/);
  });

  it('flags a foreign permanent residence card (marker I) as unsupported instead of misparsing it', () => {
    expect(parsed(FOREIGN_PERMANENT_RESIDENT_CARD.text)).toEqual({
      cardType: 'foreign_permanent_resident',
      supported: false,
      marker: 'I',
      message: expect.stringContaining('外国人永久居留身份证'),
    });
    expect(parsed(withKindMarker(encodeTextBlock(holder), 'Y'))).toMatchObject({
      cardType: 'foreign_permanent_resident',
      supported: false,
    });
  });

  it('flags a Hong Kong/Macao/Taiwan residence permit (marker J) as unsupported', () => {
    expect(parsed(HMT_RESIDENCE_PERMIT_CARD.text)).toMatchObject({
      cardType: 'hmt_residence_permit',
      supported: false,
      message: expect.stringContaining('港澳台居民居住证'),
    });
  });

  it('rejects an unknown card-kind marker and a block of the wrong size', () => {
    expect(parseTextBlock(withKindMarker(encodeTextBlock(holder), 'Q')).ok).toBe(false);
    expect(parseTextBlock(new Uint8Array(255)).ok).toBe(false);
  });

  it('refuses to encode a value longer than its field', () => {
    expect(() => encodeTextBlock({ ...holder, name: '一二三四五六七八九十一二三四五六' })).toThrow(RangeError);
  });

  it('round-trips random card contents: parse(encode(x)) = x', () => {
    fc.assert(
      fc.property(residentFields, (fields) => {
        const result = parsed(encodeTextBlock(fields));
        expect(result).toMatchObject({ ...fields, cardType: 'resident', supported: true });
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary 256-byte blocks', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 256, maxLength: 256 }), (block) => {
        const result = parseTextBlock(block);
        expect(typeof result.ok).toBe('boolean');
      }),
    );
  });
});
