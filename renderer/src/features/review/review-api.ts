import { api } from '../../api/api-slice';
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
