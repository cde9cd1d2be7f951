import { afterEach, describe, expect, it } from 'vitest';
import { BUYER, SELLER_1, UNIT } from '../../../support/cases';
import { makeWorkstation, type TestWorkstation } from '../../../support/workstation';

/**
 * 工作台's work queue through the contract: each list picks exactly its cases, "today" is the
 * Asia/Shanghai day (the test clock stands 30 minutes after Shanghai's midnight, still the day
 * before in UTC), and near-due counts working days.
 */
describe('work queue: my drafts, 补正 waiting, ready to collect, accepted today, near due', () => {
  let t: TestWorkstation;
  afterEach(() => t.close());

  it('lists each case where the clerk needs it, and only there', async () => {
    t = makeWorkstation({ config: { workstationId: 'A7', devices: { idcard: 'none', printer: 'none-printer' } } });
    // Monday 30 November 2026, 00:30 in Shanghai (Sunday 16:30 UTC).
    t.clock.advance(Date.parse('2026-11-29T16:30:00Z') - t.clock.now().getTime());
    await t.setup();
    await t.userWithRole('clerk', 'clerk');
    await t.userWithRole('other', 'clerk');
    await t.userWithRole('reviewer', 'reviewer');

    const draft = await t.ok('clerk', 'cases.createDraft', { businessType: 'transfer' });
    await t.ok('clerk', 'cases.saveDraft', { id: draft.id, coOwnership: 'sole', parties: [BUYER, SELLER_1], units: [UNIT], materialsReceived: [] });
    const othersDraft = await t.ok('other', 'cases.createDraft', { businessType: 'transfer' });
    const waiting = await t.ok('clerk', 'cases.createDraft', { businessType: 'transfer' });
    await t.ok('clerk', 'cases.requisition', { id: waiting.id, missing: ['原不动产权证书'] });

    // States only the platform brings (缮证, accepted earlier) are written as it would leave them.
    const db = t.ws.services.db();
    const place = (id: number, status: string, acceptedAt: string, by: string, promised: string) =>
      db.prepare('UPDATE cases SET status = ?, accepted_at = ?, accepted_by = ?, promised_date = ?, case_number = ? WHERE id = ?').run(status, acceptedAt, by, promised, `430102-${id}`, id);
    const acceptedToday = await t.ok('clerk', 'cases.createDraft', { businessType: 'mortgageFirst' });
    place(acceptedToday.id, 'submitted', '2026-11-29T16:10:00.000Z', 'clerk', '2026-12-07'); // 00:10 Shanghai, today
    const acceptedYesterday = await t.ok('clerk', 'cases.createDraft', { businessType: 'mortgageFirst' });
    place(acceptedYesterday.id, 'reviewing', '2026-11-29T15:50:00.000Z', 'clerk', '2026-12-01'); // 23:50 Shanghai, Sunday
    const certified = await t.ok('clerk', 'cases.createDraft', { businessType: 'transfer' });
    place(certified.id, 'certified', '2026-11-20T02:00:00.000Z', 'other', '2026-11-27');
    const farOff = await t.ok('clerk', 'cases.createDraft', { businessType: 'transfer' });
    place(farOff.id, 'accepted', '2026-11-27T02:00:00.000Z', 'other', '2026-12-04');

    const q = await t.ok('clerk', 'workqueue.get', {});
    const ids = (list: keyof typeof q.lists) => q.lists[list].map((c) => c.id);
    expect(q.today).toBe('2026-11-30');
    expect(ids('myDrafts')).toEqual([draft.id]);
    expect(ids('myDrafts')).not.toContain(othersDraft.id);
    expect(q.lists.myDrafts[0].names).toContain('龙金花');
    expect(ids('awaitingCorrection')).toEqual([waiting.id]);
    expect(q.lists.awaitingCorrection[0].statusReason).toContain('原不动产权证书');
    expect(ids('readyToCollect')).toEqual([certified.id]);
    expect(ids('acceptedToday')).toEqual([acceptedToday.id]);
    // Due by Wednesday 2 December (two working days on): yesterday's case due 1 December is; a
    // certified case is done, and 4 December is not near yet.
    expect(ids('nearDue')).toEqual([acceptedYesterday.id]);
    expect(q.totals).toEqual({ myDrafts: 1, awaitingCorrection: 1, readyToCollect: 1, acceptedToday: 1, nearDue: 1 });
    expect((await t.ok('other', 'workqueue.get', { nearDueDays: 4 })).lists.nearDue.map((c) => c.id)).toEqual([acceptedYesterday.id, farOff.id]);
    // A reviewer has no counter queue.
    expect(await t.call('reviewer', 'workqueue.get', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
