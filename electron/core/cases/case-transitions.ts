import type { CaseStatus } from './case-record';

/**
 * The counter's transitions of the case state machine (ARCHITECTURE.md "Case model"). The states
 * after `accepted` (submitted, reviewing, approved, registered …) are the provincial platform's to
 * set once sync exists. 补正 at the counter is the one-time notice of what is missing (一次性告知):
 * the case waits as `requisitioned` and is accepted when the applicant comes back complete.
 */
export const COUNTER_TRANSITIONS = {
  accept: { from: ['draft', 'requisitioned'], to: 'accepted' },
  requisition: { from: ['draft', 'requisitioned'], to: 'requisitioned' },
  reject: { from: ['draft', 'requisitioned'], to: 'rejected' },
  // 撤回 is the applicant's right until 登簿 (a case on the platform is withdrawn there too).
  withdraw: { from: ['draft', 'requisitioned', 'accepted', 'submitted', 'reviewing', 'approved'], to: 'withdrawn' },
} as const satisfies Record<string, { from: readonly CaseStatus[]; to: CaseStatus }>;

export type CounterTransition = keyof typeof COUNTER_TRANSITIONS;

/** A case can be edited only before it is accepted. */
export const EDITABLE: readonly CaseStatus[] = ['draft', 'requisitioned'];

export function canTransition(transition: CounterTransition, from: CaseStatus): boolean {
  return (COUNTER_TRANSITIONS[transition].from as readonly CaseStatus[]).includes(from);
}
