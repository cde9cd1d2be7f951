import { createApi, type BaseQueryFn } from '@reduxjs/toolkit/query/react';
import type { ContractError, MethodInput, MethodName, MethodOutput } from '../../../electron/contract';
import { ApiError, call } from './client';

interface CallArgs {
  method: MethodName;
  input: unknown;
}

/** RTK Query over the contract client: every endpoint is one contract method. */
const contractBaseQuery: BaseQueryFn<CallArgs, unknown, ContractError> = async ({ method, input }) => {
  try {
    return { data: await call(method, input as never) };
  } catch (err) {
    if (err instanceof ApiError) return { error: { code: err.code, message: err.message, details: err.details } };
    return { error: { code: 'INTERNAL', message: '系统内部错误，请重试。' } };
  }
};

function args<M extends MethodName>(method: M, input: MethodInput<M>): CallArgs {
  return { method, input };
}

/** Tags a change to one case invalidates: that case (view and timeline) and every case list. */
function caseChanged(_result: unknown, _error: unknown, input: { id: number }) {
  return [{ type: 'Case' as const, id: input.id }, 'CaseList' as const];
}

export const api = createApi({
  reducerPath: 'api',
  baseQuery: contractBaseQuery,
  tagTypes: ['AppInfo', 'Session', 'Users', 'Audit', 'Config', 'Status', 'Workbench', 'Simulation', 'Printers', 'BusinessTypes', 'Case', 'CaseList', 'Sync'],
  endpoints: (b) => ({
    appInfo: b.query<MethodOutput<'app.info'>, void>({ query: () => args('app.info', {}), providesTags: ['AppInfo'] }),
    status: b.query<MethodOutput<'status.get'>, void>({ query: () => args('status.get', {}), providesTags: ['Status'] }),
    session: b.query<MethodOutput<'auth.session'>, void>({ query: () => args('auth.session', {}), providesTags: ['Session'] }),
    initialize: b.mutation<MethodOutput<'setup.initialize'>, MethodInput<'setup.initialize'>>({
      query: (input) => args('setup.initialize', input),
      invalidatesTags: ['AppInfo', 'Session'],
    }),
    login: b.mutation<MethodOutput<'auth.login'>, MethodInput<'auth.login'>>({
      query: (input) => args('auth.login', input),
      invalidatesTags: ['Session', 'Workbench'],
    }),
    logout: b.mutation<MethodOutput<'auth.logout'>, void>({ query: () => args('auth.logout', {}), invalidatesTags: ['Session'] }),
    lock: b.mutation<MethodOutput<'auth.lock'>, void>({ query: () => args('auth.lock', {}), invalidatesTags: ['Session'] }),
    unlock: b.mutation<MethodOutput<'auth.unlock'>, MethodInput<'auth.unlock'>>({
      query: (input) => args('auth.unlock', input),
      invalidatesTags: ['Session'],
    }),
    changePassword: b.mutation<MethodOutput<'auth.changePassword'>, MethodInput<'auth.changePassword'>>({
      query: (input) => args('auth.changePassword', input),
      invalidatesTags: ['Session', 'Workbench'],
    }),
    workbench: b.query<MethodOutput<'workbench.summary'>, void>({
      query: () => args('workbench.summary', {}),
      providesTags: ['Workbench'],
    }),
    users: b.query<MethodOutput<'users.list'>, void>({ query: () => args('users.list', {}), providesTags: ['Users'] }),
    createUser: b.mutation<MethodOutput<'users.create'>, MethodInput<'users.create'>>({
      query: (input) => args('users.create', input),
      invalidatesTags: ['Users', 'Workbench'],
    }),
    updateUser: b.mutation<MethodOutput<'users.update'>, MethodInput<'users.update'>>({
      query: (input) => args('users.update', input),
      invalidatesTags: ['Users', 'Workbench', 'Session'],
    }),
    setUserDisabled: b.mutation<MethodOutput<'users.setDisabled'>, MethodInput<'users.setDisabled'>>({
      query: (input) => args('users.setDisabled', input),
      invalidatesTags: ['Users', 'Workbench'],
    }),
    resetPassword: b.mutation<MethodOutput<'users.resetPassword'>, MethodInput<'users.resetPassword'>>({
      query: (input) => args('users.resetPassword', input),
      invalidatesTags: ['Users'],
    }),
    unlockUser: b.mutation<MethodOutput<'users.unlock'>, MethodInput<'users.unlock'>>({
      query: (input) => args('users.unlock', input),
      invalidatesTags: ['Users', 'Workbench'],
    }),
    audit: b.query<MethodOutput<'audit.list'>, MethodInput<'audit.list'>>({
      query: (input) => args('audit.list', input),
      providesTags: ['Audit'],
    }),
    verifyAudit: b.mutation<MethodOutput<'audit.verify'>, void>({ query: () => args('audit.verify', {}), invalidatesTags: ['Audit'] }),
    config: b.query<MethodOutput<'config.get'>, void>({ query: () => args('config.get', {}), providesTags: ['Config'] }),
    updateConfig: b.mutation<MethodOutput<'config.update'>, MethodInput<'config.update'>>({
      query: (input) => args('config.update', input),
      invalidatesTags: ['Config', 'AppInfo', 'Session', 'Audit'],
    }),
    restoreBackup: b.mutation<MethodOutput<'recovery.restoreBackup'>, MethodInput<'recovery.restoreBackup'>>({
      query: (input) => args('recovery.restoreBackup', input),
      invalidatesTags: ['AppInfo', 'Session'],
    }),
    startEmpty: b.mutation<MethodOutput<'recovery.startEmpty'>, MethodInput<'recovery.startEmpty'>>({
      query: (input) => args('recovery.startEmpty', input),
      invalidatesTags: ['AppInfo', 'Session'],
    }),
    readIdCard: b.mutation<MethodOutput<'devices.readIdCard'>, MethodInput<'devices.readIdCard'>>({
      query: (input) => args('devices.readIdCard', input),
      invalidatesTags: ['Workbench'],
    }),
    printers: b.query<MethodOutput<'devices.printers'>, void>({ query: () => args('devices.printers', {}), providesTags: ['Printers'] }),
    printTestPage: b.mutation<MethodOutput<'devices.printTestPage'>, MethodInput<'devices.printTestPage'>>({
      query: (input) => args('devices.printTestPage', input),
      invalidatesTags: ['Printers', 'Status'],
    }),
    setCalibration: b.mutation<MethodOutput<'devices.setCalibration'>, MethodInput<'devices.setCalibration'>>({
      query: (input) => args('devices.setCalibration', input),
      invalidatesTags: ['Printers'],
    }),
    captureSignature: b.mutation<MethodOutput<'devices.captureSignature'>, MethodInput<'devices.captureSignature'>>({
      query: (input) => args('devices.captureSignature', input),
      invalidatesTags: ['Simulation'],
    }),
    cancelSignature: b.mutation<MethodOutput<'devices.cancelSignature'>, void>({ query: () => args('devices.cancelSignature', {}) }),
    simulateSign: b.mutation<MethodOutput<'devices.simulateSign'>, MethodInput<'devices.simulateSign'>>({
      query: (input) => args('devices.simulateSign', input),
      invalidatesTags: ['Simulation'],
    }),
    simulateSignerCancel: b.mutation<MethodOutput<'devices.simulateSignerCancel'>, void>({
      query: () => args('devices.simulateSignerCancel', {}),
      invalidatesTags: ['Simulation'],
    }),
    samInfo: b.mutation<MethodOutput<'devices.samInfo'>, void>({ query: () => args('devices.samInfo', {}) }),
    simulation: b.query<MethodOutput<'devices.simulation'>, void>({
      query: () => args('devices.simulation', {}),
      providesTags: ['Simulation'],
    }),
    simulatePlaceCard: b.mutation<MethodOutput<'devices.simulatePlaceCard'>, MethodInput<'devices.simulatePlaceCard'>>({
      query: (input) => args('devices.simulatePlaceCard', input),
      invalidatesTags: ['Simulation'],
    }),
    simulateRemoveCard: b.mutation<MethodOutput<'devices.simulateRemoveCard'>, void>({
      query: () => args('devices.simulateRemoveCard', {}),
      invalidatesTags: ['Simulation'],
    }),

    // ── Cases: intake (受理) and 业务查询. A change to a case refreshes that case (view and
    // timeline share its tag) and every case list.
    businessTypes: b.query<MethodOutput<'cases.businessTypes'>, void>({
      query: () => args('cases.businessTypes', {}),
      providesTags: ['BusinessTypes'],
    }),
    caseById: b.query<MethodOutput<'cases.get'>, MethodInput<'cases.get'>>({
      query: (input) => args('cases.get', input),
      providesTags: (_r, _e, input) => [{ type: 'Case', id: input.id }],
    }),
    caseTimeline: b.query<MethodOutput<'cases.timeline'>, MethodInput<'cases.timeline'>>({
      query: (input) => args('cases.timeline', input),
      providesTags: (_r, _e, input) => [{ type: 'Case', id: input.id }],
    }),
    searchCases: b.query<MethodOutput<'cases.search'>, MethodInput<'cases.search'>>({
      query: (input) => args('cases.search', input),
      providesTags: ['CaseList'],
    }),
    workQueue: b.query<MethodOutput<'workqueue.get'>, MethodInput<'workqueue.get'>>({
      query: (input) => args('workqueue.get', input),
      providesTags: ['CaseList', 'Workbench'],
    }),
    createDraft: b.mutation<MethodOutput<'cases.createDraft'>, MethodInput<'cases.createDraft'>>({
      query: (input) => args('cases.createDraft', input),
      invalidatesTags: ['CaseList', 'Workbench'],
    }),
    saveDraft: b.mutation<MethodOutput<'cases.saveDraft'>, MethodInput<'cases.saveDraft'>>({
      query: (input) => args('cases.saveDraft', input),
      invalidatesTags: caseChanged,
    }),
    signParty: b.mutation<MethodOutput<'cases.signParty'>, MethodInput<'cases.signParty'>>({
      query: (input) => args('cases.signParty', input),
      invalidatesTags: (r, e, input) => [...caseChanged(r, e, input), 'Simulation'],
    }),
    overrideFees: b.mutation<MethodOutput<'cases.overrideFees'>, MethodInput<'cases.overrideFees'>>({
      query: (input) => args('cases.overrideFees', input),
      invalidatesTags: caseChanged,
    }),
    acceptCase: b.mutation<MethodOutput<'cases.accept'>, MethodInput<'cases.accept'>>({
      query: (input) => args('cases.accept', input),
      invalidatesTags: (r, e, input) => [...caseChanged(r, e, input), 'Workbench'],
    }),
    requisitionCase: b.mutation<MethodOutput<'cases.requisition'>, MethodInput<'cases.requisition'>>({
      query: (input) => args('cases.requisition', input),
      invalidatesTags: caseChanged,
    }),
    rejectCase: b.mutation<MethodOutput<'cases.reject'>, MethodInput<'cases.reject'>>({
      query: (input) => args('cases.reject', input),
      invalidatesTags: caseChanged,
    }),
    withdrawCase: b.mutation<MethodOutput<'cases.withdraw'>, MethodInput<'cases.withdraw'>>({
      query: (input) => args('cases.withdraw', input),
      invalidatesTags: caseChanged,
    }),
    lookupUnit: b.query<MethodOutput<'cases.lookupUnit'>, MethodInput<'cases.lookupUnit'>>({
      query: (input) => args('cases.lookupUnit', input),
    }),
    attachCaseFile: b.mutation<MethodOutput<'cases.attachFile'>, MethodInput<'cases.attachFile'>>({
      query: (input) => args('cases.attachFile', input),
      invalidatesTags: caseChanged,
    }),
    printCaseDocument: b.mutation<MethodOutput<'cases.printDocument'>, MethodInput<'cases.printDocument'>>({
      query: (input) => args('cases.printDocument', input),
      invalidatesTags: caseChanged,
    }),

    // ── Sync with the provincial platform. 'sync.changed' events invalidate 'Sync' (throttled, see
    // sync-events.ts); a resend or cancel also changes the top bar's counts and that case's sync tag.
    syncStatus: b.query<MethodOutput<'sync.status'>, void>({ query: () => args('sync.status', {}), providesTags: ['Sync'] }),
    syncQueue: b.query<MethodOutput<'sync.queue'>, MethodInput<'sync.queue'>>({
      query: (input) => args('sync.queue', input),
      providesTags: ['Sync'],
    }),
    syncNow: b.mutation<MethodOutput<'sync.now'>, void>({ query: () => args('sync.now', {}), invalidatesTags: ['Sync', 'Status'] }),
    resendDeadLetter: b.mutation<MethodOutput<'sync.resend'>, MethodInput<'sync.resend'>>({
      query: (input) => args('sync.resend', input),
      invalidatesTags: (r) => ['Sync', 'Status', 'CaseList', ...(r ? [{ type: 'Case' as const, id: r.caseId }] : [])],
    }),
    cancelDeadLetter: b.mutation<MethodOutput<'sync.cancel'>, MethodInput<'sync.cancel'>>({
      query: (input) => args('sync.cancel', input),
      invalidatesTags: (r) => ['Sync', 'Status', 'CaseList', ...(r ? [{ type: 'Case' as const, id: r.caseId }] : [])],
    }),
    /** The provincial register's record of a unit; asked on the clerk's click only (the query is audited). */
    platformUnit: b.query<MethodOutput<'sync.platformUnit'>, MethodInput<'sync.platformUnit'>>({
      query: (input) => args('sync.platformUnit', input),
      keepUnusedDataFor: 0,
    }),
  }),
});

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
  useBusinessTypesQuery,
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
} = api;

export const {
  useSyncStatusQuery,
  useSyncQueueQuery,
  useSyncNowMutation,
  useResendDeadLetterMutation,
  useCancelDeadLetterMutation,
  useLazyPlatformUnitQuery,
} = api;

/** The message to show for an RTK Query error value. */
export function errorMessage(error: unknown): string | null {
  if (!error) return null;
  if (typeof error === 'object' && error !== null && 'message' in error) return String((error as ContractError).message);
  return '操作失败，请重试。';
}
