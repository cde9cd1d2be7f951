import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCoOwnership, formatShare, parseShare } from '../../../../electron/contract/validation/co-ownership';

const holders = (...shares: Array<string | null>) => shares.map((share) => ({ share }));
const reasonsOf = (result: ReturnType<typeof checkCoOwnership>): string[] => (result.valid ? [] : result.reasons);

/** 2–6 positive basis-point shares totalling exactly 10000 (100 %). */
const basisPoints = fc
  .array(fc.integer({ min: 1, max: 9999 }), { minLength: 1, maxLength: 5 })
  .map((cuts) => [...new Set(cuts)].sort((a, b) => a - b))
  .map((cuts) => [...cuts, 10000].map((cut, i, all) => cut - (i === 0 ? 0 : all[i - 1])));
const asPercent = (bp: number): string => `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}%`;

describe('co-ownership (共有方式)', () => {
  it('单独所有 needs exactly one holder and no share', () => {
    expect(checkCoOwnership({ mode: 'sole', holders: holders(null) })).toEqual({ valid: true, mode: 'sole', shares: null });
    expect(reasonsOf(checkCoOwnership({ mode: 'sole', holders: holders(null, null) }))).toEqual([
      '单独所有只能有一名权利人，当前为2名；多人共有请选择共同共有或按份共有。',
    ]);
    expect(reasonsOf(checkCoOwnership({ mode: 'sole', holders: holders('100%') }))).toEqual(['单独所有不填写份额，请删除份额。']);
    expect(reasonsOf(checkCoOwnership({ mode: 'sole', holders: [] }))).toEqual(['请至少填写一名权利人。']);
  });

  it('共同共有 needs two or more holders and no shares', () => {
    expect(checkCoOwnership({ mode: 'joint', holders: holders(null, '  ') })).toMatchObject({ valid: true, shares: null });
    expect(reasonsOf(checkCoOwnership({ mode: 'joint', holders: holders(null) }))).toEqual([
      '共同共有至少需要两名权利人，当前为1名；一人所有请选择单独所有。',
    ]);
    expect(reasonsOf(checkCoOwnership({ mode: 'joint', holders: holders('50%', null, '25%') }))).toEqual([
      '共同共有不登记份额，请删除第1、3名权利人的份额，或改为按份共有。',
    ]);
  });

  it('按份共有 needs every share and an exact total of 100 %', () => {
    expect(checkCoOwnership({ mode: 'shares', holders: holders('50%', '50%') })).toEqual({
      valid: true,
      mode: 'shares',
      shares: [
        { numerator: 1, denominator: 2 },
        { numerator: 1, denominator: 2 },
      ],
    });
    expect(checkCoOwnership({ mode: 'shares', holders: holders('1/3', '1/3', '1/3') }).valid).toBe(true);
    expect(checkCoOwnership({ mode: 'shares', holders: holders('33.33%', '33.33%', '33.34%') }).valid).toBe(true);
    expect(checkCoOwnership({ mode: 'shares', holders: holders('1/3', '66.666667%') }).valid).toBe(false);
    expect(reasonsOf(checkCoOwnership({ mode: 'shares', holders: holders('33.33%', '33.33%', '33.33%') }))).toEqual([
      '按份共有各权利人份额合计应为100%，当前合计为99.99%，还差0.01%，请核对。',
    ]);
    expect(reasonsOf(checkCoOwnership({ mode: 'shares', holders: holders('60%', '1/2') }))).toEqual([
      '按份共有各权利人份额合计应为100%，当前合计为110%，多出10%，请核对。',
    ]);
    expect(reasonsOf(checkCoOwnership({ mode: 'shares', holders: holders('1/3', '1/2') }))).toEqual([
      '按份共有各权利人份额合计应为100%，当前合计为5/6，还差1/6，请核对。',
    ]);
  });

  it('names each holder whose share is missing or malformed', () => {
    expect(reasonsOf(checkCoOwnership({ mode: 'shares', holders: holders('50%', null, '0%', '0.5', '1/0', '120%') }))).toEqual([
      '第2名权利人的份额未填写，按份共有须填写每名权利人的份额（如50%或1/3）。',
      '第3名权利人的份额应大于0。',
      '第4名权利人的份额格式不正确，应写作百分比（如50%、33.33%）或分数（如1/3）。',
      '第5名权利人的份额的分母不能为0。',
      '第6名权利人的份额不能超过100%。',
    ]);
  });

  it('reads shares exactly, also with full-width characters', () => {
    expect(parseShare('33.33%')).toEqual({ ok: true, share: { numerator: 3333, denominator: 10000 } });
    expect(parseShare('２/４')).toEqual({ ok: true, share: { numerator: 1, denominator: 2 } });
    expect(parseShare('12.5％')).toEqual({ ok: true, share: { numerator: 1, denominator: 8 } });
    expect(formatShare({ numerator: 1, denominator: 8 })).toBe('12.5%');
    expect(formatShare({ numerator: 1, denominator: 3 })).toBe('1/3');
  });

  it('accepts any split into shares totalling 100 % (property)', () => {
    fc.assert(
      fc.property(basisPoints.filter((s) => s.length >= 2), (shares) => {
        expect(checkCoOwnership({ mode: 'shares', holders: shares.map((bp) => ({ share: asPercent(bp) })) }).valid).toBe(true);
      }),
    );
  });

  it('accepts n equal fractions 1/n (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 40 }), (n) => {
        expect(checkCoOwnership({ mode: 'shares', holders: Array.from({ length: n }, () => ({ share: `1/${n}` })) }).valid).toBe(true);
      }),
    );
  });

  it('rejects the same split with any one share off by 0.01 % (property)', () => {
    fc.assert(
      fc.property(
        basisPoints.filter((s) => s.length >= 2),
        fc.nat(),
        fc.constantFrom(-1, 1),
        (shares, pick, delta) => {
          const at = pick % shares.length;
          const changed = shares.map((bp, i) => (i === at ? bp + delta : bp));
          fc.pre(changed[at] > 0);
          const result = checkCoOwnership({ mode: 'shares', holders: changed.map((bp) => ({ share: asPercent(bp) })) });
          expect(reasonsOf(result)).toEqual([expect.stringContaining(delta < 0 ? '还差0.01%' : '多出0.01%')]);
        },
      ),
    );
  });
});
