import { z } from 'zod';

/**
 * 权利类型: the rights a registration is about (不动产登记暂行条例 第5条, 实施细则 第三章 各类登记).
 * Ids are camelCase English; a right "with house" (及房屋所有权, 及建筑物, 及构筑物) has its units carry a
 * building, so its 首次登记 asks for 竣工 and 测绘 material of the building; the land-only variant
 * does not. `parcelTypes` are the GB/T 37346-2019 宗地特征码 (unit code position 14) such a unit may
 * carry; `fixtures` the 定着物特征码 (position 20).
 */
export const RIGHT_TYPE_IDS = [
  'collectiveLandOwnership',
  'stateLandUse',
  'stateLandHouse',
  'homesteadLand',
  'homestead',
  'collectiveConstructionLand',
  'collectiveConstructionBuilding',
  'landContract',
  'forest',
  'seaArea',
  'seaAreaStructure',
  'easement',
  'mortgage',
  'residence',
] as const;
export const rightTypeIdSchema = z.enum(RIGHT_TYPE_IDS);
export type RightTypeId = z.infer<typeof rightTypeIdSchema>;

/** What kind of right: an ownership/use right over a unit (用益物权/所有权) or a right over someone else's (他项权利). */
export type RightFamily = 'ownership' | 'encumbrance';

export interface RightType {
  id: RightTypeId;
  name: string;
  family: RightFamily;
  /** Units carry a house or other building/structure (竣工, 测绘 needed at 首次). */
  withHouse: boolean;
  /** GB/T 37346-2019 宗地特征码 allowed at position 14 ([] = any: the right sits on another unit). */
  parcelTypes: readonly string[];
  /** GB/T 37346-2019 定着物特征码 allowed at position 20 ([] = any). */
  fixtures: readonly string[];
  basis: string;
}

export const RIGHT_TYPES: readonly RightType[] = [
  right('collectiveLandOwnership', '集体土地所有权', 'ownership', false, ['A'], ['W'], '实施细则 第29–31条'),
  right('stateLandUse', '国有建设用地使用权', 'ownership', false, ['B', 'S', 'X'], ['W'], '实施细则 第33–34条'),
  right('stateLandHouse', '国有建设用地使用权及房屋所有权', 'ownership', true, ['B', 'S', 'X'], ['F'], '实施细则 第35–38条'),
  right('homesteadLand', '宅基地使用权', 'ownership', false, ['C'], ['W'], '实施细则 第40–42条'),
  right('homestead', '宅基地使用权及房屋所有权', 'ownership', true, ['C'], ['F'], '实施细则 第40–42条'),
  right('collectiveConstructionLand', '集体建设用地使用权', 'ownership', false, ['B', 'S', 'X'], ['W'], '实施细则 第43–46条'),
  right('collectiveConstructionBuilding', '集体建设用地使用权及建筑物、构筑物所有权', 'ownership', true, ['B', 'S', 'X'], ['F'], '实施细则 第43–46条'),
  right('landContract', '土地承包经营权', 'ownership', false, ['D', 'E', 'F', 'N'], ['W', 'L', 'Q'], '实施细则 第47–51条'),
  right('forest', '林地使用权／森林、林木所有权', 'ownership', false, ['E', 'L', 'Y'], ['L', 'W'], '实施细则 第52–53条'),
  right('seaArea', '海域使用权', 'ownership', false, ['H'], ['W'], '实施细则 第54–57条'),
  right('seaAreaStructure', '海域使用权及建筑物、构筑物所有权', 'ownership', true, ['H'], ['F'], '实施细则 第54–57条'),
  right('easement', '地役权', 'encumbrance', false, [], [], '实施细则 第60–64条；民法典 第372–385条'),
  right('mortgage', '抵押权', 'encumbrance', false, [], [], '实施细则 第65–77条；民法典 第394–424条'),
  right('residence', '居住权', 'encumbrance', true, [], ['F'], '民法典 第366–371条'),
];

export function rightTypeById(id: RightTypeId): RightType {
  const found = RIGHT_TYPES.find((r) => r.id === id);
  if (!found) throw new RangeError(`unknown right type ${id}`);
  return found;
}

function right(
  id: RightTypeId,
  name: string,
  family: RightFamily,
  withHouse: boolean,
  parcelTypes: string[],
  fixtures: string[],
  basis: string,
): RightType {
  return { id, name, family, withHouse, parcelTypes, fixtures, basis };
}
