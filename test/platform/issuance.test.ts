import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { command } from './harness';
import { casePath, CLERK, register, REVIEWER, startOffice, submitAt, type OfficeTest, toRegistration } from './review-harness';

interface Change {
  caseNumber: string;
  kind: string;
  data: Record<string, unknown>;
}

const UNIT = '430102003004GB00123F00010203';
const AT = '2026-12-04T07:30:00.000Z';

/** API.md "发证": the issuance closes the case, every workstation of the office learns it (masked). */
describe('发证 on the platform', () => {
  let t: OfficeTest;
  beforeEach(async () => {
    t = await startOffice();
  });
  afterEach(async () => t.dispose());

  const changes = async (client = t.desk, caseNumber?: string): Promise<Change[]> => {
    const res = await client.get('/api/v1/changes', { params: { limit: 500 } });
    return (res.data.changes as Change[]).filter((c) => !caseNumber || c.caseNumber === caseNumber);
  };

  async function registered(): Promise<{ n: string; numbers: string[] }> {
    const n = await submitAt(t);
    await toRegistration(t, n);
    const res = await register(t.desk, n, [UNIT]);
    expect(res.status).toBe(200);
    return { n, numbers: res.data.certificateNumbers as string[] };
  }

  it('office.case of a registered case carries its certificate numbers; a counter issue at another workstation closes it for the whole office', async () => {
    const { n, numbers } = await registered();
    const atRegistration = (await changes(t.counter, n)).filter((c) => c.kind === 'office.case').at(-1)!;
    expect(atRegistration.data).toMatchObject({ stage: 'registered', certificateNumbers: numbers, issuance: null });

    // B3 (not the accepting A7) hands over to the buyer.
    const body = { method: 'counter', actor: CLERK, at: AT, workstation: '430102-B3', collector: { role: 'holder', name: '龙金花', idNumber: '433124199211080267' }, signature: { sm3: 'a'.repeat(64) } };
    const res = await command(t.desk, casePath(n, 'issuance'), body);
    expect(res.status).toBe(200);
    expect(res.data).toEqual({ stage: 'issued', state: 'issued' });
    expect(t.platform.admin.review(n)?.stage).toBe('issued');

    // Every workstation: office.case stage issued with the masked issuance; the submitting one also gets `issued`.
    for (const client of [t.counter, t.desk]) {
      const last = (await changes(client, n)).filter((c) => c.kind === 'office.case').at(-1)!;
      expect(last.data).toMatchObject({ stage: 'issued', issuance: { method: 'counter', state: 'issued', workstation: '430102-B3', collector: { role: 'holder', name: '龙金花', idNumberMasked: '433124********0267' } } });
      expect(JSON.stringify(last.data.issuance)).not.toContain('433124199211080267');
    }
    const issued = (await changes(t.counter, n)).find((c) => c.kind === 'issued');
    expect(issued?.data).toMatchObject({ method: 'counter', actorName: CLERK.name });

    // Once only; the same key replays the first answer.
    const again = await command(t.counter, casePath(n, 'issuance'), { ...body, method: 'electronic' });
    expect(again.status).toBe(409);
    expect(again.data.error.code).toBe('ALREADY_ISSUED');
  });

  it('refuses before 登簿, an agent without 授权委托书, and roles other than counter and supervisor', async () => {
    const n = await submitAt(t);
    const early = await command(t.desk, casePath(n, 'issuance'), { method: 'electronic', actor: CLERK, at: AT });
    expect(early.status).toBe(409);
    expect(early.data.error).toMatchObject({ code: 'STAGE_MISMATCH', stage: 'firstReview' });
    const { n: r } = await registered();
    const agent = await command(t.desk, casePath(r, 'issuance'), { method: 'counter', actor: CLERK, at: AT, collector: { role: 'agent', name: '赵六', idNumber: '430102197001010035' } });
    expect(agent.status).toBe(409);
    expect(agent.data.error.code).toBe('POWER_OF_ATTORNEY_REQUIRED');
    const role = await command(t.desk, casePath(r, 'issuance'), { method: 'electronic', actor: REVIEWER, at: AT });
    expect(role.status).toBe(403);
    expect(role.data.error.code).toBe('ROLE_REFUSED');
    expect(t.platform.admin.review(r)?.stage).toBe('registered');
  });

  it('courier: 待寄出 → 已寄出 → 已签收, each step in office.case, never backwards', async () => {
    const { n } = await registered();
    const courier = { recipient: '龙金花', address: '长沙市芙蓉区五一大道1号', phone: '13807310001', carrier: null, waybill: null };
    expect((await command(t.desk, casePath(n, 'issuance'), { method: 'courier', actor: CLERK, at: AT, courier })).data).toEqual({ stage: 'issued', state: 'toShip' });
    const early = await command(t.desk, casePath(n, 'issuance/delivered'), { actor: CLERK, at: AT });
    expect(early.status).toBe(409);
    expect(early.data.error.code).toBe('ISSUANCE_STATE_CONFLICT');
    expect((await command(t.desk, casePath(n, 'issuance/shipped'), { carrier: 'ems', waybill: 'EA123456785CN', actor: CLERK, at: AT })).status).toBe(200);
    expect((await command(t.desk, casePath(n, 'issuance/delivered'), { actor: CLERK, at: AT })).status).toBe(200);
    const last = (await changes(t.counter, n)).filter((c) => c.kind === 'office.case').at(-1)!;
    expect(last.data.issuance).toMatchObject({ method: 'courier', state: 'delivered', courier: { recipient: '龙金花', phoneMasked: '138****0001', carrier: 'ems', waybill: 'EA123456785CN' } });
    expect(JSON.stringify(last.data)).not.toContain('13807310001');
  });
});
