import type { AreaUnit } from './document-data';

/**
 * The tick-box lists of the official 不动产登记申请审批表 (国土资发〔2015〕25号 附件5 《不动产登记
 * 申请审批表》样式及使用填写说明; the same rows appear in 《不动产登记规程》TD/T 1095-2024 附录),
 * with 居住权 added (民法典 第三百六十八条, registered since 2021). The case's own types are marked
 * in them, as a clerk ticks the paper form. The font has no ballot-box-with-check (☑), so a marked
 * box is printed ■ and an empty one □, the pair Chinese forms commonly use.
 */
export const MARKED = '■';
export const UNMARKED = '□';

/** 权利类型 as the form lists them; a compound type (…及房屋所有权) marks each of its parts. */
export const RIGHT_TYPE_CHOICES = [
  '集体土地所有权',
  '国家土地所有权',
  '国有建设用地使用权',
  '宅基地使用权',
  '集体建设用地使用权',
  '土地承包经营权',
  '林地使用权',
  '海域使用权',
  '无居民海岛使用权',
  '房屋所有权',
  '构筑物所有权',
  '森林、林木所有权',
  '森林、林木使用权',
  '抵押权',
  '地役权',
  '居住权',
] as const;

/**
 * 登记类型 as the form lists them, each with the words that mark it in a catalogue name
 * (抵押权首次登记 marks 首次登记; 预告注销 marks 预告登记 and 注销登记).
 */
export const REGISTRATION_TYPE_CHOICES = [
  { label: '首次登记', words: ['首次', '初始', '总登记'] },
  { label: '转移登记', words: ['转移'] },
  { label: '变更登记', words: ['变更'] },
  { label: '注销登记', words: ['注销'] },
  { label: '更正登记', words: ['更正'] },
  { label: '异议登记', words: ['异议'] },
  { label: '预告登记', words: ['预告', '预购'] },
  { label: '查封登记', words: ['查封'] },
] as const;

/** □集体土地所有权 ■国有建设用地使用权 … □其他; an unlisted type is written after 其他. */
export function rightTypeMarks(rightType: string | undefined): string {
  const marked = RIGHT_TYPE_CHOICES.filter((choice) => rightType?.includes(choice) ?? false);
  return marks(RIGHT_TYPE_CHOICES, marked, rightType);
}

export function registrationTypeMarks(registrationType: string | undefined): string {
  const marked = REGISTRATION_TYPE_CHOICES.filter((c) => c.words.some((w) => registrationType?.includes(w) ?? false)).map((c) => c.label);
  // 解封, 换证, 补证 have no box of their own: the form's 其他 carries them by name.
  const extra = registrationType && /解封|换证|补证|遗失|损毁/.test(registrationType) ? registrationType : undefined;
  return marks(
    REGISTRATION_TYPE_CHOICES.map((c) => c.label),
    marked,
    extra ?? registrationType,
    extra !== undefined,
  );
}

/** A fixed list of options with the chosen ones marked: ■窗口领取　□邮寄　□仅电子证照. */
export function choiceMarks(options: readonly string[], chosen: string | undefined): string {
  return options.map((o) => `${o === chosen ? MARKED : UNMARKED}${o}`).join('　');
}

/** ■是　□否, or both empty when the applicant did not say. */
export function yesNoMarks(value: boolean | undefined): string {
  return `${value === true ? MARKED : UNMARKED}是　${value === false ? MARKED : UNMARKED}否`;
}

/** The form's unit line: □平方米 □公顷（□亩）、元, with the units the case's areas use marked. */
export function areaUnitMarks(used: ReadonlySet<AreaUnit>): string {
  const box = (u: AreaUnit) => `${used.has(u) ? MARKED : UNMARKED}${u}`;
  return `${box('平方米')} ${box('公顷')}（${box('亩')}）、元`;
}

function marks(options: readonly string[], marked: readonly string[], name: string | undefined, forceOther = false): string {
  const other = name !== undefined && (marked.length === 0 || forceOther);
  return [...options.map((o) => `${marked.includes(o) ? MARKED : UNMARKED}${o}`), `${other ? MARKED : UNMARKED}其他${other ? `（${name}）` : ''}`].join('　');
}
