import { describe, expect, it } from 'vitest';
import { acknowledgedRules, insertPhrase, orderedChecks, passVerdict, type ReviewCheck } from '../../renderer/src/features/review/checks';
import { activeRestrictions, historyText, holderText, orderedRights, restrictionText, type RegisterRight } from '../../renderer/src/features/review/register/register-view';

const SEIZURE: ReviewCheck = { rule: 'seizure-blocks-disposal', level: 'block', ok: false, message: '该单元已被查封，不能办理转移登记。', source: '《不动产登记暂行条例》第二十二条' };
const OBJECTION: ReviewCheck = { rule: 'objection-needs-decision', level: 'decide', ok: false, message: '该单元存在异议登记。', source: '《民法典》第二百二十条' };
const HOLDERS: ReviewCheck = { rule: 'obligors-match-register', level: 'block', ok: true, message: '义务人与登记簿现势权利人一致。', source: '《不动产登记暂行条例实施细则》' };
const MORTGAGE: ReviewCheck = { rule: 'mortgage-on-transfer', level: 'info', ok: false, message: '存在抵押，转让按民法典第406条办理。', source: '《民法典》第四百零六条' };

describe('review checks: what stops 通过', () => {
  it('lists failed rules first, blocking before those needing a decision before notes, passed last', () => {
    expect(orderedChecks([HOLDERS, MORTGAGE, OBJECTION, SEIZURE]).map((c) => c.rule)).toEqual([
      'seizure-blocks-disposal',
      'objection-needs-decision',
      'mortgage-on-transfer',
      'obligors-match-register',
    ]);
  });

  it('a failed blocking rule refuses 通过 and names the rule, ticks or not', () => {
    const verdict = passVerdict([SEIZURE, HOLDERS], new Set(['seizure-blocks-disposal']));
    expect(verdict).toEqual({ allowed: false, reason: expect.stringContaining('seizure-blocks-disposal') });
  });

  it('an 异议 needs its explicit tick; then 通过 is allowed and the rule is sent as acknowledged', () => {
    expect(passVerdict([OBJECTION, MORTGAGE], new Set()).allowed).toBe(false);
    const ticked = new Set(['objection-needs-decision']);
    expect(passVerdict([OBJECTION, MORTGAGE], ticked)).toEqual({ allowed: true });
    expect(acknowledgedRules([OBJECTION, MORTGAGE, HOLDERS], ticked)).toEqual(['objection-needs-decision']);
  });

  it('a tick on a rule that since passed is not sent', () => {
    expect(acknowledgedRules([{ ...OBJECTION, ok: true }], new Set(['objection-needs-decision']))).toEqual([]);
  });

  it('notes and passed rules never stop 通过', () => {
    expect(passVerdict([MORTGAGE, HOLDERS], new Set())).toEqual({ allowed: true });
  });
});

describe('审核意见: the phrase library', () => {
  it('puts a phrase into an empty opinion as it is', () => {
    expect(insertPhrase('', 0, '申请材料齐全，符合法定形式。')).toEqual({ text: '申请材料齐全，符合法定形式。', caret: 14 });
  });

  it('puts a phrase after existing text on its own line, with the caret after it', () => {
    const r = insertPhrase('经审核，', 4, '同意登记。');
    expect(r).toEqual({ text: '经审核，\n同意登记。', caret: 10 });
  });

  it('inserts at the caret, keeping what follows', () => {
    expect(insertPhrase('甲\n乙', 2, '丙').text).toBe('甲\n丙乙');
  });
});

describe('登记簿 panel: reading the register', () => {
  const rights: RegisterRight[] = [
    { kind: 'ownership', state: 'historic', holders: [{ name: '张*', share: null }], certificateNumber: '湘(2019)长沙市不动产权第0000007号', registeredAt: '2019-05-01' },
    { kind: 'ownership', state: 'current', holders: [{ name: '李*', idTail: '042X', share: '1/2' }, { name: '王*', share: '1/2' }], coOwnership: 'shares', certificateNumber: '湘(2026)长沙市不动产权第0000123号', registeredAt: '2026-12-04' },
    { kind: 'ownership', state: 'historic', holders: ['赵*'], certificateNumber: null, registeredAt: '2021-03-01' },
  ];

  it('shows 现势 first, then history newest first', () => {
    expect(orderedRights(rights).map((r) => `${r.state}:${r.registeredAt}`)).toEqual(['current:2026-12-04', 'historic:2021-03-01', 'historic:2019-05-01']);
  });

  it('writes holders with their ID tail and share, and takes the older plain-name answer too', () => {
    expect(rights[1].holders.map(holderText)).toEqual(['李*（尾号042X） 1/2', '王* 1/2']);
    expect(holderText('赵*')).toBe('赵*');
  });

  it('lists restrictions in force only (ones without a state are the older answer, in force)', () => {
    const active = activeRestrictions([
      { kind: 'mortgage', state: 'historic', holder: '某银行', since: '2019-01-01', until: null, note: null },
      { kind: 'seizure', state: 'current', holder: '长沙市芙蓉区人民法院', since: '2026-01-01', until: '2029-01-01', note: null },
      { kind: 'residence', holder: '孙*', since: null, until: null, note: null },
    ]);
    expect(active.map((r) => r.kind)).toEqual(['seizure', 'residence']);
    expect(restrictionText(active[0])).toBe('查封机关 长沙市芙蓉区人民法院，自 2026-01-01 至 2029-01-01');
    expect(restrictionText(active[1])).toBe('居住权人 孙*');
  });

  it('writes a history entry from the fields it has', () => {
    expect(historyText({ at: '2026-12-04', kind: 'mortgage', caseNumber: 'SL-1', holders: ['某银行'] })).toBe('2026-12-04 抵押权 某银行 （业务 SL-1）');
    expect(historyText({ at: '2026-12-04', what: '查封解除' })).toBe('2026-12-04 查封解除');
  });
});
