import { afterEach, describe, expect, it } from 'vitest';
import { applyChangesPage } from '../../../../electron/core/sync/change-application';
import type { FeedChange } from '../../../../electron/core/sync/platform-answers';
import { syncState } from '../../../../electron/core/sync/sync-state';
import { until } from '../../../support/cases';
import { acceptSeizure } from '../../../support/sync-cases';
import { ADMIN, makeWorkstation, type TestWorkstation } from '../../../support/workstation';
import { acceptSignedTransfer, syncWorld, untilOutbox, type SyncWorld } from './sync-fixture';

/** Applying the platform's change feed to local cases: every kind, in one transaction with the cursor. */
describe('change feed: applying each kind of change', () => {
  let t: TestWorkstation;
  afterEach(() => t.close());

  let seq = 0;
  const change = (caseNumber: string, kind: string, data: Record<string, unknown>): FeedChange => ({
    cursor: (++seq).toString(36),
    caseNumber,
    kind,
    at: new Date(Date.UTC(2026, 10, 28, 1, 0, seq)).toISOString(),
    data,
  });

  async function acceptedTransfer() {
    t = makeWorkstation({ config: { workstationId: 'A7', training: false }, platform: null });
    await t.setup();
    await t.userWithRole('clerk', 'clerk');
    return acceptSignedTransfer(t, 'clerk');
  }

  function apply(...changes: FeedChange[]): number[] {
    return applyChangesPage(t.ws.services.db(), { changes, cursor: changes.at(-1)?.cursor ?? null }, t.clock.now(), (m) => t.logs.push(m));
  }
  const view = (id: number) => t.ok('clerk', 'cases.get', { id });

  it('walks a case through its life: received, reviewing, tax, payment, requisition, approval, 登簿', async () => {
    const c = await acceptedTransfer();
    expect(apply(change(c.caseNumber, 'case.received', { officialNumber: '湘长芙受〔2026〕000042号', platformCaseId: 'P0042' }))).toEqual([c.id]);
    expect(await view(c.id)).toMatchObject({ status: 'submitted', officialNumber: '湘长芙受〔2026〕000042号' });
    // The official number is searchable.
    expect((await t.ok('clerk', 'cases.search', { text: '000042' })).rows.map((r) => r.id)).toEqual([c.id]);

    apply(change(c.caseNumber, 'track.changed', { track: 'registration', status: 'reviewing', label: '审核中' }));
    expect(await view(c.id)).toMatchObject({ status: 'reviewing', tracks: { registration: 'reviewing' } });
    apply(change(c.caseNumber, 'track.changed', { track: 'transaction', status: 'filed', label: '已备案' }));
    apply(change(c.caseNumber, 'tax.notice', { items: [{ name: '契税', amountFen: 1_200_000 }], totalFen: 1_200_000 }));
    expect((await view(c.id)).tracks).toEqual({ registration: 'reviewing', transaction: 'filed', tax: 'notified' });
    apply(change(c.caseNumber, 'payment.result', { paid: false, amountFen: 1_200_000, paidAt: null, channel: 'bank' }));
    expect((await view(c.id)).tracks.tax).toBe('unpaid');
    apply(change(c.caseNumber, 'payment.result', { paid: true, amountFen: 1_200_000, paidAt: '2026-11-28T02:00:00Z', channel: 'bank' }));
    expect((await view(c.id)).tracks.tax).toBe('paid');

    // A payment is not a tax payment unless 税务 assessed tax: see the next test for fees alone.
    // 补正 from the reviewer after acceptance: its own state (supplementing), not the counter's pre-acceptance 补正.
    apply(change(c.caseNumber, 'review.decision', { decision: 'requisition', reasons: ['补充婚姻状况证明'] }));
    expect(await view(c.id)).toMatchObject({ status: 'supplementing', statusReason: '审核要求补正：补充婚姻状况证明' });
    apply(change(c.caseNumber, 'review.decision', { decision: 'approve', reasons: [] }));
    expect(await view(c.id)).toMatchObject({ status: 'approved', statusReason: null });
    apply(change(c.caseNumber, 'registered', { registeredAt: '2026-11-30T03:00:00Z', certificateNumbers: ['湘(2026)长沙市不动产权第0123456号'] }));
    expect(await view(c.id)).toMatchObject({ status: 'registered', certificateNumbers: ['湘(2026)长沙市不动产权第0123456号'], tracks: { registration: 'registered' } });

    // Late or repeated news never moves a case backwards.
    apply(
      change(c.caseNumber, 'track.changed', { track: 'registration', status: 'reviewing', label: '审核中' }),
      change(c.caseNumber, 'review.decision', { decision: 'approve', reasons: [] }),
      change(c.caseNumber, 'review.decision', { decision: 'requisition', reasons: ['迟到的补正'] }),
      change(c.caseNumber, 'case.received', { officialNumber: '湘长芙受〔2026〕000042号', platformCaseId: 'P0042' }),
    );
    expect(await view(c.id)).toMatchObject({ status: 'registered', statusReason: null });

    const timeline = await t.ok('clerk', 'cases.timeline', { id: c.id });
    const platform = timeline.filter((e) => e.actor === '省级平台');
    expect(platform.map((e) => e.action)).toEqual([
      'platform.case.received',
      'platform.track.changed',
      'platform.track.changed',
      'platform.tax.notice',
      'platform.payment.result',
      'platform.payment.result',
      'platform.review.decision',
      'platform.review.decision',
      'platform.registered',
      'platform.track.changed',
      'platform.review.decision',
      'platform.review.decision',
      'platform.case.received',
    ]);
    expect(platform[3]).toMatchObject({ result: 'success', detail: { totalFen: 1_200_000 } });
    // Local records first (the counter worked before the platform did), both in time order.
    expect(timeline.findIndex((e) => e.actor === '省级平台')).toBeGreaterThan(timeline.findIndex((e) => e.action === 'cases.accept'));
  });

  it('a payment of fees alone is not a tax payment: the tax track moves only after a tax notice', async () => {
    const c = await acceptedTransfer();
    expect((await view(c.id)).tracks.tax).toBe('pending');
    // The 80 元 registration fee paid before 税务 assessed anything.
    apply(change(c.caseNumber, 'payment.result', { paid: true, amountFen: 8000, paidAt: '2026-11-28T02:00:00Z', channel: '非税支付平台' }));
    expect((await view(c.id)).tracks.tax).toBe('pending');
    // A 查封 has no tax track at all: a payment result leaves it so.
    const seizure = await acceptSeizure(t, 'clerk');
    expect((await view(seizure.id)).tracks.tax).toBe('not_applicable');
    apply(change(seizure.caseNumber, 'payment.result', { paid: true, amountFen: 8000, paidAt: '2026-11-28T02:00:00Z', channel: '非税支付平台' }));
    expect((await view(seizure.id)).tracks.tax).toBe('not_applicable');
    // After the notice, the one payment of fees and taxes pays the tax.
    apply(change(c.caseNumber, 'tax.notice', { items: [{ name: '契税', amountFen: 805_500 }], totalFen: 805_500 }));
    apply(change(c.caseNumber, 'payment.result', { paid: true, amountFen: 805_500 + 8000, paidAt: '2026-11-28T03:00:00Z', channel: '非税支付平台' }));
    expect((await view(c.id)).tracks.tax).toBe('paid');
  });

  it('a refusal (不予登记) ends the case with the reviewer’s reasons; a withdrawal cancels its tracks', async () => {
    const c = await acceptedTransfer();
    apply(change(c.caseNumber, 'review.decision', { decision: 'reject', reasons: ['申请登记的不动产权属有争议', '材料不齐全'] }));
    // 不予登记 (条例 第22条) is the review's refusal, not the counter's 不予受理.
    expect(await view(c.id)).toMatchObject({ status: 'refused', statusReason: '申请登记的不动产权属有争议；材料不齐全' });
    apply(change(c.caseNumber, 'case.withdrawn', { reason: '申请人撤回' }), change(c.caseNumber, 'registered', { certificateNumbers: ['x'] }));
    expect(await view(c.id)).toMatchObject({ status: 'refused', certificateNumbers: [] });

    const d = await acceptSignedTransfer(t, 'clerk');
    apply(change(d.caseNumber, 'case.withdrawn', { reason: '申请人撤回' }));
    expect(await view(d.id)).toMatchObject({ status: 'withdrawn', statusReason: '申请人撤回', tracks: { registration: 'cancelled', transaction: 'cancelled', tax: 'cancelled' } });
    apply(change(d.caseNumber, 'track.changed', { track: 'tax', status: 'assessing' }));
    expect((await view(d.id)).tracks.tax).toBe('cancelled');
  });

  it('登簿 on the platform wins over a local withdrawal it never took; a withdrawal it confirmed stays', async () => {
    const c = await acceptedTransfer();
    await t.ok('clerk', 'cases.withdraw', { id: c.id, reason: '申请人撤回申请' });
    apply(change(c.caseNumber, 'registered', { certificateNumbers: ['湘(2026)长沙市不动产权第0000001号'] }));
    expect(await view(c.id)).toMatchObject({ status: 'registered', statusReason: '撤回未生效：平台已登簿', certificateNumbers: ['湘(2026)长沙市不动产权第0000001号'] });

    const d = await acceptSignedTransfer(t, 'clerk');
    await t.ok('clerk', 'cases.withdraw', { id: d.id, reason: '申请人撤回申请' });
    apply(change(d.caseNumber, 'case.withdrawn', { reason: '申请人撤回申请' }), change(d.caseNumber, 'registered', { certificateNumbers: ['x'] }));
    expect(await view(d.id)).toMatchObject({ status: 'withdrawn', certificateNumbers: [] });
  });

  it('skips changes of cases it does not hold, applies a change once, and keeps malformed or unknown ones without applying them', async () => {
    const c = await acceptedTransfer();
    const db = t.ws.services.db();
    const foreign = change('430102-20261127-B3-0001', 'case.received', { officialNumber: 'X', platformCaseId: 'P9' });
    expect(apply(foreign)).toEqual([]);
    expect(syncState.get(db, 'feed_cursor')).toBe(foreign.cursor);

    const received = change(c.caseNumber, 'case.received', { officialNumber: '湘长芙受〔2026〕000007号', platformCaseId: 'P7' });
    apply(received);
    expect(apply(received)).toEqual([]);
    expect((db.prepare('SELECT count(*) AS n FROM platform_events WHERE cursor = ?').get(received.cursor) as { n: number }).n).toBe(1);

    const malformed = change(c.caseNumber, 'registered', { certificateNumbers: 'not a list' });
    const unknown = change(c.caseNumber, 'archive.moved', { shelf: 'B-12' });
    expect(apply(malformed, unknown)).toEqual([c.id]);
    expect(await view(c.id)).toMatchObject({ status: 'submitted', certificateNumbers: [] });
    expect(t.logs.join('\n')).toContain('malformed data at certificateNumbers');
    expect(syncState.get(db, 'feed_cursor')).toBe(unknown.cursor);
    const actions = (await t.ok('clerk', 'cases.timeline', { id: c.id })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['platform.registered', 'platform.archive.moved']));
  });

  it('a change that cannot be applied does not stop the feed behind it', async () => {
    const c = await acceptedTransfer();
    const d = await acceptSignedTransfer(t, 'clerk');
    apply(change(c.caseNumber, 'case.received', { officialNumber: '湘长芙受〔2026〕000001号' }));
    // The same official number for another case breaks a UNIQUE constraint: logged, the feed goes on.
    const clash = change(d.caseNumber, 'case.received', { officialNumber: '湘长芙受〔2026〕000001号' });
    const next = change(d.caseNumber, 'track.changed', { track: 'tax', status: 'assessing' });
    apply(clash, next);
    expect(await view(d.id)).toMatchObject({ officialNumber: null, status: 'accepted', tracks: { tax: 'assessing' } });
    expect(syncState.get(t.ws.services.db(), 'feed_cursor')).toBe(next.cursor);
    expect(t.logs.join('\n')).toMatch(/case\.received.*not applied/);
  });
});

/** The feed read from the real stand-in: polled, after deliveries, and resumed from the stored cursor. */
describe('change feed: reading the platform', () => {
  let w: SyncWorld;
  afterEach(() => w?.close());

  it('pulls what the platform decides, keeps the cursor across a restart, and applies nothing twice', async () => {
    w = await syncWorld();
    const c = await acceptSeizure(w.t, 'clerk');
    await untilOutbox(w.t, c.id);
    await until(async () => ((await w.t.ok('clerk', 'cases.get', { id: c.id })).status === 'submitted' ? true : undefined), 'submitted');
    const changed: number[][] = [];
    w.t.ws.onEvent((_client, name, payload) => {
      if (name === 'sync.changed') changed.push((payload as { caseIds: number[] }).caseIds);
    });
    w.platform.admin.appendChange(c.caseNumber, 'track.changed', { track: 'registration', status: 'reviewing', label: '审核中' });
    w.platform.admin.appendChange(c.caseNumber, 'review.decision', { decision: 'approve', reasons: [] });
    await w.t.ok('clerk', 'sync.now', {});
    await w.engine().idle();
    expect(await w.t.ok('clerk', 'cases.get', { id: c.id })).toMatchObject({ status: 'approved' });
    await until(async () => (changed.some((ids) => ids.includes(c.id)) ? true : undefined), 'sync.changed for the case');
    const db = () => w.t.ws.services.db();
    const cursor = syncState.get(db(), 'feed_cursor');
    const events = () => (db().prepare('SELECT count(*) AS n FROM platform_events').get() as { n: number }).n;
    expect(events()).toBe(3);

    w.t.restart();
    expect(syncState.get(db(), 'feed_cursor')).toBe(cursor);
    w.platform.admin.appendChange(c.caseNumber, 'registered', { registeredAt: '2026-11-30T03:00:00Z', certificateNumbers: ['湘(2026)长沙市不动产权第0000099号'] });
    await w.t.ok('admin', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    // Polled (pollSeconds = 1), not asked for:
    await until(async () => ((await w.t.ok('admin', 'cases.get', { id: c.id })).status === 'registered' ? true : undefined), 'registered by polling', 5000);
    expect(events()).toBe(4);
    expect(syncState.get(db(), 'feed_cursor')).not.toBe(cursor);
    expect((await w.t.ok('admin', 'cases.get', { id: c.id })).certificateNumbers).toEqual(['湘(2026)长沙市不动产权第0000099号']);
  });

  it('follows the platform’s automatic decisions to 登簿', async () => {
    w = await syncWorld({ platformOptions: { auto: { enabled: true, stepMs: 30 } } });
    const c = await acceptSignedTransfer(w.t, 'clerk');
    const done = await until(async () => {
      await w.t.ok('clerk', 'sync.now', {});
      const v = await w.t.ok('clerk', 'cases.get', { id: c.id });
      return v.status === 'registered' ? v : undefined;
    }, 'registered', 15_000);
    expect(done.certificateNumbers.length).toBeGreaterThan(0);
    expect(done.officialNumber).not.toBeNull();
    expect(done.tracks.registration).toBe('registered');
  });
});
