import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sm3Hex } from '../../../../electron/core/crypto/sm3';
import { acceptSeizure, fakeScan } from '../../../support/sync-cases';
import { until } from '../../../support/cases';
import { reviewOffice, type ReviewOffice } from './review-office';

/**
 * Issue #11 against the real stand-in: a counter accepts, the review desk of the same office sees
 * the case in 待初审 from its own cache, claims it (a second reviewer is refused), decides offline
 * (the outbox delivers later), and the registrar's 登簿 needs the platform and meets a conflict.
 */
describe('review desk against the platform stand-in', () => {
  let o: ReviewOffice;
  beforeAll(async () => {
    o = await reviewOffice();
  }, 60_000);
  afterAll(async () => o?.close());

  const queue = async (user: string, q: 'firstReview' | 'secondReview' | 'registration' | 'supplementing', caseNumber: string) =>
    (await o.desk.ok(user, 'review.queues', { queue: q })).items.find((i) => i.caseNumber === caseNumber);

  async function acceptedAtCounter(files: Buffer[] = []): Promise<string> {
    const { caseNumber } = await acceptSeizure(o.counter, 'clerk', files);
    await until(async () => (o.counter.ws.services.db().prepare("SELECT count(*) AS n FROM outbox WHERE state != 'done'").get() as { n: number }).n === 0 || undefined, 'submission delivered', 15_000);
    return caseNumber;
  }

  it('queues → claim (second reviewer refused) → workspace with material → decision offline → 登簿 online', async () => {
    const scan = fakeScan(3000);
    const caseNumber = await acceptedAtCounter([scan]);

    // The desk sees it in 待初审, from its own cache.
    const item = await o.untilDesk(() => queue('rev1', 'firstReview', caseNumber), '待初审 on the desk');
    expect(item).toMatchObject({ stage: 'firstReview', claim: null, workstation: '430102-A7', clerkName: 'clerk', overdue: false });
    expect(item.businessTypeLabel).toContain('查封');
    const totals = (await o.desk.ok('rev1', 'review.queues', { queue: 'firstReview' })).totals;
    expect(totals.firstReview).toBeGreaterThanOrEqual(1);

    // Separation of duties: the reviewer named like the accepting clerk may not take it.
    const own = await o.desk.call('clerk', 'review.claim', { caseId: item.caseId });
    expect(own.ok ? null : own.error.code).toBe('SEPARATION_OF_DUTIES');

    // One claim at a time, granted by the platform.
    const claimed = await o.desk.ok('rev1', 'review.claim', { caseId: item.caseId });
    expect(claimed.claim?.userId).toBe('rev1');
    expect(claimed.mine).toBe(true);
    const second = await o.desk.call('rev2', 'review.claim', { caseId: item.caseId });
    expect(second.ok ? null : second.error.code).toBe('CASE_CLAIMED');
    expect(second.ok ? '' : second.error.message).toContain('rev1');
    expect(o.platform.admin.review(caseNumber)?.claim).toMatchObject({ userId: 'rev1', workstation: '430102-B3' });

    // The workspace: application masked, the register record, the checks, the material on demand.
    const ws = await o.desk.ok('rev1', 'review.workspace', { caseId: item.caseId });
    expect(ws.register[0]).toMatchObject({ unitCode: '430102003004GB00123F00010203', offline: false });
    expect(ws.register[0].record?.registerVersion).toBeGreaterThanOrEqual(1);
    expect(ws.allowedDecisions).toEqual(['pass', 'supplement', 'refuse']);
    const hash = sm3Hex(scan);
    const m = ws.materials.find((x) => x.sm3 === hash);
    expect(m?.downloaded).toBe(false);
    const bytes = await o.desk.ok('rev1', 'review.material', { caseId: item.caseId, sm3: hash });
    expect(Buffer.from(bytes.base64, 'base64').equals(scan)).toBe(true);
    const again = await o.desk.ok('rev1', 'review.workspace', { caseId: item.caseId });
    expect(again.materials.find((x) => x.sm3 === hash)?.downloaded).toBe(true);

    // Deciding is refused without the claim; the holder's decision waits in the outbox offline.
    const notMine = await o.desk.call('rev2', 'review.decide', { caseId: item.caseId, decision: 'pass', opinion: '同意' });
    expect(notMine.ok ? null : notMine.error.code).toBe('CLAIM_REQUIRED');
    await o.stopPlatform();
    const decided = await o.desk.ok('rev1', 'review.decide', { caseId: item.caseId, decision: 'pass', opinion: '经审核，申请材料齐全，同意登记。' });
    expect(decided.pendingDecision).toBe('pass');
    const twice = await o.desk.call('rev1', 'review.decide', { caseId: item.caseId, decision: 'pass', opinion: '再次' });
    expect(twice.ok ? null : twice.error.code).toBe('STAGE_MISMATCH');
    await until(async () => (o.engine(o.desk).linkStatus().state === 'offline' ? true : undefined), 'desk offline', 15_000);
    const cached = await queue('rev1', 'firstReview', caseNumber);
    expect(cached?.pendingDecision).toBe('pass');

    // Back online: the decision arrives, the case reaches 待登簿 (查封 has no 复审).
    await o.startPlatformAgain();
    const ready = await o.untilDesk(() => queue('reg', 'registration', caseNumber), '待登簿 after the queued decision');
    expect(ready.pendingDecision).toBeNull();
    expect(o.platform.admin.review(caseNumber)?.stage).toBe('registration');

    // A reviewer cannot 登簿; the registrar claims, previews, registers.
    const byReviewer = await o.desk.call('rev1', 'registration.register', { caseId: item.caseId });
    expect(byReviewer.ok ? null : byReviewer.error.code).toBe('FORBIDDEN');
    await o.desk.ok('reg', 'review.claim', { caseId: item.caseId });
    await o.desk.ok('reg', 'review.workspace', { caseId: item.caseId });
    const preview = await o.desk.ok('reg', 'registration.preview', { caseId: item.caseId });
    expect(preview).toMatchObject({ issues: 'none', blockedBy: null });
    expect(preview.units[0].restrictionsAdded).toEqual([{ kind: 'seizure', holder: null }]);
    const registered = await o.desk.ok('reg', 'registration.register', { caseId: item.caseId });
    expect(registered.stage).toBe('registered');
    expect(o.platform.admin.review(caseNumber)?.stage).toBe('registered');
    const unit = await o.desk.ok('reg', 'review.workspace', { caseId: item.caseId });
    expect(unit.register[0].record?.restrictions.some((r) => r.kind === 'seizure')).toBe(true);
  }, 90_000);

  it('登簿 offline is refused with the reason; a register changed since review sends the case back to 初审', async () => {
    const caseNumber = await acceptedAtCounter();
    const item = await o.untilDesk(() => queue('rev1', 'firstReview', caseNumber), '待初审');
    await o.desk.ok('rev1', 'review.claim', { caseId: item.caseId });
    await o.desk.ok('rev1', 'review.workspace', { caseId: item.caseId });
    await o.desk.ok('rev1', 'review.decide', { caseId: item.caseId, decision: 'pass', opinion: '同意' });
    await o.untilDesk(() => queue('reg', 'registration', caseNumber), '待登簿');
    await o.desk.ok('reg', 'review.claim', { caseId: item.caseId });
    await o.desk.ok('reg', 'review.workspace', { caseId: item.caseId });

    await o.stopPlatform();
    await until(async () => {
      await o.engine(o.desk).pullNow().catch(() => undefined);
      return o.engine(o.desk).linkStatus().state === 'offline' ? true : undefined;
    }, 'desk offline', 15_000);
    const offline = await o.desk.call('reg', 'registration.register', { caseId: item.caseId });
    expect(offline.ok ? null : offline.error.code).toBe('PLATFORM_OFFLINE');
    expect(offline.ok ? '' : offline.error.message).toContain('登簿需要连接省级平台');
    await o.startPlatformAgain();
    await until(async () => {
      await o.engine(o.desk).pullNow().catch(() => undefined);
      return o.engine(o.desk).linkStatus().state === 'online' ? true : undefined;
    }, 'desk online', 15_000);

    // Someone writes the register of the unit after the review: 登簿 is refused and goes back.
    o.platform.admin.addRestriction('430102003004GB00123F00010203', { kind: 'objection', holder: '测试异议人', since: '2026-12-04', until: null, note: '测试' });
    const conflict = await o.desk.call('reg', 'registration.register', { caseId: item.caseId });
    expect(conflict.ok ? null : conflict.error.code).toBe('REGISTER_CONFLICT');
    expect(o.platform.admin.review(caseNumber)?.stage).toBe('firstReview');
    const back = await o.untilDesk(() => queue('rev1', 'firstReview', caseNumber), 'back in 初审');
    expect(back.claim).toBeNull();
  }, 90_000);
});
