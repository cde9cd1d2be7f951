import { mergeBusinessTypes, mergeCatalog, type BusinessType, type CatalogEntry, type WorkstationConfig } from '../../contract';

/**
 * The business types this office works with: the defaults with the office's overrides from
 * config.json applied. An invalid override is a configuration error at start (it names the field),
 * never a surprise at the counter.
 */
export function businessTypesOf(config: WorkstationConfig): BusinessType[] {
  const merged = mergeBusinessTypes(config.businessTypes);
  if (!merged.ok) throw new Error(merged.reasons.join('；'));
  return merged.types;
}

/**
 * The registration catalogue this office works with (登记类型 × 权利类型): the built-in entries with
 * the legacy `businessTypes` overrides and the `catalog` section of config.json applied. Invalid
 * configuration stops the start with reasons naming the field.
 */
export function catalogOf(config: WorkstationConfig): CatalogEntry[] {
  const merged = mergeCatalog(config);
  if (!merged.ok) throw new Error(merged.reasons.join('；'));
  return [...merged.entries];
}
