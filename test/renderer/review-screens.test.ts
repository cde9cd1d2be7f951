import { describe, expect, it } from 'vitest';
import type { ReviewCheck } from '../../renderer/src/features/review/checks';
import { claimText, countdownText, defaultQueue, queueInput, rowActions } from '../../renderer/src/features/review/queue/queue-view';
import { issueText, registerBlock, restrictionLine, rightLine } from '../../renderer/src/features/review/registration/preview-view';
import { queuePath, registerPath, reviewRoute, workspacePath } from '../../renderer/src/features/review/review-route';
import { decideInput, decisionKey, decisionsFor, draftProblem, emptyDraft, type DecisionDraft } from '../../renderer/src/features/review/workspace/decision-form';

describe('审核 routes', () => {
  it('reads the queues, a queue tab, the workspace and the 登簿 screen from the route, and writes them back', () => {
    expect(reviewRoute('/review')).toEqual({ screen: 'queues', queue: null });
    expect(reviewRoute(queuePath('registration'))).toEqual({ screen: 'queues', queue: 'registration' });
    expect(reviewRoute(workspacePath(12))).toEqual({ screen: 'workspace', caseId: 12 });
    expect(reviewRoute(registerPath(12))).toEqual({ screen: 'register', caseId: 12 });
  });

  it('does not take routes that are not its own', () => {
    expect(reviewRoute('/review/queue/nonsense')).toBeNull();
    expect(reviewRoute('/review/abc')).toBeNull();
    expect(reviewRoute('/reviewx')).toBeNull();
  });
});

describe('work queues: countdown, claims and what a row offers', () => {
  it('says the working days left, today, and overdue (red) in words', () => {
    expect(countdownText({ workingDaysLeft: 5, overdue: false, promisedDate: '2026-12-11' })).toEqual({ text: '5 个工作日', tone: 'normal' });
    expect(countdownText({ workingDaysLeft: 1, overdue: false, promisedDate: '2026-12-07' })).toEqual({ text: '1 个工作日', tone: 'due' });
    expect(countdownText({ workingDaysLeft: 0, overdue: false, promisedDate: '2026-12-04' })).toEqual({ text: '今日到期', tone: 'due' });
    expect(countdownText({ workingDaysLeft: -3, overdue: true, promisedDate: '2026-12-01' })).toEqual({ text: '已超期 3 个工作日', tone: 'overdue' });
    expect(countdownText({ workingDaysLeft: 0, overdue: true, promisedDate: '2026-12-04' }).tone).toBe('overdue');
    expect(countdownText({ workingDaysLeft: null, overdue: false, promisedDate: null }).text).toBe('—');
  });

  it('names who holds a case: nobody, me, or another reviewer with the workstation', () => {
    expect(claimText(null, 7)).toBe('未认领');
    expect(claimText({ userId: 7, name: '李审核' }, 7)).toBe('本人办理中');
    expect(claimText({ userId: '8', name: '赵审核', workstation: 'B2' }, 7)).toBe('赵审核 办理中（B2）');
  });

  it('offers 认领 to a reviewer on a free case, 释放 on their own, and 改派 only to a supervisor', () => {
    expect(rowActions({ claim: null }, 'firstReview', 7, 'reviewer')).toEqual({ open: true, claim: true, release: false, reassign: false });
    expect(rowActions({ claim: { userId: 7, name: '我' } }, 'firstReview', 7, 'reviewer')).toMatchObject({ claim: false, release: true });
    expect(rowActions({ claim: { userId: 8, name: '他' } }, 'firstReview', 7, 'reviewer')).toMatchObject({ claim: false, release: false, reassign: false });
    expect(rowActions({ claim: { userId: 8, name: '他' } }, 'secondReview', 1, 'supervisor')).toMatchObject({ release: true, reassign: true });
  });

  it('keeps reviewers out of 待登簿 and registrars out of review; nobody claims a case in 补正中', () => {
    expect(rowActions({ claim: null }, 'registration', 7, 'reviewer').claim).toBe(false);
    expect(rowActions({ claim: null }, 'registration', 7, 'registrar').claim).toBe(true);
    expect(rowActions({ claim: null }, 'firstReview', 7, 'registrar').claim).toBe(false);
    expect(rowActions({ claim: null }, 'supplementing', 7, 'supervisor')).toMatchObject({ claim: false, reassign: false });
    expect(defaultQueue('registrar')).toBe('registration');
    expect(defaultQueue('reviewer')).toBe('firstReview');
  });

  it('sends only the filters that are set, and the page as an offset', () => {
    expect(queueInput('firstReview', { businessType: null, clerk: '  ', from: '2026-12-01', mine: false }, 3, 50)).toEqual({ queue: 'firstReview', from: '2026-12-01', limit: 50, offset: 100 });
    expect(queueInput('registration', { businessType: 'transfer', clerk: '张受理', mine: true }, 1, 20)).toEqual({ queue: 'registration', businessType: 'transfer', clerk: '张受理', mine: true, limit: 20, offset: 0 });
  });
});

const SEIZURE: ReviewCheck = { rule: 'seizure-blocks-disposal', level: 'block', ok: false, message: '该单元已被查封', source: '条例' };
const OBJECTION: ReviewCheck = { rule: 'objection-needs-decision', level: 'decide', ok: false, message: '存在异议登记', source: '民法典 第220条' };
const draft = (patch: Partial<DecisionDraft>): DecisionDraft => ({ ...emptyDraft(), opinion: '经审核，符合登记条件。', ...patch });

describe('审核结论: what each decision needs before it can be sent', () => {
  it('offers 退回 only where there is a previous step', () => {
    expect(decisionsFor('firstReview')).toEqual(['pass', 'supplement', 'refuse']);
    expect(decisionsFor('secondReview')).toContain('return');
    expect(decisionsFor('registration')).toEqual([]);
  });

  it('needs a decision and an opinion', () => {
    expect(draftProblem(emptyDraft(), 'firstReview', [], '2026-12-04')?.field).toBe('decision');
    expect(draftProblem(draft({ decision: 'pass', opinion: ' ' }), 'firstReview', [], '2026-12-04')?.field).toBe('opinion');
    expect(draftProblem(draft({ decision: 'return' }), 'firstReview', [], '2026-12-04')?.field).toBe('decision');
  });

  it('refuses 通过 while a 查封 rule blocks, naming the rule; an 异议 needs its tick', () => {
    expect(draftProblem(draft({ decision: 'pass' }), 'firstReview', [SEIZURE], '2026-12-04')).toEqual({ field: 'checks', message: expect.stringContaining('seizure-blocks-disposal') });
    expect(draftProblem(draft({ decision: 'pass' }), 'firstReview', [OBJECTION], '2026-12-04')?.field).toBe('checks');
    const ticked = draft({ decision: 'pass', acknowledged: new Set([OBJECTION.rule]) });
    expect(draftProblem(ticked, 'firstReview', [OBJECTION], '2026-12-04')).toBeNull();
    expect(decideInput(5, ticked, [OBJECTION])).toEqual({ caseId: 5, decision: 'pass', opinion: '经审核，符合登记条件。', acknowledgedRules: [OBJECTION.rule] });
  });

  it('a blocked case can still be sent to 补正 or 不予登记', () => {
    expect(draftProblem(draft({ decision: 'refuse', groundIds: ['ownershipDispute'] }), 'firstReview', [SEIZURE], '2026-12-04')).toBeNull();
  });

  it('补正 needs at least one item with text, and a deadline after today when one is given', () => {
    const empty = draft({ decision: 'supplement', items: [{ material: '转移合同', problem: '  ' }] });
    expect(draftProblem(empty, 'firstReview', [], '2026-12-04')?.field).toBe('items');
    const past = draft({ decision: 'supplement', items: [{ material: null, problem: '缺少完税凭证' }], deadline: '2026-12-04' });
    expect(draftProblem(past, 'firstReview', [], '2026-12-04')?.field).toBe('deadline');
    const ok = draft({ decision: 'supplement', items: [{ material: ' 转移合同 ', problem: ' 缺少买受人签字 ' }, { material: null, problem: '' }], deadline: '2026-12-11' });
    expect(draftProblem(ok, 'firstReview', [], '2026-12-04')).toBeNull();
    expect(decideInput(5, ok, [])).toEqual({ caseId: 5, decision: 'supplement', opinion: '经审核，符合登记条件。', items: [{ material: '转移合同', problem: '缺少买受人签字' }], deadline: '2026-12-11' });
  });

  it('不予登记 needs a ground of 第二十二条, and sends only the grounds', () => {
    expect(draftProblem(draft({ decision: 'refuse' }), 'secondReview', [], '2026-12-04')?.field).toBe('groundIds');
    expect(decideInput(5, draft({ decision: 'refuse', groundIds: ['violatesLaw'], items: [{ material: null, problem: 'x' }] }), [])).toEqual({
      caseId: 5,
      decision: 'refuse',
      opinion: '经审核，符合登记条件。',
      groundIds: ['violatesLaw'],
    });
  });

  it('maps Alt+1…4, Alt+Y and Ctrl+Enter, by character or by physical key', () => {
    const k = (key: string, mods: Partial<{ altKey: boolean; ctrlKey: boolean; code: string }> = {}) => decisionKey({ key, altKey: false, ctrlKey: false, metaKey: false, ...mods });
    expect(k('2', { altKey: true })).toEqual({ type: 'choose', decision: 'supplement' });
    expect(k('¡', { altKey: true, code: 'Digit1' })).toEqual({ type: 'choose', decision: 'pass' });
    expect(k('y', { altKey: true })).toEqual({ type: 'opinion' });
    expect(k('Enter', { ctrlKey: true })).toEqual({ type: 'send' });
    expect(k('1')).toBeNull();
    expect(k('Enter')).toBeNull();
  });
});

describe('登簿 screen: preview lines and when 登簿 can be pressed', () => {
  it('writes rights with holders and shares, and restrictions with their holder', () => {
    expect(rightLine({ kind: 'ownership', holders: [{ name: '龙金花', share: null }] })).toBe('房屋所有权：龙金花');
    expect(rightLine({ kind: 'ownership', holders: ['周晓岚', '刘德顺'], certificateNumber: '湘(2019)长沙市不动产权第0000007号' })).toBe('房屋所有权：周晓岚、刘德顺（湘(2019)长沙市不动产权第0000007号）');
    expect(restrictionLine({ kind: 'mortgage', holder: '某银行' })).toBe('抵押，抵押权人 某银行');
  });

  it('says what is issued: a certificate, a proof, or nothing', () => {
    expect(issueText({ kind: 'certificate', count: 1 })).toContain('1 个不动产权证书号');
    expect(issueText({ kind: 'proof', count: 1 })).toContain('不动产登记证明号');
    expect(issueText({ kind: 'none', count: 0 })).toBe('本业务不发证书或证明');
  });

  it('disables 登簿 with the reason: not in 待登簿, not claimed, offline', () => {
    const ok = { stage: 'registration', claimedByMe: true, online: true, registered: false };
    expect(registerBlock(ok)).toBeNull();
    expect(registerBlock({ ...ok, online: false })).toContain('登簿需要连接省级平台');
    expect(registerBlock({ ...ok, claimedByMe: false })).toBe('请先认领本业务再登簿');
    expect(registerBlock({ ...ok, stage: 'firstReview' })).toBe('业务不在待登簿环节');
    expect(registerBlock({ ...ok, registered: true })).toBe('本业务已登簿');
  });
});

describe('登簿 preview answer', () => {
  it('reads the preview answer: restrictions ended, what is issued', async () => {
    const { previewModel } = await import('../../renderer/src/features/review/registration/preview-view');
    expect(previewModel(null)).toBeNull();
    const unit = { unitCode: 'U', registerVersion: 3, newRights: [], becomesHistoric: [], restrictionsAdded: [], restrictionsEnded: [{ id: 1, kind: 'mortgage', holder: '某银行' }], restrictionsKept: [] };
    expect(previewModel({ caseId: 1, units: [unit], issues: 'proof', numbersToIssue: 0, blockedBy: null })).toEqual({
      units: [{ unitCode: 'U', newRights: [], becomesHistoric: [], restrictionsAdded: [], restrictionsEnded: [{ id: 1, kind: 'mortgage', holder: '某银行' }], restrictionsKept: [] }],
      issue: { kind: 'proof', count: 0 },
    });
  });
});

describe('登记簿 from the platform answer', () => {
  it('puts ended rights from the history into the table as 历史, with shares when given, and words the history', async () => {
    const { recordData, orderedRights, holderText } = await import('../../renderer/src/features/review/register/register-view');
    const data = recordData({
      unitCode: 'U',
      registerVersion: 5,
      rights: [{ id: 7, kind: 'ownership', holders: ['龙金花'], holderShares: [{ name: '龙金花', share: null }], state: 'current', certificateNumber: '湘(2026)长沙市不动产权第0000123号', registeredAt: '2026-12-04' }],
      restrictions: [
        { id: 1, kind: 'mortgage', holder: '某银行', state: 'current' },
        { id: 2, kind: 'strange', holder: null, state: 'current' },
      ],
      history: [
        { entry: 'right', id: 3, kind: 'ownership', state: 'historic', holders: ['周晓岚', '刘德顺'], certificateNumber: '湘(2019)长沙市不动产权第0012345号', since: '2019-05-06', endedAt: '2026-12-04T08:00:00Z', endedBy: '430102-20261204-A7-0001' },
        { entry: 'restriction', id: 4, kind: 'seizure', state: 'historic', holders: ['某法院'], certificateNumber: null, since: '2025-01-01', endedAt: '2026-01-02T00:00:00Z', endedBy: null },
      ],
    });
    expect(orderedRights(data.rights).map((r) => `${r.state}:${r.holders.map(holderText).join('、')}`)).toEqual(['current:龙金花', 'historic:周晓岚、刘德顺']);
    expect(data.restrictions.map((r) => r.kind)).toEqual(['mortgage']);
    expect(data.history?.map((h) => h.what)).toEqual(['房屋所有权转为历史', '查封注销']);
    expect(data.history?.[0]).toMatchObject({ at: '2026-12-04', caseNumber: '430102-20261204-A7-0001' });
  });
});
