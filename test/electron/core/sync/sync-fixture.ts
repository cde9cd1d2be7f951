import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { PlatformConfig } from '../../../../electron/contract';
import type { EngineTimers } from '../../../../electron/core/sync/engine-timers';
import type { PlatformConnection } from '../../../../electron/core/sync/platform-connection';
import type { SyncEngine, SyncEngineHooks } from '../../../../electron/core/sync/sync-engine';
import { startPlatform, type PlatformOptions, type RunningPlatform } from '../../../platform/index';
import { caseWrites } from '../../../../electron/core/cases/case-repository';
import { BUYER, SELLER_1, SELLER_2, TRANSFER_RECEIVED, UNIT, until } from '../../../support/cases';
import { platformConfigFor } from '../../../support/sync-cases';
import { makeTempDir } from '../../../support/temp-dir';
import { makeWorkstation, type MakeWorkstationOptions, type TestWorkstation } from '../../../support/workstation';
import { openBody } from '../../../../electron/core/sync/outbox-repository';

/**
 * A real platform stand-in (mutual TLS on loopback, its own SQLite) and a workstation configured
 * for it through config.json, as an office would: set up, with a clerk and a supervisor logged in.
 * Figures are small so faults cost milliseconds: a lost answer costs one `timeoutMs`.
 */
export interface SyncWorld {
  dir: ReturnType<typeof makeTempDir>;
  platform: RunningPlatform;
  t: TestWorkstation;
  engine(): SyncEngine;
  /** Restarts the platform on the same folder and port (its data survives). */
  restartPlatform(): Promise<void>;
  close(): Promise<void>;
}

export const FAST_PLATFORM: Partial<PlatformConfig> = {
  timeoutMs: 1500,
  retryBaseMs: 20,
  retryMaxMs: 200,
  pollSeconds: 1,
  chunkBytes: 16 * 1024,
  concurrency: 3,
};

export interface SyncWorldOptions {
  platformOptions?: Partial<PlatformOptions>;
  /** Overrides of config.json's `platform` (after the URL and certificate files). */
  config?: Partial<PlatformConfig> & Record<string, unknown>;
  /** Instead of config.json: the connection given to startWorkstation (or made from the started platform). */
  connection?: MakeWorkstationOptions['platform'] | ((platform: RunningPlatform) => PlatformConnection | null);
  sync?: SyncEngineHooks;
  /** Set up, log in a clerk and a supervisor (default true). */
  users?: boolean;
}

export async function syncWorld(options: SyncWorldOptions = {}): Promise<SyncWorld> {
  const dir = makeTempDir('bdc-sync-');
  const platformDir = join(dir.path, 'platform');
  let platform = await startPlatform({ dataDir: platformDir, port: 0, ...options.platformOptions });
  const config = {
    officeCode: '430102',
    officeName: '芙蓉区不动产登记中心',
    workstationId: 'A7',
    training: false,
    devices: { idcard: 'none', sigpad: 'none', printer: null },
    platform:
      options.connection !== undefined
        ? {}
        : platformConfigFor(platform, { ...FAST_PLATFORM, ...options.config }),
  };
  const wsDir = join(dir.path, 'workstation');
  mkdirSync(wsDir);
  const connection = typeof options.connection === 'function' ? options.connection(platform) : options.connection;
  const t = makeWorkstation({ dataDir: wsDir, config, platform: connection, sync: { probeMs: 100, ...options.sync } });
  if (options.users !== false) {
    await t.setup();
    await t.userWithRole('clerk', 'clerk');
    await t.userWithRole('boss', 'supervisor');
  }
  const world: SyncWorld = {
    dir,
    get platform() {
      return platform;
    },
    t,
    engine() {
      const engine = t.ws.services.sync;
      if (!engine) throw new Error('no sync engine');
      return engine;
    },
    async restartPlatform() {
      const port = platform.port;
      await platform.close();
      platform = await startPlatform({ dataDir: platformDir, ...options.platformOptions, port });
    },
    async close() {
      await t.ws.close();
      await platform.close();
      dir.remove();
    },
  };
  return world;
}

/** The outbox rows of a case, as the database holds them. */
export function outboxOf(t: TestWorkstation, caseId: number) {
  const rows = t.ws.services.db().prepare('SELECT * FROM outbox WHERE case_id = ? ORDER BY id').all(caseId) as Array<{
    id: number;
    kind: string;
    state: string;
    attempts: number;
    idempotency_key: string;
    body_sealed: Buffer;
    next_attempt_at: string | null;
    last_error: string | null;
    last_error_code: string | null;
    answer: string | null;
  }>;
  // The body is sealed at rest; opened here to the exact text that is sent.
  return rows.map(({ body_sealed, ...r }) => ({ ...r, body: openBody(t.ws.services.keys, { sealedBody: body_sealed }) }));
}

/** Waits until every command of the case is in `state` (default done). */
export async function untilOutbox(t: TestWorkstation, caseId: number, state = 'done', ms = 10_000): Promise<void> {
  await until(async () => {
    const rows = outboxOf(t, caseId);
    return rows.length > 0 && rows.every((r) => r.state === state) ? true : undefined;
  }, `outbox of case ${caseId} ${state}`, ms);
}

/** The platform's record of a case, or undefined. */
export function onPlatform(w: SyncWorld, caseNumber: string) {
  return w.platform.admin.cases().find((c) => c.caseNumber === caseNumber);
}

/** Requests the platform saw, by "METHOD route outcome". */
export function requests(w: SyncWorld, key: string): number {
  return w.platform.admin.stats().requests[key] ?? 0;
}

/**
 * A second-hand transfer (three parties, all signed, fees, tax track) accepted through the
 * contract. The signatures are stored as the pad would store them (a stroke blob per party)
 * directly through the services: the pad has its own tests, and this keeps sync tests fast.
 */
export async function acceptSignedTransfer(t: TestWorkstation, clerk: string, files: Buffer[] = []): Promise<{ id: number; caseNumber: string }> {
  const draft = await t.ok(clerk, 'cases.createDraft', { businessType: 'transfer' });
  await t.ok(clerk, 'cases.saveDraft', { id: draft.id, coOwnership: 'sole', parties: [BUYER, SELLER_1, SELLER_2], units: [UNIT], materialsReceived: TRANSFER_RECEIVED });
  const db = t.ws.services.db();
  db.transaction(() => {
    for (const ordinal of [1, 2, 3]) {
      const strokes = { strokes: [[{ x: ordinal, y: 2, t: 0 }, { x: 40, y: 30 + ordinal, t: 120 }]], width: 320, height: 160 };
      const hash = t.ws.services.blobs.put(db, Buffer.from(JSON.stringify(strokes)), 'application/vnd.bdc.signature+json', t.clock.now());
      caseWrites.setSignature(db, draft.id, ordinal, hash, t.clock.now());
    }
  })();
  for (const [i, bytes] of files.entries()) {
    await t.ok(clerk, 'cases.attachFile', { id: draft.id, materialId: 'transferContract', fileName: `买卖合同第${i + 1}页.pdf`, mediaType: 'application/pdf', dataBase64: bytes.toString('base64') });
  }
  const accepted = await t.ok(clerk, 'cases.accept', { id: draft.id });
  return { id: accepted.id, caseNumber: accepted.caseNumber as string };
}

/**
 * Scheduling time the test moves by hand: the engine's back-off waits, polls and probes sleep here
 * while requests still travel in real time. `advance` runs what came due, in order.
 */
export class ManualTimers implements EngineTimers {
  private t = Date.parse('2026-11-28T00:00:00.000Z');
  private tasks: Array<{ at: number; fn: () => void; seq: number }> = [];
  private seq = 0;

  now(): number {
    return this.t;
  }

  setTimeout(fn: () => void, ms: number): unknown {
    const task = { at: this.t + ms, fn, seq: this.seq++ };
    this.tasks.push(task);
    return task;
  }

  clearTimeout(handle: unknown): void {
    this.tasks = this.tasks.filter((t) => t !== handle);
  }

  advance(ms: number): void {
    this.t += ms;
    for (;;) {
      const due = this.tasks.filter((t) => t.at <= this.t).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!due) return;
      this.tasks = this.tasks.filter((t) => t !== due);
      due.fn();
    }
  }
}
