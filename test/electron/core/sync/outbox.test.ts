import { afterEach, describe, expect, it } from 'vitest';
import { caseSyncState } from '../../../../electron/core/sync/case-sync-state';
import { BUYER } from '../../../support/cases';
import { acceptSeizure, fakeScan } from '../../../support/sync-cases';
import { makeWorkstation, type TestWorkstation } from '../../../support/workstation';
import { acceptSignedTransfer, outboxOf } from './sync-fixture';

/** The outbox side of case changes, without any platform: what is queued, when, and with what bytes. */
describe('outbox: commands written with the case change', () => {
  let t: TestWorkstation;
  afterEach(() => t.close());

  async function counter(config: Record<string, unknown> = {}) {
    t = makeWorkstation({ config: { workstationId: 'A7', training: false, devices: { idcard: 'none', sigpad: 'none', printer: null }, ...config }, platform: null });
    await t.setup();
    await t.userWithRole('clerk', 'clerk');
  }

  it('accepting queues the full case for the platform: full ID numbers, every file once with size and media type', async () => {
    await counter();
    const scan = fakeScan(3000);
    const c = await acceptSignedTransfer(t, 'clerk', [scan, scan]);
    const rows = outboxOf(t, c.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'case.submit', state: 'pending', attempts: 0, answer: null });
    expect(rows[0].idempotency_key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const body = JSON.parse(rows[0].body);
    expect(body).toMatchObject({
      caseNumber: c.caseNumber,
      officeCode: '430102',
      workstationId: 'A7',
      businessType: 'transfer',
      acceptedBy: 'clerk',
      coOwnership: 'sole',
      tracks: { registration: 'pending', transaction: 'pending', tax: 'pending' },
      feeTotalFen: 8000,
      units: [{ unitCode: '430102003004GB00123F00010203', use: 'residential', areaM2: 89.5 }],
    });
    // The platform registers people: the body carries the full number the screen only shows masked.
    expect(body.parties[0]).toMatchObject({ ordinal: 1, role: 'holder', name: BUYER.name, idNumber: BUYER.idNumber, phone: BUYER.phone, signatureHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const hashes = body.blobs.map((b: { hash: string }) => b.hash);
    expect(new Set(hashes).size).toBe(hashes.length);
    expect(body.blobs).toHaveLength(4); // one scan attached twice is one file; three signatures
    expect(body.blobs).toContainEqual({ hash: expect.any(String), size: scan.length, mediaType: 'application/pdf' });
    expect(body.blobs.filter((b: { mediaType: string }) => b.mediaType === 'application/vnd.bdc.signature+json')).toHaveLength(3);
    for (const p of body.parties) expect(hashes).toContain(p.signatureHash);
    const contract = body.materials.find((m: { materialId: string }) => m.materialId === 'transferContract');
    expect(contract.files).toEqual([{ hash: expect.any(String), fileName: '买卖合同第1页.pdf' }]);
    // The screen sees where the case is; without a platform it stays queued.
    const view = await t.ok('clerk', 'cases.get', { id: c.id });
    expect(view).toMatchObject({ sync: 'queued', officialNumber: null, certificateNumbers: [] });
    const status = await t.ok('clerk', 'status.get', {});
    expect(status.platform).toEqual({ state: 'not_configured', detail: expect.stringContaining('未配置省级平台地址'), queued: 1, oldestQueuedAt: '2026-11-27T08:00:00.000Z', deadLetters: 0 });
  });

  it('a draft is local: nothing is queued before acceptance', async () => {
    await counter();
    const draft = await t.ok('clerk', 'cases.createDraft', { businessType: 'seizure' });
    expect(draft.sync).toBe('local');
    expect(outboxOf(t, draft.id)).toEqual([]);
  });

  it('an acceptance refused by the rules queues nothing', async () => {
    await counter();
    const draft = await t.ok('clerk', 'cases.createDraft', { businessType: 'seizure' });
    expect(await t.call('clerk', 'cases.accept', { id: draft.id })).toMatchObject({ ok: false, error: { code: 'CASE_RULES_NOT_MET' } });
    expect(outboxOf(t, draft.id)).toEqual([]);
  });

  it('an acceptance that fails inside its transaction leaves no case number, no command and no record of success', async () => {
    await counter();
    const draft = await t.ok('clerk', 'cases.createDraft', { businessType: 'seizure' });
    await t.ok('clerk', 'cases.saveDraft', {
      id: draft.id,
      coOwnership: null,
      parties: [],
      units: [{ unitCode: '430102003004GB00123F00010203', address: '湖南省长沙市芙蓉区五一大道一百二十三号', use: 'residential', areaM2: 89.5 }],
      materialsReceived: ['courtAssistanceNotice', 'courtRuling', 'courtOfficerCredentials'].map((materialId) => ({ materialId, copies: 1 })),
    });
    const db = t.ws.services.db();
    // The outbox refuses the write: the acceptance around it must roll back whole.
    db.exec("CREATE TEMP TRIGGER outbox_refuses BEFORE INSERT ON main.outbox BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    expect(await t.call('clerk', 'cases.accept', { id: draft.id })).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    db.exec('DROP TRIGGER outbox_refuses');
    const after = await t.ok('clerk', 'cases.get', { id: draft.id });
    expect(after).toMatchObject({ status: 'draft', caseNumber: null, sync: 'local' });
    expect(outboxOf(t, draft.id)).toEqual([]);
    const timeline = await t.ok('clerk', 'cases.timeline', { id: draft.id });
    expect(timeline.filter((e) => e.action === 'cases.accept')).toEqual([]);
    // The day's sequence was not used up either: the next acceptance gets 0001.
    const accepted = await t.ok('clerk', 'cases.accept', { id: draft.id });
    expect(accepted.caseNumber).toMatch(/-0001$/);
    expect(outboxOf(t, draft.id)).toHaveLength(1);
  });

  it('withdrawing an accepted case queues the withdrawal after the submission; a draft withdrawn queues nothing', async () => {
    await counter();
    const c = await acceptSeizure(t, 'clerk', [fakeScan(500)]);
    const withdrawn = await t.ok('clerk', 'cases.withdraw', { id: c.id, reason: '申请人撤回申请' });
    expect(withdrawn).toMatchObject({ status: 'withdrawn', sync: 'queued' });
    const rows = outboxOf(t, c.id);
    expect(rows.map((r) => r.kind)).toEqual(['case.submit', 'case.withdraw']);
    expect(JSON.parse(rows[1].body)).toEqual({ reason: '申请人撤回申请', at: '2026-11-27T08:00:00.000Z' });
    expect(rows[0].idempotency_key).not.toBe(rows[1].idempotency_key);

    const draft = await t.ok('clerk', 'cases.createDraft', { businessType: 'seizure' });
    await t.ok('clerk', 'cases.withdraw', { id: draft.id, reason: '申请人不再办理' });
    expect(outboxOf(t, draft.id)).toEqual([]);
  });

  it('without a platform, status says whether it is training or unconfigured, and the queue still counts', async () => {
    await counter({ training: true });
    await acceptSeizure(t, 'clerk');
    const s = await t.ok('clerk', 'sync.status', {});
    expect(s).toMatchObject({ url: null, lastContactAt: null, sentSinceStart: 0, uploads: [] });
    expect(s.platform).toMatchObject({ state: 'not_configured', detail: expect.stringContaining('培训模式'), queued: 1 });
    expect((await t.ok('clerk', 'sync.queue', {})).rows).toHaveLength(1);
    expect(await t.ok('clerk', 'sync.now', {})).toEqual({ ok: true });
  });

  it('derives the case sync state from its commands', () => {
    expect(caseSyncState([])).toBe('local');
    expect(caseSyncState(['pending'])).toBe('queued');
    expect(caseSyncState(['done', 'pending'])).toBe('queued');
    expect(caseSyncState(['done', 'dead'])).toBe('dead');
    expect(caseSyncState(['dead', 'pending'])).toBe('dead');
    expect(caseSyncState(['cancelled', 'cancelled'])).toBe('cancelled');
    expect(caseSyncState(['done', 'done'])).toBe('sent');
  });
});
