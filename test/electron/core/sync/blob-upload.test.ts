import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BlobStore } from '../../../../electron/core/blobs/blob-store';
import { DataKeyRing, ownerOnlyFileProtector } from '../../../../electron/core/crypto/data-keys';
import { sm3Hex } from '../../../../electron/core/crypto/sm3';
import { uploadBlob } from '../../../../electron/core/sync/blob-upload';
import type { ChunkOutcome } from '../../../../electron/core/sync/platform-answers';
import type { PlatformClient } from '../../../../electron/core/sync/platform-client';
import { LocalBlobError, PlatformError } from '../../../../electron/core/sync/platform-error';
import { openDatabase } from '../../../../electron/core/store/database';
import { migrate } from '../../../../electron/core/store/migrate';
import { MIGRATIONS } from '../../../../electron/core/store/migrations';
import { until } from '../../../support/cases';
import { acceptSeizure, fakeScan } from '../../../support/sync-cases';
import { makeTempDir } from '../../../support/temp-dir';
import { ADMIN } from '../../../support/workstation';
import { onPlatform, outboxOf, requests, syncWorld, untilOutbox, type SyncWorld } from './sync-fixture';

const CHUNK = 16 * 1024;

/** Files the platform is missing: chunks from the platform's offset, resumable after a cut or a crash. */
describe('sync: uploading case files', () => {
  let w: SyncWorld;
  afterEach(() => w?.close());

  it('sends a file in chunks; a connection cut mid-chunk resumes from the platform offset and sends only the remainder', async () => {
    w = await syncWorld({ config: { chunkBytes: CHUNK } });
    const size = 100_000;
    w.platform.admin.setFaults([{ match: { method: 'PATCH', pathPrefix: '/api/v1/blobs' }, action: 'cut-after-bytes', bytes: 10_000, times: 1 }]);
    const c = await acceptSeizure(w.t, 'clerk', [fakeScan(size)]);
    await untilOutbox(w.t, c.id);
    expect(onPlatform(w, c.caseNumber)?.blobs).toEqual([{ hash: expect.any(String), size, offset: size, complete: true }]);
    const stats = w.platform.admin.stats();
    expect(stats.requests['PATCH /api/v1/blobs/{hash} cut']).toBe(1);
    // The 10 000 bytes before the cut were kept: no byte of the file was stored twice…
    expect(stats.blobBytesReceived).toBe(size);
    // …and the rest went in chunks from offset 10 000: ⌈90 000 / 16 384⌉ = 6.
    expect(stats.requests['PATCH /api/v1/blobs/{hash} 204']).toBe(Math.ceil((size - 10_000) / CHUNK));
    expect(requests(w, 'PATCH /api/v1/blobs/{hash} 409')).toBe(0);
    const s = await w.t.ok('clerk', 'sync.status', {});
    expect(s.uploads).toEqual([{ hash: expect.any(String), caseNumber: c.caseNumber, fileName: '协助执行通知书-1.pdf', bytes: size, sent: size, state: 'done' }]);
  });

  it('a file shared by two cases is stored once, even when both upload it at the same time', async () => {
    w = await syncWorld({ config: { chunkBytes: CHUNK } });
    const scan = fakeScan(70_000);
    w.platform.admin.setFaults([{ match: { method: 'POST', pathPrefix: '/api/v1/cases' }, action: 'latency', ms: 100, times: 2 }]);
    const a = await acceptSeizure(w.t, 'clerk', [scan]);
    const b = await acceptSeizure(w.t, 'clerk', [scan]);
    await untilOutbox(w.t, a.id);
    await untilOutbox(w.t, b.id);
    expect(onPlatform(w, a.caseNumber)?.blobs[0]).toMatchObject({ complete: true });
    expect(onPlatform(w, b.caseNumber)?.blobs[0]).toMatchObject({ complete: true });
    expect(w.platform.admin.stats().blobBytesReceived).toBe(scan.length);
  });

  it('a workstation closed mid-upload continues after restart from what the platform holds, reporting progress a few times a second', async () => {
    w = await syncWorld({ config: { chunkBytes: CHUNK } });
    const size = 120_000;
    const events: number[] = [];
    const unsubscribe = w.t.ws.onEvent((_client, name) => {
      if (name === 'sync.changed') events.push(Date.now());
    });
    w.platform.admin.setFaults([{ match: { method: 'PATCH', pathPrefix: '/api/v1/blobs' }, action: 'throttle', bytesPerSecond: 40_000, times: 0 }]);
    const started = Date.now();
    const c = await acceptSeizure(w.t, 'clerk', [fakeScan(size)]);
    const uploading = await until(async () => {
      const s = await w.t.ok('clerk', 'sync.status', {});
      const u = s.uploads.find((x) => x.state === 'uploading' && x.sent > 0);
      return u ? { u, s } : undefined;
    }, 'upload in progress');
    expect(uploading.u).toMatchObject({ caseNumber: c.caseNumber, bytes: size });
    const held = await until(async () => {
      const offset = onPlatform(w, c.caseNumber)?.blobs[0]?.offset ?? 0;
      return offset >= 30_000 ? offset : undefined;
    }, 'platform holding 30 000 bytes');
    const elapsed = (Date.now() - started) / 1000;
    unsubscribe();
    // Progress is coalesced: at most one event per 250 ms (plus the first).
    expect(events.length).toBeLessThanOrEqual(Math.ceil(elapsed * 4) + 2);

    // Closed without warning, mid-chunk: like a kill at an await, minus the process.
    const bytesBefore = w.platform.admin.stats().bodyBytesReceived;
    w.t.restart();
    w.platform.admin.clearFaults();
    await untilOutbox(w.t, c.id);
    expect(onPlatform(w, c.caseNumber)).toMatchObject({ submitKeys: [outboxOf(w.t, c.id)[0].idempotency_key], blobs: [{ complete: true, offset: size }] });
    // After the restart: the submission replayed once, then only what the platform did not hold.
    const body = Buffer.byteLength(outboxOf(w.t, c.id)[0].body);
    const fileBytesAfter = w.platform.admin.stats().bodyBytesReceived - bytesBefore - body;
    expect(fileBytesAfter).toBeLessThan(size - held + CHUNK);
    expect(w.platform.admin.stats().blobBytesReceived).toBe(size);
    await w.t.ok('admin', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    expect((await w.t.ok('admin', 'sync.status', {})).uploads).toEqual([expect.objectContaining({ state: 'done', sent: size })]);
  });

  it('a file damaged on this disk becomes a dead letter: 本机文件已损坏', async () => {
    w = await syncWorld();
    const scan = fakeScan(4_000);
    const draft = await w.t.ok('clerk', 'cases.createDraft', { businessType: 'seizure' });
    const hash = sm3Hex(scan);
    await w.t.ok('clerk', 'cases.saveDraft', {
      id: draft.id,
      coOwnership: null,
      parties: [],
      units: [{ unitCode: '430102003004GB00123F00010203', address: '湖南省长沙市芙蓉区五一大道一百二十三号', use: 'residential', areaM2: 89.5 }],
      materialsReceived: ['courtAssistanceNotice', 'courtRuling', 'courtOfficerCredentials'].map((materialId) => ({ materialId, copies: 1 })),
    });
    await w.t.ok('clerk', 'cases.attachFile', { id: draft.id, materialId: 'courtRuling', fileName: '裁定书.pdf', mediaType: 'application/pdf', dataBase64: scan.toString('base64') });
    // Attached intact, then changed on disk behind the store's back (a failing sector, a careless tool).
    const damaged = Buffer.from(scan);
    damaged[100] ^= 0xff;
    writeFileSync(join(w.t.dataDir, 'blobs', hash.slice(0, 2), hash), damaged);
    await w.t.ok('clerk', 'cases.accept', { id: draft.id });
    await untilOutbox(w.t, draft.id, 'dead');
    const [row] = outboxOf(w.t, draft.id);
    expect(row).toMatchObject({ last_error_code: 'LOCAL_BLOB_DAMAGED', last_error: expect.stringContaining('本机文件已损坏') });
    expect(requests(w, 'PATCH /api/v1/blobs/{hash} 204')).toBe(0);
  });
});

/** The upload step alone, against a scripted platform: what a 422 HASH_MISMATCH leads to. */
describe('uploadBlob on a hash mismatch', () => {
  function setup() {
    const dir = makeTempDir();
    const db = openDatabase(join(dir.path, 'bdc.sqlite'));
    migrate(db, MIGRATIONS, join(dir.path, 'backups'));
    const blobs = new BlobStore(join(dir.path, 'blobs'), DataKeyRing.open(dir.path, ownerOnlyFileProtector));
    const bytes = fakeScan(40_000);
    const hash = blobs.put(db, bytes, 'application/pdf', new Date());
    const outcomes: ChunkOutcome[] = [{ kind: 'accepted', offset: CHUNK, complete: false }, { kind: 'hashMismatch' }];
    const client = {
      blobState: async () => ({ offset: 0, length: bytes.length, complete: false }),
      sendChunk: async () => outcomes.shift() ?? { kind: 'accepted', offset: bytes.length, complete: true },
    } as unknown as PlatformClient;
    const ctx = { client, blobs, chunkBytes: CHUNK, signal: new AbortController().signal, progress: () => {} };
    return { dir, db, hash, bytes, ctx, cleanup: () => (db.close(), dir.remove()) };
  }

  it('an intact local file is retried later (transient HASH_MISMATCH)', async () => {
    const s = setup();
    try {
      const err = await uploadBlob(s.ctx, s.hash, s.bytes.length).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(PlatformError);
      expect(err).toMatchObject({ kind: 'transient', code: 'HASH_MISMATCH' });
    } finally {
      s.cleanup();
    }
  });

  it('a local file that changed while it was being sent is a damaged file, not a retry', async () => {
    const s = setup();
    try {
      const original = s.ctx.client.sendChunk.bind(s.ctx.client);
      s.ctx.client.sendChunk = async (...args: Parameters<PlatformClient['sendChunk']>) => {
        const outcome = await original(...args);
        if (outcome.kind === 'hashMismatch') writeFileSync(join(s.dir.path, 'blobs', s.hash.slice(0, 2), s.hash), Buffer.alloc(s.bytes.length));
        return outcome;
      };
      const err = await uploadBlob(s.ctx, s.hash, s.bytes.length).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(LocalBlobError);
      expect((err as Error).message).toMatch(/^本机文件已损坏/);
    } finally {
      s.cleanup();
    }
  });
});

/** The sealed file is streamed: a damaged file must never reach the platform complete. */
describe('uploadBlob streams the sealed file', () => {
  it('sends the chunks it has opened, but holds back the last one when the file fails its check', async () => {
    const dir = makeTempDir();
    const db = openDatabase(join(dir.path, 'bdc.sqlite'));
    try {
      migrate(db, MIGRATIONS, join(dir.path, 'backups'));
      const blobs = new BlobStore(join(dir.path, 'blobs'), DataKeyRing.open(dir.path, ownerOnlyFileProtector));
      const bytes = fakeScan(40_000);
      const hash = blobs.put(db, bytes, 'application/pdf', new Date());
      const path = join(dir.path, 'blobs', hash.slice(0, 2), hash);
      const sent: Array<{ offset: number; bytes: Buffer }> = [];
      const client = {
        blobState: async () => ({ offset: 0, length: bytes.length, complete: false }),
        sendChunk: async (_h: string, offset: number, chunk: Buffer) => {
          sent.push({ offset, bytes: Buffer.from(chunk) });
          const end = offset + chunk.length;
          return { kind: 'accepted', offset: end, complete: end === bytes.length } satisfies ChunkOutcome;
        },
      } as unknown as PlatformClient;
      const ctx = { client, blobs, chunkBytes: CHUNK, signal: new AbortController().signal, progress: () => {} };

      // Intact: every chunk, byte for byte the plaintext.
      await uploadBlob(ctx, hash, bytes.length);
      expect(sent.map((s) => s.offset)).toEqual([0, CHUNK, 2 * CHUNK]);
      expect(Buffer.concat(sent.map((s) => s.bytes)).equals(bytes)).toBe(true);

      // One bit of the sealed file flipped in the middle: the chunks before the end may go, the last never does.
      sent.length = 0;
      const sealed = readFileSync(path);
      sealed[sealed.length - 20_000]! ^= 0x01;
      writeFileSync(path, sealed);
      const err = await uploadBlob(ctx, hash, bytes.length).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(LocalBlobError);
      expect((err as Error).message).toMatch(/^本机文件已损坏/);
      expect(sent.map((s) => s.offset)).not.toContain(2 * CHUNK);
    } finally {
      db.close();
      dir.remove();
    }
  });
});
