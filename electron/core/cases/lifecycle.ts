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
 * Two records carry a case's state (ARCHITECTURE.md "One office, many workstations"): the counter's
 * own case (`subject: 'case'`, the cases table, performed by transition.ts) and the office's copy of
 * every case of the office that the platform's `office.case` feed brings to each workstation
 * (`subject: 'officeCase'`, office-cache.ts, performed by the review desk's methods through
 * `officeActionRow`). The office's stages map onto this table's states (`STATUS_OF_STAGE`):
 * 初审/复审 → reviewing, 待登簿 → approved, 补正中 → supplementing. A row whose `method` is null has
 * no screen yet (缮证 and 发证 until their issue lands).
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

export type LifecycleSubject = 'case' | 'officeCase';

export type LifecycleRuleName = 'acceptance-rules-met' | 'decision-grounds-given' | 'withdrawal-not-taken-by-platform';

export type OutboxCommand = 'case.submit' | 'case.withdraw' | 'review.decide' | 'case.supplement';

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
  /** Which record the method acts on: the counter's own case, or the office's copy from the feed. */
  subject: LifecycleSubject;
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

type RowInput = Omit<LifecycleRow, 'rules' | 'outbox' | 'endsTracks' | 'subject'> & Partial<Pick<LifecycleRow, 'rules' | 'outbox' | 'endsTracks' | 'subject'>>;

function row(r: RowInput): LifecycleRow {
  return { rules: [], outbox: null, endsTracks: false, subject: 'case', ...r };
}

/** A row of the office's review desks, performed on the office's copy of the case. */
function office(r: RowInput): LifecycleRow {
  return row({ subject: 'officeCase', ...r });
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

  // Review and 登簿 at the office's desks, on the office's copy of the case (review-handlers.ts).
  // The platform grants a claim and decides the next stage (复审 where the office has it, else 待登簿);
  // the desk's decision goes through the outbox, 登簿 online. `to` is the state the platform's
  // answer leads to; null where the platform decides (通过 → 复审 or 待登簿).
  office({ action: 'claim', from: ['reviewing'], to: null, by: REVIEW, audit: 'review.claim', method: 'review.claim' }),
  office({ action: 'claim', from: ['approved'], to: null, by: REGISTER, audit: 'review.claim', method: 'review.claim' }),
  office({ action: 'approve', from: ['reviewing'], to: null, by: REVIEW, outbox: 'review.decide', audit: 'review.decide', method: 'review.decide' }),
  office({ action: 'requestSupplement', from: ['reviewing'], to: 'supplementing', by: REVIEW, outbox: 'review.decide', audit: 'review.decide', method: 'review.decide' }),
  office({ action: 'requestSupplement', from: ['approved'], to: 'supplementing', by: REGISTER, outbox: 'review.decide', audit: 'review.decide', method: 'review.decide' }),
  // 退回上一环节: from 复审 to 初审 (the platform refuses it from 初审), from 待登簿 to review.
  office({ action: 'returnToPrevious', from: ['reviewing'], to: 'reviewing', by: REVIEW, outbox: 'review.decide', audit: 'review.decide', method: 'review.decide' }),
  office({ action: 'returnToPrevious', from: ['approved'], to: 'reviewing', by: REGISTER, outbox: 'review.decide', audit: 'review.decide', method: 'review.decide' }),
  // 不予登记 (条例 第22条), with its grounds.
  office({ action: 'refuse', from: ['reviewing'], to: 'refused', by: REVIEW, rules: ['decision-grounds-given'], outbox: 'review.decide', audit: 'review.decide', method: 'review.decide' }),
  office({ action: 'refuse', from: ['approved'], to: 'refused', by: REGISTER, rules: ['decision-grounds-given'], outbox: 'review.decide', audit: 'review.decide', method: 'review.decide' }),
  office({ action: 'register', from: ['approved'], to: 'registered', by: REGISTER, audit: 'registration.register', method: 'registration.register' }),
  // 登簿退回: only until a certificate is printed (the platform refuses it after).
  office({ action: 'undoRegistration', from: ['registered'], to: 'approved', by: REGISTER, audit: 'registration.undo', method: 'registration.undo' }),
  // The counter receives the applicant's 补正 on the office's copy (of its own case, or of another
  // counter's); the counter's case view offers it too (case-view.ts).
  office({ action: 'resumeReview', from: ['supplementing'], to: 'reviewing', by: ['clerk', 'supervisor'], outbox: 'case.supplement', audit: 'cases.receiveSupplement', method: 'cases.receiveSupplement' }),
  // 缮证 and 发证 (certificate issue).
  office({ action: 'certify', from: ['registered'], to: 'certified', by: CERTIFY, audit: 'certificatePrint.print', method: 'certificatePrint.print' }),
  office({ action: 'deliver', from: ['registered', 'certified'], to: 'delivered', by: COUNTER, audit: 'cases.deliver', method: null }),
  office({ action: 'close', from: ['delivered', 'refused'], to: 'closed', by: CERTIFY, audit: 'cases.close', method: null }),
];

/** The row that performs `action` on a record of `subject` in `status`, if any. */
export function lifecycleRow(action: CaseAction | PlatformEvent, status: CaseStatus, subject: LifecycleSubject = 'case'): LifecycleRow | undefined {
  return LIFECYCLE.find((r) => r.action === action && r.from.includes(status) && r.subject === subject);
}

/** Whether a role may perform a staff row. */
export function performableBy(r: LifecycleRow, role: Role): boolean {
  return r.by !== 'platform' && r.by.includes(role);
}

/**
 * What `role` may do to a case in `status` now, as the screens offer it: rows with a method only,
 * in table order, each action once.
 */
export function allowedActions(status: CaseStatus, role: Role, subject: LifecycleSubject = 'case'): CaseAction[] {
  const actions: CaseAction[] = [];
  for (const r of LIFECYCLE) {
    if (r.method === null || r.subject !== subject || !r.from.includes(status) || !performableBy(r, role)) continue;
    const action = r.action as CaseAction;
    if (!actions.includes(action)) actions.push(action);
  }
  return actions;
}

/**
 * What the counter's case view offers: the case's own rows, and 接收补正材料 (`resumeReview`), which
 * the counter performs on the office's copy of its case (cases.receiveSupplement takes either id).
 */
export function counterCaseActions(status: CaseStatus, role: Role): CaseAction[] {
  const own = allowedActions(status, role);
  return allowedActions(status, role, 'officeCase').includes('resumeReview') ? [...own, 'resumeReview'] : own;
}

/** Whether the application (parties, units, materials) may still be changed: the `edit` row. */
export function isEditable(status: CaseStatus): boolean {
  return lifecycleRow('edit', status) !== undefined;
}

/** States a case ends in: the platform's track changes no longer touch it. */
export const ENDED_STATES: readonly CaseStatus[] = ['withdrawn', 'rejected', 'refused', 'closed'];
