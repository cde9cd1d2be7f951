import { mergeBusinessTypes, type BusinessType, type WorkstationConfig } from '../../contract';

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
