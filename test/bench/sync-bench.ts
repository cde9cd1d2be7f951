import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { PlatformConfig } from '../../electron/contract';
import { startPlatform, type RunningPlatform } from '../platform/index';
import { acceptSeizure, fakeScan, platformConfigFor, waitSyncDrained } from '../support/sync-cases';
import { makeTempDir } from '../support/temp-dir';
import { startSeparatePlatform } from './separate-platform';
import { ADMIN, makeWorkstation, type TestWorkstation } from '../support/workstation';

/**
 * The sync figures of QUALITY.md, against the loopback stand-in over real mutual TLS:
 * - drain: 10,000 queued case submissions delivered (workstation defaults: 4 cases in parallel);
 * - recovery: how soon a queue moves again after a 503 outage;
 * - upload: a 20 MB scan through a throttled link, as a share of the link's rate, and the bytes the
 *   platform received twice when the connection is cut half-way (the resume should send only
 *   the remainder).
 */

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function world(configExtra: Partial<PlatformConfig> = {}): Promise<{ t: TestWorkstation; platform: RunningPlatform; casesOnPlatform(): Promise<number>; remove(): Promise<void> }> {
  const dir = makeTempDir('bdc-bench-sync-');
  const platform = await startPlatform({ dataDir: join(dir.path, 'platform'), port: 0 });
  return workstationFor(dir, platformConfigFor(platform, configExtra), {
    platform,
    casesOnPlatform: async () => platform.admin.cases().length,
    close: () => platform.close(),
  });
}

/** The same with the stand-in in a process of its own (no fault controls: for the drain). */
async function separateWorld(): Promise<{ t: TestWorkstation; casesOnPlatform(): Promise<number>; remove(): Promise<void> }> {
  const dir = makeTempDir('bdc-bench-sync-');
  const platform = await startSeparatePlatform(join(dir.path, 'platform'));
  const config = { url: platform.url, caFile: platform.files.ca, certFile: platform.files.clientCert, keyFile: platform.files.clientKey };
  return workstationFor(dir, config, { casesOnPlatform: () => platform.casesCount(), close: () => platform.close() });
}

async function workstationFor<P extends { casesOnPlatform(): Promise<number>; close(): Promise<void> }>(
  dir: ReturnType<typeof makeTempDir>,
  platformConfig: Record<string, unknown>,
  p: P,
): Promise<Omit<P, 'close'> & { t: TestWorkstation; remove(): Promise<void> }> {
  const wsDir = join(dir.path, 'workstation');
  mkdirSync(wsDir);
  const t = makeWorkstation({ dataDir: wsDir, config: { officeCode: '430102', workstationId: 'B2', platform: platformConfig } });
  await t.setup();
  const { close, ...rest } = p;
  return {
    ...rest,
    t,
    async remove() {
      await t.ws.close();
      await close();
      dir.remove();
    },
  };
}

/**
 * The queue a long outage leaves behind: one real case through the contract, delivered, then
 * `count` copies of it with their submissions written into the outbox while the workstation is
 * closed (it is restarted by the caller).
 */
async function seedQueue(w: { t: TestWorkstation }, count: number): Promise<void> {
  const first = await acceptSeizure(w.t, 'admin');
  await waitSyncDrained(w.t, 'admin', 30_000);
  await w.t.ws.close();

  const { default: Database } = await import('better-sqlite3');
  const db = new Database(join(w.t.dataDir, 'bdc.sqlite'));
  const template = db.prepare('SELECT * FROM cases WHERE case_number = ?').get(first.caseNumber) as Record<string, unknown>;
  // Outbox bodies are sealed at rest (personal data): opened and sealed with the workstation's keys.
  const { DataKeyRing, ownerOnlyFileProtector } = await import('../../electron/core/crypto/data-keys');
  const keys = DataKeyRing.open(w.t.dataDir, ownerOnlyFileProtector);
  const sealedTemplate = (db.prepare("SELECT body_sealed FROM outbox WHERE case_id = ? AND kind = 'case.submit'").get(template.id) as { body_sealed: Buffer }).body_sealed;
  const body = JSON.parse(keys.openText('outbox.body', sealedTemplate));
  const columns = Object.keys(template).filter((c) => c !== 'id');
  const insertCase = db.prepare(`INSERT INTO cases (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`);
  const insertCommand = db.prepare(
    "INSERT INTO outbox (case_id, kind, idempotency_key, body_sealed, state, attempts, created_at) VALUES (?, 'case.submit', ?, ?, 'pending', 0, ?)",
  );
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      // Case numbers count to 9999 a day per workstation: spread the queue over two ids.
      const caseNumber = `430102-20261127-${i < 9000 ? 'B9' : 'B8'}-${String((i % 9000) + 1).padStart(4, '0')}`;
      const info = insertCase.run({ ...template, case_number: caseNumber, official_number: null });
      insertCommand.run(Number(info.lastInsertRowid), randomUUID(), keys.seal('outbox.body', JSON.stringify({ ...body, caseNumber })), new Date().toISOString());
    }
  })();
  db.close();
}

async function restart(w: { t: TestWorkstation }): Promise<void> {
  w.t.ws = (await import('../../electron/core/workstation')).startWorkstation({ dataDir: w.t.dataDir, host: 'web', log: () => undefined, startDevices: false });
  await w.t.ok('admin', 'auth.login', ADMIN);
}

/**
 * Seconds to deliver `count` queued submissions after a restart finds them in the outbox, with the
 * stand-in in this process or (`separate`) in its own, as a real platform is.
 */
export async function measureDrain({ count = 10_000, separate = false } = {}): Promise<{ seconds: number; count: number }> {
  const w = separate ? await separateWorld() : await world();
  try {
    await seedQueue(w, count);
    const t0 = performance.now();
    await restart(w);
    await waitSyncDrained(w.t, 'admin', 300_000);
    const seconds = (performance.now() - t0) / 1000;
    const onPlatform = await w.casesOnPlatform();
    if (onPlatform !== count + 1) throw new Error(`platform holds ${onPlatform} cases, expected ${count + 1}`);
    return { seconds, count };
  } finally {
    await w.remove();
  }
}

/**
 * An outage of `outageSeconds` during which every API request is answered 503 (maintenance), with
 * `count` commands queued: the workstation tries them, backs off (the default 1 s base, 300 s cap),
 * and when the platform is back the figure is the seconds until the first command is delivered
 * again and until the whole queue is.
 */
export async function measureRecovery({ count = 1000, outageSeconds = 60 } = {}): Promise<{ firstSeconds: number; allSeconds: number; attemptsDuringOutage: number }> {
  const w = await world();
  try {
    await seedQueue(w, count);
    w.platform.admin.setFaults([{ match: { pathPrefix: '/api/v1' }, action: 'status', status: 503, times: 0 }]);
    await restart(w);
    await sleep(outageSeconds * 1000);
    const attemptsDuringOutage = w.platform.admin.stats().requests['POST /api/v1/cases 503'] ?? 0;
    const before = w.platform.admin.cases().length;
    w.platform.admin.clearFaults();
    const t0 = performance.now();
    let firstSeconds = 0;
    for (const deadline = Date.now() + 600_000; ; ) {
      const onPlatform = w.platform.admin.cases().length;
      if (!firstSeconds && onPlatform > before) firstSeconds = (performance.now() - t0) / 1000;
      if (onPlatform === count + 1) break;
      if (Date.now() > deadline) throw new Error(`after the outage the platform holds ${onPlatform} of ${count + 1} cases`);
      await sleep(20);
    }
    return { firstSeconds, allSeconds: (performance.now() - t0) / 1000, attemptsDuringOutage };
  } finally {
    await w.remove();
  }
}

/**
 * A 20 MB scan over a link throttled to `rate` bytes/s: efficiency = achieved rate ÷ link rate
 * over the upload window (first chunk under way → the platform holds the verified file); the
 * time from 受理, which adds opening the sealed local file, is reported beside it. Then the same
 * with the connection cut after 8 MB: how many bytes the platform received beyond the file's size.
 */
export async function measureUpload({ bytes = 20_000_000, rate = 8_000_000 } = {}): Promise<{ efficiency: number; seconds: number; uploadSeconds: number; resumeExtraBytes: number; resumeSeconds: number }> {
  const w = await world({ chunkBytes: 4 * 1024 * 1024 });
  const throttle = { match: { method: 'PATCH', pathPrefix: '/api/v1/blobs' }, action: 'throttle' as const, bytesPerSecond: rate, times: 0 };
  try {
    await w.t.ok('admin', 'sync.status', {});
    w.platform.admin.setFaults([throttle]);
    let t0 = 0;
    await acceptSeizure(w.t, 'admin', [fakeScan(bytes)], () => (t0 = performance.now()));
    // The transfer starts once the local file is opened (SM4-GCM) and checked (SM3), and the platform
    // has answered HEAD: the upload window is from then to the verified file.
    let uploadStart = 0;
    for (const deadline = Date.now() + 120_000; ; ) {
      const s = await w.t.ok('admin', 'sync.status', {});
      if (!uploadStart && s.uploads.some((u) => u.state === 'uploading' || u.state === 'done')) uploadStart = performance.now();
      if (s.platform.queued === 0 && s.uploads.every((u) => u.state === 'done')) break;
      if (Date.now() > deadline) throw new Error('upload did not finish');
      await sleep(5);
    }
    const end = performance.now();
    const seconds = (end - t0) / 1000;
    const uploadSeconds = (end - (uploadStart || t0)) / 1000;
    const efficiency = bytes / uploadSeconds / rate;

    const before = w.platform.admin.stats().blobBytesReceived;
    w.platform.admin.setFaults([{ match: { method: 'PATCH', pathPrefix: '/api/v1/blobs' }, action: 'cut-after-bytes', bytes: 8_000_000, times: 1 }, throttle]);
    await acceptSeizure(w.t, 'admin', [fakeScan(bytes)], () => (t0 = performance.now()));
    await waitSyncDrained(w.t, 'admin', 120_000);
    const resumeSeconds = (performance.now() - t0) / 1000;
    const resumeExtraBytes = w.platform.admin.stats().blobBytesReceived - before - bytes;
    return { efficiency, seconds, uploadSeconds, resumeExtraBytes, resumeSeconds };
  } finally {
    await w.remove();
  }
}
