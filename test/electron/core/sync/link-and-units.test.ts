import { afterEach, describe, expect, it } from 'vitest';
import { SAMPLE_UNITS } from '../../../platform/index';
import { until } from '../../../support/cases';
import { acceptSeizure } from '../../../support/sync-cases';
import { onPlatform, outboxOf, syncWorld, untilOutbox, type SyncWorld } from './sync-fixture';

describe('sync: the platform link, online and offline', () => {
  let w: SyncWorld;
  afterEach(() => w?.close());

  const state = async () => (await w.t.ok('clerk', 'status.get', {})).platform;

  it('goes offline with the reason when the platform disappears, queues meanwhile, and comes back by itself', async () => {
    w = await syncWorld();
    await until(async () => ((await state()).state === 'online' ? true : undefined), 'online');
    let statusEvents = 0;
    w.t.ws.onEvent((_client, name) => {
      if (name === 'status.changed') statusEvents += 1;
    });
    await w.platform.close();
    await w.t.ok('clerk', 'sync.now', {});
    // The first failure may be the pooled connection's reset; the probes then find the port closed.
    const offline = await until(async () => {
      const s = await state();
      return s.state === 'offline' && s.detail.includes('连接被拒绝') ? s : undefined;
    }, 'offline, connection refused');
    expect(offline.detail).toMatch(/^无法连接省级平台/);

    // The clerk keeps working: accepted cases wait in the queue, tried (and probing) now and then.
    const c = await acceptSeizure(w.t, 'clerk');
    await until(async () => (outboxOf(w.t, c.id)[0].attempts >= 1 ? true : undefined), 'a failed attempt');
    expect(outboxOf(w.t, c.id)[0]).toMatchObject({ state: 'pending', last_error_code: 'ECONNREFUSED' });
    expect(await state()).toMatchObject({ state: 'offline', queued: 1, oldestQueuedAt: '2026-11-27T08:00:00.000Z' });

    await w.restartPlatform();
    // The offline probe (every 100 ms here) finds it; the queue goes at once, not after its back-off.
    await untilOutbox(w.t, c.id, 'done', 5000);
    expect(await state()).toMatchObject({ state: 'online', queued: 0, detail: expect.stringContaining('已连接省级平台') });
    expect(onPlatform(w, c.caseNumber)?.submitKeys).toHaveLength(1);
    expect(statusEvents).toBeGreaterThanOrEqual(2);
    const s = await w.t.ok('clerk', 'sync.status', {});
    expect(s.lastContactAt).not.toBeNull();
  });

  it('is offline (connecting) before the first answer, and a platform that never answers keeps the queue pending', async () => {
    w = await syncWorld({ connection: (p) => ({ url: 'https://127.0.0.1:1', ca: p.certs.caPem, cert: p.certs.clientCertPem, key: p.certs.clientKeyPem }) });
    const c = await acceptSeizure(w.t, 'clerk');
    await until(async () => (outboxOf(w.t, c.id)[0].attempts >= 2 ? true : undefined), 'two failed attempts');
    expect(outboxOf(w.t, c.id)[0].state).toBe('pending');
    expect((await state()).state).toBe('offline');
    expect((await w.t.ok('clerk', 'sync.status', {})).url).toBe('https://127.0.0.1:1');
  });
});

describe('sync: unit look-up in the provincial register', () => {
  let w: SyncWorld;
  afterEach(() => w?.close());

  it('answers from the register online (and caches it), from the cache offline, null for an unknown unit; audited', async () => {
    w = await syncWorld();
    await until(async () => ((await w.t.ok('clerk', 'status.get', {})).platform.state === 'online' ? true : undefined), 'online');
    const online = await w.t.ok('clerk', 'sync.platformUnit', { unitCode: SAMPLE_UNITS.seized });
    expect(online).toMatchObject({
      source: 'platform',
      fetchedAt: '2026-11-27T08:00:00.000Z',
      unitCode: SAMPLE_UNITS.seized,
      use: 'residential',
      areaM2: 112.3,
      rights: [{ kind: 'ownership', holders: ['陈志强'] }],
    });
    expect(online?.restrictions.map((r) => r.kind)).toEqual(['mortgage', 'seizure']);
    expect(await w.t.ok('clerk', 'sync.platformUnit', { unitCode: '430102009009GB00999F00999999' })).toBeNull();

    await w.platform.close();
    await w.t.ok('clerk', 'sync.now', {});
    await until(async () => ((await w.t.ok('clerk', 'status.get', {})).platform.state === 'offline' ? true : undefined), 'offline');
    w.t.clock.advance(60_000);
    const cached = await w.t.ok('clerk', 'sync.platformUnit', { unitCode: SAMPLE_UNITS.seized.toLowerCase() });
    expect(cached).toEqual({ ...online, source: 'cache', fetchedAt: '2026-11-27T08:00:00.000Z' });
    expect(await w.t.ok('clerk', 'sync.platformUnit', { unitCode: SAMPLE_UNITS.clear })).toBeNull();

    const audit = await w.t.ok('admin', 'audit.list', { limit: 10, action: 'sync.platformUnit' });
    expect(audit.records.map((r) => [r.actor, r.object, r.detail])).toEqual([
      ['clerk', `unit:${SAMPLE_UNITS.clear}`, { source: 'cache', found: false }],
      ['clerk', `unit:${SAMPLE_UNITS.seized}`, { source: 'cache', found: true }],
      ['clerk', 'unit:430102009009GB00999F00999999', { source: 'platform', found: false }],
      ['clerk', `unit:${SAMPLE_UNITS.seized}`, { source: 'platform', found: true }],
    ]);
  });
});
