import axios from 'axios';
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { command, patchBlob, startTestPlatform, submission, testFile, type TestPlatform } from './harness';

describe('platform fault injection', () => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await startTestPlatform();
  });
  afterEach(() => t.platform.admin.clearFaults());
  afterAll(() => t.dispose());

  const held = (caseNumber: unknown) => t.platform.admin.cases().some((c) => c.caseNumber === caseNumber);
  const failure = (promise: Promise<unknown>) => promise.then(() => null, (e: { code?: string; response?: unknown }) => e);
  const count = (key: string) => t.platform.admin.stats().requests[key] ?? 0;

  it('drop-before closes the connection without executing', async () => {
    t.platform.admin.setFaults([{ match: { method: 'POST', pathPrefix: '/api/v1/cases' }, action: 'drop-before' }]);
    const body = submission();
    const error = await failure(command(t.client, '/api/v1/cases', body));
    expect(error?.response).toBeUndefined();
    expect(held(body.caseNumber)).toBe(false);
    expect(count('POST /api/v1/cases dropped')).toBe(1);
  });

  it('drop-after commits, then closes without answering; the retry with the same key gets the stored answer', async () => {
    t.platform.admin.setFaults([{ match: { method: 'POST' }, action: 'drop-after' }]);
    const body = JSON.stringify(submission());
    const key = randomUUID();
    const error = await failure(command(t.client, '/api/v1/cases', body, key));
    expect(error?.response).toBeUndefined();
    expect(held(JSON.parse(body).caseNumber)).toBe(true);
    const retry = await command(t.client, '/api/v1/cases', body, key);
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(t.platform.admin.cases().filter((c) => c.caseNumber === JSON.parse(body).caseNumber)[0].submitKeys).toEqual([key]);
  });

  it('hang-after commits and never answers (the client times out)', async () => {
    t.platform.admin.setFaults([{ match: { method: 'POST' }, action: 'hang-after' }]);
    const body = submission();
    const error = await failure(t.client.post('/api/v1/cases', JSON.stringify(body), { headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() }, timeout: 300 }));
    expect(error?.code).toBe('ECONNABORTED');
    expect(held(body.caseNumber)).toBe(true);
    expect(count('POST /api/v1/cases hung')).toBe(1);
  });

  it('status answers the given status without executing', async () => {
    t.platform.admin.setFaults([{ match: { pathPrefix: '/api/v1/cases' }, action: 'status', status: 503 }]);
    const body = submission();
    const res = await command(t.client, '/api/v1/cases', body);
    expect(res.status).toBe(503);
    expect(res.data.error.code).toBe('INJECTED_FAULT');
    expect(held(body.caseNumber)).toBe(false);
  });

  it('latency waits before executing', async () => {
    t.platform.admin.setFaults([{ match: { method: 'GET', pathPrefix: '/api/v1/health' }, action: 'latency', ms: 200 }]);
    const started = performance.now();
    expect((await t.client.get('/api/v1/health')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('applies a fault to `times` matching requests (0 = until cleared), and only to requests that match', async () => {
    t.platform.admin.setFaults([{ match: { method: 'GET', pathPrefix: '/api/v1/health' }, action: 'status', status: 502, times: 2 }]);
    expect((await t.client.get('/api/v1/changes')).status).toBe(200); // other path
    expect((await t.client.head('/api/v1/health')).status).toBe(405); // other method: not hit, not counted
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await t.client.get('/api/v1/health')).status);
    expect(statuses).toEqual([502, 502, 200]);

    t.platform.admin.setFaults([{ action: 'status', status: 500, times: 0 }]);
    for (let i = 0; i < 4; i++) expect((await t.client.get('/api/v1/health')).status).toBe(500);
    t.platform.admin.clearFaults();
    expect((await t.client.get('/api/v1/health')).status).toBe(200);
  });

  it('cut-after-bytes closes a command mid-body without executing it', async () => {
    t.platform.admin.setFaults([{ match: { method: 'POST' }, action: 'cut-after-bytes', bytes: 100 }]);
    const body = submission();
    const before = t.platform.admin.stats().bodyBytesReceived;
    const error = await failure(command(t.client, '/api/v1/cases', body));
    expect(error?.response).toBeUndefined();
    expect(held(body.caseNumber)).toBe(false);
    expect(t.platform.admin.stats().bodyBytesReceived - before).toBe(100);
  });

  it('never applies to the admin listener', async () => {
    t.platform.admin.setFaults([{ action: 'drop-before', times: 0 }]);
    const res = await axios.get(`${t.platform.adminUrl}/admin/stats`);
    expect(res.status).toBe(200);
  });

  it('throttle reads a 20 MB upload in 1 MB chunks at about the set rate, as backpressure', async () => {
    const rate = 16 * 1024 * 1024;
    const size = 20 * 1024 * 1024;
    const chunk = 1024 * 1024;
    const upload = async (file: ReturnType<typeof testFile>): Promise<number> => {
      const started = performance.now();
      for (let offset = 0; offset < file.bytes.length; offset += chunk) {
        const res = await patchBlob(t.client, file.hash, offset, file.bytes.subarray(offset, offset + chunk));
        expect(res.status).toBe(204);
      }
      expect((await t.client.head(`/api/v1/blobs/${file.hash}`)).headers['upload-complete']).toBe('?1');
      return (performance.now() - started) / 1000;
    };
    // The same upload unthrottled first: what this machine, loaded or not, needs without the link.
    const free = testFile(size);
    const slow = testFile(size);
    await command(t.client, '/api/v1/cases', submission([free, slow]));
    const baseline = await upload(free);
    t.platform.admin.setFaults([{ match: { method: 'PATCH' }, action: 'throttle', bytesPerSecond: rate, times: 0 }]);
    const seconds = await upload(slow);
    const ideal = size / rate;
    // Never faster than the link (50 ms of burst allowed) …
    expect(seconds).toBeGreaterThan(ideal * 0.9);
    // … and the throttle costs about its own delay on top of the machine's time, not more (backpressure, no stalls).
    expect(seconds).toBeLessThan(baseline + ideal * 1.6);
    console.log(`throttle: ${((size / seconds / rate) * 100).toFixed(1)} % of ${rate / 1024 / 1024} MB/s over ${seconds.toFixed(2)} s (unthrottled ${baseline.toFixed(2)} s)`);
  }, 40_000);
});
