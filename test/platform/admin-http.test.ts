import axios from 'axios';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { command, startTestPlatform, submission, waitFor, type TestPlatform } from './harness';
import { SAMPLE_UNITS } from './register-seed';

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

  it('reads a case’s office review, writes a restriction, reserves numbers and sets the printed flag', async () => {
    const [{ caseNumber }] = (await admin.get('/admin/cases')).data.cases as Array<{ caseNumber: string }>;
    const review = await admin.get(`/admin/cases/${caseNumber}/review`);
    expect(review.data.review).toMatchObject({ stage: 'firstReview', claim: null, certificatePrinted: false, history: [] });
    expect((await admin.get('/admin/cases/430102-20261127-A7-9999/review')).data).toEqual({ review: null });

    const code = SAMPLE_UNITS.clear;
    const written = await admin.post(`/admin/units/${code}/restrictions`, { kind: 'seizure', holder: '长沙市芙蓉区人民法院', since: '2026-12-04', until: '2029-12-03', note: '（2026）湘0102执90号' });
    expect(written.status).toBe(201);
    const unit = (await t.client.get(`/api/v1/units/${code}`)).data;
    expect(unit.registerVersion).toBe(2);
    expect(unit.restrictions).toEqual([expect.objectContaining({ id: written.data.id, kind: 'seizure', state: 'current' })]);
    const nowhere = await admin.post('/admin/units/430102009009GB99999F99999999/restrictions', { kind: 'seizure', holder: null, since: null, until: null, note: null });
    expect(nowhere.status).toBe(404);
    expect(nowhere.data.error.code).toBe('UNIT_NOT_FOUND');
    expect((await admin.get(`/admin/units/${code}/rights`)).data.rights).toEqual([expect.objectContaining({ holders: ['李秀英'], state: 'current' })]);

    const reserved = await admin.post('/admin/certificate-numbers/reserve', { office: '430102', year: 2026, kind: 'certificate', serials: [200_001, 200_002] });
    expect(reserved.status).toBe(201);
    expect(reserved.data.numbers).toEqual(['湘(2026)长沙市不动产权第0200001号', '湘(2026)长沙市不动产权第0200002号']);
    expect((await admin.get('/admin/certificate-numbers')).data.numbers).toEqual([
      { number: '湘(2026)长沙市不动产权第0200001号', status: 'reserved', caseNumber: null },
      { number: '湘(2026)长沙市不动产权第0200002号', status: 'reserved', caseNumber: null },
    ]);
    expect((await admin.post('/admin/certificate-numbers/reserve', { office: '430102', year: 2026, kind: 'licence', serials: [1] })).status).toBe(400);

    expect((await admin.post(`/admin/cases/${caseNumber}/certificate-printed`, { printed: true })).status).toBe(200);
    expect((await admin.get(`/admin/cases/${caseNumber}/review`)).data.review.certificatePrinted).toBe(true);
    expect((await admin.post('/admin/cases/430102-20261127-A7-9999/certificate-printed', { printed: true })).data.error.code).toBe('CASE_NOT_FOUND');
    expect((await admin.post(`/admin/cases/${caseNumber}/certificate-printed`, { printed: 'yes' })).status).toBe(400);
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
