import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { command, startTestPlatform, submission, testFile, waitFor, type TestPlatform } from './harness';

describe('platform commands: Idempotency-Key, submission, withdrawal', () => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await startTestPlatform();
  });
  afterAll(() => t.dispose());

  const casesNamed = (caseNumber: unknown) => t.platform.admin.cases().filter((c) => c.caseNumber === caseNumber);

  it('refuses a command without a key or with a malformed one (400 IDEMPOTENCY_KEY_REQUIRED), executing nothing', async () => {
    const body = submission();
    const missing = await t.client.post('/api/v1/cases', JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
    expect(missing.status).toBe(400);
    expect(missing.data.error.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
    for (const key of ['short', 'has space in it', 'x'.repeat(129), 'semi;colon-key']) {
      const bad = await command(t.client, '/api/v1/cases', body, key);
      expect(bad.status, key).toBe(400);
      expect(bad.data.error.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
    }
    expect(casesNamed(body.caseNumber)).toHaveLength(0);
  });

  it('submits once and lists the files it lacks; a retry with the same bytes replays the stored answer', async () => {
    const files = [testFile(1000), testFile(2000)];
    const body = JSON.stringify(submission(files));
    const first = await command(t.client, '/api/v1/cases', body, 'submit-key-0001');
    expect(first.status).toBe(201);
    expect(first.data).toEqual({ platformCaseId: expect.stringMatching(/^P\d+$/), receivedAt: expect.any(String), missingBlobs: files.map((f) => f.hash) });
    expect(first.headers['idempotent-replayed']).toBeUndefined();

    const retry = await command(t.client, '/api/v1/cases', body, 'submit-key-0001');
    expect(retry.status).toBe(201);
    expect(retry.data).toEqual(first.data);
    expect(retry.headers['idempotent-replayed']).toBe('true');

    const [held] = casesNamed(JSON.parse(body).caseNumber);
    expect(held.submitKeys).toEqual(['submit-key-0001']);
    expect(held.body).toEqual(JSON.parse(body));
    expect(held.blobs.map((b) => ({ ...b }))).toEqual(files.map((f) => ({ hash: f.hash, size: f.bytes.length, offset: 0, complete: false })));
  });

  it('answers 422 IDEMPOTENCY_KEY_REUSED for the same key with other bytes, and executes nothing', async () => {
    const body = submission();
    await command(t.client, '/api/v1/cases', body, 'reused-key-0001');
    const other = submission();
    const reused = await command(t.client, '/api/v1/cases', other, 'reused-key-0001');
    expect(reused.status).toBe(422);
    expect(reused.data.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    // Same JSON value, different bytes (whitespace) is also another body: the client must resend the same bytes.
    const spaced = await command(t.client, '/api/v1/cases', JSON.stringify(body, null, 2), 'reused-key-0001');
    expect(spaced.status).toBe(422);
    expect(casesNamed(other.caseNumber)).toHaveLength(0);
  });

  it('answers 409 IDEMPOTENCY_IN_PROGRESS while the first request with the key is still executing', async () => {
    t.platform.admin.setFaults([{ match: { method: 'POST', pathPrefix: '/api/v1/cases' }, action: 'latency', ms: 400 }]);
    const body = JSON.stringify(submission());
    const before = t.platform.admin.stats().bodyBytesReceived;
    const slow = command(t.client, '/api/v1/cases', body, 'in-progress-0001');
    // Once its body is read, the first request holds the key through the injected latency.
    await waitFor(() => t.platform.admin.stats().bodyBytesReceived >= before + Buffer.byteLength(body));
    const early = await command(t.client, '/api/v1/cases', body, 'in-progress-0001');
    expect(early.status).toBe(409);
    expect(early.data.error.code).toBe('IDEMPOTENCY_IN_PROGRESS');
    expect((await slow).status).toBe(201);
    const later = await command(t.client, '/api/v1/cases', body, 'in-progress-0001');
    expect(later.status).toBe(201);
    expect(later.headers['idempotent-replayed']).toBe('true');
  });

  it('answers 409 CASE_EXISTS when another key submits the same case number, and stores that answer too', async () => {
    const body = submission();
    expect((await command(t.client, '/api/v1/cases', body, 'case-exists-0001')).status).toBe(201);
    const duplicate = await command(t.client, '/api/v1/cases', body, 'case-exists-0002');
    expect(duplicate.status).toBe(409);
    expect(duplicate.data.error.code).toBe('CASE_EXISTS');
    const replay = await command(t.client, '/api/v1/cases', body, 'case-exists-0002');
    expect(replay.status).toBe(409);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    const [held] = casesNamed(body.caseNumber);
    expect(held.submitKeys).toEqual(['case-exists-0001']);
    expect(held.commands.map((c) => [c.key, c.status])).toEqual([['case-exists-0001', 201], ['case-exists-0002', 409]]);
  });

  it('answers 400 BAD_REQUEST naming the field, stores nothing, and lets the same key carry the corrected body', async () => {
    const file = testFile(100);
    const body = submission([file]);
    const broken = { ...body, blobs: [] };
    const refused = await command(t.client, '/api/v1/cases', broken, 'bad-request-0001');
    expect(refused.status).toBe(400);
    expect(refused.data.error.code).toBe('BAD_REQUEST');
    expect(refused.data.error.message).toContain('materials.0.files.0.hash');
    const badUnit = await command(t.client, '/api/v1/cases', { ...body, units: [{ ...(body.units as object[])[0], unitCode: '430102003004GB00123F0001020' }] });
    expect(badUnit.data.error.message).toContain('units.0.unitCode');
    const notJson = await command(t.client, '/api/v1/cases', '{"caseNumber":');
    expect(notJson.status).toBe(400);
    expect((await command(t.client, '/api/v1/cases', body, 'bad-request-0001')).status).toBe(201);
  });

  it('refuses a body over 4 MB with 413 PAYLOAD_TOO_LARGE', async () => {
    const huge = JSON.stringify({ ...submission(), padding: 'x'.repeat(4 * 1024 * 1024) });
    const res = await command(t.client, '/api/v1/cases', huge);
    expect(res.status).toBe(413);
    expect(res.data.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('withdraws a case once (case.withdrawn in the feed); unknown cases are 404, registered ones 409', async () => {
    const body = submission();
    await command(t.client, '/api/v1/cases', body);
    const path = `/api/v1/cases/${body.caseNumber}/withdrawal`;
    const withdrawal = { reason: '申请人撤回', at: '2026-11-27T09:00:00.000Z' };
    const done = await command(t.client, path, withdrawal, 'withdraw-0001');
    expect(done.status).toBe(200);
    expect(done.data).toEqual({ caseNumber: body.caseNumber, status: 'withdrawn' });
    // Another key for the same withdrawal: still withdrawn, no second change.
    expect((await command(t.client, path, withdrawal, 'withdraw-0002')).status).toBe(200);
    const [held] = casesNamed(body.caseNumber);
    expect(held).toMatchObject({ withdrawn: true, status: 'withdrawn' });
    const feed = await t.client.get('/api/v1/changes', { params: { limit: 500 } });
    const kinds = feed.data.changes.filter((c: { caseNumber: string }) => c.caseNumber === body.caseNumber).map((c: { kind: string }) => c.kind);
    // office.case: the office's queue sees the case enter 初审 and leave it withdrawn.
    expect(kinds).toEqual(['case.received', 'office.case', 'case.withdrawn', 'office.case']);

    const unknown = await command(t.client, '/api/v1/cases/430102-20261127-A7-9999/withdrawal', withdrawal);
    expect(unknown.status).toBe(404);
    expect(unknown.data.error.code).toBe('CASE_NOT_FOUND');

    const registered = submission();
    await command(t.client, '/api/v1/cases', registered);
    t.platform.admin.appendChange(registered.caseNumber as string, 'registered', { registeredAt: '2026-11-28T08:00:00.000Z', certificateNumbers: [] });
    const late = await command(t.client, `/api/v1/cases/${registered.caseNumber}/withdrawal`, withdrawal);
    expect(late.status).toBe(409);
    expect(late.data.error.code).toBe('CASE_STATE_CONFLICT');
  });
});
