import { z } from 'zod';

/**
 * Legal grounds as data, for the notices (一次性告知):
 * - 不予受理: 《不动产登记暂行条例》第十七条 (2014 国务院令第656号; article unchanged by the 2019 and
 *   2024 revisions as far as known). Items (三) and (四) are the refusals; (一)/(二) are acceptance.
 * - 不予登记: 第二十二条, used by the review stage.
 * - 补正: 第十七条第(三)项 asks the office to tell at once everything to be supplemented; the
 *   deadline the applicant gets is office practice (default 5 working days, configurable).
 * `text` is the article item as enacted; `label` a short name for lists; `citation` what the notice prints.
 */
export interface LegalGround {
  id: string;
  label: string;
  text: string;
  citation: string;
}

const ARTICLE_17 = '《不动产登记暂行条例》第十七条';
const ARTICLE_22 = '《不动产登记暂行条例》第二十二条';

export const REFUSAL_GROUNDS: readonly LegalGround[] = [
  {
    id: 'incompleteMaterials',
    label: '申请材料不齐全或者不符合法定形式',
    text: '申请材料不齐全或者不符合法定形式的，应当当场书面告知申请人不予受理并一次性告知需要补正的全部内容',
    citation: `${ARTICLE_17}第一款第（三）项`,
  },
  {
    id: 'outsideJurisdiction',
    label: '申请登记的不动产不属于本机构登记范围',
    text: '申请登记的不动产不属于本机构登记范围的，应当当场书面告知申请人不予受理并告知申请人向有登记权的机构申请',
    citation: `${ARTICLE_17}第一款第（四）项`,
  },
];

/** 条例 第十七条第二款: a refusal not given in writing on the spot counts as acceptance. */
export const DEEMED_ACCEPTANCE = '不动产登记机构未当场书面告知申请人不予受理的，视为受理。';

export const NON_REGISTRATION_GROUNDS: readonly LegalGround[] = [
  { id: 'violatesLaw', label: '违反法律、行政法规规定', text: '违反法律、行政法规规定的', citation: `${ARTICLE_22}第（一）项` },
  { id: 'ownershipDispute', label: '存在尚未解决的权属争议', text: '存在尚未解决的权属争议的', citation: `${ARTICLE_22}第（二）项` },
  { id: 'termExpired', label: '申请登记的不动产权利超过规定期限', text: '申请登记的不动产权利超过规定期限的', citation: `${ARTICLE_22}第（三）项` },
  {
    id: 'otherStatutory',
    label: '法律、行政法规规定不予登记的其他情形',
    text: '法律、行政法规规定不予登记的其他情形',
    citation: `${ARTICLE_22}第（四）项`,
  },
];

/** The lead-in of 第二十二条, printed above the chosen items. */
export const NON_REGISTRATION_PREAMBLE = '登记申请有下列情形之一的，不动产登记机构应当不予登记，并书面告知申请人：';

export const refusalGroundIdSchema = z.enum(['incompleteMaterials', 'outsideJurisdiction']);
export type RefusalGroundId = z.infer<typeof refusalGroundIdSchema>;
export const nonRegistrationGroundIdSchema = z.enum(['violatesLaw', 'ownershipDispute', 'termExpired', 'otherStatutory']);
export type NonRegistrationGroundId = z.infer<typeof nonRegistrationGroundIdSchema>;

/** 补正 deadline in working days: office practice, configurable (not fixed by the 条例). */
export const supplementDeadlineSchema = z.number().int().min(1).max(30);
export const DEFAULT_SUPPLEMENT_WORKING_DAYS = 5;

export function refusalGround(id: RefusalGroundId): LegalGround {
  return find(REFUSAL_GROUNDS, id);
}

export function nonRegistrationGround(id: NonRegistrationGroundId): LegalGround {
  return find(NON_REGISTRATION_GROUNDS, id);
}

function find(grounds: readonly LegalGround[], id: string): LegalGround {
  const ground = grounds.find((g) => g.id === id);
  if (!ground) throw new RangeError(`unknown legal ground ${id}`);
  return ground;
}
