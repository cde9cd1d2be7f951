import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHOD_NAMES, ROLES, type MethodName, type Role } from '../../../electron/contract';
import { makeWorkstation, type TestWorkstation } from '../../support/workstation';

/**
 * Who may call what, written out independently of the contract: if someone widens a method's
 * roles in the contract, this table disagrees and the test fails. Every contract method must be
 * listed here.
 */
const ALL: readonly Role[] = ROLES;
const EXPECTED: Record<MethodName, 'public' | readonly Role[]> = {
  'app.info': 'public',
  'status.get': ALL,
  'setup.initialize': 'public',
  'auth.session': 'public',
  'auth.login': 'public',
  'auth.logout': ALL,
  'auth.lock': ALL,
  'auth.activity': ALL,
  'auth.unlock': ALL,
  'auth.changePassword': ALL,
  'users.list': ['admin'],
  'users.create': ['admin'],
  'users.update': ['admin'],
  'users.setDisabled': ['admin'],
  'users.resetPassword': ['admin'],
  'users.unlock': ['admin'],
  'audit.list': ['admin'],
  'audit.verify': ['admin'],
  'config.get': ALL,
  'config.update': ['admin'],
  'recovery.restoreBackup': 'public',
  'recovery.startEmpty': 'public',
  'workbench.summary': ALL,
  'devices.readIdCard': ['clerk', 'supervisor', 'admin'],
  'devices.samInfo': ['admin'],
  'devices.printers': ALL,
  'devices.printTestPage': ALL,
  'devices.setCalibration': ['admin'],
  'devices.captureSignature': ['clerk', 'supervisor', 'admin'],
  'devices.cancelSignature': ['clerk', 'supervisor', 'admin'],
  'devices.simulateSign': ALL,
  'devices.simulateSignerCancel': ALL,
  'devices.simulation': ALL,
  'cases.businessTypes': ALL,
  'cases.catalog': ALL,
  'cases.createDraft': ['clerk', 'supervisor', 'admin'],
  'cases.get': ALL,
  'cases.revealParty': ['clerk', 'reviewer', 'supervisor', 'admin'],
  'cases.saveDraft': ['clerk', 'supervisor', 'admin'],
  'cases.signParty': ['clerk', 'supervisor', 'admin'],
  'cases.applySeal': ['clerk', 'supervisor', 'admin'],
  'cases.attachFile': ['clerk', 'supervisor', 'admin'],
  'cases.overrideFees': ['clerk', 'supervisor', 'admin'],
  'cases.accept': ['clerk', 'supervisor', 'admin'],
  'cases.requisition': ['clerk', 'supervisor', 'admin'],
  'cases.reject': ['clerk', 'supervisor', 'admin'],
  'cases.withdraw': ['clerk', 'supervisor', 'admin'],
  'cases.search': ALL,
  'workqueue.get': ['clerk', 'supervisor', 'admin'],
  'certificatePrint.stock': ['supervisor'],
  'certificatePrint.receiveBatch': ['supervisor'],
  'certificatePrint.forms': ['supervisor'],
  'certificatePrint.formHistory': ['supervisor'],
  'certificatePrint.changeForm': ['supervisor'],
  'certificatePrint.queue': ['supervisor'],
  'certificatePrint.print': ['supervisor'],
  'certificatePrint.spoil': ['supervisor'],
  'certificatePrint.printGrid': ['supervisor'],
  'issuance.queue': ['clerk', 'supervisor'],
  'issuance.case': ['clerk', 'supervisor'],
  'issuance.checkCollector': ['clerk', 'supervisor'],
  'issuance.captureSignature': ['clerk', 'supervisor'],
  'issuance.issue': ['clerk', 'supervisor'],
  'issuance.ship': ['clerk', 'supervisor'],
  'issuance.delivered': ['clerk', 'supervisor'],
  'issuance.document': ['clerk', 'supervisor'],
  'issuance.printDocument': ['clerk', 'supervisor'],
  'review.queues': ['reviewer', 'registrar', 'supervisor'],
  'review.claim': ['reviewer', 'registrar', 'supervisor'],
  'review.release': ['reviewer', 'registrar', 'supervisor'],
  'review.reassign': ['supervisor'],
  'review.candidates': ['supervisor'],
  'review.workspace': ['reviewer', 'registrar', 'supervisor'],
  'review.material': ['reviewer', 'registrar', 'supervisor'],
  'review.decide': ['reviewer', 'registrar', 'supervisor'],
  'registration.preview': ['registrar', 'supervisor'],
  'registration.register': ['registrar', 'supervisor'],
  'registration.undo': ['registrar', 'supervisor'],
  'cases.receiveSupplement': ['clerk', 'supervisor'],
  'certificates.list': ['clerk', 'registrar', 'supervisor'],
  'certificates.file': ['clerk', 'registrar', 'supervisor'],
  'certificates.retry': ['registrar', 'supervisor'],
  'certificates.verify': ['clerk', 'registrar', 'supervisor'],
  'cases.timeline': ALL,
  'cases.lookupUnit': ALL,
  'cases.document': ALL,
  'cases.printDocument': ['clerk', 'supervisor', 'admin'],
  'documents.verify': ALL,
  'devices.simulatePlaceCard': ALL,
  'devices.simulateRemoveCard': ALL,
  'sync.status': ALL,
  'sync.queue': ALL,
  'sync.now': ALL,
  'sync.resend': ['supervisor', 'admin'],
  'sync.cancel': ['supervisor', 'admin'],
  'sync.platformUnit': ALL,
  'backups.list': ['admin'],
  'backups.create': ['admin'],
  'backups.restore': ['admin'],
};

const DENIED = new Set(['FORBIDDEN', 'NOT_AUTHENTICATED']);

describe('role × action matrix over every contract method', () => {
  let t: TestWorkstation;
  beforeAll(async () => {
    t = makeWorkstation();
    await t.setup();
    for (const role of ROLES.filter((r) => r !== 'admin')) await t.userWithRole(role, role);
  });
  afterAll(() => t.close());

  it('the table covers exactly the contract', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...METHOD_NAMES].sort());
  });

  // Destructive methods are called with invalid input: access is checked before the input, so an
  // allowed caller gets BAD_REQUEST (nothing happens) and a refused one FORBIDDEN.
  const INVALID = { __invalid__: true };

  for (const method of METHOD_NAMES) {
    for (const role of [...ROLES, null] as const) {
      const expected = EXPECTED[method];
      const allowed = expected === 'public' || (role !== null && expected.includes(role));
      it(`${method} is ${allowed ? 'allowed' : 'refused'} for ${role ?? 'anonymous'}`, async () => {
        const client = role === 'admin' ? 'admin' : (role ?? 'anonymous');
        const r = await t.call(client, method, INVALID as never);
        const code = r.ok ? null : r.error.code;
        if (allowed) expect(DENIED.has(code ?? '')).toBe(false);
        else expect(code).toBe(role === null ? 'NOT_AUTHENTICATED' : 'FORBIDDEN');
      });
    }
  }

  it('a refused call is audited', async () => {
    const before = (await t.ok('admin', 'audit.list', { limit: 1, action: 'access.denied' })).total;
    await t.call('clerk', 'users.list', {});
    const after = await t.ok('admin', 'audit.list', { limit: 1, action: 'access.denied' });
    expect(after.total).toBe(before + 1);
    expect(after.records[0]).toMatchObject({ actor: 'clerk', object: 'users.list', result: 'failure' });
  });

  it('an unknown method is refused as such', async () => {
    expect(await t.call('admin', 'users.drop' as MethodName, {} as never)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });
});
