import type { NonRegistrationGroundId } from '../../../../../electron/contract';
import { acknowledgedRules, passVerdict, type ReviewCheck } from '../checks';

/**
 * The reviewer's decision as plain data, with the rules that make it sendable: kept apart from
 * the panel so what 通过 / 补正 / 不予登记 / 退回 each need is testable without a browser.
 */
export type Decision = 'pass' | 'supplement' | 'refuse' | 'return';
export type ReviewStage = 'firstReview' | 'secondReview' | 'registration' | 'supplementing';

export interface SupplementItem {
  material: string | null;
  problem: string;
}

export interface DecisionDraft {
  decision: Decision | null;
  opinion: string;
  items: SupplementItem[];
  /** 补正 deadline, YYYY-MM-DD; empty: the office's default number of working days. */
  deadline: string;
  groundIds: NonRegistrationGroundId[];
  acknowledged: ReadonlySet<string>;
}

export const emptyDraft = (): DecisionDraft => ({ decision: null, opinion: '', items: [], deadline: '', groundIds: [], acknowledged: new Set() });

export const DECISIONS: ReadonlyArray<{ decision: Decision; label: string; key: string; danger?: boolean }> = [
  { decision: 'pass', label: '通过', key: '1' },
  { decision: 'supplement', label: '补正', key: '2' },
  { decision: 'refuse', label: '不予登记', key: '3', danger: true },
  { decision: 'return', label: '退回上一环节', key: '4' },
];

/** The decisions a stage offers: 退回 only where there is a previous review step. */
export function decisionsFor(stage: ReviewStage): Decision[] {
  if (stage === 'firstReview') return ['pass', 'supplement', 'refuse'];
  if (stage === 'secondReview') return ['pass', 'supplement', 'refuse', 'return'];
  return [];
}

export type DraftProblem = { field: 'decision' | 'opinion' | 'items' | 'deadline' | 'groundIds' | 'checks'; message: string };

/** Why the draft cannot be sent yet (the first problem), or null when it can. */
export function draftProblem(d: DecisionDraft, stage: ReviewStage, checks: readonly ReviewCheck[], today: string): DraftProblem | null {
  if (!d.decision || !decisionsFor(stage).includes(d.decision)) return { field: 'decision', message: '请选择审核结论' };
  if (d.decision === 'pass') {
    const verdict = passVerdict(checks, d.acknowledged);
    if (!verdict.allowed) return { field: 'checks', message: verdict.reason };
  }
  if (d.decision === 'supplement') {
    const items = cleanItems(d.items);
    if (items.length === 0) return { field: 'items', message: '请列出需要补正的材料或问题（至少一项）' };
    if (d.deadline && !/^\d{4}-\d{2}-\d{2}$/.test(d.deadline)) return { field: 'deadline', message: '补正期限的日期格式不正确' };
    if (d.deadline && d.deadline <= today) return { field: 'deadline', message: '补正期限应晚于今天' };
  }
  if (d.decision === 'refuse' && d.groundIds.length === 0) return { field: 'groundIds', message: '不予登记须选择《不动产登记暂行条例》第二十二条的情形' };
  if (d.opinion.trim().length < 2) return { field: 'opinion', message: '请填写审核意见（至少 2 个字）' };
  return null;
}

/** Items with text only, trimmed; an item is the problem, optionally with the material it concerns. */
export function cleanItems(items: readonly SupplementItem[]): SupplementItem[] {
  return items.map((i) => ({ material: i.material?.trim() || null, problem: i.problem.trim() })).filter((i) => i.problem.length > 0);
}

/** review.decide's input from a draft the checks above let through. */
export function decideInput(caseId: number, d: DecisionDraft, checks: readonly ReviewCheck[]) {
  const decision = d.decision as Decision;
  return {
    caseId,
    decision,
    opinion: d.opinion.trim(),
    ...(decision === 'supplement'
      ? { items: cleanItems(d.items).map((i) => (i.material ? { material: i.material, problem: i.problem } : { problem: i.problem })), ...(d.deadline ? { deadline: d.deadline } : {}) }
      : {}),
    ...(decision === 'refuse' ? { groundIds: [...d.groundIds] } : {}),
    ...(decision === 'pass' ? { acknowledgedRules: acknowledgedRules(checks, d.acknowledged) } : {}),
  };
}

/**
 * The workspace's keys, shown on screen: Alt+1…4 choose the decision, Alt+Y goes to the opinion,
 * Ctrl+Enter sends. Alt combinations do not collide with the materials viewer's plain keys.
 */
export function decisionKey(e: { key: string; code?: string; altKey: boolean; ctrlKey: boolean; metaKey: boolean }): { type: 'choose'; decision: Decision } | { type: 'opinion' } | { type: 'send' } | null {
  if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') return { type: 'send' };
  if (!e.altKey || e.ctrlKey || e.metaKey) return null;
  // By the physical key too: with Alt (Option on a Mac) the character may be another one.
  const d = DECISIONS.find((x) => x.key === e.key || `Digit${x.key}` === e.code);
  if (d) return { type: 'choose', decision: d.decision };
  if (e.key === 'y' || e.key === 'Y' || e.code === 'KeyY') return { type: 'opinion' };
  return null;
}

export const DECISION_SHORTCUTS = 'Alt+1 通过 · Alt+2 补正 · Alt+3 不予登记 · Alt+4 退回 · Alt+Y 审核意见 · Ctrl+Enter 提交';
