import { afterEach, describe, expect, it } from 'vitest';
import { until } from '../../../support/cases';
import { acceptSeizure, fakeScan } from '../../../support/sync-cases';
import { ManualTimers, onPlatform, outboxOf, requests, syncWorld, untilOutbox, type SyncWorld } from './sync-fixture';

/** Delivery of the outbox to the real stand-in over mutual TLS, under the platform's faults. */
describe('sync: delivering commands exactly once', () => {
  let w: SyncWorld;
  afterEach(() => w?.close());

  it('delivers an accepted case with its files, then shows its official number and the platform in the timeline', async () => {
    w = await syncWorld();
    const files = [fakeScan(20_000), fakeScan(5_000)];
    const c = await acceptSeizure(w.t, 'clerk', files);
    await untilOutbox(w.t, c.id);
    const remote = onPlatform(w, c.caseNumber);
    const row = outboxOf(w.t, c.id)[0];
    expect(remote?.submitKeys).toEqual([row.idempotency_key]);
    expect(remote?.submittedBy).toBe('430102-A7');
    // The platform holds exactly the bytes the outbox stored.
    expect(remote?.body).toEqual(JSON.parse(row.body));
    expect(remote?.blobs.map((b) => b.complete)).toEqual([true, true]);
    expect(JSON.parse(row.answer as string)).toMatchObject({ platformCaseId: remote?.platformCaseId, missingBlobs: expect.any(Array) });

    // Right after a delivery the feed is read: 统一受理编号 and status `submitted`.
    const view = await until(async () => {
      const v = await w.t.ok('clerk', 'cases.get', { id: c.id });
      return v.officialNumber ? v : undefined;
    }, 'official number');
    expect(view).toMatchObject({ officialNumber: remote?.officialNumber, status: 'submitted', sync: 'sent' });
    const timeline = await w.t.ok('clerk', 'cases.timeline', { id: c.id });
    expect(timeline.at(-1)).toMatchObject({ actor: '省级平台', action: 'platform.case.received', result: 'success', detail: { officialNumber: remote?.officialNumber } });
    expect(timeline.map((e) => e.action)).toContain('cases.accept');
    const s = await w.t.ok('clerk', 'sync.status', {});
    expect(s).toMatchObject({ url: w.platform.url, sentSinceStart: 1, platform: { state: 'online', queued: 0, deadLetters: 0 } });
    expect(s.lastContactAt).not.toBeNull();
    expect(s.lastPullAt).not.toBeNull();
    expect(s.uploads.map((u) => [u.state, u.sent === u.bytes])).toEqual(
      expect.arrayContaining((JSON.parse(row.answer as string).missingBlobs as string[]).map(() => ['done', true])),
    );
  });

  it('an answer lost after the platform committed (drop-after) is healed by a replay: the case exists once', async () => {
    w = await syncWorld();
    w.platform.admin.setFaults([{ match: { method: 'POST', pathPrefix: '/api/v1/cases' }, action: 'drop-after', times: 1 }]);
    const c = await acceptSeizure(w.t, 'clerk', [fakeScan(8_000)]);
    await untilOutbox(w.t, c.id);
    expect(requests(w, 'POST /api/v1/cases dropped')).toBe(1);
    const remote = w.platform.admin.cases().filter((r) => r.caseNumber === c.caseNumber);
    expect(remote).toHaveLength(1);
    expect(remote[0].submitKeys).toHaveLength(1);
    expect(remote[0].blobs.every((b) => b.complete)).toBe(true);
    expect(outboxOf(w.t, c.id)[0]).toMatchObject({ state: 'done', attempts: 2, last_error_code: expect.stringMatching(/ECONNRESET|EPIPE/) });
  });

  it('a connection dropped before the platform executed (drop-before) is simply sent again', async () => {
    w = await syncWorld();
    w.platform.admin.setFaults([{ match: { method: 'POST', pathPrefix: '/api/v1/cases' }, action: 'drop-before', times: 2 }]);
    const c = await acceptSeizure(w.t, 'clerk');
    await untilOutbox(w.t, c.id);
    expect(requests(w, 'POST /api/v1/cases dropped')).toBe(2);
    expect(onPlatform(w, c.caseNumber)?.submitKeys).toHaveLength(1);
  });

  it('an answer that never comes (hang-after) times out, and the retry gets the stored answer', async () => {
    w = await syncWorld({ config: { timeoutMs: 300 } });
    w.platform.admin.setFaults([{ match: { method: 'POST', pathPrefix: '/api/v1/cases' }, action: 'hang-after', times: 1 }]);
    const c = await acceptSeizure(w.t, 'clerk', [fakeScan(1_000)]);
    await untilOutbox(w.t, c.id);
    expect(requests(w, 'POST /api/v1/cases hung')).toBe(1);
    expect(w.platform.admin.cases().filter((r) => r.caseNumber === c.caseNumber)).toHaveLength(1);
    const row = outboxOf(w.t, c.id)[0];
    expect(row).toMatchObject({ attempts: 2, last_error_code: 'ETIMEDOUT', last_error: expect.stringContaining('300 毫秒内没有应答') });
  });

  it('5xx and 429 are retried after a full-jitter exponential back-off', async () => {
    const timers = new ManualTimers();
    const draws = [0.5, 1, 0.25];
    const random = () => draws.shift() ?? 0;
    // The degraded-link probe would end a back-off early (its own test below): out of the way here.
    w = await syncWorld({ config: { retryBaseMs: 100, retryMaxMs: 10_000 }, sync: { timers, random, probeMs: 3_600_000 } });
    await until(async () => (w.engine().linkStatus().state === 'online' ? true : undefined), 'online');
    w.platform.admin.setFaults([{ match: { method: 'POST', pathPrefix: '/api/v1/cases' }, action: 'status', status: 503, times: 2 }]);
    const c = await acceptSeizure(w.t, 'clerk');
    const step = async (expected: { attempts: number; code: string; waitMs: number }) => {
      await w.engine().drain();
      const row = outboxOf(w.t, c.id)[0];
      expect(row).toMatchObject({ state: 'pending', attempts: expected.attempts, last_error_code: expected.code });
      // random() × min(max, base × 2^failures before this one)
      expect(Date.parse(row.next_attempt_at as string) - timers.now()).toBe(expected.waitMs);
      // Not a moment earlier:
      timers.advance(expected.waitMs - 1);
      await w.engine().drain();
      expect(outboxOf(w.t, c.id)[0].attempts).toBe(expected.attempts);
      timers.advance(1);
    };
    await step({ attempts: 1, code: '503', waitMs: 50 }); // 0.5 × 100
    await step({ attempts: 2, code: '503', waitMs: 200 }); // 1 × 200
    w.platform.admin.setFaults([{ match: { method: 'POST', pathPrefix: '/api/v1/cases' }, action: 'status', status: 429, times: 1 }]);
    await step({ attempts: 3, code: '429', waitMs: 100 }); // 0.25 × 400
    await w.engine().drain();
    expect(outboxOf(w.t, c.id)[0]).toMatchObject({ state: 'done', attempts: 4 });
    expect(requests(w, 'POST /api/v1/cases 503')).toBe(2);
    expect(requests(w, 'POST /api/v1/cases 429')).toBe(1);
    expect(onPlatform(w, c.caseNumber)?.submitKeys).toHaveLength(1);
  });

  it.each([
    { what: '503', fault: { action: 'status' as const, status: 503 } },
    { what: '429', fault: { action: 'status' as const, status: 429 } },
  ])('after an outage ($what) the queue moves on the first healthy probe, not after its back-off', async ({ fault }) => {
    const timers = new ManualTimers();
    const probeMs = 1000;
    // The longest back-off every time: without the probe, nothing would move for minutes.
    w = await syncWorld({ config: { retryBaseMs: 60_000, retryMaxMs: 300_000, concurrency: 2 }, sync: { timers, random: () => 1, probeMs } });
    await until(async () => (w.engine().linkStatus().state === 'online' ? true : undefined), 'online');
    w.platform.admin.setFaults([{ match: { pathPrefix: '/api/v1' }, ...fault, times: 0 }]);
    const cases = [await acceptSeizure(w.t, 'clerk'), await acceptSeizure(w.t, 'clerk'), await acceptSeizure(w.t, 'clerk')];
    await until(async () => (cases.every((c) => outboxOf(w.t, c.id)[0]?.attempts === 1) ? true : undefined), 'every command failed once');
    await w.engine().drain();
    for (const c of cases) expect(Date.parse(outboxOf(w.t, c.id)[0].next_attempt_at as string) - timers.now()).toBeGreaterThanOrEqual(60_000);
    // The link answers (with 5xx/429), so it is online, and degraded: probes fail while the outage lasts.
    const healthProbes = () => requests(w, `GET /api/v1/health ${fault.status}`);
    timers.advance(probeMs);
    await until(async () => (healthProbes() >= 1 ? true : undefined), 'a probe during the outage');
    expect(cases.every((c) => outboxOf(w.t, c.id)[0].attempts === 1)).toBe(true);
    // The platform recovers: the next probe releases the queue at once.
    w.platform.admin.clearFaults();
    const clearedAt = timers.now();
    await until(async () => {
      // Probe time moves on (the failed probe's successor may not be scheduled yet), but by a few probes at most.
      if (timers.now() - clearedAt < 5 * probeMs) timers.advance(probeMs);
      return cases.every((c) => outboxOf(w.t, c.id)[0]?.state === 'done') ? true : undefined;
    }, 'every command delivered');
    expect(timers.now() - clearedAt).toBeLessThanOrEqual(5 * probeMs);
    expect(w.engine().linkStatus().state).toBe('online');
    // Well inside the back-off the commands were waiting out.
    for (const c of cases) expect(outboxOf(w.t, c.id)[0]).toMatchObject({ state: 'done', attempts: 2 });
  });

  it('a refusal is a dead letter: audited, shown, holding back the case; a supervisor resends it, clerks may not', async () => {
    w = await syncWorld();
    w.platform.admin.setFaults([{ match: { method: 'POST', pathPrefix: '/api/v1/cases' }, action: 'status', status: 400, times: 1 }]);
    const c = await acceptSeizure(w.t, 'clerk');
    await untilOutbox(w.t, c.id, 'dead');
    // The withdrawal after it waits behind the dead letter.
    await w.t.ok('clerk', 'cases.withdraw', { id: c.id, reason: '申请人撤回申请' });
    await w.engine().drain();
    expect(outboxOf(w.t, c.id).map((r) => r.state)).toEqual(['dead', 'pending']);
    expect(requests(w, 'POST /api/v1/cases/{caseNumber}/withdrawal 200')).toBe(0);

    const dead = await w.t.ok('boss', 'sync.queue', { state: 'dead' });
    expect(dead.total).toBe(1);
    expect(dead.rows[0]).toMatchObject({ caseId: c.id, caseNumber: c.caseNumber, kind: 'case.submit', state: 'dead', attempts: 1, lastErrorCode: '400', lastError: expect.stringMatching(/^平台拒绝：.*INJECTED_FAULT/) });
    expect((await w.t.ok('clerk', 'cases.get', { id: c.id })).sync).toBe('dead');
    expect((await w.t.ok('clerk', 'status.get', {})).platform).toMatchObject({ deadLetters: 1, queued: 1 });
    const timeline = await w.t.ok('clerk', 'cases.timeline', { id: c.id });
    expect(timeline.find((e) => e.action === 'sync.deadLetter')).toMatchObject({ actor: null, result: 'failure', detail: { kind: 'case.submit', code: '400' } });

    expect(await w.t.call('clerk', 'sync.resend', { id: dead.rows[0].id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await w.t.call('clerk', 'sync.cancel', { id: dead.rows[0].id, reason: '重复提交' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const resent = await w.t.ok('boss', 'sync.resend', { id: dead.rows[0].id });
    expect(resent).toMatchObject({ state: 'pending', attempts: 0 });
    await untilOutbox(w.t, c.id);
    expect(onPlatform(w, c.caseNumber)).toMatchObject({ withdrawn: true, submitKeys: [outboxOf(w.t, c.id)[0].idempotency_key] });
    const audit = await w.t.ok('admin', 'audit.list', { limit: 10, action: 'sync.resend' });
    expect(audit.records[0]).toMatchObject({ actor: 'boss', object: `case:${c.id}`, detail: { outboxId: dead.rows[0].id, kind: 'case.submit' } });
    // Only dead letters can be resent.
    expect(await w.t.call('boss', 'sync.resend', { id: dead.rows[0].id })).toMatchObject({ ok: false, error: { code: 'OUTBOX_STATE_CONFLICT' } });
    expect(await w.t.call('boss', 'sync.resend', { id: 9999 })).toMatchObject({ ok: false, error: { code: 'OUTBOX_NOT_FOUND' } });
  });

  it('a supervisor cancels a dead letter with a reason; the commands after it go with it and nothing reaches the platform', async () => {
    w = await syncWorld();
    w.platform.admin.setFaults([{ match: { method: 'POST', pathPrefix: '/api/v1/cases' }, action: 'status', status: 422, times: 1 }]);
    const c = await acceptSeizure(w.t, 'clerk');
    await untilOutbox(w.t, c.id, 'dead');
    await w.t.ok('clerk', 'cases.withdraw', { id: c.id, reason: '申请人撤回申请' });
    const [submit] = outboxOf(w.t, c.id);
    const cancelled = await w.t.ok('boss', 'sync.cancel', { id: submit.id, reason: '平台已线下受理，不再报送' });
    expect(cancelled).toMatchObject({ state: 'cancelled' });
    expect(outboxOf(w.t, c.id).map((r) => r.state)).toEqual(['cancelled', 'cancelled']);
    expect((await w.t.ok('clerk', 'cases.get', { id: c.id })).sync).toBe('cancelled');
    expect((await w.t.ok('clerk', 'status.get', {})).platform).toMatchObject({ deadLetters: 0, queued: 0 });
    const audit = await w.t.ok('admin', 'audit.list', { limit: 10, action: 'sync.cancel' });
    expect(audit.records[0]).toMatchObject({ actor: 'boss', result: 'success', detail: { reason: '平台已线下受理，不再报送', cancelled: outboxOf(w.t, c.id).map((r) => r.id) } });
    expect(await w.t.call('boss', 'sync.cancel', { id: submit.id, reason: '再次放弃' })).toMatchObject({ ok: false, error: { code: 'OUTBOX_STATE_CONFLICT' } });
    await w.t.ok('clerk', 'sync.now', {});
    await w.engine().drain();
    expect(onPlatform(w, c.caseNumber)).toBeUndefined();
  });

  it('commands of one case go in order: the withdrawal only after its submission was answered', async () => {
    w = await syncWorld();
    // The submission is slow; the withdrawal is written meanwhile.
    w.platform.admin.setFaults([{ match: { method: 'POST', pathPrefix: '/api/v1/cases' }, action: 'latency', ms: 300, times: 1 }]);
    const c = await acceptSeizure(w.t, 'clerk', [fakeScan(30_000)]);
    await w.t.ok('clerk', 'cases.withdraw', { id: c.id, reason: '申请人撤回申请' });
    await untilOutbox(w.t, c.id);
    const remote = onPlatform(w, c.caseNumber);
    expect(remote?.commands.map((k) => k.path)).toEqual(['/api/v1/cases', `/api/v1/cases/${c.caseNumber}/withdrawal`]);
    expect(remote?.withdrawn).toBe(true);
    // …and the withdrawal only after the files were complete: done means every missing file arrived.
    expect(remote?.blobs.every((b) => b.complete)).toBe(true);
  });

  it('different cases go in parallel, at most `concurrency` at a time', async () => {
    w = await syncWorld({ config: { concurrency: 2 } });
    w.platform.admin.setFaults([{ match: { method: 'POST', pathPrefix: '/api/v1/cases' }, action: 'latency', ms: 250, times: 0 }]);
    const cases = [];
    for (let i = 0; i < 4; i++) cases.push(await acceptSeizure(w.t, 'clerk'));
    let peak = 0;
    const poll = setInterval(() => {
      peak = Math.max(peak, w.engine().casesInFlight);
    }, 10);
    try {
      for (const c of cases) await untilOutbox(w.t, c.id);
    } finally {
      clearInterval(poll);
    }
    expect(peak).toBe(2);
    expect(w.platform.admin.cases()).toHaveLength(4);
  });
});
