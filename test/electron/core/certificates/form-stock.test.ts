import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { changeForm, formStock, receiveBatch } from '../../../../electron/core/certificates/paper/form-stock';
import { FORM_STATES, FORM_TRANSITIONS, type FormAction, type FormState } from '../../../../electron/core/certificates/paper/form-states';
import type { Db } from '../../../../electron/core/store/database';
import { makeTempDir } from '../../../support/temp-dir';
import { stockDb } from './stock-support';

const run = promisify(execFile);
const ME = { id: 1, name: '张主任' };
const NOW = new Date('2026-12-04T02:00:00Z');
let dir: ReturnType<typeof makeTempDir> | undefined;
let db: Db | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
  dir?.remove();
});

function fresh(): Db {
  dir = makeTempDir('bdc-stock-');
  db = stockDb(dir.path);
  return db;
}

const codeOf = (f: () => unknown): string | undefined => {
  try {
    f();
    return undefined;
  } catch (e) {
    return (e as { code?: string }).code;
  }
};

describe('blank-form stock', () => {
  it('books a delivery as 未使用 sheets with their history, and refuses an overlapping range', () => {
    const d = fresh();
    const batch = receiveBatch(d, { year: 2026, countyCode: '430102', formType: 'certificate', firstSerial: '43000123401', lastSerial: '43000123600' }, ME, NOW);
    expect(batch).toMatchObject({ firstSerial: '43000123401', lastSerial: '43000123600', count: 200 });
    expect(formStock.counts(d, 'certificate')).toMatchObject({ unused: 200, total: 200 });
    expect(formStock.history(d, '43000123450')).toEqual([expect.objectContaining({ fromState: null, toState: 'unused', actor: '张主任', reason: '入库' })]);

    const overlap = (first: string, last: string, formType: 'certificate' | 'proof' = 'certificate') =>
      codeOf(() => receiveBatch(d, { year: 2026, countyCode: '430102', formType, firstSerial: first, lastSerial: last }, ME, NOW));
    expect(overlap('43000123600', '43000123700')).toBe('FORM_BATCH_OVERLAP');
    expect(overlap('43000123300', '43000123401')).toBe('FORM_BATCH_OVERLAP');
    expect(overlap('43000123450', '43000123460')).toBe('FORM_BATCH_OVERLAP');
    expect(overlap('43000123000', '43000124000')).toBe('FORM_BATCH_OVERLAP');
    // A sheet is known by its 印制号 alone: proof forms cannot reuse the numbers either.
    expect(overlap('43000123401', '43000123410', 'proof')).toBe('FORM_BATCH_OVERLAP');
    expect(overlap('43000123601', '43000123610', 'proof')).toBeUndefined();
    expect(overlap('43000123611', '43000123620')).toBeUndefined();
    expect(formStock.counts(d)).toMatchObject({ unused: 220, total: 220 });
    expect(formStock.counts(d, 'proof')).toMatchObject({ unused: 10, total: 10 });
    // Nothing of a refused batch was written.
    expect(d.prepare('SELECT count(*) AS n FROM form_batches').get()).toEqual({ n: 3 });
  });

  it('refuses bad serials and ranges with FORM_SERIAL_INVALID', () => {
    const d = fresh();
    const bad = (first: string, last: string) => codeOf(() => receiveBatch(d, { year: 2026, countyCode: '430102', formType: 'certificate', firstSerial: first, lastSerial: last }, ME, NOW));
    expect(bad('4300012340A', '43000123600')).toBe('FORM_SERIAL_INVALID');
    expect(bad('43000123600', '43000123401')).toBe('FORM_SERIAL_INVALID');
    expect(bad('0123401', '43000123600')).toBe('FORM_SERIAL_INVALID');
    expect(bad('', '')).toBe('FORM_SERIAL_INVALID');
    expect(bad('12345', '12346')).toBe('FORM_SERIAL_INVALID');
    expect(bad('1000000', '1200000')).toBe('FORM_SERIAL_INVALID'); // more than 100,000 sheets
    expect(codeOf(() => changeForm(d, '43x', 'use', {}, ME, NOW))).toBe('FORM_SERIAL_INVALID');
    expect(codeOf(() => changeForm(d, '43000999999', 'use', {}, ME, NOW))).toBe('FORM_NOT_FOUND');
  });

  it('keeps leading zeros as printed', () => {
    const d = fresh();
    receiveBatch(d, { year: 2026, countyCode: '430102', formType: 'proof', firstSerial: '0000100', lastSerial: '0000102' }, ME, NOW);
    expect(formStock.list(d, { limit: 10, offset: 0 }).rows.map((r) => r.serial)).toEqual(['0000100', '0000101', '0000102']);
  });

  it('walks the states with person, time, reason and case; refuses what the state does not allow, a wrong type, a missing reason', () => {
    const d = fresh();
    receiveBatch(d, { year: 2026, countyCode: '430102', formType: 'certificate', firstSerial: '43000123401', lastSerial: '43000123410' }, ME, NOW);
    expect(changeForm(d, '43000123401', 'issue', { holder: '证书打印机 A' }, ME, NOW)).toMatchObject({ state: 'issued', holder: '证书打印机 A' });
    expect(changeForm(d, '43000123401', 'use', { caseNumber: 'C1', certificateNumber: '湘(2026)长沙市不动产权第0000001号', formType: 'certificate' }, ME, NOW)).toMatchObject({
      state: 'used',
      caseNumber: 'C1',
    });
    expect(codeOf(() => changeForm(d, '43000123401', 'use', { caseNumber: 'C2' }, ME, NOW))).toBe('FORM_STATE_CONFLICT');
    expect(codeOf(() => changeForm(d, '43000123401', 'void', {}, ME, NOW))).toBe('FORM_REASON_REQUIRED');
    expect(codeOf(() => changeForm(d, '43000123401', 'void', { reason: '  ' }, ME, NOW))).toBe('FORM_REASON_REQUIRED');
    expect(changeForm(d, '43000123401', 'void', { reason: '卡纸，打印错位' }, ME, NOW)).toMatchObject({ state: 'void', caseNumber: 'C1' });
    expect(codeOf(() => changeForm(d, '43000123402', 'use', { formType: 'proof' }, ME, NOW))).toBe('FORM_TYPE_MISMATCH');
    expect(changeForm(d, '43000123402', 'lose', { reason: '盘点缺失' }, ME, NOW).state).toBe('lost');
    expect(codeOf(() => changeForm(d, '43000123402', 'destroy', { reason: '年终销毁' }, ME, NOW))).toBe('FORM_STATE_CONFLICT');
    expect(changeForm(d, '43000123401', 'destroy', { reason: '年终销毁' }, ME, NOW).state).toBe('destroyed');
    expect(formStock.history(d, '43000123401').map((e) => [e.fromState, e.toState, e.reason])).toEqual([
      [null, 'unused', '入库'],
      ['unused', 'issued', null],
      ['issued', 'used', null],
      ['used', 'void', '卡纸，打印错位'],
      ['void', 'destroyed', '年终销毁'],
    ]);
    const audit = d.prepare("SELECT action, object FROM audit_log WHERE action LIKE 'forms.%' ORDER BY seq").all();
    expect(audit).toEqual([
      { action: 'forms.receive', object: 'form-batch:1' },
      { action: 'forms.issue', object: 'form:43000123401' },
      { action: 'forms.use', object: 'form:43000123401' },
      { action: 'forms.void', object: 'form:43000123401' },
      { action: 'forms.lose', object: 'form:43000123402' },
      { action: 'forms.destroy', object: 'form:43000123401' },
    ]);
    expect(formStock.counts(d)).toEqual({ unused: 8, issued: 0, used: 0, void: 0, lost: 1, destroyed: 1, total: 10 });
  });

  it('counts per state always add up to the sheets received, and match a model of the rules, under random operation sequences', () => {
    const d = fresh();
    const N = 12;
    receiveBatch(d, { year: 2026, countyCode: '430102', formType: 'certificate', firstSerial: '43000200001', lastSerial: `430002000${N}` }, ME, NOW);
    const serial = (i: number) => `43000200${String(i + 1).padStart(3, '0')}`;
    const actions = Object.keys(FORM_TRANSITIONS) as FormAction[];
    const model = new Map<string, FormState>(Array.from({ length: N }, (_, i) => [serial(i), 'unused' as FormState]));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(N - 1), fc.constantFrom(...actions)), { maxLength: 30 }), (ops) => {
        for (const [i, action] of ops) {
          const s = serial(i);
          const rule = FORM_TRANSITIONS[action];
          const code = codeOf(() => changeForm(d, s, action, { reason: '测试', holder: '打印机', caseNumber: 'C' }, ME, NOW));
          const allowed = rule.from.includes(model.get(s)!);
          expect(code).toBe(allowed ? undefined : 'FORM_STATE_CONFLICT');
          if (allowed) model.set(s, rule.to);
        }
        const counts = formStock.counts(d);
        expect(FORM_STATES.reduce((sum, st) => sum + counts[st], 0)).toBe(counts.total);
        expect(counts.total).toBe(N);
        for (const st of FORM_STATES) expect(counts[st]).toBe([...model.values()].filter((v) => v === st).length);
        // Every sheet's state is the last event's, and each event starts where the previous ended.
        for (const [s, st] of model) {
          const h = formStock.history(d, s);
          expect(h.at(-1)!.toState).toBe(st);
          h.slice(1).forEach((e, k) => expect(e.fromState).toBe(h[k].toState));
        }
      }),
      { numRuns: 40 },
    );
  });

  it('two supervisors in two processes racing for the same sheets: each sheet is used exactly once', async () => {
    const d = fresh();
    receiveBatch(d, { year: 2026, countyCode: '430102', formType: 'certificate', firstSerial: '43000300001', lastSerial: '43000300040' }, ME, NOW);
    const serials = Array.from({ length: 40 }, (_, i) => `43000300${String(i + 1).padStart(3, '0')}`);
    const worker = join(import.meta.dirname, 'claim-worker.ts');
    const file = join(dir!.path, 'bdc.sqlite');
    const tsx = join(process.cwd(), 'node_modules/.bin/tsx');
    const [a, b] = await Promise.all([
      run(tsx, [worker, file, 'A', ...serials], { timeout: 60_000 }),
      run(tsx, [worker, file, 'B', ...[...serials].reverse()], { timeout: 60_000 }),
    ]);
    const gotA = JSON.parse(a.stdout) as string[];
    const gotB = JSON.parse(b.stdout) as string[];
    expect(gotA.length + gotB.length).toBe(40);
    expect(new Set([...gotA, ...gotB]).size).toBe(40);
    expect(formStock.counts(d)).toMatchObject({ used: 40, unused: 0, total: 40 });
    for (const s of serials) expect(formStock.history(d, s).filter((e) => e.toState === 'used')).toHaveLength(1);
  });
});
