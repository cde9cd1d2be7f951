import type { Role } from '../../../../electron/contract';
import { api, useSessionQuery } from '../../api/api-slice';
import { call } from '../../api/client';

/**
 * The review screens' calls into the workstation contract (electron/contract/methods/review.ts),
 * through the endpoint table's hooks; the one direct call is a material's bytes, which must not
 * rest in the store (large, personal data).
 */
export const {
  useClaimReviewMutation: useClaimMutation,
  useDecideReviewMutation: useDecideMutation,
  useReassignReviewMutation: useReassignMutation,
  useReceiveSupplementMutation,
  useRegisterCaseMutation: useRegisterMutation,
  useRegistrationPreviewQuery,
  useReleaseReviewMutation: useReleaseMutation,
  useReviewCandidatesQuery,
  useReviewQueuesQuery,
  useReviewWorkspaceQuery,
  useUndoRegistrationMutation,
} = api;

export function loadMaterial(caseId: number, sm3: string): Promise<{ mime: string; base64: string }> {
  return call('review.material', { caseId, sm3 });
}

/**
 * The signed-in user as the review screens need it. On logout the session leaves the store one
 * render before the shell unmounts its page: that render gets a user with no rights, not a crash.
 */
export function useSessionUser(): { id: number; role: Role } {
  const session = useSessionQuery().data;
  return session ? { id: session.user.id, role: session.user.role } : { id: 0, role: 'reviewer' };
}
