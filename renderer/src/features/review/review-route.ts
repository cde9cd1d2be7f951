/**
 * 审核 routes: `/review` the queues (`/review/queue/registration` opens that tab), `/review/12` the
 * review workspace of case 12, `/review/12/register` the 登簿 screen of case 12. Paths only, no
 * query string: the shell matches routes by path prefix.
 */
export type ReviewQueue = 'firstReview' | 'secondReview' | 'registration' | 'supplementing';
export const REVIEW_QUEUES: readonly ReviewQueue[] = ['firstReview', 'secondReview', 'registration', 'supplementing'];

export type ReviewRoute = { screen: 'queues'; queue: ReviewQueue | null } | { screen: 'workspace'; caseId: number } | { screen: 'register'; caseId: number };

export const REVIEW_PATH = '/review';

export function reviewRoute(route: string): ReviewRoute | null {
  if (route === REVIEW_PATH) return { screen: 'queues', queue: null };
  const q = /^\/review\/queue\/(\w+)$/.exec(route);
  if (q) return REVIEW_QUEUES.includes(q[1] as ReviewQueue) ? { screen: 'queues', queue: q[1] as ReviewQueue } : null;
  const m = /^\/review\/(\d+)(\/register)?$/.exec(route);
  if (!m) return null;
  return m[2] ? { screen: 'register', caseId: Number(m[1]) } : { screen: 'workspace', caseId: Number(m[1]) };
}

export const queuePath = (queue: ReviewQueue) => `${REVIEW_PATH}/queue/${queue}`;
export const workspacePath = (caseId: number) => `${REVIEW_PATH}/${caseId}`;
export const registerPath = (caseId: number) => `${REVIEW_PATH}/${caseId}/register`;
