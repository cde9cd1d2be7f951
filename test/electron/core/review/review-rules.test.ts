import { describe, expect, it } from 'vitest';
import type { RegisterRecord } from '../../../../electron/contract';
import type { SubmissionBody } from '../../../../electron/core/review/office-cache';
import { registrationTypeOf, runReviewRules } from '../../../../electron/core/review/rules';
import { registrationPreview } from '../../../../electron/core/review/registration-preview';

const UNIT = '430103002007GB00056F00020501';
const CERT = '湘(2017)长沙市不动产权第0034567号';

function record(restrictions: Array<{ kind: string; holder: string }> = [], holders = ['陈志强'], shares: Array<string | null> = [null]): RegisterRecord {
  return {
    unitCode: UNIT,
    registerVersion: 3,
    rights: [
      { id: 1, kind: 'ownership', holders, holderShares: holders.map((name, i) => ({ name, share: shares[i] ?? null })), certificateNumber: CERT, state: 'current' },
      { id: 0, kind: 'ownership', holders: ['旧权利人'], certificateNumber: '旧证', state: 'historic' },
    ],
    restrictions: restrictions.map((r, i) => ({ id: 10 + i, kind: r.kind, holder: r.holder, since: '2025-03-18', state: 'current' })),
    history: [],
  };
}

function body(type: string, over: Partial<SubmissionBody> = {}): SubmissionBody {
  return {
    caseNumber: '430102-20261204-A7-0001',
    businessType: type,
    coOwnership: 'sole',
    parties: [
      { ordinal: 1, role: 'holder', name: '龙金花' },
      { ordinal: 2, role: 'obligor', name: '陈志强' },
    ],
    units: [{ unitCode: UNIT, address: '长沙市天心区书院路五十六号', use: 'residential', previousCertificateNumber: '湘（2017）长沙市不动产权第0034567号' }],
    materials: [],
    ...over,
  };
}

const run = (b: SubmissionBody, r: RegisterRecord | null) => runReviewRules({ body: b, registrationType: registrationTypeOf(b), records: new Map([[UNIT, r]]) });
const rule = (checks: ReturnType<typeof run>, id: string) => checks.find((c) => c.rule === id);

describe('named review rules', () => {
  it('查封 blocks transfer, mortgage and change, citing its source; not a cancellation', () => {
    const seized = record([{ kind: 'seizure', holder: '长沙市天心区人民法院' }]);
    for (const type of ['transfer', 'mortgageFirst', 'change', 'transfer.stateLandHouse']) {
      const c = rule(run(body(type), seized), 'seizure-blocks-disposal');
      expect(c, type).toMatchObject({ level: 'block', ok: false });
      expect(c?.message).toContain('长沙市天心区人民法院');
      expect(c?.source).toContain('第三十八条');
    }
    expect(rule(run(body('transfer'), record()), 'seizure-blocks-disposal')?.ok).toBe(true);
    expect(rule(run(body('mortgageCancellation'), seized), 'seizure-blocks-disposal')).toBeUndefined();
  });

  it('异议 needs an explicit decision, except when the objection itself is cancelled', () => {
    const objected = record([{ kind: 'objection', holder: '黄建国' }]);
    expect(rule(run(body('transfer'), objected), 'objection-needs-decision')).toMatchObject({ level: 'decide', ok: false });
    expect(rule(run(body('objectionCancellation'), objected), 'objection-needs-decision')).toBeUndefined();
  });

  it('预告 blocks disposal unless the 预告权利人 takes the right or consented in writing', () => {
    const pre = record([{ kind: 'preRegistration', holder: '王海燕' }]);
    expect(rule(run(body('transfer'), pre), 'pre-registration-consent')).toMatchObject({ level: 'block', ok: false });
    const toHolder = body('transfer', { parties: [{ ordinal: 1, role: 'holder', name: '王海燕' }, { ordinal: 2, role: 'obligor', name: '陈志强' }] });
    expect(rule(run(toHolder, pre), 'pre-registration-consent')?.ok).toBe(true);
    const consent = body('mortgageFirst', { materials: [{ materialId: 'preRegistrantConsent', name: '预告登记权利人同意书', files: [{ hash: 'a'.repeat(64) }] }] });
    expect(rule(run(consent, pre), 'pre-registration-consent')?.ok).toBe(true);
  });

  it('obligors must be the current holders with their shares', () => {
    expect(rule(run(body('transfer'), record()), 'obligors-match-register')?.ok).toBe(true);
    const wrong = rule(run(body('transfer'), record([], ['周晓岚'])), 'obligors-match-register');
    expect(wrong).toMatchObject({ level: 'block', ok: false });
    expect(wrong?.message).toContain('周晓岚');
    const shares = body('transfer', { parties: [{ ordinal: 1, role: 'holder', name: '龙金花' }, { ordinal: 2, role: 'obligor', name: '陈志强', share: '1/3' }, { ordinal: 3, role: 'obligor', name: '刘德顺', share: '2/3' }] });
    expect(rule(run(shares, record([], ['陈志强', '刘德顺'], ['1/2', '1/2'])), 'obligors-match-register')?.ok).toBe(false);
    expect(rule(run(shares, record([], ['陈志强', '刘德顺'], ['1/3', '2/3'])), 'obligors-match-register')?.ok).toBe(true);
  });

  it('an existing mortgage on a transfer is shown with 民法典 第406条, never blocking', () => {
    const c = rule(run(body('transfer'), record([{ kind: 'mortgage', holder: '中国建设银行' }])), 'mortgage-on-transfer');
    expect(c).toMatchObject({ level: 'info', ok: true, source: '《民法典》第四百零六条' });
    expect(rule(run(body('mortgageFirst'), record([{ kind: 'mortgage', holder: '中国建设银行' }])), 'mortgage-on-transfer')).toBeUndefined();
  });

  it('the 原证号 must match the register (full-width brackets are the same number)', () => {
    expect(rule(run(body('transfer'), record()), 'certificate-number-matches')?.ok).toBe(true);
    const other = body('transfer', { units: [{ unitCode: UNIT, address: 'x', use: 'residential', previousCertificateNumber: '湘(2017)长沙市不动产权第0034568号' }] });
    expect(rule(run(other, record()), 'certificate-number-matches')).toMatchObject({ level: 'block', ok: false });
  });

  it('a unit without a record (offline, never fetched) is a check the reviewer must decide past', () => {
    expect(rule(run(body('transfer'), null), 'register-available')).toMatchObject({ level: 'decide', ok: false });
  });
});

describe('registration preview', () => {
  it('a transfer: the buyer 现势, the seller 历史, the 预告 ends, the mortgage stays, one certificate', () => {
    const r = record([{ kind: 'mortgage', holder: '中国建设银行' }, { kind: 'preRegistration', holder: '龙金花' }]);
    const p = registrationPreview(body('transfer'), [{ unitCode: UNIT, record: r }]);
    expect(p).toMatchObject({ issues: 'certificate', numbersToIssue: 1 });
    expect(p.units[0].newRights).toEqual([{ kind: 'ownership', holders: [{ name: '龙金花', share: null }], coOwnership: 'sole' }]);
    expect(p.units[0].becomesHistoric).toEqual([{ id: 1, kind: 'ownership', holders: ['陈志强'], certificateNumber: CERT }]);
    expect(p.units[0].restrictionsEnded.map((x) => x.kind)).toEqual(['preRegistration']);
    expect(p.units[0].restrictionsKept.map((x) => x.kind)).toEqual(['mortgage']);
  });

  it('a mortgage cancellation removes the mortgage and issues nothing', () => {
    const p = registrationPreview(body('mortgageCancellation'), [{ unitCode: UNIT, record: record([{ kind: 'mortgage', holder: '中国建设银行' }]) }]);
    expect(p).toMatchObject({ issues: 'none', numbersToIssue: 0 });
    expect(p.units[0].restrictionsEnded).toEqual([{ id: 10, kind: 'mortgage', holder: '中国建设银行' }]);
    expect(p.units[0].becomesHistoric).toEqual([]);
  });
});
