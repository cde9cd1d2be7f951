import {
  applicantRoleProblems,
  checkCoOwnership,
  missingMaterials,
  validateCreditCode,
  validateIdNumber,
  validatePhone,
  validateUnitCode,
  type BusinessType,
} from '../../contract';
import type { CaseRecord } from './case-record';

/** One named rule attached to the acceptance transition, and what it found. */
export interface RuleResult {
  rule: string;
  passed: boolean;
  reasons: string[];
}

type Rule = (c: CaseRecord, type: BusinessType) => string[];

const ROLE_LABEL = { holder: '权利人', obligor: '义务人', agent: '代理人' } as const;

/**
 * The rules a case must meet to be accepted (受理), each named for what it checks. Contract filing
 * (合同备案) is deliberately not among them: 一窗受理、并行办理 — the business types cannot make it a
 * required material either (business-types.ts refuses such a checklist).
 */
export const ACCEPTANCE_RULES: Record<string, Rule> = {
  'applicants-present-for-their-roles': (c, type) =>
    applicantRoleProblems(type, {
      holders: c.parties.filter((p) => p.role === 'holder').length,
      obligors: c.parties.filter((p) => p.role === 'obligor').length,
      agents: c.parties.filter((p) => p.role === 'agent').length,
    }),

  // With nobody entered there is nothing valid yet: no tick on an empty draft (a type without
  // applicants, 嘱托登记, has nothing to check and passes).
  'id-numbers-valid': (c, type) => {
    if (c.parties.length === 0 && hasApplicants(type)) return ['尚未填写申请人，没有可核对的证件号码。'];
    return c.parties.flatMap((p) => {
      if (p.idType === 'organization') {
        const org = validateCreditCode(p.idNumber);
        return org.valid ? [] : org.reasons.map((r) => `${ROLE_LABEL[p.role]}${p.name}：${r}`);
      }
      if (p.idType !== 'resident_id') return [];
      const check = validateIdNumber(p.idNumber);
      return check.valid ? [] : check.reasons.map((r) => `${ROLE_LABEL[p.role]}${p.name}：${r}`);
    });
  },

  'phones-valid': (c) =>
    c.parties.flatMap((p) => {
      if (!p.phone) return [];
      const check = validatePhone(p.phone);
      return check.valid ? [] : check.reasons.map((r) => `${ROLE_LABEL[p.role]}${p.name}的联系电话：${r}`);
    }),

  'co-ownership-and-shares-total-100': (c, type) => {
    const holders = c.parties.filter((p) => p.role === 'holder');
    if (!type.coOwnership || holders.length === 0) return [];
    if (!c.coOwnership) return ['请选择共有方式（单独所有、共同共有或按份共有）。'];
    const check = checkCoOwnership({ mode: c.coOwnership, holders: holders.map((h) => ({ share: h.share })) });
    return check.valid ? [] : check.reasons;
  },

  'units-present-and-codes-valid': (c) => {
    if (c.units.length === 0) return ['请至少填写一个不动产单元。'];
    return c.units.flatMap((u, i) => {
      const check = validateUnitCode(u.unitCode);
      const reasons = check.valid ? [] : check.reasons.map((r) => `第 ${i + 1} 个不动产单元：${r}`);
      // The area is printed on the application form and the receipt.
      return u.areaM2 === null ? [...reasons, `第 ${i + 1} 个不动产单元：请填写面积`] : reasons;
    });
  },

  'required-materials-received': (c, type) =>
    missingMaterials(type, {
      received: c.materials.filter((m) => m.received).map((m) => m.materialId),
      hasAgent: c.parties.some((p) => p.role === 'agent'),
      moment: 'acceptance',
    }).map((m) => `缺少材料：${m.name}`),

  'every-applicant-signed': (c, type) =>
    !type.signaturesRequired
      ? []
      : c.parties.length === 0
        ? ['尚未填写申请人，还没有人签名。']
        : c.parties.filter((p) => !p.signatureBlob).map((p) => `${ROLE_LABEL[p.role]}${p.name}尚未签名`),
};

function hasApplicants(type: BusinessType): boolean {
  return type.roles.holder !== 'none' || type.roles.obligor !== 'none';
}

export function checkAcceptance(c: CaseRecord, type: BusinessType): RuleResult[] {
  return Object.entries(ACCEPTANCE_RULES).map(([rule, check]) => {
    const reasons = check(c, type);
    return { rule, passed: reasons.length === 0, reasons };
  });
}
