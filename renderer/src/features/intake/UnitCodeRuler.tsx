import {
  FIXTURE_LABELS,
  normalizeUnitCode,
  OWNERSHIP_LABELS,
  PARCEL_TYPE_LABELS,
  provinceByCode,
  UNIT_CODE_LENGTH,
  type CodeProblem,
} from '../../../../electron/contract';

const MONO = "'SFMono-Regular', Consolas, 'Liberation Mono', monospace";

interface Segment {
  from: number;
  to: number;
  field: string;
  /** What the characters mean, once they are there: a short caption and the standard's full name. */
  meaning?: (chars: string) => { short: string; full: string } | undefined;
}

/** Captions short enough for one line; the standard's names (OWNERSHIP_LABELS …) are in the tooltip. */
const SHORT_OWNERSHIP: Record<string, string> = { G: '国有土地', J: '集体土地', Z: '所有权未定' };
const SHORT_PARCEL_TYPE: Record<string, string> = {
  A: '集体所有权', B: '建设用地·地表', S: '建设用地·地上', X: '建设用地·地下', C: '宅基地', D: '承包·耕地',
  E: '承包·林地', F: '承包·草地', H: '海域', G: '无居民海岛', W: '使用权未定', Y: '其他使用权',
};
const SHORT_FIXTURE: Record<string, string> = { F: '房屋', L: '林木', Q: '其他', W: '无定着物' };

/** GB/T 37346-2019 positions of a 28-character unit code. Houses (F) split 21–28 into 幢 and 户. */
function segmentsFor(code: string): Segment[] {
  const pick = (short: Record<string, string>, full: Record<string, string>) => (c: string) => (full[c] ? { short: short[c] ?? full[c], full: full[c] } : undefined);
  const province = (c: string) => {
    const name = provinceByCode(c.slice(0, 2))?.name;
    return name ? { short: name, full: `${name}，县级行政区划代码 ${c}` } : undefined;
  };
  const head: Segment[] = [
    { from: 1, to: 6, field: '县级行政区划', meaning: province },
    { from: 7, to: 9, field: '地籍区' },
    { from: 10, to: 12, field: '地籍子区' },
    { from: 13, to: 13, field: '所有权', meaning: pick(SHORT_OWNERSHIP, OWNERSHIP_LABELS) },
    { from: 14, to: 14, field: '宗地特征', meaning: pick(SHORT_PARCEL_TYPE, PARCEL_TYPE_LABELS) },
    { from: 15, to: 19, field: '宗地号' },
    { from: 20, to: 20, field: '定着物', meaning: pick(SHORT_FIXTURE, FIXTURE_LABELS) },
  ];
  const house = code[19] === 'F';
  return house
    ? [...head, { from: 21, to: 24, field: '幢号' }, { from: 25, to: 28, field: '户号' }]
    : [...head, { from: 21, to: 28, field: '定着物单元编号' }];
}

/**
 * The code cut into its GB/T 37346 fields, each with what it means; the positions a problem is about
 * turn red. A clerk sees at once which part of a 28-character code is wrong.
 */
export function UnitCodeRuler({ value, problems }: { value: string; problems: readonly CodeProblem[] }) {
  const code = normalizeUnitCode(value);
  // A length problem covers the whole code: it is said in words, not painted over every field.
  const local = problems.filter((p) => !(p.from === 1 && p.to === UNIT_CODE_LENGTH));
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 4, marginTop: 6 }} aria-label="不动产单元代码各位含义">
      {segmentsFor(code).map((s) => {
        const chars = code.slice(s.from - 1, s.to);
        const missing = chars.length < s.to - s.from + 1;
        const bad = local.some((p) => p.from <= s.to && p.to >= s.from);
        const meaning = !missing && !bad ? s.meaning?.(chars) : undefined;
        return (
          <div
            key={s.from}
            title={`第 ${s.from === s.to ? s.from : `${s.from}–${s.to}`} 位：${s.field}${meaning ? `（${meaning.full}）` : ''}`}
            style={{
              border: `1px solid ${bad ? '#ff7875' : '#d9dee8'}`,
              background: bad ? '#fff1f0' : missing ? '#fafafa' : '#f5f8fd',
              borderRadius: 4,
              padding: '2px 8px',
              textAlign: 'center',
              minWidth: 44,
            }}
          >
            <div style={{ fontFamily: MONO, fontSize: 15, letterSpacing: 1, color: bad ? '#cf1322' : '#1b2a4a', whiteSpace: 'pre' }}>
              {chars.padEnd(s.to - s.from + 1, '·')}
            </div>
            <div style={{ fontSize: 12, color: bad ? '#cf1322' : '#59667a', whiteSpace: 'nowrap' }}>{meaning ? meaning.short : s.field}</div>
            <div style={{ fontSize: 11, color: '#a0a8b5', whiteSpace: 'nowrap' }}>
              {s.from === s.to ? `第${s.from}位` : `${s.from}–${s.to}位`}
              {meaning && s.from !== 1 ? ` ${s.field}` : ''}
            </div>
          </div>
        );
      })}
    </div>
  );
}
