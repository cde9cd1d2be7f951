import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until } from '../../../support/cases';
import { fakeScan } from '../../../support/sync-cases';
import { reviewOffice, type ReviewOffice } from './review-office';

const FREE_UNIT = '430102001002GB00031F00040601';
const SEIZED_UNIT = '430103002007GB00056F00020501';
const MORTGAGED_UNIT = '430102003004GB00123F00010203';
const party = (ordinal: number, role: string, name: string, idNumber: string) => ({ ordinal, role, name, idType: 'resident_id', idNumber, phone: null, share: null, signatureHash: null });
const BUYER = party(1, 'holder', '龙金花', '433124199211080267');

/**
 * The office flow of issue #11 at the core, against the real stand-in: 初审 补正 → the counter
 * receives it → 初审 → 复审 → 登簿 with a certificate number (登簿退回 voids it, the next is new);
 * a transfer of a seized unit is stopped by the named rule; 异议 needs an explicit decision; a
 * mortgage 注销 removes the mortgage from the register.
 */
describe('review flow against the platform stand-in', () => {
  let o: ReviewOffice;
  beforeAll(async () => {
    o = await reviewOffice();
  }, 60_000);
  afterAll(async () => o?.close());

  const inQueue = (t: ReviewOffice['desk'], user: string, q: 'firstReview' | 'secondReview' | 'registration' | 'supplementing', n: string) =>
    o.untilDesk(async () => {
      await o.engine(t).pullNow();
      return (await t.ok(user, 'review.queues', { queue: q })).items.find((i) => i.caseNumber === n);
    }, `${n} in ${q}`);
  const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? null : r.error?.code);

  it('二手房转移: 补正 → received at the counter → 初审 → 复审 → 登簿 (certificate), 登簿退回 voids the number', async () => {
    const n = await o.submitElsewhere({
      businessType: 'transfer',
      parties: [BUYER, party(2, 'obligor', '李秀英', '430102196001010023')],
      units: [{ unitCode: FREE_UNIT, address: '湖南省长沙市芙蓉区解放西路三十一号4栋1单元601室', use: 'residential', areaM2: 95.8, previousCertificateNumber: '湘(2016)长沙市不动产权第0004321号' }],
    });
    const first = await inQueue(o.desk, 'rev1', 'firstReview', n);
    await o.desk.ok('rev1', 'review.claim', { caseId: first.caseId });
    const ws = await o.desk.ok('rev1', 'review.workspace', { caseId: first.caseId });
    expect(ws.checks.filter((c) => !c.ok)).toEqual([]);
    expect(ws.checks.map((c) => c.rule)).toEqual(expect.arrayContaining(['obligors-match-register', 'certificate-number-matches', 'seizure-blocks-disposal']));
    await o.desk.ok('rev1', 'review.decide', { caseId: first.caseId, decision: 'supplement', opinion: '申请材料不齐全', items: [{ material: '不动产登记申请书', problem: '缺少义务人签名' }], deadline: '2026-12-11' });

    // The counter's workstation holds the office's cases too: the clerk receives the correction there.
    const counterRow = await until(async () => {
      await o.engine(o.counter).pullNow();
      return o.counter.ws.services.db().prepare("SELECT id FROM office_cases WHERE case_number = ? AND stage = 'supplementing'").get(n) as { id: number } | undefined;
    }, 'supplementing at the counter', 15_000);
    const scan = fakeScan(2000);
    const db = o.counter.ws.services.db();
    const hash = o.counter.ws.services.blobs.put(db, scan, 'application/pdf', new Date());
    // Accepted at another counter: this clerk names the office's case (the e2e covers a counter's own case).
    const received = await o.counter.ok('clerk', 'cases.receiveSupplement', { officeCaseId: counterRow.id, note: '申请人补交签名页', materials: [{ name: '不动产登记申请书（补正）', blobHash: hash }] });
    expect(received.stage).toBe('supplementing');

    const again = await inQueue(o.desk, 'rev1', 'firstReview', n);
    const ws2 = await o.desk.ok('rev1', 'review.workspace', { caseId: again.caseId });
    expect(ws2.case.supplements.at(-1)?.note).toBe('申请人补交签名页');
    await o.desk.ok('rev1', 'review.claim', { caseId: again.caseId });
    await o.desk.ok('rev1', 'review.decide', { caseId: again.caseId, decision: 'pass', opinion: '同意' });

    // 复审 (transfers are configured for it), by another reviewer.
    const second = await inQueue(o.desk, 'rev2', 'secondReview', n);
    await o.desk.ok('rev2', 'review.claim', { caseId: second.caseId });
    await o.desk.ok('rev2', 'review.decide', { caseId: second.caseId, decision: 'pass', opinion: '复审同意' });

    const ready = await inQueue(o.desk, 'reg', 'registration', n);
    await o.desk.ok('reg', 'review.claim', { caseId: ready.caseId });
    await o.desk.ok('reg', 'review.workspace', { caseId: ready.caseId });
    const preview = await o.desk.ok('reg', 'registration.preview', { caseId: ready.caseId });
    expect(preview).toMatchObject({ issues: 'certificate', numbersToIssue: 1, blockedBy: null });
    expect(preview.units[0].becomesHistoric[0].holders).toEqual(['李秀英']);
    const done = await o.desk.ok('reg', 'registration.register', { caseId: ready.caseId });
    expect(done.stage).toBe('registered');
    expect(done.certificateNumbers).toHaveLength(1);
    expect(done.certificateNumbers[0]).toMatch(/^湘\(2026\)长沙市不动产权第\d{7}号$/);
    const rights = o.platform.admin.registerRights(FREE_UNIT);
    expect(rights.find((r) => r.state === 'current' && r.kind === 'ownership')?.holders).toEqual(['龙金花']);
    expect(rights.find((r) => r.state === 'historic')?.holders).toEqual(['李秀英']);

    // 登簿退回: the number is void for good; the next 登簿 gets a new one.
    const undone = await o.desk.ok('reg', 'registration.undo', { caseId: ready.caseId, reason: '登簿信息有误' });
    expect(undone).toMatchObject({ stage: 'registration', certificateNumbers: [] });
    await o.desk.ok('reg', 'review.claim', { caseId: ready.caseId });
    await o.desk.ok('reg', 'review.workspace', { caseId: ready.caseId });
    const redone = await o.desk.ok('reg', 'registration.register', { caseId: ready.caseId });
    expect(redone.certificateNumbers).toHaveLength(1);
    expect(redone.certificateNumbers[0]).not.toBe(done.certificateNumbers[0]);
  }, 120_000);

  it('a transfer of a seized unit is stopped by the named rule; 异议 needs an explicit decision; 抵押注销 removes the mortgage', async () => {
    const seized = await o.submitElsewhere({
      businessType: 'transfer',
      parties: [BUYER, party(2, 'obligor', '陈志强', '430103197001010031')],
      units: [{ unitCode: SEIZED_UNIT, address: '湖南省长沙市天心区书院路五十六号2栋1单元501室', use: 'residential', areaM2: 112.3 }],
    });
    const s = await inQueue(o.desk, 'rev1', 'firstReview', seized);
    await o.desk.ok('rev1', 'review.claim', { caseId: s.caseId });
    const ws = await o.desk.ok('rev1', 'review.workspace', { caseId: s.caseId });
    expect(ws.checks.find((c) => c.rule === 'seizure-blocks-disposal')).toMatchObject({ level: 'block', ok: false });
    const blocked = await o.desk.call('rev1', 'review.decide', { caseId: s.caseId, decision: 'pass', opinion: '同意' });
    expect(code(blocked)).toBe('REVIEW_RULE_BLOCKS');
    expect(blocked.ok ? null : blocked.error.details).toEqual({ rule: 'seizure-blocks-disposal' });

    o.platform.admin.addRestriction(MORTGAGED_UNIT, { kind: 'objection', holder: '黄建国', since: '2026-12-01', until: null, note: null });
    const m = await o.submitElsewhere({
      businessType: 'mortgageCancellation',
      parties: [party(1, 'holder', '周晓岚', '43010219860314042X')],
      units: [{ unitCode: MORTGAGED_UNIT, address: '湖南省长沙市芙蓉区五一大道一百二十三号3栋2单元203室', use: 'residential', areaM2: 89.5 }],
    });
    const mc = await inQueue(o.desk, 'rev1', 'firstReview', m);
    await o.desk.ok('rev1', 'review.claim', { caseId: mc.caseId });
    const mws = await o.desk.ok('rev1', 'review.workspace', { caseId: mc.caseId });
    expect(mws.checks.find((c) => c.rule === 'objection-needs-decision')).toMatchObject({ level: 'decide', ok: false });
    const unacknowledged = await o.desk.call('rev1', 'review.decide', { caseId: mc.caseId, decision: 'pass', opinion: '同意' });
    expect(code(unacknowledged)).toBe('REVIEW_RULE_NEEDS_DECISION');
    await o.desk.ok('rev1', 'review.decide', { caseId: mc.caseId, decision: 'pass', opinion: '异议已核查，同意注销抵押', acknowledgedRules: ['objection-needs-decision'] });
    const ready = await inQueue(o.desk, 'reg', 'registration', m);
    await o.desk.ok('reg', 'review.claim', { caseId: ready.caseId });
    await o.desk.ok('reg', 'review.workspace', { caseId: ready.caseId });
    const preview = await o.desk.ok('reg', 'registration.preview', { caseId: ready.caseId });
    expect(preview.units[0].restrictionsEnded.map((r) => r.kind)).toEqual(['mortgage']);
    await o.desk.ok('reg', 'registration.register', { caseId: ready.caseId });
    const after = await o.desk.ok('reg', 'review.workspace', { caseId: ready.caseId });
    expect(after.register[0].record?.restrictions.some((r) => r.kind === 'mortgage')).toBe(false);
    expect(after.register[0].record?.restrictions.some((r) => r.kind === 'objection')).toBe(true);
  }, 120_000);
});
