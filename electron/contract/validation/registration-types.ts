import { z } from 'zod';

/**
 * 登记类型 (不动产登记暂行条例 第3条; 实施细则 第三、四章; 不动产登记操作规范（试行）).
 * 预告 covers 预购商品房 (on stateLandHouse) and 预告抵押 (on mortgage), with their 变更/转移/注销.
 * 抵押权 registrations are their own registration types applied to the right type `mortgage`;
 * the mortgage kind (一般, 最高额, 在建建筑物) is a field of the case (`MortgageKind`), not part of the
 * business type id, because the three share roles and tracks and differ only in a few materials
 * (see `materialsFor`). `typeCode` is the common first digit: 1 首次, 2 转移, 3 变更, 4 注销, 5 更正,
 * 6 异议, 7 预告, 8 查封, 9 其他.
 */
export const REGISTRATION_TYPE_IDS = [
  'first',
  'change',
  'transfer',
  'cancellation',
  'correction',
  'objection',
  'objectionCancellation',
  'preRegistration',
  'preRegistrationChange',
  'preRegistrationTransfer',
  'preRegistrationCancellation',
  'seizure',
  'seizureRelease',
  'mortgageFirst',
  'mortgageChange',
  'mortgageTransfer',
  'mortgageCancellation',
  'certificateReplacement',
  'certificateReissue',
] as const;
export const registrationTypeIdSchema = z.enum(REGISTRATION_TYPE_IDS);
export type RegistrationTypeId = z.infer<typeof registrationTypeIdSchema>;

export const MORTGAGE_KINDS = ['general', 'maximum', 'construction'] as const;
export const mortgageKindSchema = z.enum(MORTGAGE_KINDS);
export type MortgageKind = z.infer<typeof mortgageKindSchema>;
export const MORTGAGE_KIND_LABELS: Record<MortgageKind, string> = {
  general: '一般抵押',
  maximum: '最高额抵押',
  construction: '在建建筑物抵押',
};

export interface RegistrationType {
  id: RegistrationTypeId;
  name: string;
  typeCode: number;
  basis: string;
}

export const REGISTRATION_TYPES: readonly RegistrationType[] = [
  { id: 'first', name: '首次登记', typeCode: 1, basis: '实施细则 第24条' },
  { id: 'change', name: '变更登记', typeCode: 3, basis: '实施细则 第26条' },
  { id: 'transfer', name: '转移登记', typeCode: 2, basis: '实施细则 第27条' },
  { id: 'cancellation', name: '注销登记', typeCode: 4, basis: '实施细则 第28条' },
  { id: 'correction', name: '更正登记', typeCode: 5, basis: '实施细则 第79–81条' },
  { id: 'objection', name: '异议登记', typeCode: 6, basis: '实施细则 第82–84条' },
  { id: 'objectionCancellation', name: '异议注销登记', typeCode: 6, basis: '实施细则 第84条' },
  { id: 'preRegistration', name: '预告登记', typeCode: 7, basis: '实施细则 第85–86条' },
  { id: 'preRegistrationChange', name: '预告变更登记', typeCode: 7, basis: '实施细则 第85、87条' },
  { id: 'preRegistrationTransfer', name: '预告转移登记', typeCode: 7, basis: '实施细则 第85、87条' },
  { id: 'preRegistrationCancellation', name: '预告注销登记', typeCode: 7, basis: '实施细则 第89条' },
  { id: 'seizure', name: '查封登记', typeCode: 8, basis: '实施细则 第90–93条' },
  { id: 'seizureRelease', name: '解封登记', typeCode: 8, basis: '实施细则 第92条' },
  { id: 'mortgageFirst', name: '抵押权首次登记', typeCode: 1, basis: '实施细则 第66条' },
  { id: 'mortgageChange', name: '抵押权变更登记', typeCode: 3, basis: '实施细则 第68条' },
  { id: 'mortgageTransfer', name: '抵押权转移登记', typeCode: 2, basis: '实施细则 第69条' },
  { id: 'mortgageCancellation', name: '抵押权注销登记', typeCode: 4, basis: '实施细则 第70条' },
  { id: 'certificateReplacement', name: '换证登记', typeCode: 9, basis: '实施细则 第22条' },
  { id: 'certificateReissue', name: '补证登记', typeCode: 9, basis: '实施细则 第23条' },
];

export function registrationTypeById(id: RegistrationTypeId): RegistrationType {
  const found = REGISTRATION_TYPES.find((r) => r.id === id);
  if (!found) throw new RangeError(`unknown registration type ${id}`);
  return found;
}
