import { spawn } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeTempDir } from '../../../support/temp-dir';
import { PROJECT_ROOT } from '../../../support/web-host-process';
import { ADMIN, makeWorkstation } from '../../../support/workstation';
import { DATABASE_FILE_NAME } from '../../../../electron/core/store/database';

/**
 * QUALITY.md "Nothing accepted is lost": a child process accepts cases and acknowledges each; the
 * parent kills it with SIGKILL at random moments (BDC_CRASH_RUNS times, at least 25 by default);
 * every acknowledged case is present with status accepted, integrity_check is ok, and the
 * workstation opens the database normally (no recovery mode).
 */
const RUNS = Number(process.env.BDC_CRASH_RUNS) > 0 ? Number(process.env.BDC_CRASH_RUNS) : 25;
const CHILD = join(PROJECT_ROOT, 'test/electron/core/store/crash-child.ts');

let dir: ReturnType<typeof makeTempDir>;

beforeAll(async () => {
  dir = makeTempDir('bdc-crash-');
  const t = makeWorkstation({ dataDir: dir.path, platform: null, config: { officeCode: '430102', workstationId: 'A7' } });
  await t.setup();
  await t.ws.close();
}, 30_000);

afterAll(() => dir?.remove());

function runChild(killAfterMs: number): Promise<{ acks: string[]; out: string }> {
  return new Promise((resolve, reject) => {
    // Node itself with tsx as a loader, so the SIGKILL hits the process that runs the workstation.
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir.path], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let timer: NodeJS.Timeout | undefined;
    const limit = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (timer === undefined && out.includes('READY\n')) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    });
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      clearTimeout(limit);
      if (signal !== 'SIGKILL' || timer === undefined) return reject(new Error(`child ended by itself (${code} ${signal}):\n${out}`));
      // Only complete lines: a line cut by the kill was never acknowledged.
      resolve({ acks: [...out.matchAll(/^ACK (\S+)\n/gm)].map((m) => m[1]), out });
    });
  });
}

it(`every acknowledged case survives ${RUNS} SIGKILLs while accepting, and the file stays sound`, async () => {
  const acked: string[] = [];
  for (let i = 0; i < RUNS; i++) {
    const { acks } = await runChild(30 + Math.floor(Math.random() * 450));
    acked.push(...acks);
  }
  expect(acked.length).toBeGreaterThan(RUNS);
  expect(new Set(acked).size).toBe(acked.length);

  const db = new Database(join(dir.path, DATABASE_FILE_NAME), { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const status = new Map(
      (db.prepare('SELECT case_number, status FROM cases WHERE case_number IS NOT NULL').all() as Array<{ case_number: string; status: string }>).map((r) => [
        r.case_number,
        r.status,
      ]),
    );
    for (const n of acked) expect(status.get(n), `acknowledged ${n}`).toBe('accepted');
  } finally {
    db.close();
  }

  // The workstation opens it normally, and a case accepted before a kill reads back whole.
  const t = makeWorkstation({ dataDir: dir.path, platform: null });
  try {
    expect((await t.ok('x', 'app.info', {})).recovery).toBeNull();
    await t.ok('admin', 'auth.login', ADMIN);
    const last = acked[acked.length - 1];
    const found = await t.ok('admin', 'cases.search', { text: last });
    expect(found.rows.map((c) => c.caseNumber)).toContain(last);
  } finally {
    await t.ws.close();
  }
}, 120_000);
