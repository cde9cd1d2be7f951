import axios from 'axios';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { command, startTestPlatform, submission, waitFor, type TestPlatform } from './harness';

describe('platform admin listener (/admin over plain HTTP)', () => {
  let t: TestPlatform;
  const admin = axios.create({ validateStatus: () => true });
  beforeAll(async () => {
    t = await startTestPlatform();
    admin.defaults.baseURL = t.platform.adminUrl;
  });
  afterAll(() => t.dispose());

  it('lists cases with their keys and blobs, and appends changes to a case', async () => {
    const body = submission();
    await command(t.client, '/api/v1/cases', body, 'admin-key-0001');
    const cases = await admin.get('/admin/cases');
    expect(cases.status).toBe(200);
    expect(cases.data.cases).toMatchObject([{ caseNumber: body.caseNumber, submitKeys: ['admin-key-0001'], submittedBy: '430102-A7', withdrawn: false, blobs: [{ complete: false }] }]);

    const added = await admin.post(`/admin/cases/${body.caseNumber}/changes`, { kind: 'review.decision', data: { decision: 'requisition', reasons: ['补正：缺少身份证明'] } });
    expect(added.status).toBe(201);
    const feed = await t.client.get('/api/v1/changes');
    expect(feed.data.changes.at(-1)).toMatchObject({ kind: 'review.decision', data: { decision: 'requisition' } });
    expect((await admin.get('/admin/cases')).data.cases[0].status).toBe('requisitioned');

    const unknown = await admin.post('/admin/cases/430102-20261127-A7-9999/changes', { kind: 'registered', data: {} });
    expect(unknown.status).toBe(404);
    expect(unknown.data.error.code).toBe('CASE_NOT_FOUND');
  });

  it('sets and clears faults, validating each', async () => {
    const set = await admin.post('/admin/faults', { faults: [{ match: { pathPrefix: '/api/v1/health' }, action: 'status', status: 504 }] });
    expect(set.status).toBe(200);
    expect((await t.client.get('/api/v1/health')).status).toBe(504);
    await admin.post('/admin/faults', { faults: [{ action: 'status', status: 500, times: 0 }] });
    expect((await admin.delete('/admin/faults')).status).toBe(200);
    expect((await t.client.get('/api/v1/health')).status).toBe(200);

    const incomplete = await admin.post('/admin/faults', { faults: [{ action: 'throttle' }] });
    expect(incomplete.status).toBe(400);
    expect(incomplete.data.error.message).toContain('bytesPerSecond');
    const unknown = await admin.post('/admin/faults', { faults: [{ action: 'explode' }] });
    expect(unknown.status).toBe(400);
  });

  it('switches automatic decisions on and reports request statistics', async () => {
    expect((await admin.post('/admin/auto', { enabled: true, stepMs: 10 })).status).toBe(200);
    const body = submission();
    await command(t.client, '/api/v1/cases', body);
    await waitFor(async () => (await admin.get('/admin/cases')).data.cases.find((c: { caseNumber: string; status: string }) => c.caseNumber === body.caseNumber)?.status === 'registered');
    expect((await admin.post('/admin/auto', { enabled: 'yes' })).status).toBe(400);

    const stats = await admin.get('/admin/stats');
    expect(stats.data.requests['POST /api/v1/cases 201']).toBe(2);
    expect(stats.data.requests['GET /api/v1/health 504']).toBe(1);
    expect(stats.data.bodyBytesReceived).toBeGreaterThan(0);
    expect(stats.data.blobBytesReceived).toBe(0);
    // Admin calls are not counted: they are not the provincial API.
    expect(Object.keys(stats.data.requests).some((k) => k.includes('/admin'))).toBe(false);
  });

  it('answers unknown admin routes with 404 in the error shape', async () => {
    const res = await admin.get('/admin/nothing');
    expect(res.status).toBe(404);
    expect(res.data).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } });
  });
});
