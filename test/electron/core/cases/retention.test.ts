import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { purgeFinishedCases } from '../../../../electron/core/cases/case-retention';
import { UNIT } from '../../../support/cases';
import { acceptSeizure, fakeScan, SEIZURE_MATERIALS } from '../../../support/sync-cases';
import { makeWorkstation, type TestWorkstation } from '../../../support/workstation';

let t: TestWorkstation;
afterEach(async () => t?.close());

function blobFile(hash: string): string {
  return join(t.dataDir, 'blobs', hash.slice(0, 2), hash);
}

async function draftWithScan(scan: Buffer): Promise<number> {
  const d = await t.ok('admin', 'cases.createDraft', { businessType: 'seizure' });
  await t.ok('admin', 'cases.saveDraft', { id: d.id, coOwnership: null, parties: [], units: [UNIT], materialsReceived: [] });
  await t.ok('admin', 'cases.attachFile', { id: d.id, materialId: SEIZURE_MATERIALS[0], fileName: '通知书.pdf', mediaType: 'application/pdf', dataBase64: scan.toString('base64') });
  return d.id;
}

describe('local purge of finished cases', () => {
  it('removes finished, delivered cases with their own files after the period; keeps undelivered, recent, open and shared', async () => {
    t = makeWorkstation();
    await t.setup();
    const db = t.ws.services.db();
    const shared = fakeScan(3000);
    const own = fakeScan(4000);

    const finished = await draftWithScan(own);
    await t.ok('admin', 'cases.attachFile', { id: finished, materialId: SEIZURE_MATERIALS[1], fileName: '裁定书.pdf', mediaType: 'application/pdf', dataBase64: shared.toString('base64') });
    await t.ok('admin', 'cases.withdraw', { id: finished, reason: '申请人撤回申请' });
    const open = await draftWithScan(shared);
    const undelivered = await acceptSeizure(t, 'admin', [fakeScan(2000)]);
    await t.ok('admin', 'cases.withdraw', { id: undelivered.id, reason: '申请人撤回申请' });
    const hashOf = (id: number) => (db.prepare('SELECT f.blob_hash AS h FROM case_material_files f JOIN case_materials m ON m.id = f.material_row WHERE m.case_id = ?').all(id) as Array<{ h: string }>).map((r) => r.h);
    const [ownHash, sharedHash] = hashOf(finished);
    expect(existsSync(blobFile(ownHash))).toBe(true);

    // Too recent: nothing goes.
    expect(purgeFinishedCases(db, t.ws.services.blobs, { olderThanDays: 365, now: t.clock.now() })).toEqual({ cases: 0, blobs: 0 });

    t.clock.advance(400 * 86_400_000);
    const r = purgeFinishedCases(db, t.ws.services.blobs, { olderThanDays: 365, now: t.clock.now() });
    expect(r).toEqual({ cases: 1, blobs: 1 });
    expect(db.prepare('SELECT count(*) AS n FROM cases WHERE id = ?').get(finished)).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM case_search WHERE rowid = ?').get(finished)).toEqual({ n: 0 });
    expect(existsSync(blobFile(ownHash))).toBe(false);
    // The file another case still uses stays, with its row.
    expect(existsSync(blobFile(sharedHash))).toBe(true);
    expect(hashOf(open)).toEqual([sharedHash]);
    // Withdrawn but its commands never reached the platform: stays until they do.
    expect(db.prepare('SELECT status FROM cases WHERE id = ?').get(undelivered.id)).toEqual({ status: 'withdrawn' });
    const purge = db.prepare("SELECT detail FROM audit_log WHERE action = 'cases.purge'").all() as Array<{ detail: string }>;
    expect(purge).toHaveLength(1);
    expect(JSON.parse(purge[0].detail)).toMatchObject({ cases: 1, files: 1, olderThanDays: 365 });

    // Once delivered (as the sync engine marks it), it goes too.
    db.prepare("UPDATE outbox SET state = 'done' WHERE case_id = ?").run(undelivered.id);
    expect(purgeFinishedCases(db, t.ws.services.blobs, { olderThanDays: 365, now: t.clock.now() }).cases).toBe(1);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 0 });
  });

  it('is off with purgeFinishedCasesAfterDays: null, and the period cannot be shorter than 180 days', async () => {
    t = makeWorkstation({ config: { retention: { purgeFinishedCasesAfterDays: null } } });
    expect(t.ws.services.config.value.retention.purgeFinishedCasesAfterDays).toBeNull();
    await t.close();
    expect(() => makeWorkstation({ config: { retention: { purgeFinishedCasesAfterDays: 30 } } })).toThrow(/retention\.purgeFinishedCasesAfterDays/);
  });
});
