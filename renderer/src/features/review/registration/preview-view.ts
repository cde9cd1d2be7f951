import type { RegistrationPreview } from '../../../../../electron/contract';
import { holderText, RESTRICTION_KIND, RIGHT_KIND, type RegisterHolder, type RestrictionKind } from '../register/register-view';

/**
 * What 登簿 will write, as the 登簿 screen reads registration.preview: per unit the new right(s),
 * the rights that become 历史, restrictions written and cancelled; and what is issued (a
 * 不动产权证书, or a 不动产登记证明 for 抵押/预告/异议 …). Fields the core may omit are optional.
 */
export interface PreviewRight {
  kind: string;
  holders: ReadonlyArray<RegisterHolder | string>;
  coOwnership?: string | null;
  certificateNumber?: string | null;
}
export interface PreviewRestriction {
  kind: string;
  holder?: string | null;
  note?: string | null;
}
export interface PreviewUnit {
  unitCode: string;
  address?: string | null;
  newRights: readonly PreviewRight[];
  becomesHistoric: readonly PreviewRight[];
  restrictionsAdded: readonly PreviewRestriction[];
  restrictionsEnded: readonly PreviewRestriction[];
  /** Restrictions that stay (a mortgage on a transfer, 民法典 第406条). */
  restrictionsKept: readonly PreviewRestriction[];
}
export interface RegistrationPreviewModel {
  units: readonly PreviewUnit[];
  issue: { kind: 'certificate' | 'proof' | 'none'; count: number };
}

export function rightLine(r: PreviewRight): string {
  const holders = r.holders.map(holderText).join('、') || '—';
  return `${RIGHT_KIND[r.kind] ?? r.kind}：${holders}${r.certificateNumber ? `（${r.certificateNumber}）` : ''}`;
}

export function restrictionLine(r: PreviewRestriction): string {
  const k = RESTRICTION_KIND[r.kind as RestrictionKind] as (typeof RESTRICTION_KIND)[RestrictionKind] | undefined;
  return [k?.label ?? r.kind, r.holder ? `${k?.holder ?? ''} ${r.holder}`.trim() : null, r.note].filter(Boolean).join('，');
}

/** The line under the preview that says what the registrar's click makes the platform issue. */
export function issueText(issue: RegistrationPreviewModel['issue']): string {
  if (issue.kind === 'none' || issue.count === 0) return '本业务不发证书或证明';
  const what = issue.kind === 'certificate' ? '不动产权证书' : '不动产登记证明';
  return `登簿后由省级平台按本机构证号模板分配 ${issue.count} 个${what}号（作废的号码不再使用）`;
}

/**
 * Whether 登簿 may be pressed now, and if not, why (shown beside the disabled button). Order: the
 * case must be mine in 待登簿, then the platform must be reachable — the platform is the register.
 */
export function registerBlock(s: { stage: string; claimedByMe: boolean; online: boolean; registered: boolean }): string | null {
  if (s.registered) return '本业务已登簿';
  if (s.stage !== 'registration') return '业务不在待登簿环节';
  if (!s.claimedByMe) return '请先认领本业务再登簿';
  if (!s.online) return '登簿需要连接省级平台（登记簿以省级平台为准），当前未连接；请恢复网络后再登簿';
  return null;
}

/** registration.preview's answer (RegistrationPreview) as the panel's model; null while there is none. */
export function previewModel(answer: RegistrationPreview | undefined | null): RegistrationPreviewModel | null {
  if (!answer) return null;
  return {
    units: answer.units.map((u) => ({
      unitCode: u.unitCode,
      newRights: u.newRights,
      becomesHistoric: u.becomesHistoric,
      restrictionsAdded: u.restrictionsAdded,
      restrictionsEnded: u.restrictionsEnded,
      restrictionsKept: u.restrictionsKept,
    })),
    issue: { kind: answer.issues, count: answer.numbersToIssue },
  };
}
