import { afterEach, describe, expect, it } from 'vitest';
import { parseCertificateNumber } from '../../electron/contract/validation/certificate-number';
import { command, startTestPlatform, submission, waitFor, type TestPlatform } from './harness';

interface Change {
  caseNumber: string;
  kind: string;
  data: Record<string, unknown>;
}

describe('platform automatic decisions', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });
  const platform = async (stepMs = 20): Promise<TestPlatform> => {
    const t = await startTestPlatform({ auto: { enabled: true, stepMs } });
    cleanups.push(() => t.dispose());
    return t;
  };
  const changesOf = async (t: TestPlatform, caseNumber: unknown): Promise<Change[]> =>
    (await t.client.get('/api/v1/changes', { params: { limit: 500 } })).data.changes.filter((c: Change) => c.caseNumber === caseNumber);
  const untilKind = (t: TestPlatform, caseNumber: unknown, kind: string) =>
    waitFor(async () => {
      const changes = await changesOf(t, caseNumber);
      return changes.some((c) => c.kind === kind) && changes;
    }, 5000, `${kind} of ${String(caseNumber)}`);

  it('plays a transfer through review, tax, payment, approval and 登簿 with a certificate number', async () => {
    const t = await platform();
    const body = submission();
    await command(t.client, '/api/v1/cases', body);
    const changes = await untilKind(t, body.caseNumber, 'registered');
    expect(changes.map((c) => (c.kind === 'track.changed' ? `${c.kind}:${String(c.data.track)}:${String(c.data.status)}` : c.kind))).toEqual([
      'case.received',
      'track.changed:registration:reviewing',
      'track.changed:transaction:filed',
      'track.changed:tax:assessing',
      'tax.notice',
      'payment.result',
      'track.changed:tax:paid',
      'review.decision',
      'registered',
    ]);
    const byKind = Object.fromEntries(changes.map((c) => [c.kind, c.data]));
    expect(byKind['case.received'].officialNumber).toMatch(/^湘长芙受〔\d{4}〕\d{6}号$/);
    // 契税 1 % of 89.5 m² × ¥9 000 = ¥8 055.
    expect(byKind['tax.notice']).toEqual({ items: [{ name: '契税', amountFen: 805_500 }], totalFen: 805_500 });
    expect(byKind['payment.result']).toMatchObject({ paid: true, amountFen: 805_500 + 8000, paidAt: expect.any(String) });
    expect(byKind['review.decision']).toEqual({ decision: 'approve', reasons: [] });
    const numbers = byKind.registered.certificateNumbers as string[];
    expect(numbers).toHaveLength(1);
    expect(numbers[0]).toMatch(/^湘\(\d{4}\)长沙市不动产权第\d{7}号$/);
    expect(parseCertificateNumber(numbers[0]).valid).toBe(true);
    expect(t.platform.admin.cases()[0].status).toBe('registered');

    // 登簿 changed the register: the unit now belongs to the new holder under the new certificate.
    const unit = await t.client.get('/api/v1/units/430102003004GB00123F00010203');
    expect(unit.data.rights).toMatchObject([{ kind: 'ownership', holders: ['龙金花'], certificateNumber: numbers[0], registeredAt: expect.any(String), state: 'current' }]);
    expect(unit.data.history).toMatchObject([{ entry: 'right', kind: 'ownership', state: 'historic', holders: ['周晓岚', '刘德顺'], endedBy: body.caseNumber }]);
  });

  it('issues one certificate per holder under 按份共有, from one persisted sequence', async () => {
    const t = await platform();
    const holder = (ordinal: number, name: string, share: string) => ({ ordinal, role: 'holder', name, idType: 'resident_id', idNumber: '430102199001010011', phone: null, share, signatureHash: null });
    const body = submission([], { coOwnership: 'shares', parties: [holder(1, '张三', '60%'), holder(2, '李四', '40%')] });
    await command(t.client, '/api/v1/cases', body);
    const changes = await untilKind(t, body.caseNumber, 'registered');
    const numbers = changes.at(-1)!.data.certificateNumbers as string[];
    expect(numbers).toHaveLength(2);
    const serials = numbers.map((n) => Number(/第(\d+)号/.exec(n)![1]));
    expect(serials[1]).toBe(serials[0] + 1);
  });

  it('skips the tax and payment steps for a case without a tax track and without fees', async () => {
    const t = await platform();
    const body = submission([], { businessType: 'preRegistration', tracks: { registration: 'pending', transaction: 'not_applicable', tax: 'not_applicable' }, fees: [], feeTotalFen: 0 });
    await command(t.client, '/api/v1/cases', body);
    const changes = await untilKind(t, body.caseNumber, 'registered');
    expect(changes.map((c) => c.kind)).toEqual(['case.received', 'track.changed', 'review.decision', 'registered']);
    expect((changes.at(-1)!.data.certificateNumbers as string[])[0]).toMatch(/不动产证明第\d{7}号$/);
  });

  it('stops a withdrawn case where it stood', async () => {
    const t = await platform(40);
    const body = submission();
    await command(t.client, '/api/v1/cases', body);
    await untilKind(t, body.caseNumber, 'track.changed');
    await command(t.client, `/api/v1/cases/${body.caseNumber}/withdrawal`, { reason: '申请人撤回', at: new Date().toISOString() });
    // A second case submitted now finishes its life; the withdrawn one must not have moved meanwhile.
    const witness = submission();
    await command(t.client, '/api/v1/cases', witness);
    await untilKind(t, witness.caseNumber, 'registered');
    const kinds = (await changesOf(t, body.caseNumber)).map((c) => c.kind);
    expect(kinds.at(-1)).toBe('case.withdrawn');
    expect(kinds).not.toContain('registered');
  });

  it('continues after a restart from the persisted next step', async () => {
    const t = await platform(30);
    const body = submission();
    await command(t.client, '/api/v1/cases', body);
    await untilKind(t, body.caseNumber, 'tax.notice');
    await t.restart();
    await untilKind(t, body.caseNumber, 'registered');
    const kinds = (await changesOf(t, body.caseNumber)).map((c) => c.kind);
    // Each step ran exactly once across the restart.
    expect(kinds.filter((k) => k === 'tax.notice')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'registered')).toHaveLength(1);
  });

  it('leaves a case submitted while automatic decisions are off where it is; cases submitted after switching on move', async () => {
    const t = await startTestPlatform();
    cleanups.push(() => t.dispose());
    const body = submission();
    await command(t.client, '/api/v1/cases', body);
    // Off: the case waits in the office's 初审 queue instead.
    expect((await changesOf(t, body.caseNumber)).map((c) => c.kind)).toEqual(['case.received', 'office.case']);
    t.platform.admin.setAuto({ enabled: true, stepMs: 10 });
    const later = submission();
    await command(t.client, '/api/v1/cases', later);
    await untilKind(t, later.caseNumber, 'registered');
    // Only cases submitted while on are on the schedule; the earlier one stays with the office.
    expect((await changesOf(t, body.caseNumber)).map((c) => c.kind)).toEqual(['case.received', 'office.case']);
  });

  it('stamps numbers and times with the injected clock, counting years in Asia/Shanghai', async () => {
    // 17:00 UTC on New Year's Eve is already 2027 in Changsha.
    const t = await startTestPlatform({ auto: { enabled: true, stepMs: 10 }, now: () => new Date('2026-12-31T17:00:00.000Z') });
    cleanups.push(() => t.dispose());
    const body = submission();
    const res = await command(t.client, '/api/v1/cases', body);
    expect(res.data.receivedAt).toBe('2026-12-31T17:00:00.000Z');
    const changes = await untilKind(t, body.caseNumber, 'registered');
    expect(changes[0].data.officialNumber).toBe('湘长芙受〔2027〕000001号');
    expect(changes.at(-1)!.data.certificateNumbers).toEqual(['湘(2027)长沙市不动产权第0200001号']);
  });
});

