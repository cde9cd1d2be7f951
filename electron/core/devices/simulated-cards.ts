import { FOREIGN_PERMANENT_RESIDENT_CARD, HMT_RESIDENCE_PERMIT_CARD, SAMPLE_CARDS, type SimCard } from '../../../native/sim/sample-cards';

/** The sample cards a trainee can place on the simulated reader, with Chinese labels. */
export const SIMULATED_CARDS: Record<string, { label: string; card: SimCard }> = {
  ...Object.fromEntries(
    Object.entries(SAMPLE_CARDS).map(([id, card]) => [id, { label: SAMPLE_LABELS(id, card.label), card }]),
  ),
  foreign: { label: '外国人永久居留身份证（不支持）', card: FOREIGN_PERMANENT_RESIDENT_CARD },
  hmt: { label: '港澳台居民居住证（不支持）', card: HMT_RESIDENCE_PERMIT_CARD },
};

function SAMPLE_LABELS(id: string, name: string): string {
  const notes: Record<string, string> = {
    han: '汉族',
    miao: '苗族',
    uyghur: '维吾尔族，长姓名',
    longTerm: '有效期长期',
    rareCharacter: '生僻字',
    wrongCheckDigit: '校验位错误',
  };
  return notes[id] ? `${name}（${notes[id]}）` : name;
}
