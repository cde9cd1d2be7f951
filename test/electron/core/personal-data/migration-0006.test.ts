import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BlobStore } from '../../../../electron/core/blobs/blob-store';
import { caseReads } from '../../../../electron/core/cases/case-repository';
import { DataKeyRing, ownerOnlyFileProtector } from '../../../../electron/core/crypto/data-keys';
import { sm3Hex } from '../../../../electron/core/crypto/sm3';
import { DATABASE_FILE_NAME, openDatabase } from '../../../../electron/core/store/database';
import { migrate } from '../../../../electron/core/store/migrate';
import { MIGRATIONS } from '../../../../electron/core/store/migrations';
import { openBody, outboxReads } from '../../../../electron/core/sync/outbox-repository';
import { makeTempDir } from '../../../support/temp-dir';
import { makeWorkstation, type TestWorkstation } from '../../../support/workstation';
import { filesUnder, plaintextHits } from './scan-support';

const AT = '2026-11-27T08:00:00.000Z';
const PARTIES = [
  { ordinal: 1, role: 'holder', name: '龙金花', idType: 'resident_id', idNumber: '433124199211080267', phone: '0731-84001234', share: null },
  { ordinal: 2, role: 'obligor', name: '周晓岚', idType: 'resident_id', idNumber: '43010219860314042X', phone: '13807310001', share: null },
  { ordinal: 3, role: 'obligor', name: '刘德顺', idType: 'resident_id', idNumber: '430103195502010178', phone: null, share: null },
];
const SIGNATURE = Buffer.from(JSON.stringify({ strokes: [[{ x: 12, y: 34, t: 0 }, { x: 56, y: 78, t: 90 }, { x: 91, y: 23, t: 180 }]], width: 320, height: 160 }));
const SCAN = Buffer.concat([Buffer.from('%PDF-1.4\nOLD-SCAN-MARKER 433124199211080267\n'), Buffer.alloc(3000, 0x41)]);

/** A data folder as release 5 left it: plaintext parties and outbox body, plaintext blob files. */
function version5Folder(dataDir: string): { body: string; signatureHash: string; scanHash: string } {
  const db = openDatabase(join(dataDir, DATABASE_FILE_NAME));
  migrate(db, MIGRATIONS.slice(0, 5), join(dataDir, 'backups'));
  const signatureHash = sm3Hex(SIGNATURE);
  const scanHash = sm3Hex(SCAN);
  for (const [hash, bytes] of [[signatureHash, SIGNATURE], [scanHash, SCAN]] as const) {
    mkdirSync(join(dataDir, 'blobs', hash.slice(0, 2)), { recursive: true });
    writeFileSync(join(dataDir, 'blobs', hash.slice(0, 2), hash), bytes);
  }
  // A plaintext write interrupted by a crash (before encryption at rest): must not survive.
  writeFileSync(join(dataDir, 'blobs', scanHash.slice(0, 2), `${scanHash}.tmp-4242`), SCAN.subarray(0, 100));
  const body = JSON.stringify({ caseNumber: '430102-20261127-A7-0001', parties: PARTIES.map((p) => ({ name: p.name, idNumber: p.idNumber, phone: p.phone })) });
  db.transaction(() => {
    db.prepare('INSERT INTO blobs (hash, size, media_type, created_at) VALUES (?, ?, ?, ?)').run(signatureHash, SIGNATURE.length, 'application/vnd.bdc.signature+json', AT);
    db.prepare('INSERT INTO blobs (hash, size, media_type, created_at) VALUES (?, ?, ?, ?)').run(scanHash, SCAN.length, 'application/pdf', AT);
    db.prepare(
      "INSERT INTO cases (id, case_number, business_type, status, created_at, created_by, accepted_at, accepted_by, updated_at) VALUES (1, '430102-20261127-A7-0001', 'transfer', 'accepted', ?, 'clerk', ?, 'clerk', ?)",
    ).run(AT, AT, AT);
    const insert = db.prepare(
      'INSERT INTO case_parties (case_id, ordinal, role, name, id_type, id_number, phone, share, signature_blob, signed_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    for (const p of PARTIES) insert.run(p.ordinal, p.role, p.name, p.idType, p.idNumber, p.phone, p.share, p.ordinal === 1 ? signatureHash : null, p.ordinal === 1 ? AT : null);
    db.prepare("INSERT INTO case_materials (id, case_id, material_id, name, required, received, copies) VALUES (1, 1, 'transferContract', '买卖合同', 1, 1, 1)").run();
    db.prepare("INSERT INTO case_material_files (material_row, blob_hash, file_name) VALUES (1, ?, '合同.pdf')").run(scanHash);
    db.prepare("INSERT INTO outbox (case_id, kind, idempotency_key, body, created_at) VALUES (1, 'case.submit', '0b7c2a34-5d6e-4f70-8a91-b2c3d4e5f607', ?, ?)").run(body, AT);
  })();
  db.close();
  return { body, signatureHash, scanHash };
}

const NEEDLES = {
  idNumber: PARTIES[0].idNumber,
  idNumber2: PARTIES[1].idNumber,
  phone: PARTIES[0].phone as string,
  phone2: PARTIES[1].phone as string,
  signature: '{"x":56,"y":78,"t":90}',
  scan: 'OLD-SCAN-MARKER',
};

function scanned(dataDir: string): string[] {
  const dbFile = join(dataDir, DATABASE_FILE_NAME);
  return [dbFile, `${dbFile}-wal`, ...filesUnder(join(dataDir, 'blobs')), ...filesUnder(join(dataDir, 'backups'))];
}

describe('migration 0006: personal data already stored is sealed', () => {
  let t: TestWorkstation | undefined;
  const dirs: Array<{ remove(): void }> = [];
  afterEach(async () => {
    await t?.close();
    t = undefined;
    for (const d of dirs.splice(0)) d.remove();
  });

  it('a version-5 folder with plaintext parties, outbox body and blob files: after start no plaintext anywhere, and the case reads back identically', async () => {
    const dir = makeTempDir('bdc-m6-');
    dirs.push(dir);
    const { body, signatureHash, scanHash } = version5Folder(dir.path);
    // The scanner sees the plaintext before the upgrade (it would catch a regression).
    const before = plaintextHits(scanned(dir.path), NEEDLES, dir.path);
    expect(before.some((h) => h.startsWith('idNumber (utf8) in bdc'))).toBe(true);
    expect(before.some((h) => h.startsWith('signature (utf8) in blobs'))).toBe(true);

    t = makeWorkstation({ dataDir: dir.path, platform: null });
    expect(t.logs.some((l) => /database migrated 5 → \d/.test(l))).toBe(true);
    expect(t.logs.some((l) => l.includes('sealed 2 stored files'))).toBe(true);
    const db = t.ws.services.db();
    const keys = t.ws.services.keys;

    const c = caseReads.byId(db, keys, 1);
    expect(c?.parties.map((p) => ({ ordinal: p.ordinal, role: p.role, name: p.name, idType: p.idType, idNumber: p.idNumber, phone: p.phone, share: p.share }))).toEqual(PARTIES);
    expect(c?.parties[0].signatureBlob).toBe(signatureHash);
    expect(c?.materials[0].files).toEqual([{ blobHash: scanHash, fileName: '合同.pdf' }]);
    // The outbox body opens to the very text stored before: a retry sends the same bytes.
    const [cmd] = outboxReads.dueHeads(db, AT, [], 10);
    expect(openBody(keys, cmd)).toBe(body);
    expect(Buffer.from(t.ws.services.blobs.get(signatureHash)).equals(SIGNATURE)).toBe(true);
    expect(Buffer.from(t.ws.services.blobs.get(scanHash)).equals(SCAN)).toBe(true);
    // Exact-match lookup through the tag, whatever the case of a trailing X.
    expect(caseReads.idsByIdNumber(db, keys, '43010219860314042x')).toEqual([1]);
    // The plaintext columns are gone.
    const columns = (db.prepare("SELECT name FROM pragma_table_info('case_parties')").all() as Array<{ name: string }>).map((r) => r.name);
    expect(columns).not.toContain('id_number');
    expect(columns).not.toContain('phone');
    expect((db.prepare("SELECT name FROM pragma_table_info('outbox')").all() as Array<{ name: string }>).map((r) => r.name)).not.toContain('body');

    // Database, WAL, blob folder and backups (the pre-migration backup is sealed too).
    expect(readdirSync(join(dir.path, 'backups')).some((f) => f.includes('before-migration-6'))).toBe(true);
    expect(plaintextHits(scanned(dir.path), NEEDLES, dir.path)).toEqual([]);
    db.pragma('wal_checkpoint(TRUNCATE)');
    expect(plaintextHits(scanned(dir.path), NEEDLES, dir.path)).toEqual([]);

    // Idempotent: a second start changes nothing and everything still opens.
    const sealedSignature = readFileSync(join(dir.path, 'blobs', signatureHash.slice(0, 2), signatureHash));
    t.restart();
    expect(readFileSync(join(dir.path, 'blobs', signatureHash.slice(0, 2), signatureHash)).equals(sealedSignature)).toBe(true);
    expect(caseReads.byId(t.ws.services.db(), t.ws.services.keys, 1)?.parties[1].idNumber).toBe(PARTIES[1].idNumber);
  }, 60_000);

  it('sealing the blob folder resumes after a crash half-way: plaintext and sealed files side by side', () => {
    const dir = makeTempDir('bdc-blobs-');
    dirs.push(dir);
    const db = openDatabase(join(dir.path, DATABASE_FILE_NAME));
    try {
      migrate(db, MIGRATIONS, join(dir.path, 'backups'));
      const keys = DataKeyRing.open(dir.path, ownerOnlyFileProtector);
      const store = new BlobStore(join(dir.path, 'blobs'), keys);
      const sealedHash = store.put(db, SIGNATURE, 'application/vnd.bdc.signature+json', new Date(AT)); // sealed before the "crash"
      const plainHash = sm3Hex(SCAN);
      mkdirSync(join(dir.path, 'blobs', plainHash.slice(0, 2)), { recursive: true });
      writeFileSync(join(dir.path, 'blobs', plainHash.slice(0, 2), plainHash), SCAN);
      expect(() => store.get(plainHash)).toThrow(/not sealed/);
      expect(store.sealPlaintextFiles().sealed).toBe(1);
      expect(store.sealPlaintextFiles().sealed).toBe(0); // done once: the folder is marked
      expect(Buffer.from(store.get(plainHash)).equals(SCAN)).toBe(true);
      expect(Buffer.from(store.get(sealedHash)).equals(SIGNATURE)).toBe(true);
      expect(plaintextHits(filesUnder(join(dir.path, 'blobs')), NEEDLES, dir.path)).toEqual([]);
      // A sealed file moved under another name does not open (bound to its name).
      const other = join(dir.path, 'blobs', plainHash.slice(0, 2), plainHash);
      writeFileSync(other, readFileSync(join(dir.path, 'blobs', sealedHash.slice(0, 2), sealedHash)));
      expect(() => store.get(plainHash)).toThrow(/cannot be opened/);
    } finally {
      db.close();
    }
  });
});
