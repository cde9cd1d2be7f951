import { BUSINESS_TYPE_IDS, businessTypeKeySchema, type BusinessTypeId, type CaseView, type MethodOutput } from '../../../../electron/contract';
import { actionLabel } from '../../app/labels';

export type CaseStatus = CaseView['status'];
export type BusinessTypeInfo = MethodOutput<'cases.businessTypes'>[number];

/** Case states (ARCHITECTURE.md "Case model") as the counter says them, with a tag colour. */
export const CASE_STATUS: Record<CaseStatus, { label: string; color: string }> = {
  draft: { label: '草稿', color: 'default' },
  accepted: { label: '已受理', color: 'blue' },
  submitted: { label: '已上报', color: 'cyan' },
  reviewing: { label: '审核中', color: 'processing' },
  requisitioned: { label: '待补正', color: 'orange' },
  supplementing: { label: '审核补正中', color: 'orange' },
  approved: { label: '审核通过', color: 'geekblue' },
  registered: { label: '已登簿', color: 'green' },
  certified: { label: '已缮证', color: 'green' },
  delivered: { label: '已发证', color: 'green' },
  closed: { label: '已办结', color: 'default' },
  rejected: { label: '不予受理', color: 'red' },
  withdrawn: { label: '已撤回', color: 'default' },
  refused: { label: '不予登记', color: 'red' },
};


/** 一窗受理、并行办理: the three parallel tracks of one case. */
export const TRACK_LABELS: Record<keyof CaseView['tracks'], string> = {
  registration: '登记',
  transaction: '交易',
  tax: '税务',
};

/**
 * Track states, local and as the platform reports them (test/platform/API.md "track.changed");
 * a state not listed here shows as the platform's own label or code.
 */
const TRACK_STATUS: Record<string, { label: string; color: string }> = {
  pending: { label: '待办理', color: 'processing' },
  not_applicable: { label: '不适用', color: 'default' },
  cancelled: { label: '已终止', color: 'default' },
  in_progress: { label: '办理中', color: 'processing' },
  done: { label: '已办结', color: 'green' },
  completed: { label: '已办结', color: 'green' },
  failed: { label: '未通过', color: 'red' },
  // registration (登记)
  reviewing: { label: '审核中', color: 'processing' },
  requisitioned: { label: '待补正', color: 'orange' },
  supplementing: { label: '审核补正中', color: 'orange' },
  approved: { label: '准予登记', color: 'geekblue' },
  rejected: { label: '不予登记', color: 'red' },
  registered: { label: '已登簿', color: 'green' },
  // transaction (交易)
  filed: { label: '已备案', color: 'green' },
  // tax (税务)
  assessing: { label: '核税中', color: 'processing' },
  notified: { label: '待缴税', color: 'orange' },
  paid: { label: '已缴税', color: 'green' },
  unpaid: { label: '未缴税', color: 'red' },
};

/** Where a case is on its way to the provincial platform (case view `sync`), with what it means. */
export const CASE_SYNC: Record<CaseView['sync'], { label: string; color: string; hint: string }> = {
  local: { label: '仅本机', color: 'default', hint: '该业务只保存在本机，不需要或尚未安排上报省级平台。' },
  queued: { label: '待上报', color: 'gold', hint: '已排队等待发送到省级平台；离线时连接恢复后自动发送。' },
  sent: { label: '已上报', color: 'green', hint: '省级平台已接收该业务。' },
  dead: { label: '上报失败', color: 'red', hint: '省级平台拒收了该业务，需主管在“平台同步”中重新发送或取消发送。' },
  cancelled: { label: '已取消上报', color: 'default', hint: '主管已取消发送，该业务只保存在本机。' },
};

export function trackStatus(status: string): { label: string; color: string } {
  return TRACK_STATUS[status] ?? { label: status, color: 'default' };
}

/** The acceptance rules of core (acceptance-rules.ts), by name, as a clerk reads them. */
export const RULE_LABELS: Record<string, string> = {
  'applicants-present-for-their-roles': '申请人齐全',
  'id-numbers-valid': '证件号码有效',
  'phones-valid': '联系电话有效',
  'co-ownership-and-shares-total-100': '共有方式与份额',
  'units-present-and-codes-valid': '不动产单元',
  'required-materials-received': '必交材料已收取',
  'each-applicant-signed-sealed-or-represented-by-their-agent': '申请人已签名、盖章或由代理人代为签名',
  'organisation-seals-match-the-application': '电子印章与申请内容一致',
  'mortgage-terms-complete': '抵押信息完整',
  'mail-collection-has-recipient-address-and-phone': '邮寄领证信息完整',
  'previous-certificate-numbers-readable': '原不动产权证书号可识别',
};

export function ruleLabel(rule: string): string {
  return RULE_LABELS[rule] ?? rule;
}

/** What each checklist requirement means at the window (business-types.ts). */
export const MATERIAL_REQUIREMENT: Record<string, { label: string; color: string }> = {
  required: { label: '必交', color: 'red' },
  withAgent: { label: '代理时必交', color: 'orange' },
  requiredBeforeEntry: { label: '登簿前提交', color: 'blue' },
  optional: { label: '可选', color: 'default' },
};

export const PARTY_ROLE_LABELS: Record<'holder' | 'obligor' | 'agent', string> = { holder: '权利人', obligor: '义务人', agent: '代理人' };

/** Case actions in the timeline (audit actions of core/cases). */
const CASE_ACTIONS: Record<string, string> = {
  'cases.createDraft': '开始受理（创建草稿）',
  'cases.saveDraft': '保存申请信息',
  'cases.signParty': '申请人签名',
  'cases.applySeal': '加盖电子印章',
  'cases.attachFile': '添加材料扫描件',
  'cases.revealParty': '显示完整证件号码或电话',
  'cases.overrideFees': '调整收费',
  'cases.accept': '受理',
  'cases.requisition': '一次性告知补正',
  'cases.reject': '不予受理',
  'cases.withdraw': '撤回',
  'cases.document': '生成文书',
  'cases.print': '打印文书',
  'cases.printDocument': '打印文书',
  'sync.deadLetter': '上报省级平台失败',
  'sync.resend': '重新发送至省级平台',
  'sync.cancel': '取消发送至省级平台',
};

export function caseActionLabel(action: string): string {
  return CASE_ACTIONS[action] ?? actionLabel(action);
}

/** 8000 → "80.00 元". */
export function formatYuan(fen: number): string {
  return `${(fen / 100).toFixed(2)} 元`;
}

export function businessTypeName(types: readonly BusinessTypeInfo[] | undefined, id: string): string {
  return types?.find((t) => t.id === id)?.name ?? id;
}

/** A catalogue key (first.homestead) as the contract's key, or undefined. */
export function asCatalogKey(id: string | undefined): string | undefined {
  const parsed = businessTypeKeySchema.safeParse(id);
  return parsed.success ? parsed.data : undefined;
}

/** A business type id from the list (a string) as the contract's enum, or undefined. */
export function asBusinessTypeId(id: string | undefined): BusinessTypeId | undefined {
  return BUSINESS_TYPE_IDS.find((t) => t === id);
}
