import type { ReviewQueue } from '../review-route';

/**
 * One row of a review queue as review.queues answers it (review-shared.md): names and addresses
 * arrive masked; the countdown is computed by core on the office's working-day calendar.
 */
export interface QueueClaim {
  userId: number | string;
  name: string;
  workstation?: string | null;
  since?: string | null;
}
export interface QueueRow {
  caseId: number;
  caseNumber: string | null;
  officialNumber: string | null;
  businessType: string;
  businessTypeLabel: string;
  names: string | null;
  addresses: string | null;
  clerkName: string | null;
  acceptedAt: string | null;
  promisedDate: string | null;
  workingDaysLeft: number | null;
  overdue: boolean;
  claim: QueueClaim | null;
  /** The session's user holds the claim (core compares the platform's claim with the session). */
  mine?: boolean;
  /** A decision made here waits in the outbox. */
  pendingDecision?: string | null;
}

export const QUEUE_TITLES: Record<ReviewQueue, string> = {
  firstReview: '待初审',
  secondReview: '待复审',
  registration: '待登簿',
  supplementing: '补正中',
};

/** Which queues a role works from first when the page opens (the others stay one click away). */
export function defaultQueue(role: string): ReviewQueue {
  return role === 'registrar' ? 'registration' : 'firstReview';
}

/** 剩余工作日 as the queue says it: overdue in words (shown red), today, or the count. */
export function countdownText(row: Pick<QueueRow, 'workingDaysLeft' | 'overdue' | 'promisedDate'>): { text: string; tone: 'overdue' | 'due' | 'normal' } {
  if (row.workingDaysLeft === null || row.promisedDate === null) return { text: '—', tone: 'normal' };
  if (row.overdue || row.workingDaysLeft < 0) {
    const late = Math.max(0, -row.workingDaysLeft);
    return { text: late > 0 ? `已超期 ${late} 个工作日` : '已超期', tone: 'overdue' };
  }
  if (row.workingDaysLeft === 0) return { text: '今日到期', tone: 'due' };
  return { text: `${row.workingDaysLeft} 个工作日`, tone: row.workingDaysLeft <= 1 ? 'due' : 'normal' };
}

/** Who holds the case, from the reader's point of view: nobody, me, or someone else (named). */
export function claimState(claim: QueueClaim | null, me: number | string, mine?: boolean): 'free' | 'mine' | 'other' {
  if (!claim) return 'free';
  if (mine !== undefined) return mine ? 'mine' : 'other';
  return String(claim.userId) === String(me) ? 'mine' : 'other';
}

/** The claim column: 未认领 / 本人办理 / 张三办理中（工作站 A7）. */
export function claimText(claim: QueueClaim | null, me: number | string, mine?: boolean): string {
  const state = claimState(claim, me, mine);
  if (state === 'free' || !claim) return '未认领';
  if (state === 'mine') return '本人办理中';
  return `${claim.name} 办理中${claim.workstation ? `（${claim.workstation}）` : ''}`;
}

/** What can be done with a row: open, claim, release, reassign (the back end checks the same). */
export function rowActions(row: Pick<QueueRow, 'claim' | 'mine'>, queue: ReviewQueue, me: number | string, role: string): { open: boolean; claim: boolean; release: boolean; reassign: boolean } {
  const state = claimState(row.claim, me, row.mine);
  const works = queue !== 'supplementing' && (queue === 'registration' ? role === 'registrar' || role === 'supervisor' : role === 'reviewer' || role === 'supervisor');
  return {
    open: true,
    claim: works && state === 'free',
    release: state === 'mine' || (role === 'supervisor' && state === 'other'),
    reassign: role === 'supervisor' && queue !== 'supplementing',
  };
}

/** Filters of the queue screen → review.queues input (empty fields are left out). */
export interface QueueFilters {
  businessType?: string | null;
  clerk?: string | null;
  from?: string | null;
  to?: string | null;
  mine?: boolean;
}
export function queueInput(queue: ReviewQueue, f: QueueFilters, page: number, pageSize: number) {
  return {
    queue,
    ...(f.businessType ? { businessType: f.businessType } : {}),
    ...(f.clerk?.trim() ? { clerk: f.clerk.trim() } : {}),
    ...(f.from ? { from: f.from } : {}),
    ...(f.to ? { to: f.to } : {}),
    ...(f.mine ? { mine: true } : {}),
    limit: pageSize,
    offset: (page - 1) * pageSize,
  };
}
