import { useMemo } from 'react';
import { LEGACY_BUSINESS_TYPE_MAP } from '../../../../electron/contract';
import { useBusinessTypesQuery, useCatalogQuery } from '../../api/api-slice';
import type { BusinessTypeInfo } from './case-labels';

/** A business type with the catalogue's two dimensions, so a card can say what it is (转移登记 of what). */
export type CaseTypeInfo = BusinessTypeInfo & { registrationTypeName?: string; rightTypeName?: string };

export interface CaseTypes {
  /** Every type a case can have: the office's first-release types first, then the rest of the catalogue. */
  data: CaseTypeInfo[] | undefined;
  isLoading: boolean;
  /** The first-release types (the counter's everyday work), shown before a search. */
  common: ReadonlySet<string>;
}

/**
 * The business types of the intake and the case screens: the office's first-release types (ids
 * such as `transfer`, which drafts and the office configuration keep) and every catalogue entry
 * (登记类型 × 权利类型, e.g. `first.homestead`) that none of them stands for
 * (LEGACY_BUSINESS_TYPE_MAP), so 宅基地、居住权、换证 … can be chosen at the counter.
 */
export function useCaseTypes(): CaseTypes {
  const legacy = useBusinessTypesQuery();
  const catalog = useCatalogQuery();
  return useMemo(() => {
    const common = new Set((legacy.data ?? []).map((t) => t.id));
    if (!legacy.data || !catalog.data) return { data: undefined, isLoading: legacy.isLoading || catalog.isLoading, common };
    const covered = new Set(Object.values(LEGACY_BUSINESS_TYPE_MAP) as string[]);
    const byId = new Map(catalog.data.map((e) => [e.id, e]));
    // A first-release type names only its 登记类型 (转移登记); the entry it stands for says of what.
    const everyday: CaseTypeInfo[] = legacy.data.map((t) => {
      const entry = byId.get(LEGACY_BUSINESS_TYPE_MAP[t.id as keyof typeof LEGACY_BUSINESS_TYPE_MAP]);
      return entry ? { ...t, registrationTypeName: entry.registrationTypeName, rightTypeName: entry.rightTypeName } : t;
    });
    const rest: CaseTypeInfo[] = catalog.data.filter((e) => !covered.has(e.id));
    return { data: [...everyday, ...rest], isLoading: false, common };
  }, [legacy.data, legacy.isLoading, catalog.data, catalog.isLoading]);
}
