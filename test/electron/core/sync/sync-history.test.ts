import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type RunningPlatform } from '../../../platform/index';
import { acceptSeizure, fakeScan, platformConfigFor, waitSyncDrained } from '../../../support/sync-cases';
import { makeTempDir } from '../../../support/temp-dir';
import { ADMIN, makeWorkstation, type TestWorkstation } from '../../../support/workstation';

/**
 * The sync invariant of QUALITY.md as a history checker: fast-check generates schedules of
 * accepted cases, withdrawals, injected platform faults (connection cut before or after the
 * platform committed, the answer lost, 5xx, 429, throttled and cut uploads), the workstation
 * crashing mid-sync and the platform restarting. After each schedule the faults stop and the
 * queue drains; then every case the clerk saw accepted exists exactly once on the platform, every
 * file of it hash-verified, withdrawals included, and the platform holds nothing else.
 * The real SIGKILL of the workstation process is sync-sigkill.test.ts; this file crashes it
 * in-process (closed without warning at an arbitrary await point), which is cheap enough for
 * hundreds of schedules. BDC_SYNC_SOAK=N runs N schedules instead of 200.
 */

const RUNS = Number(process.env.BDC_SYNC_SOAK) > 0 ? Number(process.env.BDC_SYNC_SOAK) : 200;

type FaultAction = 'drop-before' | 'drop-after' | 'hang-after' | 'status' | 'latency' | 'cut-after-bytes' | 'throttle';
interface FaultSpec {
  action: FaultAction;
  target: 'POST /api/v1/cases' | 'PATCH /api/v1/blobs' | 'HEAD /api/v1/blobs' | 'POST /api/v1/cases/' | 'GET /api/v1/changes';
  status: number;
  times: number;
}

type Step =
  | { kind: 'accept'; files: number[] }
  | { kind: 'withdraw'; pick: number }
  | { kind: 'fault'; fault: FaultSpec }
  | { kind: 'sync'; ms: number }
  | { kind: 'crash'; afterMs: number }
  | { kind: 'platformRestart'; downMs: number };

const faultArb: fc.Arbitrary<FaultSpec> = fc.record({
  action: fc.constantFrom<FaultAction>('drop-before', 'drop-after', 'hang-after', 'status', 'latency', 'cut-after-bytes', 'throttle'),
  target: fc.constantFrom<FaultSpec['target']>('POST /api/v1/cases', 'PATCH /api/v1/blobs', 'HEAD /api/v1/blobs', 'POST /api/v1/cases/', 'GET /api/v1/changes'),
  status: fc.constantFrom(500, 502, 503, 429, 408),
  times: fc.integer({ min: 1, max: 3 }),
});

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('accept' as const), files: fc.array(fc.integer({ min: 1, max: 70_000 }), { maxLength: 2 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('withdraw' as const), pick: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('fault' as const), fault: faultArb }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('sync' as const), ms: fc.integer({ min: 0, max: 40 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('crash' as const), afterMs: fc.integer({ min: 0, max: 30 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('platformRestart' as const), downMs: fc.integer({ min: 0, max: 30 }) }) },
);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A workstation data folder (set up, admin password changed) and a platform folder (dev CA, register), made once and copied per schedule. */
let templates: { root: ReturnType<typeof makeTempDir>; workstation: string; platform: string };

beforeAll(async () => {
  const root = makeTempDir('bdc-sync-history-');
  const platformDir = join(root.path, 'platform');
  const p = await startPlatform({ dataDir: platformDir, port: 0 });
  await p.close();
  const wsDir = join(root.path, 'workstation');
  mkdirSync(wsDir);
  const t = makeWorkstation({ dataDir: wsDir });
  await t.setup();
  await t.ws.close();
  templates = { root, workstation: wsDir, platform: platformDir };
}, 60_000);

afterAll(() => templates?.root.remove());

interface World {
  dir: ReturnType<typeof makeTempDir>;
  platform: RunningPlatform;
  platformDir: string;
  port: number;
  t: TestWorkstation;
  accepted: Map<string, { withdrawn: boolean }>;
}

async function makeWorld(): Promise<World> {
  const dir = makeTempDir('bdc-sync-run-');
  const platformDir = join(dir.path, 'platform');
  const wsDir = join(dir.path, 'workstation');
  cpSync(templates.platform, platformDir, { recursive: true });
  cpSync(templates.workstation, wsDir, { recursive: true });
  const platform = await startPlatform({ dataDir: platformDir, port: 0 });
  const config = {
    officeCode: '430102',
    officeName: '芙蓉区不动产登记中心',
    workstationId: 'A7',
    // Small figures so a schedule takes milliseconds: a lost answer costs one timeout.
    platform: platformConfigFor(platform, { timeoutMs: 300, retryBaseMs: 5, retryMaxMs: 40, pollSeconds: 1, chunkBytes: 16 * 1024, concurrency: 3 }),
  };
  writeFileSync(join(wsDir, 'config.json'), JSON.stringify(config));
  const t = makeWorkstation({ dataDir: wsDir });
  await t.ok('admin', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  return { dir, platform, platformDir, port: platform.port, t, accepted: new Map() };
}

async function runStep(w: World, step: Step): Promise<void> {
  switch (step.kind) {
    case 'accept': {
      const c = await acceptSeizure(w.t, 'admin', step.files.map(fakeScan));
      w.accepted.set(c.caseNumber, { withdrawn: false });
      return;
    }
    case 'withdraw': {
      const open = [...w.accepted.entries()].filter(([, v]) => !v.withdrawn);
      if (open.length === 0) return;
      const [caseNumber, entry] = open[step.pick % open.length];
      const found = await w.t.ok('admin', 'cases.search', { text: caseNumber });
      const id = found.rows.find((r) => r.caseNumber === caseNumber)?.id;
      if (id === undefined) throw new Error(`acknowledged case ${caseNumber} is not in the local store`);
      const r = await w.t.call('admin', 'cases.withdraw', { id, reason: '申请人撤回申请' });
      // Refused once the platform has registered it, which is the rule, not a fault.
      if (r.ok) entry.withdrawn = true;
      return;
    }
    case 'fault': {
      const { action, target, status, times } = step.fault;
      const [method, pathPrefix] = target.split(' ');
      w.platform.admin.setFaults([
        { match: { method, pathPrefix }, action, status, times, ms: 60, bytes: 5000, bytesPerSecond: 2_000_000 },
      ]);
      return;
    }
    case 'sync':
      await w.t.ok('admin', 'sync.now', {});
      await sleep(step.ms);
      return;
    case 'crash':
      await w.t.ok('admin', 'sync.now', {});
      await sleep(step.afterMs);
      // Closed without waiting for anything in flight: like a kill, minus the process.
      w.t.restart();
      await w.t.ok('admin', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
      return;
    case 'platformRestart':
      await w.platform.close();
      await sleep(step.downMs);
      w.platform = await startPlatform({ dataDir: w.platformDir, port: w.port });
      return;
  }
}

/** Faults off, then wait until nothing is queued: a transient fault must never have become a dead letter. */
async function drain(w: World): Promise<void> {
  w.platform.admin.clearFaults();
  await waitSyncDrained(w.t, 'admin', 30_000);
}

function checkInvariant(w: World): void {
  const onPlatform = w.platform.admin.cases();
  const byNumber = new Map<string, (typeof onPlatform)[number]>();
  for (const c of onPlatform) {
    expect(byNumber.has(c.caseNumber), `case ${c.caseNumber} twice on the platform`).toBe(false);
    byNumber.set(c.caseNumber, c);
  }
  // Nothing the workstation did not send.
  expect([...byNumber.keys()].filter((n) => !w.accepted.has(n))).toEqual([]);
  for (const [caseNumber, local] of w.accepted) {
    const remote = byNumber.get(caseNumber);
    expect(remote, `acknowledged case ${caseNumber} missing on the platform`).toBeDefined();
    // Exactly once: one command key ever executed for the submission.
    expect(remote!.submitKeys).toHaveLength(1);
    for (const b of remote!.blobs) expect(b.complete, `file ${b.hash.slice(0, 12)} of ${caseNumber} incomplete`).toBe(true);
    expect(remote!.withdrawn).toBe(local.withdrawn);
  }
}

describe('sync history under random fault schedules', () => {
  it(`keeps the invariant over ${RUNS} schedules`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 10 }), async (steps) => {
        const w = await makeWorld();
        try {
          for (const step of steps) await runStep(w, step);
          await drain(w);
          checkInvariant(w);
        } finally {
          await w.t.ws.close();
          await w.platform.close();
          w.dir.remove();
        }
      }),
      { numRuns: RUNS, interruptAfterTimeLimit: 600_000 },
    );
  }, 900_000);
});
