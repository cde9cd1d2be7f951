import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataKeyRing } from '../../../../electron/core/crypto/data-keys';
import { DATABASE_FILE_NAME } from '../../../../electron/core/store/database';
import { acceptTransfer, BUYER, SELLER_1 } from '../../../support/cases';
import { makeWorkstation, type TestWorkstation } from '../../../support/workstation';
import { filesUnder, plaintextHits } from './scan-support';

/**
 * The done-when: after intake of a known ID number, phone number and signature (and a
 * scan), neither appears in plain bytes — UTF-8 or UTF-16LE — in the database file, its WAL
 * (before and after a checkpoint), the blob folder or the backups. The workstation has no
 * platform (in training mode the stand-in keeps its own copy under <dataDir>/training-platform/,
 * which is the platform's data, not the workstation's).
 */
describe('personal data at rest', () => {
  let t: TestWorkstation | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('intake through the contract leaves no ID number, phone, signature strokes or scan text in plain bytes', async () => {
    t = makeWorkstation({ config: { workstationId: 'A7', devices: { idcard: 'none', printer: 'none-printer' } }, startDevices: true, platform: null });
    await t.setup();
    await t.userWithRole('clerk', 'clerk');
    const id = await acceptTransfer(t, 'clerk');
    const scanText = 'SCAN-PLAINTEXT-MARKER 房屋买卖合同 433124199211080267';
    const scan = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from(scanText, 'utf8'), Buffer.alloc(5000, 0x20)]);
    // The case is accepted; a further scan goes onto a new draft of the same people.
    const draft = await t.ok('clerk', 'cases.createDraft', { businessType: 'transfer' });
    await t.ok('clerk', 'cases.saveDraft', { id: draft.id, coOwnership: 'sole', parties: [BUYER, SELLER_1], units: [], materialsReceived: [] });
    await t.ok('clerk', 'cases.attachFile', { id: draft.id, materialId: 'transferContract', fileName: '合同.pdf', mediaType: 'application/pdf', dataBase64: scan.toString('base64') });
    // A printed document (the application form carries the full ID numbers) is archived as a blob too.
    const form = await t.ok('clerk', 'cases.document', { id, kind: 'applicationForm' });

    // What must not be found: the full values, and the strokes of a signature as the pad stored them.
    const db = t.ws.services.db();
    const c = (await import('../../../../electron/core/cases/case-repository')).caseReads.byId(db, t.ws.services.keys, id);
    expect(c?.parties.map((p) => p.idNumber)).toContain(BUYER.idNumber); // reads open them again
    const signatureHash = c?.parties[0].signatureBlob as string;
    const signature = Buffer.from(t.ws.services.blobs.get(signatureHash)).toString('utf8');
    const strokes = JSON.stringify((JSON.parse(signature) as { strokes: unknown[] }).strokes[0]);
    expect(strokes.length).toBeGreaterThan(20);
    const needles = {
      idNumber: BUYER.idNumber,
      phone: BUYER.phone as string,
      phone2: SELLER_1.phone as string,
      idNumber2: SELLER_1.idNumber,
      signatureStrokes: strokes,
      scan: 'SCAN-PLAINTEXT-MARKER',
    };
    const dbFile = join(t.dataDir, DATABASE_FILE_NAME);
    const scanned = () => [dbFile, `${dbFile}-wal`, ...filesUnder(join(t!.dataDir, 'blobs')), ...filesUnder(join(t!.dataDir, 'backups'))];
    expect(statSync(`${dbFile}-wal`).size).toBeGreaterThan(0); // the WAL holds the latest pages
    expect(plaintextHits(scanned(), needles, t.dataDir)).toEqual([]);
    // 3 signatures + the scan + the application form, each sealed under its name.
    const blobFiles = filesUnder(join(t.dataDir, 'blobs')).map((f) => f.split('/').pop());
    expect(blobFiles).toEqual(expect.arrayContaining([signatureHash, form.blobHash]));
    expect(blobFiles.length).toBeGreaterThanOrEqual(5);
    expect(Buffer.from(t.ws.services.blobs.get(form.blobHash)).subarray(0, 5).toString()).toBe('%PDF-');

    db.pragma('wal_checkpoint(TRUNCATE)');
    expect(plaintextHits(scanned(), needles, t.dataDir)).toEqual([]);
    // A backup written now holds the sealed columns only.
    // A backup written now is scanned too (backups.create comes with the backup work; where it is
    // not there yet the call fails and only the files above are scanned).
    const backup = (await t.call('admin', 'backups.create' as never, {} as never)) as { ok: boolean };
    if (backup.ok) expect(filesUnder(join(t.dataDir, 'backups')).length).toBeGreaterThan(0);
    expect(plaintextHits(scanned(), needles, t.dataDir)).toEqual([]);

    // The training stand-in is not part of this workstation's data.
    expect(existsSync(join(t.dataDir, 'training-platform'))).toBe(false);
    // The key file is readable by its owner only.
    expect(statSync(DataKeyRing.path(t.dataDir)).mode & 0o777).toBe(0o600);
  }, 60_000);
});
