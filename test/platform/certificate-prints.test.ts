import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { command } from './harness';
import { SAMPLE_UNITS } from './register-seed';
import { casePath, register, REGISTRAR, REVIEWER, startOffice, submitAt, SUPERVISOR, toRegistration, type OfficeTest } from './review-harness';

/** API.md "Certificates printed", over mTLS against the real stand-in. */
describe('certificates printed on blank forms (stand-in)', () => {
  let t: OfficeTest;
  beforeEach(async () => {
    t = await startOffice();
  });
  afterEach(async () => t.dispose());

  const lastOfficeCase = async (n: string) => {
    const res = await t.desk.get('/api/v1/changes', { params: { limit: 500 } });
    return (res.data.changes as Array<{ caseNumber: string; kind: string; data: Record<string, unknown> }>).filter((c) => c.caseNumber === n && c.kind === 'office.case').at(-1)?.data;
  };

  it('the office.case of a registered case carries its numbers; a print is recorded (replay-safe), shows in the feed, and 登簿退回 is refused after', async () => {
    const n = await submitAt(t);
    await toRegistration(t, n);
    const done = await register(t.desk, n, [SAMPLE_UNITS.jointWithMortgage]);
    expect(done.status).toBe(200);
    const [number] = done.data.certificateNumbers as string[];
    expect(await lastOfficeCase(n)).toMatchObject({ stage: 'registered', certificateNumbers: [number], printed: [] });

    const key = randomUUID();
    const print = (body: object, k = randomUUID()) => command(t.desk, casePath(n, 'certificates/printed'), body, k);
    expect((await print({ actor: REVIEWER, number, formSerial: '43000123401' })).status).toBe(403);
    expect((await print({ actor: SUPERVISOR, number: '湘(2026)长沙市不动产权第9999999号', formSerial: '43000123401' })).data.error.code).toBe('CERTIFICATE_NOT_OF_CASE');
    const first = await print({ actor: SUPERVISOR, number, formSerial: '43000123401' }, key);
    expect(first.status).toBe(200);
    expect(first.data.printed).toEqual([{ number, formSerial: '43000123401', at: expect.any(String) }]);
    const replay = await print({ actor: SUPERVISOR, number, formSerial: '43000123401' }, key);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    // The same sheet twice (a new key) is refused; a reprint on a new sheet is another entry.
    expect((await print({ actor: SUPERVISOR, number, formSerial: '43000123401' })).data.error.code).toBe('FORM_SERIAL_USED');
    expect((await print({ actor: SUPERVISOR, number, formSerial: '43000123403' })).status).toBe(200);
    expect(t.platform.admin.review(n)?.certificatePrinted).toBe(true);
    expect((await lastOfficeCase(n))?.printed).toEqual([
      { number, formSerial: '43000123401', at: expect.any(String) },
      { number, formSerial: '43000123403', at: expect.any(String) },
    ]);

    const undo = await command(t.desk, casePath(n, 'registration/undo'), { actor: REGISTRAR, reason: '登簿信息有误' });
    expect(undo.status).toBe(409);
    expect(undo.data.error.code).toBe('CERTIFICATE_PRINTED');
  });

  it('a case not registered cannot have a certificate printed', async () => {
    const n = await submitAt(t);
    const res = await command(t.desk, casePath(n, 'certificates/printed'), { actor: SUPERVISOR, number: 'x', formSerial: '43000123401' });
    expect(res.status).toBe(409);
    expect(res.data.error.code).toBe('STAGE_MISMATCH');
  });
});
