import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until } from '../../../support/cases';
import { createCupsPdfQueue, type CupsPdfQueue } from '../../../native/printer/cups-pdf-queue';
import { pdfText } from '../../../native/printer/poppler';
import { reviewOffice, type ReviewOffice } from '../review/review-office';

const FREE_UNIT = '430102001002GB00031F00040601';
const party = (ordinal: number, role: string, name: string, idNumber: string, share: string | null = null) => ({ ordinal, role, name, idType: 'resident_id', idNumber, phone: null, share, signatureHash: null });

/**
 * 缮证 at the supervisor's desk, against the real stand-in and a real CUPS queue: a case another
 * counter accepted is registered at the office, appears in the print queue, is printed on form N
 * (the sheet used, the PDF archived, the platform told: 登簿退回 refused), spoiled and voided with
 * its reason, reprinted on form N+1.
 */
describe('printing a registered certificate on a pre-printed form', () => {
  let o: ReviewOffice;
  let queue: CupsPdfQueue;
  beforeAll(async () => {
    o = await reviewOffice();
    queue = await createCupsPdfQueue({ description: '证书打印机（测试）' });
  }, 60_000);
  afterAll(async () => {
    await o?.close();
    await queue?.remove();
  });

  const inQueue = (user: string, q: 'firstReview' | 'secondReview' | 'registration', n: string) =>
    o.untilDesk(async () => (await o.desk.ok(user, 'review.queues', { queue: q })).items.find((i) => i.caseNumber === n), `${n} in ${q}`);

  /** Takes a case another counter accepted through 初审, 复审 and 登簿 at the desk. */
  async function registered(overrides: Record<string, unknown>) {
    const n = await o.submitElsewhere(overrides);
    for (const [user, stage] of [['rev1', 'firstReview'], ['rev2', 'secondReview']] as const) {
      const item = await inQueue(user, stage, n);
      await o.desk.ok(user, 'review.claim', { caseId: item.caseId });
      await o.desk.ok(user, 'review.workspace', { caseId: item.caseId });
      await o.desk.ok(user, 'review.decide', { caseId: item.caseId, decision: 'pass', opinion: '同意' });
    }
    const ready = await inQueue('reg', 'registration', n);
    await o.desk.ok('reg', 'review.claim', { caseId: ready.caseId });
    await o.desk.ok('reg', 'review.workspace', { caseId: ready.caseId });
    const done = await o.desk.ok('reg', 'registration.register', { caseId: ready.caseId });
    return { n, ready, numbers: done.certificateNumbers };
  }

  it('queue → print on N → spoil (void with reason) → reprint on N+1; archived, audited, told to the platform', async () => {
    const { n, ready, numbers } = await registered({
      businessType: 'transfer',
      parties: [party(1, 'holder', '龙金花', '433124199211080267'), party(2, 'obligor', '李秀英', '430102196001010023')],
      units: [{ unitCode: FREE_UNIT, address: '湖南省长沙市芙蓉区解放西路三十一号4栋1单元601室', use: 'residential', areaM2: 95.8, previousCertificateNumber: '湘(2016)长沙市不动产权第0004321号' }],
    });
    const [number] = numbers;

    await o.desk.ok('boss', 'certificatePrint.receiveBatch', { year: 2026, countyCode: '430102', formType: 'certificate', firstSerial: '43000123401', lastSerial: '43000123600' });
    const item = await until(async () => (await o.desk.ok('boss', 'certificatePrint.queue', { printed: false })).find((i) => i.number === number), 'certificate in the print queue', 15_000);
    expect(item).toMatchObject({ caseNumber: n, kind: 'certificate', printed: false, holders: expect.stringContaining('龙') });
    expect(item.holders).not.toContain('龙金花');

    // Wrong sheets are refused before anything is printed.
    const refused = async (formSerial: string) => {
      const r = await o.desk.call('boss', 'certificatePrint.print', { items: [{ caseId: item.caseId, number, formSerial }], printer: queue.name });
      return r.ok ? null : r.error.code;
    };
    expect(await refused('43000999999')).toBe('FORM_NOT_FOUND');
    await o.desk.ok('boss', 'certificatePrint.changeForm', { serial: '43000123410', action: 'lose', reason: '盘点缺失' });
    expect(await refused('43000123410')).toBe('FORM_STATE_CONFLICT');
    expect(queue.outputFiles()).toEqual([]);

    const first = await o.desk.ok('boss', 'certificatePrint.print', { items: [{ caseId: item.caseId, number, formSerial: '43000123401' }], printer: queue.name });
    expect(first.printed[0]).toMatchObject({ number, formSerial: '43000123401', printer: queue.name });
    const out = await queue.waitForOutput(first.printed[0].jobId);
    expect((await pdfText(out)).replace(/\s/g, '')).toContain('龙金花');
    expect(await refused('43000123402')).toBe('CERTIFICATE_ALREADY_PRINTED');
    const db = o.desk.ws.services.db();
    expect(Buffer.from(o.desk.ws.services.blobs.get(first.printed[0].pdfHash)).subarray(0, 5).toString()).toBe('%PDF-');

    await o.desk.ok('boss', 'certificatePrint.spoil', { number, formSerial: '43000123401', reason: '卡纸，字迹错位' });
    const second = await o.desk.ok('boss', 'certificatePrint.print', { items: [{ caseId: item.caseId, number, formSerial: '43000123402' }], printer: queue.name });
    await queue.waitForOutput(second.printed[0].jobId);

    const history = await o.desk.ok('boss', 'certificatePrint.formHistory', { serial: '43000123401' });
    expect(history.events.map((e) => [e.toState, e.reason])).toEqual([
      ['unused', '入库'],
      ['used', null],
      ['void', '卡纸，字迹错位'],
    ]);
    expect((await o.desk.ok('boss', 'certificatePrint.stock', {})).certificate).toMatchObject({ used: 1, void: 1, lost: 1, unused: 197, total: 200 });
    expect(db.prepare('SELECT form_serial, state FROM certificate_prints WHERE certificate_number = ? ORDER BY id').all(number)).toEqual([
      { form_serial: '43000123401', state: 'spoiled' },
      { form_serial: '43000123402', state: 'printed' },
    ]);
    expect((await o.desk.ok('boss', 'certificatePrint.queue', {})).find((i) => i.number === number)).toMatchObject({ printed: true, formSerial: '43000123402' });

    // The platform was told (outbox), so 登簿退回 is refused now.
    await until(async () => {
      await o.engine(o.desk).drain();
      return o.platform.admin.review(n)?.certificatePrinted ? true : undefined;
    }, 'platform knows the print', 20_000).catch((e: Error) => {
      throw new Error(`${e.message}; outbox: ${JSON.stringify(db.prepare("SELECT kind, state, last_error FROM outbox WHERE kind = 'certificate.printed'").all())}`);
    });
    const undo = await o.desk.call('reg', 'registration.undo', { caseId: ready.caseId, reason: '登簿信息有误' });
    expect(undo.ok ? null : undo.error.code).toBe('CERTIFICATE_PRINTED');
    const actions = (db.prepare("SELECT action, result FROM audit_log WHERE action LIKE 'certificatePrint.%' OR action LIKE 'forms.%' ORDER BY seq").all() as Array<{ action: string; result: string }>).map((a) => `${a.action}:${a.result}`);
    expect(actions).toEqual(expect.arrayContaining(['forms.receive:success', 'certificatePrint.print:failure', 'forms.use:success', 'certificatePrint.print:success', 'forms.void:success', 'certificatePrint.spoil:success']));
  }, 180_000);

  it('a batch of 3 (按份共有: one certificate per holder), one 印制号 each in tray order', async () => {
    const { numbers } = await registered({
      businessType: 'transfer',
      coOwnership: 'shares',
      parties: [
        party(1, 'holder', '周一', '430102199001010016', '1/3'),
        party(2, 'holder', '吴二', '430102199002020027', '1/3'),
        party(3, 'holder', '郑三', '430102199003030038', '1/3'),
        party(4, 'obligor', '龙金花', '433124199211080267'),
      ],
      units: [{ unitCode: FREE_UNIT, address: '湖南省长沙市芙蓉区解放西路三十一号4栋1单元601室', use: 'residential', areaM2: 95.8 }],
    });
    expect(numbers).toHaveLength(3);
    const items = await until(async () => {
      const q = (await o.desk.ok('boss', 'certificatePrint.queue', { printed: false })).filter((i) => numbers.includes(i.number));
      return q.length === 3 ? q : undefined;
    }, 'three certificates in the queue', 15_000);
    const serials = ['43000123501', '43000123502', '43000123503'];
    const before = queue.outputFiles().length;
    const batch = await o.desk.ok('boss', 'certificatePrint.print', { items: items.map((i, k) => ({ caseId: i.caseId, number: i.number, formSerial: serials[k] })), printer: queue.name });
    expect(batch.printed.map((p) => p.formSerial)).toEqual(serials);
    for (const p of batch.printed) await queue.waitForOutput(p.jobId);
    expect(queue.outputFiles().length).toBe(before + 3);
    const queued = (await o.desk.ok('boss', 'certificatePrint.queue', {})).filter((i) => numbers.includes(i.number));
    expect(queued.map((i) => [i.printed, i.formSerial])).toEqual(items.map((_, k) => [true, serials[k]]));
    expect((await o.desk.ok('boss', 'certificatePrint.stock', {})).certificate.used).toBe(4);
  }, 180_000);
});
