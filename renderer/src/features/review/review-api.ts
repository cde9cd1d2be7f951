import type { CaseView } from '../../../../electron/contract';
import type { ReviewCheck } from './checks';
import type { QueueRow } from './queue/queue-view';
import type { RegisterRecordData } from './register/register-view';
import type { ReviewQueue } from './review-route';

/**
 * The review screens' view of the workstation contract (review-shared.md "The workstation"). The
 * containers use only what is here; when electron/contract/methods/review.ts lands these become
 * re-exports of the endpoint table's hooks. Until then every call answers NOT_READY.
 */
export interface QueuesAnswer {
  today: string;
  items: QueueRow[];
  totals: Partial<Record<ReviewQueue, number>>;
}
export interface WorkspaceAnswer {
  case: CaseView;
  stage: ReviewQueue | string;
  claim: QueueRow['claim'];
  materials: Array<{ id?: string | number; name: string; sm3: string; mime: string; pages?: number | null; form?: string | null; downloaded: boolean }>;
  register: Array<{ unitCode: string; record: RegisterRecordData | null; fetchedAt: string | null; offline: boolean }>;
  checks: ReviewCheck[];
  history: Array<{ at: string; stage: string; decision: string; opinion: string | null; actor: string }>;
  phrases: string[];
}

type Result<T> = { data?: T; error?: { code: string; message: string }; isLoading: boolean; isFetching: boolean; refetch: () => void };
const NOT_READY = { code: 'NOT_READY', message: '审核服务尚未接入（工作站契约 review.* 未就绪）。' };
const notReady = <T,>(): Result<T> => ({ error: NOT_READY, isLoading: false, isFetching: false, refetch: () => undefined });
type Mutation<I, O> = readonly [(input: I) => Promise<{ data?: O; error?: { code: string; message: string } }>, { isLoading: boolean; error?: { code: string; message: string } }];
const notReadyMutation = <I, O>(): Mutation<I, O> => [async () => ({ error: NOT_READY }), { isLoading: false }];

export const useReviewQueuesQuery = (_input: Record<string, unknown>, _opts?: { pollingInterval?: number }): Result<QueuesAnswer> => notReady();
export const useReviewWorkspaceQuery = (_input: { caseId: number }): Result<WorkspaceAnswer> => notReady();
export const useRegistrationPreviewQuery = (_input: { caseId: number }, _opts?: { skip?: boolean }): Result<unknown> => notReady();
export const useClaimMutation = () => notReadyMutation<{ caseId: number }, unknown>();
export const useReleaseMutation = () => notReadyMutation<{ caseId: number }, unknown>();
export const useReassignMutation = () => notReadyMutation<{ caseId: number; to: number }, unknown>();
export const useDecideMutation = () => notReadyMutation<Record<string, unknown>, CaseView>();
export const useRegisterMutation = () => notReadyMutation<{ caseId: number }, CaseView>();
export const useUndoRegistrationMutation = () => notReadyMutation<{ caseId: number; reason: string }, CaseView>();
export const useReceiveSupplementMutation = () => notReadyMutation<{ caseId: number; materials: unknown[]; note: string }, CaseView>();
export async function loadMaterial(_caseId: number, _sm3: string): Promise<{ mime: string; base64: string }> {
  throw new Error(NOT_READY.message);
}
