/**
 * Contract filing (合同备案, 网签备案 …) and transaction confirmation (交易确认) can never be an
 * acceptance precondition: 一窗受理、并行办理 (DOMAIN.md §1; hunan-notice-2020.txt). Offices spell the
 * material in many ways, so the name is normalised first — NFKC (full-width → ASCII), traditional
 * 備/確 folded, every space, punctuation mark and symbol removed — and then matched on the words
 * that mean filing or confirmation: any name mentioning 备案 (filing of any kind), or 交易确认/确认交易.
 */
const FILING_WORDS = /备案|交易确认|确认交易|交易备查/;

export function normaliseMaterialName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/備/g, '备')
    .replace(/確/g, '确')
    .replace(/認/g, '认')
    .replace(/[\s\p{P}\p{S}]/gu, '');
}

/** True when a material with this name would make contract filing or transaction confirmation a precondition. */
export function isContractFilingMaterial(name: string): boolean {
  return FILING_WORDS.test(normaliseMaterialName(name));
}

export const CONTRACT_FILING_REFUSAL = '不能作为受理必交材料：一窗受理、并行办理，合同网签备案、交易确认不得作为不动产登记受理的前置条件，可设为可选材料';
