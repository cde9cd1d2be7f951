import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHOD_NAMES, type MethodName, type Result } from '../../../electron/contract';
import { openBody, outboxWrites } from '../../../electron/core/sync/outbox-repository';
import { applyOfficeCase } from '../../../electron/core/review/office-cache';
import { BUYER, SELLER_1, SELLER_2, TRANSFER_RECEIVED, UNIT, acceptTransfer, until } from '../../support/cases';
import { makeWorkstation, type TestWorkstation } from '../../support/workstation';
import { BANK, SEAL_PIN, bankSealFile, base64Of } from '../../support/e-seal';

/**
 * Audit coverage (DOMAIN.md §8, QUALITY.md "Nobody gets in…"): every contract method is listed
 * here — the Record makes the compiler refuse a method that is missing — as either
 *   - audited: it touches personal data or is one of the audited kinds (view of personal data,
 *     edit, print, export, device read, config change, sync dead-letter action, security event),
 *     with a call on the fixture that must write at least one new audit record; or
 *   - none: with the one-line reason it needs no record.
 * Views (cases.get, cases.search) are recorded once per session × object per 10 minutes, so each
 * call here uses a session/object pair not seen before.
 */
type Category = 'view' | 'edit' | 'print' | 'export' | 'device-read' | 'config-change' | 'dead-letter' | 'security';

interface Fixture {
  t: TestWorkstation;
  /** An accepted transfer (parties BUYER, SELLER_1, SELLER_2; its submission waits in the outbox). */
  accepted: number;
}
type Call = (fx: Fixture, prepared: number) => Promise<Result<unknown>>;
type Entry =
  | { none: string }
  | {
      audited: Category;
      /** Runs before the audit log is read (its own records do not count); returns e.g. an id. */
      prepare?: (fx: Fixture) => Promise<number>;
      call: Call;
      /** The call may fail here (no printer in the test machine), but its failure must be audited. */
      mayFail?: true;
    };

const CLERK_PASSWORD = 'Pw#2026-krelc';
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]).toString('base64');

async function draft(fx: Fixture, withParties = false): Promise<number> {
  const d = await fx.t.ok('clerk', 'cases.createDraft', { businessType: 'transfer' });
  if (withParties) {
    await fx.t.ok('clerk', 'cases.saveDraft', { id: d.id, coOwnership: 'sole', parties: [BUYER, SELLER_1, SELLER_2], units: [UNIT], materialsReceived: TRANSFER_RECEIVED });
  }
  return d.id;
}

async function signing<T>(fx: Fixture, start: () => Promise<Result<T>>): Promise<Result<T>> {
  await until(async () => ((await fx.t.ok('clerk', 'status.get', {})).devices.find((d) => d.kind === 'sigpad')?.state === 'connected' ? true : undefined), 'pad');
  const pending = start();
  await until(async () => ((await fx.t.ok('clerk', 'devices.simulation', {})).sigpad?.signing ? true : undefined), 'pad signing');
  await fx.t.ok('clerk', 'devices.simulateSign', { sample: 'zhangSan' });
  return pending;
}

async function loginAs(fx: Fixture, client: string): Promise<number> {
  await fx.t.ok(client, 'auth.login', { username: 'clerk', password: CLERK_PASSWORD });
  return 0;
}

async function newUser(fx: Fixture): Promise<number> {
  const n = Math.floor(Math.random() * 1e9);
  return (await fx.t.ok('admin', 'users.create', { username: `user${n}`, displayName: `用户${n}`, role: 'clerk', temporaryPassword: 'Temp#2026ab' })).id;
}

/** The accepted case as the office's feed gives it to review desks (office.case), in this workstation's office cache. */
async function officeCase(fx: Fixture): Promise<number> {
  const db = fx.t.ws.services.db();
  const keys = fx.t.ws.services.keys;
  const row = db.prepare("SELECT c.case_number AS caseNumber, o.body_sealed AS sealed FROM cases c JOIN outbox o ON o.case_id = c.id AND o.kind = 'case.submit' WHERE c.id = ?").get(fx.accepted) as {
    caseNumber: string;
    sealed: Buffer;
  };
  const data = { platformCaseId: 'P00000001', officialNumber: null, stage: 'firstReview', claim: null, promisedDate: null, submittedBy: { workstation: '430102-A7', clerkName: 'clerk' } };
  const body = JSON.parse(openBody(keys, { sealedBody: row.sealed })) as Record<string, unknown>;
  const id = db.transaction(() => applyOfficeCase(db, keys, row.caseNumber, new Date().toISOString(), { ...data, case: body }, new Date(), () => undefined))();
  if (id === null) throw new Error('office case not cached');
  return id;
}

function deadLetterOf(fx: Fixture): number {
  const db = fx.t.ws.services.db();
  const row = db.prepare("SELECT id FROM outbox WHERE case_id = ? AND state = 'pending' ORDER BY id LIMIT 1").get(fx.accepted) as { id: number };
  outboxWrites.markDead(db, row.id, { error: '测试：平台拒收', code: 'PLATFORM_REJECTED' });
  return row.id;
}

const COVERAGE: Record<MethodName, Entry> = {
  'app.info': { none: 'version and set-up state; no personal data' },
  'status.get': { none: 'device and link states; no personal data' },
  // Called on a fresh workstation below (it can run once per data folder).
  'setup.initialize': { audited: 'config-change', call: async () => ({ ok: true, value: null }) },
  'auth.session': { none: "the caller's own session" },
  'auth.login': { audited: 'security', call: (fx) => fx.t.call('login-1', 'auth.login', { username: 'clerk', password: CLERK_PASSWORD }) },
  'auth.logout': { audited: 'security', prepare: (fx) => loginAs(fx, 'logout-1'), call: (fx) => fx.t.call('logout-1', 'auth.logout', {}) },
  'auth.lock': { audited: 'security', prepare: (fx) => loginAs(fx, 'lock-1'), call: (fx) => fx.t.call('lock-1', 'auth.lock', {}) },
  'auth.activity': { none: 'keeps the session awake; no data' },
  'auth.unlock': {
    audited: 'security',
    prepare: async (fx) => (await loginAs(fx, 'unlock-1'), await fx.t.ok('unlock-1', 'auth.lock', {}), 0),
    call: (fx) => fx.t.call('unlock-1', 'auth.unlock', { password: CLERK_PASSWORD }),
  },
  'auth.changePassword': {
    audited: 'security',
    prepare: async (fx) => (await fx.t.userWithRole('pwchange', 'clerk'), 0),
    call: (fx) => fx.t.call('pwchange', 'auth.changePassword', { currentPassword: 'Pw#2026-egnahcwp', newPassword: 'Other#Pass2026x' }),
  },
  'users.list': { none: 'staff accounts (no applicant data), admin only' },
  'users.create': { audited: 'edit', call: (fx) => fx.t.call('admin', 'users.create', { username: 'created1', displayName: '新用户', role: 'clerk', temporaryPassword: 'Temp#2026ab' }) },
  'users.update': { audited: 'edit', prepare: newUser, call: (fx, id) => fx.t.call('admin', 'users.update', { id, displayName: '改名' }) },
  'users.setDisabled': { audited: 'edit', prepare: newUser, call: (fx, id) => fx.t.call('admin', 'users.setDisabled', { id, disabled: true }) },
  'users.resetPassword': { audited: 'edit', prepare: newUser, call: (fx, id) => fx.t.call('admin', 'users.resetPassword', { id, temporaryPassword: 'Reset#2026ab' }) },
  'users.unlock': { audited: 'edit', prepare: newUser, call: (fx, id) => fx.t.call('admin', 'users.unlock', { id }) },
  'audit.list': { none: 'the audit log itself (no unmasked numbers in it), admin only' },
  'audit.verify': { audited: 'security', call: (fx) => fx.t.call('admin', 'audit.verify', {}) },
  'config.get': { none: 'configuration; no personal data' },
  'config.update': { audited: 'config-change', call: (fx) => fx.t.call('admin', 'config.update', { officeName: '芙蓉区不动产登记中心（测试）' }) },
  'recovery.restoreBackup': { none: 'recovery mode only (no database open to audit into); refused otherwise' },
  'recovery.startEmpty': { none: 'recovery mode only (no database open to audit into); refused otherwise' },
  'workbench.summary': { none: 'counts only' },
  'devices.readIdCard': {
    audited: 'device-read',
    prepare: async (fx) => (await fx.t.ok('clerk', 'devices.simulatePlaceCard', { card: 'miao' }), 0),
    call: (fx) => fx.t.call('clerk', 'devices.readIdCard', { timeoutSeconds: 5 }),
  },
  'devices.samInfo': { none: 'the SAM module’s serial number; no personal data' },
  'devices.printers': { none: 'printer list' },
  'devices.printTestPage': { audited: 'print', mayFail: true, call: (fx) => fx.t.call('admin', 'devices.printTestPage', {}) },
  'devices.setCalibration': { audited: 'config-change', call: (fx) => fx.t.call('admin', 'devices.setCalibration', { printer: 'office-a4', xMm: 1.5, yMm: -0.5 }) },
  'devices.captureSignature': { audited: 'device-read', call: (fx) => signing(fx, () => fx.t.call('clerk', 'devices.captureSignature', { timeoutSeconds: 20 })) },
  'devices.cancelSignature': { none: 'cancels a capture; the capture itself records its outcome' },
  'devices.simulation': { none: 'training simulator state (fictional cards)' },
  'devices.simulatePlaceCard': { none: 'training simulator (fictional cards)' },
  'devices.simulateSign': { none: 'training simulator' },
  'devices.simulateSignerCancel': { none: 'training simulator' },
  'devices.simulateRemoveCard': { none: 'training simulator' },
  'cases.businessTypes': { none: 'the office’s catalogue' },
  'cases.catalog': { none: 'the office’s registration catalogue' },
  'cases.createDraft': { audited: 'edit', call: (fx) => fx.t.call('clerk', 'cases.createDraft', { businessType: 'transfer' }) },
  'cases.get': { audited: 'view', prepare: (fx) => draft(fx, true), call: (fx, id) => fx.t.call('supervisor', 'cases.get', { id }) },
  'cases.revealParty': { audited: 'view', call: (fx) => fx.t.call('clerk', 'cases.revealParty', { id: fx.accepted, ordinal: 1, field: 'idNumber' }) },
  'cases.saveDraft': {
    audited: 'edit',
    prepare: (fx) => draft(fx),
    call: (fx, id) => fx.t.call('clerk', 'cases.saveDraft', { id, coOwnership: 'sole', parties: [BUYER, SELLER_1], units: [UNIT], materialsReceived: TRANSFER_RECEIVED }),
  },
  'cases.signParty': { audited: 'device-read', prepare: (fx) => draft(fx, true), call: (fx, id) => signing(fx, () => fx.t.call('clerk', 'cases.signParty', { id, ordinal: 1, timeoutSeconds: 20 })) },
  'cases.applySeal': {
    audited: 'edit',
    prepare: async (fx) => {
      const d = await fx.t.ok('clerk', 'cases.createDraft', { businessType: 'mortgageFirst' });
      await fx.t.ok('clerk', 'cases.saveDraft', { id: d.id, coOwnership: null, parties: [BANK, BUYER], units: [UNIT], materialsReceived: [] });
      return d.id;
    },
    call: (fx, id) => fx.t.call('clerk', 'cases.applySeal', { id, ordinal: 1, sealFileBase64: base64Of(bankSealFile()), pin: SEAL_PIN }),
  },
  'cases.attachFile': {
    audited: 'edit',
    prepare: (fx) => draft(fx),
    call: (fx, id) => fx.t.call('clerk', 'cases.attachFile', { id, materialId: 'applicationForm', fileName: '申请书.png', mediaType: 'image/png', dataBase64: PNG }),
  },
  'cases.overrideFees': {
    audited: 'edit',
    prepare: (fx) => draft(fx, true),
    call: (fx, id) => fx.t.call('clerk', 'cases.overrideFees', { id, lines: [{ code: '1041501', name: '住宅类不动产登记费', amountFen: 4000 }], reason: '测试：减半收取' }),
  },
  'cases.accept': { audited: 'edit', mayFail: true, prepare: (fx) => draft(fx, true), call: (fx, id) => fx.t.call('clerk', 'cases.accept', { id }) },
  'cases.requisition': { audited: 'edit', prepare: (fx) => draft(fx, true), call: (fx, id) => fx.t.call('clerk', 'cases.requisition', { id, missing: ['户口簿'] }) },
  'cases.reject': { audited: 'edit', prepare: (fx) => draft(fx, true), call: (fx, id) => fx.t.call('clerk', 'cases.reject', { id, reasons: ['不符合受理条件'] }) },
  'cases.withdraw': { audited: 'edit', prepare: (fx) => draft(fx, true), call: (fx, id) => fx.t.call('clerk', 'cases.withdraw', { id, reason: '申请人撤回' }) },
  'cases.search': { audited: 'view', call: (fx) => fx.t.call('reviewer', 'cases.search', { text: '周晓岚' }) },
  'workqueue.get': { audited: 'view', call: (fx) => fx.t.call('clerk', 'workqueue.get', {}) },
  // Review desks (issue #11): a case of the office cache; without a platform the online commands
  // are refused (PLATFORM_OFFLINE), and refusals are audited like successes.
  'review.queues': { audited: 'view', call: (fx) => fx.t.call('reviewer', 'review.queues', { queue: 'firstReview' }) },
  'review.candidates': { none: 'staff names and roles of the office, no party data' },
  // 发证: the office case is still in review here, so the changes are refused — and audited.
  'issuance.queue': { audited: 'view', call: (fx) => fx.t.call('clerk', 'issuance.queue', {}) },
  'issuance.case': { audited: 'view', prepare: officeCase, call: (fx, id) => fx.t.call('clerk', 'issuance.case', { caseId: id }) },
  'issuance.checkCollector': { audited: 'edit', mayFail: true, prepare: officeCase, call: (fx, id) => fx.t.call('clerk', 'issuance.checkCollector', { caseId: id, cardToken: 'x'.repeat(24) }) },
  'issuance.captureSignature': { audited: 'edit', mayFail: true, prepare: officeCase, call: (fx, id) => fx.t.call('clerk', 'issuance.captureSignature', { caseId: id, cardToken: 'x'.repeat(24) }) },
  'issuance.issue': { audited: 'edit', mayFail: true, prepare: officeCase, call: (fx, id) => fx.t.call('clerk', 'issuance.issue', { caseId: id, method: 'electronic' }) },
  'issuance.ship': { audited: 'edit', mayFail: true, prepare: officeCase, call: (fx, id) => fx.t.call('clerk', 'issuance.ship', { caseId: id, carrier: 'ems', waybill: 'EA123456785CN' }) },
  'issuance.delivered': { audited: 'edit', mayFail: true, prepare: officeCase, call: (fx, id) => fx.t.call('clerk', 'issuance.delivered', { caseId: id }) },
  'issuance.document': { audited: 'view', mayFail: true, prepare: officeCase, call: (fx, id) => fx.t.call('clerk', 'issuance.document', { caseId: id }) },
  'issuance.printDocument': { audited: 'print', mayFail: true, prepare: officeCase, call: (fx, id) => fx.t.call('clerk', 'issuance.printDocument', { caseId: id }) },
  // 缮证: the stock holds no personal data; every change of a sheet and every print is audited, refusals too.
  'certificatePrint.stock': { none: 'counts and batches of blank forms; no personal data' },
  'certificatePrint.forms': { none: 'blank forms and their states; no personal data' },
  'certificatePrint.formHistory': { none: "a blank form's states with staff names; no party data" },
  'certificatePrint.receiveBatch': { audited: 'edit', call: (fx) => fx.t.call('supervisor', 'certificatePrint.receiveBatch', { year: 2026, countyCode: '430102', formType: 'certificate', firstSerial: '43000123401', lastSerial: '43000123410' }) },
  'certificatePrint.changeForm': { audited: 'edit', mayFail: true, call: (fx) => fx.t.call('supervisor', 'certificatePrint.changeForm', { serial: '43000999999', action: 'void', reason: '测试' }) },
  'certificatePrint.queue': { audited: 'view', call: (fx) => fx.t.call('supervisor', 'certificatePrint.queue', {}) },
  'certificatePrint.print': { audited: 'print', mayFail: true, prepare: officeCase, call: (fx, id) => fx.t.call('supervisor', 'certificatePrint.print', { items: [{ caseId: id, number: 'x', formSerial: '43000123401' }] }) },
  'certificatePrint.spoil': { audited: 'edit', mayFail: true, call: (fx) => fx.t.call('supervisor', 'certificatePrint.spoil', { number: 'x', formSerial: '43000123401', reason: '卡纸' }) },
  'certificatePrint.printGrid': { audited: 'print', mayFail: true, call: (fx) => fx.t.call('supervisor', 'certificatePrint.printGrid', { printer: 'no-such-printer-bdc' }) },
  'review.workspace': { audited: 'view', prepare: officeCase, call: (fx, id) => fx.t.call('reviewer', 'review.workspace', { caseId: id }) },
  'review.material': { audited: 'view', mayFail: true, prepare: officeCase, call: (fx, id) => fx.t.call('reviewer', 'review.material', { caseId: id, sm3: '0'.repeat(64) }) },
  'review.claim': { audited: 'edit', mayFail: true, prepare: officeCase, call: (fx, id) => fx.t.call('reviewer', 'review.claim', { caseId: id }) },
  'review.release': { audited: 'edit', mayFail: true, prepare: officeCase, call: (fx, id) => fx.t.call('reviewer', 'review.release', { caseId: id }) },
  'review.reassign': { audited: 'edit', mayFail: true, prepare: officeCase, call: (fx, id) => fx.t.call('supervisor', 'review.reassign', { caseId: id, to: 'reviewer' }) },
  'review.decide': { audited: 'edit', mayFail: true, prepare: officeCase, call: (fx, id) => fx.t.call('reviewer', 'review.decide', { caseId: id, decision: 'pass', opinion: '测试' }) },
  'registration.preview': { none: 'what 登簿 will write: register entries the desk already sees, no new personal data' },
  'registration.register': { audited: 'edit', mayFail: true, prepare: officeCase, call: (fx, id) => fx.t.call('supervisor', 'registration.register', { caseId: id }) },
  'registration.undo': { audited: 'edit', mayFail: true, prepare: officeCase, call: (fx, id) => fx.t.call('supervisor', 'registration.undo', { caseId: id, reason: '测试' }) },
  'cases.receiveSupplement': { audited: 'edit', mayFail: true, prepare: officeCase, call: (fx) => fx.t.call('clerk', 'cases.receiveSupplement', { caseId: fx.accepted, note: '测试' }) },
  'certificates.list': { audited: 'view', prepare: officeCase, call: (fx, id) => fx.t.call('supervisor', 'certificates.list', { officeCaseId: id }) },
  'certificates.file': { audited: 'export', mayFail: true, call: (fx) => fx.t.call('supervisor', 'certificates.file', { identifier: '1.2.156.3005.2.11100000MB03271699001.12430102MB0000001A.20260200001.001.X', format: 'pdf' }) },
  'certificates.retry': { audited: 'edit', prepare: officeCase, call: (fx, id) => fx.t.call('supervisor', 'certificates.retry', { officeCaseId: id }) },
  'certificates.verify': { none: 'checks a document the caller already holds; nothing is stored' },
  'cases.timeline': { none: 'the case’s history: actions, staff and reasons, no party data' },
  'cases.lookupUnit': { none: 'a unit’s address and case ids, no party data' },
  'cases.document': { audited: 'export', call: (fx) => fx.t.call('clerk', 'cases.document', { id: fx.accepted, kind: 'acceptanceReceipt' }) },
  'cases.printDocument': { audited: 'print', mayFail: true, call: (fx) => fx.t.call('clerk', 'cases.printDocument', { id: fx.accepted, kind: 'acceptanceReceipt' }) },
  'documents.verify': { none: 'checks a document code: office, case number, date; the case with names and masked numbers, as the case list shows them' },
  'sync.status': { none: 'link state and counts' },
  'sync.queue': { none: 'outbox entries: kinds, states, case numbers and errors, no party data' },
  'sync.now': { none: 'wakes the sync engine' },
  'sync.resend': { audited: 'dead-letter', prepare: async (fx) => deadLetterOf(fx), call: (fx, id) => fx.t.call('supervisor', 'sync.resend', { id }) },
  'sync.cancel': { audited: 'dead-letter', prepare: async (fx) => deadLetterOf(fx), call: (fx, id) => fx.t.call('supervisor', 'sync.cancel', { id, reason: '测试：放弃发送' }) },
  'sync.platformUnit': { audited: 'view', call: (fx) => fx.t.call('clerk', 'sync.platformUnit', { unitCode: UNIT.unitCode }) },
  'backups.list': { none: 'file names, sizes and dates' },
  'backups.create': { audited: 'export', call: (fx) => fx.t.call('admin', 'backups.create', {}) },
  // Last: it replaces the live database (the restore's record lands in the restored one).
  'backups.restore': {
    audited: 'config-change',
    prepare: async (fx) => (await fx.t.ok('admin', 'backups.create', {}), 0),
    call: async (fx) => {
      const [newest] = await fx.t.ok('admin', 'backups.list', {});
      return fx.t.call('admin', 'backups.restore', { file: newest.file });
    },
  },
};

const ID_NUMBERS = [BUYER.idNumber, SELLER_1.idNumber, SELLER_2.idNumber];

describe('audit coverage over every contract method', () => {
  let fx: Fixture;
  beforeAll(async () => {
    const t = makeWorkstation({ startDevices: true });
    await t.setup();
    for (const role of ['clerk', 'reviewer', 'supervisor'] as const) await t.userWithRole(role, role);
    fx = { t, accepted: await acceptTransfer(t) };
  }, 60_000);
  afterAll(() => fx.t.close());

  it('the table covers exactly the contract', () => {
    expect(Object.keys(COVERAGE).sort()).toEqual([...METHOD_NAMES].sort());
  });

  const hashes = () => new Set((fx.t.ws.services.db().prepare('SELECT hash FROM audit_log').all() as Array<{ hash: string }>).map((r) => r.hash));
  const newRecords = (before: Set<string>) =>
    (fx.t.ws.services.db().prepare('SELECT action, result, detail, hash FROM audit_log ORDER BY seq').all() as Array<{ action: string; result: string; detail: string; hash: string }>).filter(
      (r) => !before.has(r.hash),
    );

  for (const [method, entry] of Object.entries(COVERAGE) as Array<[MethodName, Entry]>) {
    if ('none' in entry || method === 'setup.initialize') continue;
    it(`${method} (${entry.audited}) writes an audit record`, async () => {
      const prepared = entry.prepare ? await entry.prepare(fx) : 0;
      const before = hashes();
      const r = await entry.call(fx, prepared);
      if (!entry.mayFail && !r.ok) throw new Error(`${method} failed: ${r.error.code} ${r.error.message}`);
      const added = newRecords(before);
      expect(added.length, `${method} wrote no audit record`).toBeGreaterThan(0);
      // The record says what happened, never the personal numbers themselves.
      for (const rec of added) for (const id of ID_NUMBERS) expect(rec.detail).not.toContain(id);
    });
  }

  it('setup.initialize (config-change) writes an audit record', async () => {
    const fresh = makeWorkstation();
    try {
      await fresh.setup();
      const actions = (fresh.ws.services.db().prepare('SELECT action FROM audit_log').all() as Array<{ action: string }>).map((r) => r.action);
      expect(actions).toContain('setup.initialize');
    } finally {
      await fresh.close();
    }
  });
});

describe('views and shows of personal data', () => {
  let fx: Fixture;
  beforeAll(async () => {
    const t = makeWorkstation({ startDevices: true });
    await t.setup();
    for (const role of ['clerk', 'reviewer', 'registrar'] as const) await t.userWithRole(role, role);
    fx = { t, accepted: await acceptTransfer(t) };
  }, 60_000);
  afterAll(() => fx.t.close());

  const viewsOf = (id: number) =>
    (fx.t.ws.services.db().prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'cases.view' AND object = ?").get(`case:${id}`) as { n: number }).n;

  it('a case view is recorded once per session × case per 10 minutes, not on every refetch', async () => {
    const before = viewsOf(fx.accepted);
    for (let i = 0; i < 5; i++) await fx.t.ok('reviewer', 'cases.get', { id: fx.accepted });
    expect(viewsOf(fx.accepted)).toBe(before + 1);
    fx.t.clock.advance(10 * 60_000);
    await fx.t.ok('reviewer', 'cases.get', { id: fx.accepted });
    expect(viewsOf(fx.accepted)).toBe(before + 2);
    // A new session (log out and in again) is recorded afresh.
    await fx.t.ok('reviewer', 'auth.logout', {});
    await fx.t.ok('reviewer', 'auth.login', { username: 'reviewer', password: 'Pw#2026-reweiver' });
    await fx.t.ok('reviewer', 'cases.get', { id: fx.accepted });
    expect(viewsOf(fx.accepted)).toBe(before + 3);
    // Views are audited but are not the case's history.
    const timeline = await fx.t.ok('reviewer', 'cases.timeline', { id: fx.accepted });
    expect(timeline.map((e) => e.action)).not.toContain('cases.view');
  });

  it('the screen gets masked numbers; “显示” gives the full value to allowed roles and audits who saw which field', async () => {
    const view = await fx.t.ok('clerk', 'cases.get', { id: fx.accepted });
    expect(view.parties[0]).toMatchObject({ idNumberMasked: '433124********0267', phoneMasked: '0731-****1234' });
    expect(JSON.stringify(view)).not.toContain(BUYER.idNumber);

    expect(await fx.t.ok('clerk', 'cases.revealParty', { id: fx.accepted, ordinal: 1, field: 'idNumber' })).toEqual({ value: BUYER.idNumber });
    expect(await fx.t.ok('reviewer', 'cases.revealParty', { id: fx.accepted, ordinal: 2, field: 'phone' })).toEqual({ value: SELLER_1.phone });
    expect(await fx.t.ok('clerk', 'cases.revealParty', { id: fx.accepted, ordinal: 3, field: 'phone' })).toEqual({ value: null });
    expect(await fx.t.call('registrar', 'cases.revealParty', { id: fx.accepted, ordinal: 1, field: 'idNumber' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await fx.t.call('clerk', 'cases.revealParty', { id: fx.accepted, ordinal: 9, field: 'idNumber' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });

    const records = await fx.t.ok('admin', 'audit.list', { limit: 10, action: 'cases.revealParty' });
    expect(records.records.slice(0, 3).map((r) => [r.actor, r.object, r.detail])).toEqual([
      ['clerk', `case:${fx.accepted}`, { ordinal: 3, field: 'phone' }],
      ['reviewer', `case:${fx.accepted}`, { ordinal: 2, field: 'phone' }],
      ['clerk', `case:${fx.accepted}`, { ordinal: 1, field: 'idNumber' }],
    ]);
    const all = JSON.stringify(fx.t.ws.services.db().prepare('SELECT * FROM audit_log').all());
    for (const id of [BUYER.idNumber, SELLER_1.idNumber, SELLER_2.idNumber, SELLER_1.phone]) expect(all).not.toContain(id);
    // The show is part of the case's history.
    expect((await fx.t.ok('clerk', 'cases.timeline', { id: fx.accepted })).map((e) => e.action)).toContain('cases.revealParty');
  });

  it('a search listing names is audited with the search text masked', async () => {
    await fx.t.ok('clerk', 'cases.search', { text: BUYER.idNumber });
    const [rec] = (await fx.t.ok('admin', 'audit.list', { limit: 1, action: 'cases.search' })).records;
    expect(rec.detail).toMatchObject({ text: '433124********0267' });
  });

  it('error messages leave core masked', async () => {
    const d = await fx.t.ok('clerk', 'cases.createDraft', { businessType: 'transfer' });
    // A party name that carries an ID number and a phone ends up in a message: they come back masked.
    const r = await fx.t.call('clerk', 'cases.saveDraft', {
      id: d.id,
      coOwnership: 'sole',
      parties: [{ role: 'holder', name: `张三（${BUYER.idNumber}，13807310001）`, idNumber: '' }],
      units: [],
      materialsReceived: [],
    });
    expect(r.ok).toBe(false);
    const text = JSON.stringify(r);
    expect(text).not.toContain(BUYER.idNumber);
    expect(text).not.toContain('13807310001');
    expect(text).toContain('433124********0267');
  });
});
