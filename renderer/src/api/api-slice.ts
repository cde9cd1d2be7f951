import { createApi, type BaseQueryFn, type EndpointBuilder, type MutationDefinition, type QueryDefinition, type TagDescription } from '@reduxjs/toolkit/query/react';
import type { CaseView, ContractError, MethodInput, MethodName, MethodOutput } from '../../../electron/contract';
import { ApiError, call } from './client';
import { ENDPOINTS, TAG_TYPES, type EndpointEntry, type EndpointTable, type TagRef, type TagType } from './endpoint-table';

interface CallArgs {
  method: MethodName;
  input: unknown;
}

/** RTK Query over the contract client: every endpoint is one contract method (endpoint-table.ts). */
const contractBaseQuery: BaseQueryFn<CallArgs, unknown, ContractError> = async ({ method, input }) => {
  try {
    return { data: await call(method, input as never) };
  } catch (err) {
    if (err instanceof ApiError) return { error: { code: err.code, message: err.message, details: err.details } };
    return { error: { code: 'INTERNAL', message: '系统内部错误，请重试。' } };
  }
};

type ContractBaseQuery = typeof contractBaseQuery;

/** A method whose input is the empty object is called without an argument (`useAppInfoQuery()`). */
type Arg<M extends MethodName> = MethodInput<M> extends Record<string, never> ? void : MethodInput<M>;
type Definition<M extends MethodName> = EndpointTable[M]['kind'] extends 'query'
  ? QueryDefinition<Arg<M>, ContractBaseQuery, TagType, MethodOutput<M>, 'api'>
  : MutationDefinition<Arg<M>, ContractBaseQuery, TagType, MethodOutput<M>, 'api'>;
/** One endpoint per contract method, named by the table: the hooks' names and types follow from it. */
type Definitions = { [M in MethodName as EndpointTable[M]['name']]: Definition<M> };

/** The concrete tags of a table entry's refs for one call; a ref whose id is absent names nothing. */
function tagsOf(refs: readonly TagRef[] | undefined) {
  return (result: unknown, _error: unknown, input: unknown): TagDescription<TagType>[] =>
    (refs ?? []).flatMap((ref): TagDescription<TagType>[] => {
      if (typeof ref === 'string') return [ref];
      const source = ref.id === 'input.id' ? input : result;
      const id = (source as { id?: unknown; caseId?: unknown } | undefined)?.[ref.id === 'input.id' ? 'id' : 'caseId'];
      return typeof id === 'number' ? [{ type: ref.type, id }] : [];
    });
}

function buildEndpoints(b: EndpointBuilder<ContractBaseQuery, TagType, 'api'>): Definitions {
  const definitions: Record<string, unknown> = {};
  for (const method of METHODS) {
    const entry: AnyEntry = ENDPOINTS[method];
    const query = (input: unknown): CallArgs => ({ method, input: input ?? {} });
    definitions[entry.name] =
      entry.kind === 'query'
        ? b.query<unknown, unknown>({ query, providesTags: tagsOf(entry.provides), keepUnusedDataFor: entry.keepUnusedDataFor })
        : b.mutation<unknown, unknown>({
            query,
            invalidatesTags: tagsOf(entry.invalidates),
            ...(entry.seedsCase ? { onQueryStarted: seedCaseView } : {}),
          });
  }
  return definitions as Definitions;
}
const METHODS = Object.keys(ENDPOINTS) as MethodName[];
type AnyEntry = Omit<EndpointEntry<MethodName>, 'seedsCase'> & { seedsCase?: boolean };

export const api = createApi({
  reducerPath: 'api',
  baseQuery: contractBaseQuery,
  tagTypes: TAG_TYPES,
  endpoints: buildEndpoints,
});

/**
 * A mutation that answers with the case's view writes it into the `cases.get` cache: the screens
 * show the answer at once, without a second round trip. A refused mutation refetches the case
 * instead — the refusal may come from a change made elsewhere.
 */
async function seedCaseView(
  input: unknown,
  { dispatch, queryFulfilled }: { dispatch: (action: unknown) => unknown; queryFulfilled: Promise<{ data: unknown }> },
): Promise<void> {
  try {
    const { data } = await queryFulfilled;
    const view = data as CaseView;
    dispatch(api.util.upsertQueryData('caseById', { id: view.id }, view));
  } catch {
    const id = (input as { id?: unknown } | undefined)?.id;
    if (typeof id === 'number') dispatch(api.util.invalidateTags([{ type: 'Case', id }]));
  }
}

export const {
  useReadIdCardMutation,
  useSamInfoMutation,
  useCaptureSignatureMutation,
  useCancelSignatureMutation,
  useSimulateSignMutation,
  useSimulateSignerCancelMutation,
  usePrintersQuery,
  usePrintTestPageMutation,
  useSetCalibrationMutation,
  useSimulationQuery,
  useSimulatePlaceCardMutation,
  useSimulateRemoveCardMutation,
  useAppInfoQuery,
  useStatusQuery,
  useSessionQuery,
  useInitializeMutation,
  useLoginMutation,
  useLogoutMutation,
  useLockMutation,
  useUnlockMutation,
  useChangePasswordMutation,
  useWorkbenchQuery,
  useUsersQuery,
  useCreateUserMutation,
  useUpdateUserMutation,
  useSetUserDisabledMutation,
  useResetPasswordMutation,
  useUnlockUserMutation,
  useAuditQuery,
  useVerifyAuditMutation,
  useConfigQuery,
  useUpdateConfigMutation,
  useRestoreBackupMutation,
  useStartEmptyMutation,
} = api;

export const {
  useLookupUnitQuery,
  useAttachCaseFileMutation,
  usePrintCaseDocumentMutation,
  useCaseDocumentMutation,
  useBusinessTypesQuery,
  useCatalogQuery,
  useCaseByIdQuery,
  useCaseTimelineQuery,
  useSearchCasesQuery,
  useWorkQueueQuery,
  useCreateDraftMutation,
  useSaveDraftMutation,
  useSignPartyMutation,
  useOverrideFeesMutation,
  useAcceptCaseMutation,
  useRequisitionCaseMutation,
  useRejectCaseMutation,
  useWithdrawCaseMutation,
  useApplySealMutation,
  useVerifyDocumentMutation,
} = api;

export const {
  useSyncStatusQuery,
  useSyncQueueQuery,
  useSyncNowMutation,
  useResendDeadLetterMutation,
  useCancelDeadLetterMutation,
  useLazyPlatformUnitQuery,
} = api;

export const { useBackupsQuery, useCreateBackupMutation, useRestoreFromBackupMutation } = api;

/** The message to show for an RTK Query error value. */
export function errorMessage(error: unknown): string | null {
  if (!error) return null;
  if (typeof error === 'object' && error !== null && 'message' in error) return String((error as ContractError).message);
  return '操作失败，请重试。';
}
