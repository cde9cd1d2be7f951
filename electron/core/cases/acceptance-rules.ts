import {
  applicantRoleProblems,
  checkCoOwnership,
  materialsFor,
  missingMaterials,
  validateCreditCode,
  validateIdNumber,
  validatePhone,
  validateUnitCode,
  type CatalogEntry,
} from '../../contract';
import type { CaseRecord } from './case-record';
import { applicationDigest } from './application-digest';
import { sealIsValid, signingOf } from './signing-status';

/** One named rule attached to the acceptance transition, and what it found. */
export interface RuleResult {
  rule: string;
  passed: boolean;
  reasons: string[];
}

type Rule = (c: CaseRecord, type: CatalogEntry) => string[];

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
    missingMaterials({ materials: materialsFor(type, { mortgageKind: c.application.mortgage?.method }) }, {
      received: c.materials.filter((m) => m.received).map((m) => m.materialId),
      hasAgent: c.parties.some((p) => p.role === 'agent'),
      moment: 'acceptance',
    }).map((m) => `缺少材料：${m.name}`),

  // 实施细则 第12条: an agent applies for the principals who appointed them (授权委托书); an
  // organisation applies by its e-seal or through its agent. Whoever is neither signs in person.
  'each-applicant-signed-sealed-or-represented-by-their-agent': (c, type) => {
    if (!type.signaturesRequired) return [];
    // Nobody entered yet: nobody has signed (no tick on an empty draft).
    if (c.parties.length === 0) return ['尚未填写申请人，还没有人签名。'];
    const signing = signingOf(c);
    return c.parties
      .filter((p) => signing.get(p.ordinal) === 'none')
      .map((p) =>
        p.idType === 'organization'
          ? `${ROLE_LABEL[p.role]}${p.name}尚未加盖电子印章，也没有收到授权委托书由代理人签名`
          : `${ROLE_LABEL[p.role]}${p.name}尚未签名，也没有委托代理人（需收取授权委托书）`,
      );
  },

  // A seal signs the application's content: content changed after sealing needs the seal again.
  'organisation-seals-match-the-application': (c) => {
    const digest = applicationDigest(c);
    return c.parties.filter((p) => p.seal && !sealIsValid(p, digest)).map((p) => `${p.name}的电子印章与当前申请内容不符（盖章后申请内容有修改），请重新盖章`);
  },

  'mortgage-terms-complete': (c) => {
    const m = c.application.mortgage;
    if (!m) return [];
    const reasons: string[] = [];
    const amount = m.method === 'maximum' ? '最高债权额' : '被担保主债权数额';
    const term = m.method === 'maximum' ? '债权确定期间' : '债务履行期限';
    if (m.amountFen === null || m.amountFen <= 0) reasons.push(`请填写${amount}`);
    if (!m.termFrom || !m.termTo) reasons.push(`请填写${term}（起止日期）`);
    else if (m.termFrom > m.termTo) reasons.push(`${term}的开始日期晚于结束日期`);
    if (m.method === 'construction' && !m.constructionScope) reasons.push('请填写在建建筑物抵押范围');
    return reasons;
  },

  'mail-collection-has-recipient-address-and-phone': (c) => {
    const k = c.application.collection;
    if (k.method !== 'mail') return [];
    return [!k.recipient && '邮寄领证：请填写收件人', !k.address && '邮寄领证：请填写邮寄地址', !k.phone && '邮寄领证：请填写收件人电话'].filter((r): r is string => Boolean(r));
  },

  'previous-certificate-numbers-readable': (c) =>
    c.units.filter((u) => u.previousCertificateCheck === 'unparsable').map((u) => `第 ${u.ordinal} 个不动产单元：原不动产权证书号“${u.previousCertificateNumber}”无法识别，请核对`),
};

function hasApplicants(type: CatalogEntry): boolean {
  return type.roles.holder !== 'none' || type.roles.obligor !== 'none';
}

export function checkAcceptance(c: CaseRecord, type: CatalogEntry): RuleResult[] {
  return Object.entries(ACCEPTANCE_RULES).map(([rule, check]) => {
    const reasons = check(c, type);
    return { rule, passed: reasons.length === 0, reasons };
  });
}
