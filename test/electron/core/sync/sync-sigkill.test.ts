import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startPlatform, type RunningPlatform } from '../../../platform/index';
import { platformConfigFor } from '../../../support/sync-cases';
import { makeTempDir } from '../../../support/temp-dir';
import { PROJECT_ROOT } from '../../../support/web-host-process';
import { makeWorkstation } from '../../../support/workstation';
import { DATABASE_FILE_NAME } from '../../../../electron/core/store/database';

/**
 * QUALITY.md: the workstation process killed with SIGKILL mid-sync and restarted. A child process
 * accepts cases while its sync engine delivers them (the platform cuts some connections after
 * committing, so kills also land between a commit and its answer); the parent kills it at random
 * moments, KILLS times, then lets a last run drain the queue. Every case the child acknowledged is
 * on the platform exactly once with its files verified, the platform has nothing the local store
 * does not hold, and the database passes integrity_check.
 */
const KILLS = Number(process.env.BDC_SIGKILL_RUNS) > 0 ? Number(process.env.BDC_SIGKILL_RUNS) : 10;
const CHILD = join(PROJECT_ROOT, 'test/electron/core/sync/sigkill-child.ts');

let dir: ReturnType<typeof makeTempDir>;
let platform: RunningPlatform;
let wsDir: string;

beforeAll(async () => {
  dir = makeTempDir('bdc-sigkill-');
  platform = await startPlatform({ dataDir: join(dir.path, 'platform'), port: 0 });
  wsDir = join(dir.path, 'workstation');
  mkdirSync(wsDir);
  const t = makeWorkstation({
    dataDir: wsDir,
    config: {
      officeCode: '430102',
      workstationId: 'A7',
      platform: platformConfigFor(platform, { timeoutMs: 500, retryBaseMs: 10, retryMaxMs: 100, pollSeconds: 1, chunkBytes: 16 * 1024 }),
    },
  });
  await t.setup();
  await t.ws.close();
}, 60_000);

afterAll(async () => {
  await platform?.close();
  dir?.remove();
});

function runChild(mode: 'accept' | 'drain', killAfterMs: number | null): Promise<{ acks: string[]; out: string }> {
  return new Promise((resolve, reject) => {
    // Node itself with tsx as a loader: a SIGKILL then hits the process that runs the workstation
    // (the tsx binary is a wrapper whose child would survive as an orphan).
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, wsDir, mode], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let timer: NodeJS.Timeout | undefined;
    // A drain that never ends fails with what the child last reported, instead of hanging the run.
    const limit = killAfterMs === null ? setTimeout(() => child.kill('SIGKILL'), 90_000) : undefined;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (killAfterMs !== null && timer === undefined && out.includes('READY\n')) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    });
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      clearTimeout(limit);
      if (killAfterMs === null && code !== 0) return reject(new Error(`child exited ${code}:\n${out}`));
      if (killAfterMs !== null && signal !== 'SIGKILL') return reject(new Error(`child ended by itself (${code}):\n${out}`));
      resolve({ acks: [...out.matchAll(/^ACK (\S+)$/gm)].map((m) => m[1]), out });
    });
  });
}

it(`every acknowledged case reaches the platform exactly once across ${KILLS} SIGKILLs`, async () => {
  const acked = new Set<string>();
  for (let i = 0; i < KILLS; i++) {
    // Some answers are lost after the platform committed: the next life must replay, not resubmit.
    platform.admin.setFaults([
      { match: { method: 'POST', pathPrefix: '/api/v1/cases' }, action: 'drop-after', times: 1 },
      { match: { method: 'PATCH', pathPrefix: '/api/v1/blobs' }, action: 'cut-after-bytes', bytes: 9000, times: 1 },
    ]);
    const { acks } = await runChild('accept', 300 + Math.floor(Math.random() * 1200));
    for (const a of acks) acked.add(a);
  }
  platform.admin.clearFaults();
  const drained = await runChild('drain', null);
  expect(drained.out).toContain('DRAINED');
  expect(acked.size).toBeGreaterThan(0);

  const db = new Database(join(wsDir, DATABASE_FILE_NAME), { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const local = new Set((db.prepare('SELECT case_number FROM cases WHERE case_number IS NOT NULL').all() as Array<{ case_number: string }>).map((r) => r.case_number));
    const remote = platform.admin.cases();
    const remoteNumbers = remote.map((c) => c.caseNumber);
    expect(new Set(remoteNumbers).size).toBe(remoteNumbers.length);
    for (const n of acked) expect(local.has(n), `acknowledged ${n} lost locally`).toBe(true);
    for (const n of acked) expect(remoteNumbers, `acknowledged ${n} missing on the platform`).toContain(n);
    expect(remoteNumbers.filter((n) => !local.has(n))).toEqual([]);
    for (const c of remote) {
      expect(c.submitKeys).toHaveLength(1);
      for (const b of c.blobs) expect(b.complete).toBe(true);
    }
  } finally {
    db.close();
  }
}, 420_000);
