import { z } from 'zod';
import { configurableBusinessTypesSchema, type BusinessTypeOverride } from './business-type-config';
import { businessTypeIdSchema, materialIdSchema, roleRequirementSchema, tracksSchema, type BusinessTypeId } from './business-types';
import {
  businessTypeKeySchema,
  catalogEntrySchema,
  catalogFeeRuleSchema,
  catalogMaterialSchema,
  DEFAULT_CATALOG,
  LEGACY_BUSINESS_TYPE_MAP,
  type CatalogEntry,
} from './registration-catalog';
import { zodIssueReasons } from './zod-reasons';

/**
 * An office's adjustments to the catalogue, under `catalog` in the configuration file:
 *
 *   "catalog": {
 *     "types": {
 *       "transfer.stateLandHouse": { "addMaterials": [{ "id": "marriageCertificate", "name": "结婚证", "requirement": "optional" }] },
 *       "mortgageFirst.mortgage": { "promisedWorkingDays": 1, "optionalMaterials": ["principalDebtContract"] },
 *       "certificateReissue.forest": { "enabled": false }
 *     },
 *     "add": [ { …a whole entry for a combination the built-in matrix lacks… } ]
 *   }
 *
 * The older `businessTypes` key (keyed by the 12 first-release ids) still works: each override is
 * applied to the entry `LEGACY_BUSINESS_TYPE_MAP` names, before `catalog.types`.
 * Names, type codes, registration and right types of built-in entries are fixed by the regulation.
 */
export const catalogOverrideSchema = z
  .object({
    enabled: z.boolean().optional(),
    /** Replaces the whole checklist. */
    materials: z.array(catalogMaterialSchema).min(1).optional(),
    /** Removed from the checklist (after `materials`). */
    removeMaterials: z.array(materialIdSchema).optional(),
    /** Made optional (after `removeMaterials`). */
    optionalMaterials: z.array(materialIdSchema).optional(),
    /** Appended (last); to change an item, remove and add it. */
    addMaterials: z.array(catalogMaterialSchema).optional(),
    roles: z.object({ holder: roleRequirementSchema, obligor: roleRequirementSchema, agent: roleRequirementSchema }).partial().strict().optional(),
    feeRule: catalogFeeRuleSchema.optional(),
    tracks: tracksSchema.partial().optional(),
    promisedWorkingDays: z.number().int().min(0).max(30).optional(),
  })
  .strict();
export type CatalogOverride = z.infer<typeof catalogOverrideSchema>;

export const catalogConfigSchema = z
  .object({
    types: z.record(businessTypeKeySchema, catalogOverrideSchema).default({}),
    /** Whole entries for combinations not in the built-in catalogue (validated like the built-in ones). */
    add: z.array(z.unknown()).default([]),
  })
  .strict();
export type CatalogConfig = z.infer<typeof catalogConfigSchema>;

export type CatalogMerge = { ok: true; entries: CatalogEntry[] } | { ok: false; code: 'CONFIG_INVALID'; reasons: string[] };

/**
 * The catalogue an office works with: built-in entries, then legacy `businessTypes` overrides,
 * then `catalog.types`, then `catalog.add`. Every reason names the field (`catalog.types.<id>.…`,
 * `catalog.add.0.…`, `businessTypes.<legacyId>.…`).
 */
export function mergeCatalog(
  config: { businessTypes?: unknown; catalog?: unknown },
  defaults: readonly CatalogEntry[] = DEFAULT_CATALOG,
): CatalogMerge {
  const reasons: string[] = [];
  const legacy = configurableBusinessTypesSchema.safeParse(config.businessTypes ?? {});
  if (!legacy.success) reasons.push(...zodIssueReasons(legacy.error, 'businessTypes'));
  const parsed = catalogConfigSchema.safeParse(config.catalog ?? {});
  if (!parsed.success) reasons.push(...zodIssueReasons(parsed.error, 'catalog'));
  if (!legacy.success || !parsed.success) return { ok: false, code: 'CONFIG_INVALID', reasons };

  let entries = [...defaults];
  const apply = (id: string, override: CatalogOverride, prefix: string): void => {
    const index = entries.findIndex((e) => e.id === id);
    if (index < 0) {
      reasons.push(`${prefix}：目录中没有业务类型 ${id}；新增组合请写在 catalog.add 中`);
      return;
    }
    const merged = applyOverride(entries[index], override, (r) => reasons.push(`${prefix}.${r}`));
    const checked = catalogEntrySchema.safeParse(merged);
    if (!checked.success) reasons.push(...zodIssueReasons(checked.error, prefix));
    entries = entries.map((e, i) => (i === index ? merged : e));
  };

  for (const [legacyId, override] of Object.entries(legacy.data) as Array<[BusinessTypeId, BusinessTypeOverride]>) {
    apply(LEGACY_BUSINESS_TYPE_MAP[businessTypeIdSchema.parse(legacyId)], override, `businessTypes.${legacyId}`);
  }
  for (const [id, override] of Object.entries(parsed.data.types)) apply(id, override, `catalog.types.${id}`);
  parsed.data.add.forEach((raw, i) => {
    const checked = catalogEntrySchema.safeParse(raw);
    if (!checked.success) {
      reasons.push(...zodIssueReasons(checked.error, `catalog.add.${i}`));
      return;
    }
    if (entries.some((e) => e.id === checked.data.id)) {
      reasons.push(`catalog.add.${i}.id：业务类型 ${checked.data.id} 已在目录中，请在 catalog.types 中调整`);
      return;
    }
    entries.push(checked.data);
  });
  return reasons.length > 0 ? { ok: false, code: 'CONFIG_INVALID', reasons } : { ok: true, entries };
}

function applyOverride(base: CatalogEntry, override: CatalogOverride, problem: (reason: string) => void): CatalogEntry {
  let materials = override.materials ?? base.materials;
  for (const [i, id] of (override.removeMaterials ?? []).entries()) {
    if (!materials.some((mat) => mat.id === id)) problem(`removeMaterials.${i}：清单中没有编号为 ${id} 的材料`);
    materials = materials.filter((mat) => mat.id !== id);
  }
  for (const [i, id] of (override.optionalMaterials ?? []).entries()) {
    if (!materials.some((mat) => mat.id === id)) problem(`optionalMaterials.${i}：清单中没有编号为 ${id} 的材料`);
    materials = materials.map((mat) => (mat.id === id ? { ...mat, requirement: 'optional' as const } : mat));
  }
  for (const [i, added] of (override.addMaterials ?? []).entries()) {
    if (materials.some((mat) => mat.id === added.id)) {
      problem(`addMaterials.${i}.id：清单中已有编号为 ${added.id} 的材料；要修改请先在 removeMaterials 中删除`);
    }
    materials = [...materials, added];
  }
  return {
    ...base,
    enabled: override.enabled ?? base.enabled,
    roles: { ...base.roles, ...override.roles },
    feeRule: override.feeRule ?? base.feeRule,
    tracks: { ...base.tracks, ...override.tracks },
    promisedWorkingDays: override.promisedWorkingDays ?? base.promisedWorkingDays,
    materials,
  };
}
