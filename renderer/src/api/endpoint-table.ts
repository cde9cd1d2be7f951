import type { CaseView, MethodName, MethodOutput } from '../../../electron/contract';

/** The renderer's cache tags. 'Case' is one case's view (cases.get); 'CaseTimeline' its history. */
export const TAG_TYPES = [
  'AppInfo', 'Session', 'Users', 'Audit', 'Config', 'Status', 'Workbench', 'Simulation', 'Printers',
  'BusinessTypes', 'Case', 'CaseTimeline', 'CaseList', 'Sync', 'Backups', 'Review', 'Issuance', 'CertificatePrint',
] as const;
export type TagType = (typeof TAG_TYPES)[number];

/**
 * A tag an endpoint provides or invalidates: a whole tag type, or one case's tag whose id is read
 * from the call's input (`input.id`) or from its result (`result.caseId`, sync.resend/cancel).
 */
export type TagRef = TagType | { type: 'Case' | 'CaseTimeline'; id: 'input.id' | 'result.caseId' };

/**
 * How one contract method is exposed to the screens. `name` is the endpoint's name, from which RTK
 * Query names the hook (`caseById` → `useCaseByIdQuery`). `seedsCase` marks a mutation whose result
 * is the changed case's view: it is written into the `cases.get` cache instead of refetching it —
 * allowed (checked by the compiler) only where the method's output is a CaseView.
 */
export interface EndpointEntry<M extends MethodName> {
  name: string;
  kind: 'query' | 'mutation';
  provides?: readonly TagRef[];
  invalidates?: readonly TagRef[];
  seedsCase?: MethodOutput<M> extends CaseView ? boolean : never;
  /** Seconds an unused result stays cached (RTK's keepUnusedDataFor); 0 for audited look-ups. */
  keepUnusedDataFor?: number;
}

/** After a change to one case: its history and every case list (its view is seeded, not refetched). */
const CASE_CHANGED = [{ type: 'CaseTimeline', id: 'input.id' }, 'CaseList'] as const;

/**
 * Every contract method with its endpoint kind and cache tags. The compiler requires an entry for
 * each method of the contract: a new method cannot reach the screens without saying what it caches
 * and what it makes stale.
 */
export const ENDPOINTS = {
  'app.info': { name: 'appInfo', kind: 'query', provides: ['AppInfo'] },
  'status.get': { name: 'status', kind: 'query', provides: ['Status'] },

  'setup.initialize': { name: 'initialize', kind: 'mutation', invalidates: ['AppInfo', 'Session'] },
  'recovery.restoreBackup': { name: 'restoreBackup', kind: 'mutation', invalidates: ['AppInfo', 'Session'] },
  'recovery.startEmpty': { name: 'startEmpty', kind: 'mutation', invalidates: ['AppInfo', 'Session'] },

  'auth.session': { name: 'session', kind: 'query', provides: ['Session'] },
  'auth.login': { name: 'login', kind: 'mutation', invalidates: ['Session', 'Workbench'] },
  'auth.logout': { name: 'logout', kind: 'mutation', invalidates: ['Session'] },
  'auth.lock': { name: 'lock', kind: 'mutation', invalidates: ['Session'] },
  'auth.unlock': { name: 'unlock', kind: 'mutation', invalidates: ['Session'] },
  'auth.changePassword': { name: 'changePassword', kind: 'mutation', invalidates: ['Session', 'Workbench'] },
  /** Reported by the idle-lock timer; changes nothing the screens show. */
  'auth.activity': { name: 'reportActivity', kind: 'mutation' },

  'workbench.summary': { name: 'workbench', kind: 'query', provides: ['Workbench'] },
  'workqueue.get': { name: 'workQueue', kind: 'query', provides: ['CaseList', 'Workbench'] },

  'users.list': { name: 'users', kind: 'query', provides: ['Users'] },
  'users.create': { name: 'createUser', kind: 'mutation', invalidates: ['Users', 'Workbench'] },
  'users.update': { name: 'updateUser', kind: 'mutation', invalidates: ['Users', 'Workbench', 'Session'] },
  'users.setDisabled': { name: 'setUserDisabled', kind: 'mutation', invalidates: ['Users', 'Workbench'] },
  'users.resetPassword': { name: 'resetPassword', kind: 'mutation', invalidates: ['Users'] },
  'users.unlock': { name: 'unlockUser', kind: 'mutation', invalidates: ['Users', 'Workbench'] },

  'audit.list': { name: 'audit', kind: 'query', provides: ['Audit'] },
  'audit.verify': { name: 'verifyAudit', kind: 'mutation', invalidates: ['Audit'] },

  'config.get': { name: 'config', kind: 'query', provides: ['Config'] },
  'config.update': { name: 'updateConfig', kind: 'mutation', invalidates: ['Config', 'AppInfo', 'Session', 'Audit'] },

  'backups.list': { name: 'backups', kind: 'query', provides: ['Backups'] },
  'backups.create': { name: 'createBackup', kind: 'mutation', invalidates: ['Backups', 'Audit'] },
  // Every session ends: the back end tells this window (session.changed), which then drops its
  // whole cache and shows the login screen (session-reset.ts).
  'backups.restore': { name: 'restoreFromBackup', kind: 'mutation', invalidates: ['Backups'] },

  'devices.readIdCard': { name: 'readIdCard', kind: 'mutation', invalidates: ['Workbench'] },
  'devices.samInfo': { name: 'samInfo', kind: 'mutation' },
  'devices.printers': { name: 'printers', kind: 'query', provides: ['Printers'] },
  'devices.printTestPage': { name: 'printTestPage', kind: 'mutation', invalidates: ['Printers', 'Status'] },
  'devices.setCalibration': { name: 'setCalibration', kind: 'mutation', invalidates: ['Printers'] },
  'devices.captureSignature': { name: 'captureSignature', kind: 'mutation', invalidates: ['Simulation'] },
  'devices.cancelSignature': { name: 'cancelSignature', kind: 'mutation' },
  'devices.simulation': { name: 'simulation', kind: 'query', provides: ['Simulation'] },
  'devices.simulatePlaceCard': { name: 'simulatePlaceCard', kind: 'mutation', invalidates: ['Simulation'] },
  'devices.simulateSign': { name: 'simulateSign', kind: 'mutation', invalidates: ['Simulation'] },
  'devices.simulateSignerCancel': { name: 'simulateSignerCancel', kind: 'mutation', invalidates: ['Simulation'] },
  'devices.simulateRemoveCard': { name: 'simulateRemoveCard', kind: 'mutation', invalidates: ['Simulation'] },

  // ── Cases: intake (受理) and 业务查询.
  'cases.businessTypes': { name: 'businessTypes', kind: 'query', provides: ['BusinessTypes'] },
  /** The registration catalogue (登记类型 × 权利类型); office configuration changes it, like the business types. */
  'cases.catalog': { name: 'catalog', kind: 'query', provides: ['BusinessTypes'] },
  'cases.get': { name: 'caseById', kind: 'query', provides: [{ type: 'Case', id: 'input.id' }] },
  'cases.timeline': { name: 'caseTimeline', kind: 'query', provides: [{ type: 'CaseTimeline', id: 'input.id' }] },
  'cases.search': { name: 'searchCases', kind: 'query', provides: ['CaseList'] },
  /**
   * The full number is shown on the clerk's click; RevealableValue calls it directly (not through
   * this endpoint's hook) so the number never rests in the store's mutation cache.
   */
  'cases.revealParty': { name: 'revealParty', kind: 'mutation', invalidates: [{ type: 'CaseTimeline', id: 'input.id' }] },
  'cases.lookupUnit': { name: 'lookupUnit', kind: 'query' },
  'cases.createDraft': { name: 'createDraft', kind: 'mutation', invalidates: ['CaseList', 'Workbench'], seedsCase: true },
  'cases.saveDraft': { name: 'saveDraft', kind: 'mutation', invalidates: CASE_CHANGED, seedsCase: true },
  'cases.attachFile': { name: 'attachCaseFile', kind: 'mutation', invalidates: CASE_CHANGED, seedsCase: true },
  'cases.signParty': { name: 'signParty', kind: 'mutation', invalidates: [...CASE_CHANGED, 'Simulation'], seedsCase: true },
  /** An organisation's e-seal on the application (its agent presents the seal file and PIN). */
  'cases.applySeal': { name: 'applySeal', kind: 'mutation', invalidates: CASE_CHANGED, seedsCase: true },
  'cases.overrideFees': { name: 'overrideFees', kind: 'mutation', invalidates: CASE_CHANGED, seedsCase: true },
  'cases.accept': { name: 'acceptCase', kind: 'mutation', invalidates: [...CASE_CHANGED, 'Workbench'], seedsCase: true },
  'cases.requisition': { name: 'requisitionCase', kind: 'mutation', invalidates: CASE_CHANGED, seedsCase: true },
  'cases.reject': { name: 'rejectCase', kind: 'mutation', invalidates: CASE_CHANGED, seedsCase: true },
  'cases.withdraw': { name: 'withdrawCase', kind: 'mutation', invalidates: CASE_CHANGED, seedsCase: true },
  /** Producing a document archives it and audits it; the case's view does not change. */
  'cases.document': { name: 'caseDocument', kind: 'mutation', invalidates: [{ type: 'CaseTimeline', id: 'input.id' }] },
  'cases.printDocument': {
    name: 'printCaseDocument',
    kind: 'mutation',
    invalidates: [{ type: 'Case', id: 'input.id' }, { type: 'CaseTimeline', id: 'input.id' }, 'CaseList'],
  },
  'documents.verify': { name: 'verifyDocument', kind: 'mutation' },

  // ── Sync with the provincial platform. 'sync.changed' events invalidate 'Sync' (throttled, see
  // sync-events.ts); a resend or cancel also changes the top bar's counts and that case's sync state.
  'sync.status': { name: 'syncStatus', kind: 'query', provides: ['Sync'] },
  'sync.queue': { name: 'syncQueue', kind: 'query', provides: ['Sync'] },
  'sync.now': { name: 'syncNow', kind: 'mutation', invalidates: ['Sync', 'Status'] },
  'sync.resend': {
    name: 'resendDeadLetter',
    kind: 'mutation',
    invalidates: ['Sync', 'Status', 'CaseList', { type: 'Case', id: 'result.caseId' }, { type: 'CaseTimeline', id: 'result.caseId' }],
  },
  'sync.cancel': {
    name: 'cancelDeadLetter',
    kind: 'mutation',
    invalidates: ['Sync', 'Status', 'CaseList', { type: 'Case', id: 'result.caseId' }, { type: 'CaseTimeline', id: 'result.caseId' }],
  },
  /** The provincial register's record of a unit; asked on the clerk's click only (the query is audited). */
  'sync.platformUnit': { name: 'platformUnit', kind: 'query', keepUnusedDataFor: 0 },

  // ── Review and 登簿 at the office (issue #11). Queues read the local cache; every decision, claim
  // and 登簿 changes the queues and the workspace ('Review'), and the counter's lists.
  'review.queues': { name: 'reviewQueues', kind: 'query', provides: ['Review'] },
  'review.workspace': { name: 'reviewWorkspace', kind: 'query', provides: ['Review'] },
  'review.candidates': { name: 'reviewCandidates', kind: 'query', provides: ['Users'] },
  /** Bytes of one material; not cached in the store (large). */
  'review.material': { name: 'reviewMaterial', kind: 'query', keepUnusedDataFor: 0 },
  'review.claim': { name: 'claimReview', kind: 'mutation', invalidates: ['Review'] },
  'review.release': { name: 'releaseReview', kind: 'mutation', invalidates: ['Review'] },
  'review.reassign': { name: 'reassignReview', kind: 'mutation', invalidates: ['Review'] },
  'review.decide': { name: 'decideReview', kind: 'mutation', invalidates: ['Review', 'Sync', 'CaseList'] },
  'registration.preview': { name: 'registrationPreview', kind: 'query', provides: ['Review'], keepUnusedDataFor: 0 },
  'registration.register': { name: 'registerCase', kind: 'mutation', invalidates: ['Review', 'CaseList'] },
  'registration.undo': { name: 'undoRegistration', kind: 'mutation', invalidates: ['Review', 'CaseList'] },
  'cases.receiveSupplement': { name: 'receiveSupplement', kind: 'mutation', invalidates: ['Review', 'Sync', 'CaseList'] },

  // 发证 (issue #12): audited look-ups are not kept.
  'issuance.queue': { name: 'issuanceQueue', kind: 'query', provides: ['Issuance'] },
  'issuance.case': { name: 'issuanceCase', kind: 'query', provides: ['Issuance'], keepUnusedDataFor: 0 },
  'issuance.checkCollector': { name: 'checkCollector', kind: 'mutation' },
  'issuance.captureSignature': { name: 'captureCollectorSignature', kind: 'mutation' },
  'issuance.issue': { name: 'issueCertificate', kind: 'mutation', invalidates: ['Issuance', 'Sync', 'CaseList'] },
  'issuance.ship': { name: 'shipCertificate', kind: 'mutation', invalidates: ['Issuance', 'Sync'] },
  'issuance.delivered': { name: 'certificateDelivered', kind: 'mutation', invalidates: ['Issuance', 'Sync'] },
  'issuance.document': { name: 'collectionRecord', kind: 'mutation' },
  'issuance.printDocument': { name: 'printCollectionRecord', kind: 'mutation' },

  // 缮证 (issue #12): the form stock and the print queue ('CertificatePrint'); a print also changes
  // what 发证 may do ('Issuance') and queues a platform command ('Sync').
  'certificatePrint.stock': { name: 'formStock', kind: 'query', provides: ['CertificatePrint'] },
  'certificatePrint.receiveBatch': { name: 'receiveFormBatch', kind: 'mutation', invalidates: ['CertificatePrint'] },
  'certificatePrint.forms': { name: 'forms', kind: 'query', provides: ['CertificatePrint'] },
  'certificatePrint.formHistory': { name: 'formHistory', kind: 'query', provides: ['CertificatePrint'] },
  'certificatePrint.changeForm': { name: 'changeForm', kind: 'mutation', invalidates: ['CertificatePrint'] },
  'certificatePrint.queue': { name: 'printQueue', kind: 'query', provides: ['CertificatePrint'] },
  'certificatePrint.print': { name: 'printCertificates', kind: 'mutation', invalidates: ['CertificatePrint', 'Issuance', 'Sync'] },
  'certificatePrint.spoil': { name: 'spoilPrint', kind: 'mutation', invalidates: ['CertificatePrint', 'Issuance'] },
  'certificatePrint.printGrid': { name: 'printFormGrid', kind: 'mutation' },
  // ── E-certificates produced at 登簿 (issue #12); 'Review' so a 登簿 refreshes them.
  'certificates.list': { name: 'eCertificates', kind: 'query', provides: ['Review'] },
  /** File bytes; not cached in the store (large). */
  'certificates.file': { name: 'eCertificateFile', kind: 'query', keepUnusedDataFor: 0 },
  'certificates.retry': { name: 'retryECertificates', kind: 'mutation', invalidates: ['Review', 'Sync'] },
  'certificates.verify': { name: 'verifyECertificate', kind: 'mutation' },
} as const satisfies { [M in MethodName]: EndpointEntry<M> };

export type EndpointTable = typeof ENDPOINTS;
