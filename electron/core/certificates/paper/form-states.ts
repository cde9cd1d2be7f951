/**
 * The states of a blank form (DOMAIN.md §5: 未使用, 已领用, 已使用, 作废, 遗失, 销毁) and which change
 * may follow which. `used` may still become `void`: a sheet spoiled in the printer was used by that
 * print and is then voided with its reason. `lost` and `destroyed` are final.
 */
export const FORM_STATES = ['unused', 'issued', 'used', 'void', 'lost', 'destroyed'] as const;
export type FormState = (typeof FORM_STATES)[number];

export const FORM_STATE_LABELS: Record<FormState, string> = {
  unused: '未使用',
  issued: '已领用',
  used: '已使用',
  void: '作废',
  lost: '遗失',
  destroyed: '销毁',
};

export const FORM_TYPES = ['certificate', 'proof'] as const;
export type FormType = (typeof FORM_TYPES)[number];
export const FORM_TYPE_LABELS: Record<FormType, string> = { certificate: '不动产权证书', proof: '不动产登记证明' };

export type FormAction = 'issue' | 'use' | 'void' | 'lose' | 'destroy';

/** The states each action may start from, and where it leads. */
export const FORM_TRANSITIONS: Record<FormAction, { from: readonly FormState[]; to: FormState; needsReason: boolean }> = {
  issue: { from: ['unused'], to: 'issued', needsReason: false },
  use: { from: ['unused', 'issued'], to: 'used', needsReason: false },
  void: { from: ['unused', 'issued', 'used'], to: 'void', needsReason: true },
  lose: { from: ['unused', 'issued'], to: 'lost', needsReason: true },
  destroy: { from: ['unused', 'issued', 'void'], to: 'destroyed', needsReason: true },
};
