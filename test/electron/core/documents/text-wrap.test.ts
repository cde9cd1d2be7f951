import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize, wrapText } from '../../../../electron/core/documents/layout/text-wrap';

/** A monospace stand-in for the font: CJK and full-width marks 1 em, everything else half. */
const measure = (text: string) => Array.from(text).reduce((w, c) => w + (/[\u2e80-\uffef]/.test(c) ? 1 : 0.5), 0);

describe('CJK line wrapping', () => {
  it('breaks between any two CJK characters', () => {
    expect(wrapText('湖南省长沙市芙蓉区五一大道', 4, measure)).toEqual(['湖南省长', '沙市芙蓉', '区五一大', '道']);
  });

  it('keeps a case number, a unit code or a phone number together', () => {
    expect(wrapText('受理编号430102-20261127-A10001已受理', 11.5, measure)).toEqual(['受理编号', '430102-20261127-A10001', '已受理']);
    expect(tokenize('电话0731-84112345')).toEqual(['电', '话', '0731-84112345']);
  });

  it('never starts a line with closing punctuation, nor ends one with opening punctuation', () => {
    const lines = wrapText('申请人（张三）已签字，材料齐全。', 4, measure);
    for (const line of lines) {
      expect(line).not.toMatch(/^[，。）、]/);
      expect(line).not.toMatch(/[（]$/);
    }
    expect(lines.join('')).toBe('申请人（张三）已签字，材料齐全。');
  });

  it('keeps the middle dot of a transliterated name with the part before it', () => {
    const lines = wrapText('买买提江·阿不都热合曼', 4.5, measure);
    expect(lines.every((line) => !line.startsWith('·'))).toBe(true);
    expect(lines.join('')).toBe('买买提江·阿不都热合曼');
  });

  it('breaks a code wider than the whole line by character, as a last resort', () => {
    expect(wrapText('430102003004GB00123F00010203', 7, measure)).toEqual(['430102003004GB', '00123F00010203']);
  });

  it('keeps explicit line breaks and narrows the first line of each paragraph by the indent', () => {
    expect(wrapText('权利人\n张晓明', 10, measure)).toEqual(['权利人', '张晓明']);
    expect(wrapText('一二三四五六七八', 4, measure, 2)).toEqual(['一二', '三四五六', '七八']);
  });

  it('keeps the leading spaces of a text (blanks to write in) but drops spaces at a break', () => {
    expect(wrapText('　　年　月', 10, measure)).toEqual(['　　年　月']);
    expect(wrapText('abc def', 2, measure)).toEqual(['abc', 'def']);
  });

  it('loses no character and never exceeds the width unless one unit is wider (property)', () => {
    const piece = fc.constantFrom('长', '沙', '市', '·', '，', '。', '（', '）', 'A', '1', '-', ' ', '号', '%');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 80 }).map((a) => a.join('')), fc.integer({ min: 2, max: 20 }), (text, width) => {
        const lines = wrapText(text, width, measure);
        expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
        for (const line of lines) {
          const tooWide = measure(line) > width;
          if (tooWide) expect(Array.from(line)).toHaveLength(1);
        }
      }),
      { numRuns: 500 },
    );
  });
});
