import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SAMPLE_HOLDERS } from '../../../../native/sim/sample-cards';
import { BUYER, SELLER_1, SELLER_2, TRANSFER_RECEIVED, UNIT } from '../../../support/cases';
import { makeTempDir } from '../../../support/temp-dir';
import { startWebHostProcess, PROJECT_ROOT, type RunningWebHost } from '../../../support/web-host-process';
import { ADMIN, makeWorkstation } from '../../../support/workstation';

/**
 * DOMAIN.md §8: personal numbers never reach a log. The test drives the back end — in process
 * with a capturing log, and the web host as its own process over HTTP — through an intake with
 * known ID numbers and phones, including error paths (invalid numbers, a failed and a crashing
 * card read), then greps every log it produced for those numbers: none may appear.
 */
const WRONG_CHECK_DIGIT = '430102198603140421';
const TEST_NUMBERS = [
  ...Object.values(SAMPLE_HOLDERS).map((h) => h.idNumber),
  BUYER.idNumber,
  SELLER_1.idNumber,
  SELLER_2.idNumber,
  WRONG_CHECK_DIGIT,
  '13807310001',
  '0731-84001234',
  '073184001234',
  '13900001111',
];
const leaks = (text: string) => TEST_NUMBERS.filter((n) => text.includes(n));

/** Every *.log file under a folder (vitest's JSON report is a report, not a log). */
function logFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...logFiles(path));
    else if (/\.log$/i.test(name)) out.push(path);
  }
  return out;
}

const INTAKE_PARTIES = [
  { ...BUYER, phone: '0731-84001234' },
  { ...SELLER_1, phone: '13807310001' },
  { ...SELLER_2, phone: '13900001111' },
];

describe('no personal number in any log', () => {
  const dir = makeTempDir('bdc-log-hygiene-');
  let host: RunningWebHost | null = null;
  afterAll(async () => {
    await host?.stop();
    dir.remove();
  });

  it('core, in process: intake, invalid numbers, failed and crashing card reads', async () => {
    const t = makeWorkstation({ startDevices: true, dataDir: join(dir.path, 'core') });
    try {
      await t.setup();
      await t.userWithRole('clerk', 'clerk');
      const draft = await t.ok('clerk', 'cases.createDraft', { businessType: 'transfer' });
      await t.ok('clerk', 'cases.saveDraft', { id: draft.id, coOwnership: 'sole', parties: INTAKE_PARTIES, units: [UNIT], materialsReceived: TRANSFER_RECEIVED });
      // An invalid ID number: saved as typed, refused at acceptance with reasons.
      const bad = await t.ok('clerk', 'cases.createDraft', { businessType: 'transfer' });
      await t.ok('clerk', 'cases.saveDraft', { id: bad.id, coOwnership: 'sole', parties: [{ ...BUYER, idNumber: WRONG_CHECK_DIGIT }], units: [UNIT], materialsReceived: [] });
      const refused = await t.call('clerk', 'cases.accept', { id: bad.id });
      expect(refused.ok).toBe(false);
      expect(leaks(JSON.stringify(refused))).toEqual([]);
      // A masked number sent back that matches nobody: an error naming the party.
      const mismatch = await t.call('clerk', 'cases.saveDraft', { id: draft.id, coOwnership: 'sole', parties: [{ ...BUYER, idNumber: '430102********0000' }], units: [], materialsReceived: [] });
      expect(mismatch.ok).toBe(false);
      // A card read with no card on the reader, then one that works, then a driver that crashes
      // with the number in its message (the dispatcher logs the stack of unexpected errors).
      expect((await t.call('clerk', 'devices.readIdCard', { timeoutSeconds: 1 })).ok).toBe(false);
      await t.ok('clerk', 'devices.simulatePlaceCard', { card: 'miao' });
      await t.ok('clerk', 'devices.readIdCard', { timeoutSeconds: 5 });
      await t.ok('clerk', 'cases.revealParty', { id: draft.id, ordinal: 2, field: 'phone' });
      const devices = t.ws.services.devices as unknown as { readIdCard: (ms: number) => Promise<unknown> };
      const original = devices.readIdCard.bind(devices);
      devices.readIdCard = async () => {
        throw new Error(`driver fault while reading ${SELLER_1.idNumber}, holder phone 13807310001`);
      };
      const crashed = await t.call('clerk', 'devices.readIdCard', { timeoutSeconds: 1 });
      devices.readIdCard = original;
      expect(crashed).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
      const logged = t.logs.join('\n');
      // The crash was logged (masked), so the log path was exercised.
      expect(logged).toContain(`driver fault while reading 430102********042X, holder phone 138****0001`);
      expect(leaks(logged)).toEqual([]);
    } finally {
      await t.close();
    }
    expect(logFiles(join(dir.path, 'core')).flatMap((f) => leaks(readFileSync(f, 'utf8')))).toEqual([]);
  });

  it('the web host process: stdout, stderr and log files stay clean through an intake over HTTP', async () => {
    const dataDir = join(dir.path, 'web');
    host = await startWebHostProcess(dataDir);
    const running = host;
    // The launch URL's secret is exchanged for the client cookie, as the browser does.
    const first = await fetch(running.url, { redirect: 'manual' });
    const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0];
    expect(cookie).toMatch(/=/);
    const api = async (method: string, input: unknown): Promise<{ ok: boolean; value?: any; error?: { code: string; message: string } }> => {
      const res = await fetch(`${running.origin}/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Cookie: cookie, Origin: running.origin },
        body: JSON.stringify(input),
      });
      return res.json() as never;
    };
    const ok = async (method: string, input: unknown) => {
      const r = await api(method, input);
      if (!r.ok) throw new Error(`${method}: ${r.error?.code} ${r.error?.message}`);
      return r.value;
    };
    await ok('setup.initialize', { officeCode: '430102', officeName: '芙蓉区不动产登记中心', adminUsername: ADMIN.username, adminDisplayName: '王管理', password: ADMIN.password });
    const answers: unknown[] = [];
    const draft = await ok('cases.createDraft', { businessType: 'transfer' });
    answers.push(await ok('cases.saveDraft', { id: draft.id, coOwnership: 'sole', parties: INTAKE_PARTIES, units: [UNIT], materialsReceived: TRANSFER_RECEIVED }));
    answers.push(await ok('cases.get', { id: draft.id }));
    answers.push(await api('cases.saveDraft', { id: draft.id, coOwnership: 'sole', parties: [{ ...BUYER, idNumber: WRONG_CHECK_DIGIT, phone: '12345' }], units: [UNIT], materialsReceived: [] }));
    answers.push(await api('cases.accept', { id: draft.id }));
    answers.push(await api('cases.saveDraft', { id: draft.id, coOwnership: 'sole', parties: [{ ...SELLER_1, idNumber: '430102********0000' }], units: [], materialsReceived: [] }));
    answers.push(await api('devices.readIdCard', { timeoutSeconds: 1 }));
    await ok('devices.simulatePlaceCard', { card: 'han' });
    answers.push(await ok('devices.readIdCard', { timeoutSeconds: 5 }));
    answers.push(await api('cases.search', { text: SELLER_1.idNumber }));
    answers.push(await api('no.such.method', {}));
    // What the screen got is masked too (the reveal is the one exception, asked for explicitly).
    expect(leaks(JSON.stringify(answers))).toEqual([]);
    expect((await ok('cases.revealParty', { id: draft.id, ordinal: 1, field: 'idNumber' })).value).toMatch(/^\d{17}[\dX]$/);
    await running.stop();
    host = null;

    const output = running.output();
    expect(output).toContain('已启动');
    expect(leaks(output)).toEqual([]);
    expect(logFiles(dataDir).flatMap((f) => leaks(readFileSync(f, 'utf8')))).toEqual([]);
  }, 60_000);

  it('no log file the test run left in test-results names a test number', () => {
    const files = logFiles(join(PROJECT_ROOT, 'test-results')).filter((f) => !f.endsWith('vitest.json'));
    expect(files.flatMap((f) => leaks(readFileSync(f, 'utf8')).map((n) => `${f}: ${n}`))).toEqual([]);
  });
});
