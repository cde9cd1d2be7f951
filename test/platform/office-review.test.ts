import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { command, patchBlob, testFile } from './harness';
import { casePath, claim, CLERK, decide, REVIEWER, REVIEWER2, REGISTRAR, startOffice, submitAt, SUPERVISOR, type OfficeTest } from './review-harness';

interface Change {
  caseNumber: string;
  kind: string;
  data: Record<string, unknown>;
}

/** API.md "Office review and 登簿": claims, decisions, 补正 and the office.case feed, over mTLS. */
describe('office review on the platform', () => {
  let t: OfficeTest;
  beforeEach(async () => {
    t = await startOffice();
  });
  afterEach(async () => t.dispose());

  const officeCases = async (client = t.desk, caseNumber?: string): Promise<Change[]> => {
    const res = await client.get('/api/v1/changes', { params: { limit: 500 } });
    return (res.data.changes as Change[]).filter((c) => c.kind === 'office.case' && (!caseNumber || c.caseNumber === caseNumber));
  };

  it('a submitted case enters 初审 and every workstation of the office sees it with its body', async () => {
    const n = await submitAt(t);
    for (const client of [t.counter, t.desk]) {
      const [entry] = await officeCases(client, n);
      expect(entry.data).toMatchObject({ stage: 'firstReview', claim: null, promisedDate: '2026-12-04', submittedBy: { workstation: '430102-A7', clerkName: 'clerk' } });
      expect((entry.data.case as { caseNumber: string }).caseNumber).toBe(n);
      expect(entry.data.officialNumber).toMatch(/^湘长芙受〔\d{4}〕\d{6}号$/);
    }
    expect(t.platform.admin.review(n)?.stage).toBe('firstReview');
  });

  it('two workstations claiming the same case at once: exactly one wins, the other is told who holds it', async () => {
    for (let round = 0; round < 5; round++) {
      const n = await submitAt(t);
      const [a, b] = await Promise.all([claim(t.counter, n, 'firstReview', REVIEWER), claim(t.desk, n, 'firstReview', REVIEWER2)]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const loser = a.status === 409 ? a : b;
      const winner = a.status === 200 ? a : b;
      expect(loser.data.error).toMatchObject({ code: 'CASE_CLAIMED', holder: { userId: winner.data.claim.userId } });
      expect(t.platform.admin.review(n)?.claim).toMatchObject({ userId: winner.data.claim.userId });
    }
  });

  it('claiming what you hold is 200; the wrong stage is STAGE_MISMATCH; a reviewer cannot claim 待登簿', async () => {
    const n = await submitAt(t);
    const first = await claim(t.desk, n, 'firstReview', REVIEWER);
    expect(first.status).toBe(200);
    expect(first.data.claim).toMatchObject({ userId: REVIEWER.userId, name: REVIEWER.name, workstation: '430102-B3' });
    expect((await claim(t.desk, n, 'firstReview', REVIEWER)).status).toBe(200);
    const wrong = await claim(t.desk, n, 'secondReview', REVIEWER);
    expect(wrong.status).toBe(409);
    expect(wrong.data.error).toMatchObject({ code: 'STAGE_MISMATCH', stage: 'firstReview' });
    const role = await claim(t.desk, n, 'registration', REVIEWER);
    expect(role.status).toBe(403);
    expect(role.data.error.code).toBe('ROLE_REFUSED');
    const unknown = await claim(t.desk, '430102-20261127-A7-9999', 'firstReview', REVIEWER);
    expect(unknown.data.error.code).toBe('CASE_NOT_FOUND');
  });

  it('release frees the case; only a supervisor reassigns, and the feed shows each claim', async () => {
    const n = await submitAt(t);
    await claim(t.desk, n, 'firstReview', REVIEWER);
    const notYours = await command(t.desk, casePath(n, 'claim/release'), { actor: REVIEWER2 });
    expect(notYours.data.error.code).toBe('CASE_CLAIMED');
    expect((await command(t.desk, casePath(n, 'claim/release'), { actor: REVIEWER })).status).toBe(200);
    expect(t.platform.admin.review(n)?.claim).toBeNull();
    const refused = await command(t.desk, casePath(n, 'claim/reassign'), { actor: REVIEWER, to: { userId: REVIEWER2.userId, name: REVIEWER2.name } });
    expect(refused.status).toBe(403);
    expect(refused.data.error).toMatchObject({ code: 'ROLE_REFUSED', message: expect.stringContaining('改派') });
    const moved = await command(t.desk, casePath(n, 'claim/reassign'), { actor: SUPERVISOR, to: { userId: REVIEWER2.userId, name: REVIEWER2.name } });
    expect(moved.status).toBe(200);
    expect(moved.data.claim).toMatchObject({ userId: REVIEWER2.userId });
    expect((await claim(t.desk, n, 'firstReview', REVIEWER)).data.error.code).toBe('CASE_CLAIMED');
    const claims = (await officeCases(t.desk, n)).map((c) => (c.data.claim as { userId: string } | null)?.userId ?? null);
    expect(claims).toEqual([null, REVIEWER.userId, null, REVIEWER2.userId]);
    expect(t.platform.admin.review(n)?.history.map((h) => (h as { action: string }).action)).toEqual(['release', 'reassign']);
  });

  it('补正 → the counter receives the correction (missing file uploaded) → 初审 → 复审 → 待登簿, with replays and refusals', async () => {
    const n = await submitAt(t);
    const noClaim = await decide(t.desk, n, { stage: 'firstReview', decision: 'pass', actor: REVIEWER });
    expect(noClaim.status).toBe(409);
    expect(noClaim.data.error.code).toBe('CLAIM_REQUIRED');
    await claim(t.desk, n, 'firstReview', REVIEWER);
    const firstPass = await decide(t.desk, n, { stage: 'firstReview', decision: 'return', actor: REVIEWER });
    expect(firstPass.data.error.code).toBe('DECISION_NOT_ALLOWED');

    const key = randomUUID();
    const body = { stage: 'firstReview', decision: 'supplement', opinion: '申请书缺少签名', items: [{ material: '不动产登记申请书', problem: '缺少义务人签名' }], deadline: '2026-12-10', actor: REVIEWER };
    const asked = await decide(t.desk, n, body, key);
    expect(asked.status).toBe(200);
    expect(asked.data).toEqual({ stage: 'supplementing' });
    const replay = await decide(t.desk, n, body, key);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.data).toEqual(asked.data);
    expect((await decide(t.desk, n, { ...body, opinion: '另一意见' }, key)).status).toBe(422);
    const again = await decide(t.desk, n, body);
    expect(again.data.error.code).toBe('STAGE_MISMATCH');

    const counterFeed = (await t.counter.get('/api/v1/changes', { params: { limit: 500 } })).data.changes as Change[];
    expect(counterFeed.find((c) => c.caseNumber === n && c.kind === 'review.decision')?.data).toEqual({
      decision: 'requisition',
      reasons: ['不动产登记申请书：缺少义务人签名', '申请书缺少签名'],
      deadline: '2026-12-10',
    });

    const file = testFile(4096);
    const supplement = { materials: [{ name: '补签的申请书', sm3: file.hash, size: file.bytes.length, mediaType: 'application/pdf' }], note: '已补签', actor: CLERK };
    expect((await command(t.counter, casePath(n, 'supplements'), { ...supplement, actor: REVIEWER })).data.error.code).toBe('ROLE_REFUSED');
    const received = await command(t.counter, casePath(n, 'supplements'), supplement);
    expect(received.status).toBe(200);
    expect(received.data).toEqual({ stage: 'firstReview', missingBlobs: [file.hash] });
    expect((await t.desk.get(`/api/v1/files/${file.hash}`)).status).toBe(404);
    expect((await patchBlob(t.counter, file.hash, 0, file.bytes)).status).toBe(204);
    const fetched = await t.desk.get(`/api/v1/files/${file.hash}`, { responseType: 'arraybuffer' });
    expect(fetched.status).toBe(200);
    expect(Buffer.from(fetched.data).equals(file.bytes)).toBe(true);

    const latest = (await officeCases(t.desk, n)).at(-1)!;
    expect(latest.data.stage).toBe('firstReview');
    const updated = latest.data.case as { materials: Array<{ name: string; files: Array<{ hash: string }> }>; supplements: unknown[] };
    expect(updated.materials.at(-1)).toMatchObject({ name: '补签的申请书', files: [{ hash: file.hash }] });
    expect(updated.supplements).toHaveLength(1);

    // 转移 has 复审 by default: 初审 passes to 复审, 复审 returns to 初审 once, then 待登簿.
    await claim(t.desk, n, 'firstReview', REVIEWER);
    expect((await decide(t.desk, n, { stage: 'firstReview', decision: 'pass', opinion: '符合登记条件', actor: REVIEWER })).data).toEqual({ stage: 'secondReview' });
    await claim(t.desk, n, 'secondReview', REVIEWER2);
    expect((await decide(t.desk, n, { stage: 'secondReview', decision: 'return', opinion: '请核对份额', actor: REVIEWER2 })).data).toEqual({ stage: 'firstReview' });
    await claim(t.desk, n, 'firstReview', REVIEWER);
    await decide(t.desk, n, { stage: 'firstReview', decision: 'pass', actor: REVIEWER });
    await claim(t.desk, n, 'secondReview', REVIEWER2);
    expect((await decide(t.desk, n, { stage: 'secondReview', decision: 'pass', actor: REVIEWER2 })).data).toEqual({ stage: 'registration' });
    const stages = (await officeCases(t.desk, n)).map((c) => c.data.stage);
    expect(stages.at(-1)).toBe('registration');
    expect(t.platform.admin.cases().find((c) => c.caseNumber === n)?.status).toBe('approved');
    expect(t.platform.admin.review(n)?.history.map((h) => (h as { action: string }).action)).toEqual([
      'supplement',
      'supplementReceived',
      'pass',
      'return',
      'pass',
      'pass',
    ]);
  });

  it('a case type without 复审 goes from 初审 to 待登簿; 不予登记 tells the counter reject with the grounds', async () => {
    const change = await submitAt(t, [], { businessType: 'change' });
    await claim(t.desk, change, 'firstReview', REVIEWER);
    expect((await decide(t.desk, change, { stage: 'firstReview', decision: 'pass', actor: REVIEWER })).data).toEqual({ stage: 'registration' });
    expect((await claim(t.desk, change, 'registration', REGISTRAR)).status).toBe(200);
    expect((await decide(t.desk, change, { stage: 'registration', decision: 'return', actor: REGISTRAR })).data).toEqual({ stage: 'firstReview' });

    const refused = await submitAt(t);
    await claim(t.desk, refused, 'firstReview', REVIEWER);
    const grounds = [{ id: 'r22-2', citation: '《不动产登记暂行条例》第二十二条第（二）项', text: '存在尚未解决的权属争议' }];
    expect((await decide(t.desk, refused, { stage: 'firstReview', decision: 'refuse', opinion: '权属争议', grounds, actor: REVIEWER })).data).toEqual({ stage: 'refused' });
    const feed = (await t.counter.get('/api/v1/changes', { params: { limit: 500 } })).data.changes as Change[];
    expect(feed.find((c) => c.caseNumber === refused && c.kind === 'review.decision')?.data).toEqual({
      decision: 'reject',
      reasons: ['《不动产登记暂行条例》第二十二条第（二）项：存在尚未解决的权属争议', '权属争议'],
    });
    expect(t.platform.admin.cases().find((c) => c.caseNumber === refused)?.status).toBe('rejected');
  });

  it('another office’s workstation sees none of it: claims, decisions, 补正 and files are CASE_NOT_FOUND / FILE_NOT_FOUND, its feed has no office.case', async () => {
    const file = testFile(1024);
    const n = await submitAt(t, [file]);
    expect((await patchBlob(t.counter, file.hash, 0, file.bytes)).status).toBe(204);
    expect((await t.desk.get(`/api/v1/files/${file.hash}`)).status).toBe(200);
    const other = t.otherOffice;
    expect((await claim(other, n, 'firstReview', REVIEWER)).data.error.code).toBe('CASE_NOT_FOUND');
    await claim(t.desk, n, 'firstReview', REVIEWER);
    expect((await decide(other, n, { stage: 'firstReview', decision: 'pass', actor: REVIEWER })).data.error.code).toBe('CASE_NOT_FOUND');
    expect((await command(other, casePath(n, 'claim/release'), { actor: SUPERVISOR })).data.error.code).toBe('CASE_NOT_FOUND');
    expect((await command(other, casePath(n, 'claim/reassign'), { actor: SUPERVISOR, to: { userId: 'x', name: '某人' } })).data.error.code).toBe('CASE_NOT_FOUND');
    expect((await command(other, casePath(n, 'supplements'), { materials: [], note: '', actor: CLERK })).data.error.code).toBe('CASE_NOT_FOUND');
    const foreignFile = await other.get(`/api/v1/files/${file.hash}`);
    expect(foreignFile.status).toBe(404);
    expect(foreignFile.data.error.code).toBe('FILE_NOT_FOUND');
    expect(await officeCases(other)).toEqual([]);
    expect(t.platform.admin.review(n)).toMatchObject({ stage: 'firstReview', claim: { userId: REVIEWER.userId } });
  });

  it('claims, stages and history survive a restart', async () => {
    const n = await submitAt(t);
    await claim(t.desk, n, 'firstReview', REVIEWER);
    await t.restart();
    expect(t.platform.admin.review(n)).toMatchObject({ stage: 'firstReview', claim: { userId: REVIEWER.userId } });
    expect((await claim(t.counter, n, 'firstReview', REVIEWER2)).data.error.code).toBe('CASE_CLAIMED');
    expect((await decide(t.desk, n, { stage: 'firstReview', decision: 'pass', actor: REVIEWER })).data).toEqual({ stage: 'secondReview' });
  });

  it('with automatic decisions on, a case is not put in the office queue', async () => {
    t.platform.admin.setAuto({ enabled: true, stepMs: 60_000 });
    const n = await submitAt(t);
    expect(t.platform.admin.review(n)).toBeNull();
    expect(await officeCases(t.desk, n)).toEqual([]);
    expect((await claim(t.desk, n, 'firstReview', REVIEWER)).data.error.code).toBe('STAGE_MISMATCH');
  });
});
