import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_STATUSES, contract, ROLES, type CaseAction, type ReviewStage, type Role } from '../../../../electron/contract';
import type { CaseStatus } from '../../../../electron/core/cases/case-record';
import { caseReads, caseWrites } from '../../../../electron/core/cases/case-repository';
import { allowedActions, counterCaseActions, LIFECYCLE, lifecycleRow, type LifecycleRow, type PlatformEvent } from '../../../../electron/core/cases/lifecycle';
import type { Session } from '../../../../electron/core/auth/sessions';
import type { OfficeCaseRow } from '../../../../electron/core/review/office-cache';
import { requireOfficeAction, STATUS_OF_STAGE } from '../../../../electron/core/review/review-view';
import { applyPlatformEvent, performAction } from '../../../../electron/core/cases/transition';
import type { CallContext } from '../../../../electron/core/services';
import { UNIT } from '../../../support/cases';
import { makeWorkstation, type TestWorkstation } from '../../../support/workstation';

/**
 * The case lifecycle, generated from its table (core/cases/lifecycle.ts): every staff action × every
 * state × every role, and every platform event × every state, performed on a real database. A row
 * performs exactly when the table says so, leads to its state, queues its outbox command and writes
 * its audit record — or, when refused, changes nothing.
 */
const STAFF_ACTIONS = [...new Set(LIFECYCLE.filter((r) => r.by !== 'platform').map((r) => r.action as CaseAction))];
const PLATFORM_EVENTS = [...new Set(LIFECYCLE.filter((r) => r.by === 'platform').map((r) => r.action as PlatformEvent))];
const SEIZURE_MATERIALS = ['courtAssistanceNotice', 'courtRuling', 'courtOfficerCredentials'].map((materialId) => ({ materialId, copies: 1 }));

describe('case lifecycle: the table performed', () => {
  let t: TestWorkstation;
  const userIds = new Map<Role, number>();
  let unitSerial = 0;

  beforeAll(async () => {
    t = makeWorkstation({ config: { workstationId: 'A7', devices: { idcard: 'none', sigpad: 'none', printer: 'none-printer' } }, platform: null });
    await t.setup();
    for (const role of ROLES) if (role !== 'admin') await t.userWithRole(role, role);
    for (const r of t.ws.services.db().prepare('SELECT id, role FROM users').all() as Array<{ id: number; role: Role }>) if (!userIds.has(r.role)) userIds.set(r.role, r.id);
  }, 60_000);
  afterAll(() => t.close());

  function ctxOf(role: Role): CallContext {
    const userId = userIds.get(role) as number;
    return {
      clientId: `matrix-${role}`,
      session: { userId, username: role, displayName: role, role, locked: false, mustChangePassword: false, lastActivity: 0 },
      services: t.ws.services,
      now: t.clock.now(),
    };
  }

  /** A 查封 case that meets every acceptance rule (no applicants sign), forced into `status`. */
  async function caseIn(status: CaseStatus): Promise<number> {
    const d = await t.ok('clerk', 'cases.createDraft', { businessType: 'seizure' });
    unitSerial++;
    const unitCode = `430102003004GB00123F0001${String(1000 + unitSerial).slice(-4)}`;
    await t.ok('clerk', 'cases.saveDraft', { id: d.id, coOwnership: null, parties: [], units: [{ ...UNIT, unitCode }], materialsReceived: SEIZURE_MATERIALS });
    // A case past the counter was accepted (its number given, its submission queued), then moved
    // on: the state is forced for the test.
    if (!['draft', 'requisitioned', 'rejected'].includes(status)) await t.ok('clerk', 'cases.accept', { id: d.id });
    if (status !== 'draft') t.ws.services.db().prepare('UPDATE cases SET status = ? WHERE id = ?').run(status, d.id);
    return d.id;
  }

  function counts(id: number) {
    const db = t.ws.services.db();
    return {
      audit: (db.prepare('SELECT count(*) AS n FROM audit_log WHERE object = ?').get(`case:${id}`) as { n: number }).n,
      outbox: db.prepare('SELECT kind FROM outbox WHERE case_id = ? ORDER BY id').all(id).map((r) => (r as { kind: string }).kind),
    };
  }

  it('every staff action × state × role: performed exactly as the table says, or refused with nothing written', async () => {
    const outcomes: string[] = [];
    for (const action of STAFF_ACTIONS) {
      for (const status of CASE_STATUSES) {
        const row = lifecycleRow(action, status);
        // A refusal changes nothing, so the next role tries the same case; a performed row needs a fresh one.
        let id = await caseIn(status);
        for (const role of ROLES) {
          const c = caseReads.byId(t.ws.services.db(), t.ws.services.keys, id);
          if (!c) throw new Error('case vanished');
          const type = t.ws.services.catalog().find((b) => b.id === 'seizure.stateLandHouse');
          if (!type) throw new Error('no seizure type');
          const before = counts(id);
          let error: string | null = null;
          try {
            performAction(ctxOf(role), c, type, action, {
              reason: '测试',
              reasons: ['测试理由'],
              // Acceptance gives the case its number (the submission names it), as cases.accept does.
              write:
                action === 'accept'
                  ? (db) => caseWrites.markAccepted(db, id, { caseNumber: `430102-20261127-A7-${String(5000 + id).slice(-4)}`, promisedDate: '2026-12-11', by: role }, t.clock.now())
                  : undefined,
            });
          } catch (e) {
            error = (e as { code?: string }).code ?? String(e);
          }
          const after = counts(id);
          const now = caseReads.statusOf(t.ws.services.db(), id);
          const label = `${action} on ${status} by ${role}`;
          if (!row) {
            expect(error, label).toBe('CASE_STATE_CONFLICT');
          } else if (row.by === 'platform' || !row.by.includes(role)) {
            expect(error, label).toBe('CASE_ACTION_NOT_ALLOWED');
          } else {
            expect(error, label).toBeNull();
            expect(now, label).toBe(row.to ?? status);
            expect(after.audit, label).toBe(before.audit + 1);
            expect(after.outbox, label).toEqual(row.outbox ? [...before.outbox, row.outbox] : before.outbox);
            outcomes.push(label);
            id = await caseIn(status);
            continue;
          }
          expect(now, label).toBe(status);
          expect(after, label).toEqual(before);
        }
      }
    }
    // The matrix did perform the counter's path; the office's rows are never performed on the counter's own case.
    expect(outcomes).toEqual(expect.arrayContaining(['accept on draft by clerk', 'withdraw on approved by clerk']));
    expect(outcomes.filter((o) => /^(claim|approve|refuse|register|undoRegistration|certify|deliver) /.test(o))).toEqual([]);
  }, 180_000);

  it('every platform event × state: applied only from the states its rows start from', async () => {
    for (const event of PLATFORM_EVENTS) {
      for (const status of CASE_STATUSES) {
        const id = await caseIn(status);
        const db = t.ws.services.db();
        const row: LifecycleRow | undefined = lifecycleRow(event, status);
        const applied = db.transaction(() => applyPlatformEvent(db, id, event, t.clock.now(), { reason: '平台' }))();
        const label = `${event} on ${status}`;
        // The one rule of a platform row: a withdrawal the platform executed is not undone by 登簿.
        expect(applied, label).toBe(row !== undefined);
        expect(caseReads.statusOf(db, id), label).toBe(row ? (row.to ?? status) : status);
      }
    }
    // 登簿 after a withdrawal the platform confirmed changes nothing.
    const id = await caseIn('withdrawn');
    const db = t.ws.services.db();
    db.prepare("INSERT INTO platform_events (case_id, cursor, kind, at, data, received_at) VALUES (?, 'w-1', 'case.withdrawn', ?, '{}', ?)").run(id, t.clock.now().toISOString(), t.clock.now().toISOString());
    expect(db.transaction(() => applyPlatformEvent(db, id, 'platform.registered', t.clock.now()))()).toBe(false);
    expect(caseReads.statusOf(db, id)).toBe('withdrawn');
  }, 120_000);

  it('a row whose own writes fail leaves the case, the outbox and the audit log as they were (one transaction)', async () => {
    const id = await caseIn('draft');
    const db = t.ws.services.db();
    const c = caseReads.byId(db, t.ws.services.keys, id);
    const type = t.ws.services.catalog().find((b) => b.id === 'seizure.stateLandHouse');
    if (!c || !type) throw new Error('fixture');
    const before = counts(id);
    expect(() =>
      performAction(ctxOf('clerk'), c, type, 'accept', {
        write: (w) => {
          caseWrites.markAccepted(w, id, { caseNumber: '430102-20261127-A7-0999', promisedDate: '2026-12-01', by: 'clerk' }, t.clock.now());
          throw new Error('disk full');
        },
      }),
    ).toThrow('disk full');
    expect(caseReads.byId(db, t.ws.services.keys, id)).toMatchObject({ status: 'draft', caseNumber: null });
    expect(counts(id)).toEqual(before);
  });

  it('the contract lets exactly the roles of its rows call a method', () => {
    const rolesOf = new Map<string, Set<Role>>();
    for (const row of LIFECYCLE) {
      if (row.method === null || row.by === 'platform') continue;
      const roles = rolesOf.get(row.method) ?? new Set<Role>();
      for (const role of row.by) roles.add(role);
      rolesOf.set(row.method, roles);
    }
    expect([...rolesOf.keys()]).toEqual(expect.arrayContaining(['cases.accept', 'review.claim', 'review.decide', 'registration.register', 'registration.undo', 'cases.receiveSupplement']));
    for (const [method, roles] of rolesOf) {
      const access = contract[method as keyof typeof contract].access;
      expect(Array.isArray(access) ? [...access].sort() : access, method).toEqual([...roles].sort());
    }
  });

  it('the office rows: who may claim, decide, 登簿 and 登簿退回 in each stage of the office copy', () => {
    const may = (stage: ReviewStage, role: Role, action: CaseAction): string => {
      try {
        requireOfficeAction({ role } as Session, { stage } as OfficeCaseRow, action);
        return 'yes';
      } catch (e) {
        return (e as { code: string }).code;
      }
    };
    expect(may('firstReview', 'reviewer', 'claim')).toBe('yes');
    expect(may('firstReview', 'registrar', 'claim')).toBe('CASE_ACTION_NOT_ALLOWED');
    expect(may('registration', 'registrar', 'claim')).toBe('yes');
    expect(may('registration', 'reviewer', 'claim')).toBe('CASE_ACTION_NOT_ALLOWED');
    expect(may('secondReview', 'supervisor', 'approve')).toBe('yes');
    expect(may('registration', 'registrar', 'approve')).toBe('STAGE_MISMATCH');
    expect(may('registration', 'registrar', 'register')).toBe('yes');
    expect(may('registration', 'reviewer', 'register')).toBe('CASE_ACTION_NOT_ALLOWED');
    expect(may('firstReview', 'registrar', 'register')).toBe('STAGE_MISMATCH');
    expect(may('registered', 'registrar', 'undoRegistration')).toBe('yes');
    expect(may('registered', 'clerk', 'undoRegistration')).toBe('CASE_ACTION_NOT_ALLOWED');
    expect(may('supplementing', 'clerk', 'resumeReview')).toBe('yes');
    expect(may('supplementing', 'reviewer', 'resumeReview')).toBe('CASE_ACTION_NOT_ALLOWED');
    expect(may('refused', 'supervisor', 'claim')).toBe('STAGE_MISMATCH');
    // Every office row is reachable from some stage (a row no stage maps to would be dead).
    for (const row of LIFECYCLE.filter((r) => r.subject === 'officeCase')) {
      const stages = (Object.keys(STATUS_OF_STAGE) as ReviewStage[]).filter((st) => row.from.includes(STATUS_OF_STAGE[st]));
      expect(stages.length, `${row.action} from ${row.from.join(',')}`).toBeGreaterThan(0);
    }
  });

  it('allowedActions: what a role may do to a case in each state', () => {
    expect(allowedActions('draft', 'clerk')).toEqual(['edit', 'sign', 'applySeal', 'accept', 'requisition', 'reject', 'withdraw']);
    expect(allowedActions('requisitioned', 'supervisor')).toEqual(['edit', 'sign', 'applySeal', 'accept', 'requisition', 'reject', 'withdraw']);
    expect(allowedActions('draft', 'reviewer')).toEqual([]);
    expect(allowedActions('accepted', 'clerk')).toEqual(['withdraw']);
    expect(allowedActions('supplementing', 'clerk')).toEqual(['withdraw']);
    expect(counterCaseActions('supplementing', 'clerk')).toEqual(['withdraw', 'resumeReview']);
    expect(counterCaseActions('supplementing', 'reviewer')).toEqual([]);
    for (const ended of ['registered', 'certified', 'delivered', 'closed', 'rejected', 'withdrawn', 'refused'] as const) {
      for (const role of ROLES) expect(allowedActions(ended, role), `${ended} ${role}`).toEqual([]);
    }
  });
});
