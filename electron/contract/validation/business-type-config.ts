import { z } from 'zod';
import {
  businessTypeIdSchema,
  businessTypeSchema,
  DEFAULT_BUSINESS_TYPES,
  feeRuleSchema,
  materialIdSchema,
  materialSchema,
  roleRequirementSchema,
  tracksSchema,
  type BusinessType,
} from './business-types';
import { zodIssueReasons } from './zod-reasons';

/**
 * @deprecated Use catalog-config.ts (mergeCatalog), which also reads this `businessTypes` key.
 *
 * An office's adjustments to the business types, as they appear under `businessTypes` in the
 * configuration file. Everything is optional; a type not mentioned keeps its defaults. Names and
 * type codes are fixed by the regulation and cannot be overridden.
 *
 *   "businessTypes": {
 *     "transfer": { "addMaterials": [{ "id": "marriageCertificate", "name": "结婚证", "requirement": "optional" }] },
 *     "mortgageFirst": { "promisedWorkingDays": 1 }
 *   }
 */
export const businessTypeOverrideSchema = z
  .object({
    enabled: z.boolean().optional(),
    /** Replaces the whole checklist. */
    materials: z.array(materialSchema).min(1).optional(),
    /** Removed from the checklist (after `materials`). */
    removeMaterials: z.array(materialIdSchema).optional(),
    /** Appended to the checklist (after `removeMaterials`); to change an item, remove and add it. */
    addMaterials: z.array(materialSchema).optional(),
    roles: z.object({ holder: roleRequirementSchema, obligor: roleRequirementSchema, agent: roleRequirementSchema }).partial().strict().optional(),
    feeRule: feeRuleSchema.optional(),
    tracks: tracksSchema.partial().optional(),
    promisedWorkingDays: z.number().int().min(0).max(30).optional(),
  })
  .strict();
export type BusinessTypeOverride = z.infer<typeof businessTypeOverrideSchema>;

export const configurableBusinessTypesSchema = z.partialRecord(businessTypeIdSchema, businessTypeOverrideSchema);
export type BusinessTypeOverrides = z.infer<typeof configurableBusinessTypesSchema>;

export type BusinessTypesMerge =
  | { ok: true; types: BusinessType[] }
  | { ok: false; code: 'CONFIG_INVALID'; reasons: string[] };

/**
 * Applies an office's overrides to the defaults and checks the result with the same rules as the
 * defaults (a power of attorney where agents may act, no contract filing as a precondition …).
 * Every reason names the field, prefixed `businessTypes.`.
 */
export function mergeBusinessTypes(overrides: unknown, defaults: readonly BusinessType[] = DEFAULT_BUSINESS_TYPES): BusinessTypesMerge {
  const parsed = configurableBusinessTypesSchema.safeParse(overrides ?? {});
  if (!parsed.success) return { ok: false, code: 'CONFIG_INVALID', reasons: zodIssueReasons(parsed.error, 'businessTypes') };

  const reasons: string[] = [];
  const types = defaults.map((base) => {
    const override = parsed.data[base.id];
    if (!override) return base;
    const merged = applyOverride(base, override, (reason) => reasons.push(`businessTypes.${base.id}.${reason}`));
    const checked = businessTypeSchema.safeParse(merged);
    if (!checked.success) reasons.push(...zodIssueReasons(checked.error, `businessTypes.${base.id}`));
    return merged;
  });
  return reasons.length > 0 ? { ok: false, code: 'CONFIG_INVALID', reasons } : { ok: true, types };
}

function applyOverride(base: BusinessType, override: BusinessTypeOverride, problem: (reason: string) => void): BusinessType {
  let materials = override.materials ?? base.materials;
  for (const [i, id] of (override.removeMaterials ?? []).entries()) {
    if (!materials.some((m) => m.id === id)) problem(`removeMaterials.${i}：清单中没有编号为 ${id} 的材料`);
    materials = materials.filter((m) => m.id !== id);
  }
  for (const [i, added] of (override.addMaterials ?? []).entries()) {
    if (materials.some((m) => m.id === added.id)) {
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
