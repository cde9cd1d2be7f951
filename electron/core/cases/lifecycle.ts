import type { CaseAction, MethodName, Role } from '../../contract';
import type { CaseStatus } from './case-record';

/**
 * THE case lifecycle (issue #10 §7): every way a case changes state, as one table. A row says from
 * which states, by whom (staff roles, or the provincial platform through the change feed), under
 * which named rules (lifecycle-rules.ts), which outbox command it queues, what the audit log (or,
 * for the platform, the platform event) calls it, and the state it leads to (`null`: the state
 * stays, e.g. editing a draft). Core performs a row with `performAction` / `applyPlatformEvent`
 * (transition.ts): rules checked, then the case row, the outbox command and the audit record in one
 * transaction. `CaseView.allowedActions` is derived from this table; screens keep no status lists.
 *
 * The review / 登簿 / 缮证 / 发证 rows are here for the next issues: their `method` is null until the
 * contract has the method that performs them, so no screen offers them yet.
 */

export type PlatformEvent =
  | 'platform.received'
  | 'platform.reviewing'
  | 'platform.approved'
  | 'platform.supplementRequested'
  | 'platform.refused'
  | 'platform.registered'
  | 'platform.withdrawn'
  | 'platform.issued';

export type LifecycleRuleName = 'acceptance-rules-met' | 'decision-grounds-given' | 'withdrawal-not-taken-by-platform';

export type OutboxCommand = 'case.submit' | 'case.withdraw';

export interface LifecycleRow {
  action: CaseAction | PlatformEvent;
  from: readonly CaseStatus[];
  /** The state after; null keeps the state (edits before acceptance). */
  to: CaseStatus | null;
  /** Staff roles that perform it, or the platform (the change feed). */
  by: readonly Role[] | 'platform';
  rules: readonly LifecycleRuleName[];
  outbox: OutboxCommand | null;
  /** The audit action (staff rows) or the platform event kind recorded in the timeline. */
  audit: string;
  /** A case that ends here ends on every parallel track it had opened (登记, 交易, 税务). */
  endsTracks: boolean;
  /** The contract method that performs a staff row; null: no screen can do it yet (a later issue). */
  method: MethodName | null;
}

const COUNTER: readonly Role[] = ['clerk', 'supervisor', 'admin'];
const REVIEW: readonly Role[] = ['reviewer', 'supervisor'];
const REGISTER: readonly Role[] = ['registrar', 'supervisor'];
/** 缮证 and 发证 are the supervisor's desk in this office model (roles.ts: 缮证发证/统计). */
const CERTIFY: readonly Role[] = ['supervisor'];

/** Before acceptance: the counter's intake (补正 at the counter is the one-time notice, 一次性告知). */
const INTAKE: readonly CaseStatus[] = ['draft', 'requisitioned'];
/** On its way through the office after acceptance, until 登簿 (the applicant may withdraw until then). */
const BEFORE_REGISTRATION: readonly CaseStatus[] = ['accepted', 'submitted', 'reviewing', 'supplementing', 'approved'];

function row(r: Omit<LifecycleRow, 'rules' | 'outbox' | 'endsTracks'> & Partial<Pick<LifecycleRow, 'rules' | 'outbox' | 'endsTracks'>>): LifecycleRow {
  return { rules: [], outbox: null, endsTracks: false, ...r };
}

export const LIFECYCLE: readonly LifecycleRow[] = [
  // The counter (受理窗口).
  row({ action: 'edit', from: INTAKE, to: null, by: COUNTER, audit: 'cases.saveDraft', method: 'cases.saveDraft' }),
  row({ action: 'sign', from: INTAKE, to: null, by: COUNTER, audit: 'cases.signParty', method: 'cases.signParty' }),
  row({ action: 'applySeal', from: INTAKE, to: null, by: COUNTER, audit: 'cases.applySeal', method: 'cases.applySeal' }),
  row({ action: 'accept', from: INTAKE, to: 'accepted', by: COUNTER, rules: ['acceptance-rules-met'], outbox: 'case.submit', audit: 'cases.accept', method: 'cases.accept' }),
  row({ action: 'requisition', from: INTAKE, to: 'requisitioned', by: COUNTER, audit: 'cases.requisition', method: 'cases.requisition' }),
  // 不予受理 (条例 第17条).
  row({ action: 'reject', from: INTAKE, to: 'rejected', by: COUNTER, rules: ['decision-grounds-given'], endsTracks: true, audit: 'cases.reject', method: 'cases.reject' }),
  // 撤回: before acceptance a local matter; after it, the platform holds the case and is told too.
  row({ action: 'withdraw', from: INTAKE, to: 'withdrawn', by: COUNTER, endsTracks: true, audit: 'cases.withdraw', method: 'cases.withdraw' }),
  row({ action: 'withdraw', from: BEFORE_REGISTRATION, to: 'withdrawn', by: COUNTER, outbox: 'case.withdraw', endsTracks: true, audit: 'cases.withdraw', method: 'cases.withdraw' }),

  // The provincial platform (change feed): it is authoritative after submission, and a late or
  // repeated change finds its case in a state no row starts from, so it changes nothing.
  row({ action: 'platform.received', from: ['accepted'], to: 'submitted', by: 'platform', audit: 'case.received', method: null }),
  row({ action: 'platform.reviewing', from: ['accepted', 'submitted', 'supplementing'], to: 'reviewing', by: 'platform', audit: 'track.changed', method: null }),
  row({ action: 'platform.approved', from: ['accepted', 'submitted', 'reviewing', 'supplementing'], to: 'approved', by: 'platform', audit: 'review.decision', method: null }),
  // 补正 asked by the reviewer after acceptance: a state of its own, not the counter's `requisitioned`
  // (going back there would reopen the intake form of a case the platform already holds).
  row({ action: 'platform.supplementRequested', from: ['accepted', 'submitted', 'reviewing', 'supplementing'], to: 'supplementing', by: 'platform', audit: 'review.decision', method: null }),
  // 不予登记 (条例 第22条), decided in review.
  row({ action: 'platform.refused', from: BEFORE_REGISTRATION, to: 'refused', by: 'platform', endsTracks: false, audit: 'review.decision', method: null }),
  row({ action: 'platform.registered', from: BEFORE_REGISTRATION, to: 'registered', by: 'platform', audit: 'registered', method: null }),
  // 登簿 is final, and the platform never registers a case whose withdrawal it executed: a local
  // withdrawal the platform did not confirm (its request came too late) gives way.
  row({
    action: 'platform.registered',
    from: ['withdrawn'],
    to: 'registered',
    by: 'platform',
    rules: ['withdrawal-not-taken-by-platform'],
    audit: 'registered',
    method: null,
  }),
  row({ action: 'platform.withdrawn', from: [...BEFORE_REGISTRATION, 'withdrawn'], to: 'withdrawn', by: 'platform', endsTracks: true, audit: 'case.withdrawn', method: null }),
  // 发证 at any counter of the office (issue #12): the platform's `issued` closes the case here.
  row({ action: 'platform.issued', from: ['registered', 'certified', 'delivered'], to: 'closed', by: 'platform', endsTracks: true, audit: 'issued', method: null }),

  // Review, 登簿, 缮证, 发证 in this office (the next issues give them methods and screens).
  row({ action: 'startReview', from: ['accepted', 'submitted'], to: 'reviewing', by: REVIEW, audit: 'cases.startReview', method: null }),
  row({ action: 'requestSupplement', from: ['reviewing'], to: 'supplementing', by: REVIEW, audit: 'cases.requestSupplement', method: null }),
  row({ action: 'resumeReview', from: ['supplementing'], to: 'reviewing', by: [...COUNTER, ...REVIEW], audit: 'cases.resumeReview', method: null }),
  row({ action: 'approve', from: ['reviewing'], to: 'approved', by: REVIEW, audit: 'cases.approve', method: null }),
  row({ action: 'refuse', from: ['reviewing', 'supplementing'], to: 'refused', by: REVIEW, rules: ['decision-grounds-given'], audit: 'cases.refuse', method: null }),
  row({ action: 'register', from: ['approved'], to: 'registered', by: REGISTER, audit: 'cases.register', method: null }),
  row({ action: 'certify', from: ['registered'], to: 'certified', by: CERTIFY, audit: 'cases.certify', method: null }),
  row({ action: 'deliver', from: ['certified'], to: 'delivered', by: CERTIFY, audit: 'cases.deliver', method: null }),
  row({ action: 'close', from: ['delivered', 'refused'], to: 'closed', by: CERTIFY, audit: 'cases.close', method: null }),
];

/** The row that performs `action` on a case in `status`, if any. */
export function lifecycleRow(action: CaseAction | PlatformEvent, status: CaseStatus): LifecycleRow | undefined {
  return LIFECYCLE.find((r) => r.action === action && r.from.includes(status));
}

/** Whether a role may perform a staff row. */
export function performableBy(r: LifecycleRow, role: Role): boolean {
  return r.by !== 'platform' && r.by.includes(role);
}

/**
 * What `role` may do to a case in `status` now, as the screens offer it: rows with a method only,
 * in table order, each action once.
 */
export function allowedActions(status: CaseStatus, role: Role): CaseAction[] {
  const actions: CaseAction[] = [];
  for (const r of LIFECYCLE) {
    if (r.method === null || !r.from.includes(status) || !performableBy(r, role)) continue;
    const action = r.action as CaseAction;
    if (!actions.includes(action)) actions.push(action);
  }
  return actions;
}

/** Whether the application (parties, units, materials) may still be changed: the `edit` row. */
export function isEditable(status: CaseStatus): boolean {
  return lifecycleRow('edit', status) !== undefined;
}

/** States a case ends in: the platform's track changes no longer touch it. */
export const ENDED_STATES: readonly CaseStatus[] = ['withdrawn', 'rejected', 'refused', 'closed'];
