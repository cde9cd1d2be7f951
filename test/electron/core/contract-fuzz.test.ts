import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, METHOD_NAMES, contract, type MethodName, type Result } from '../../../electron/contract';
import type { Session } from '../../../electron/core/auth/sessions';
import { startWorkstation, type Workstation } from '../../../electron/core/workstation';
import { startWebHost, type WebHost } from '../../../electron/hosts/web/web-host';
import type { PrinterBackend } from '../../../native/printer/printer';
import { makeTempDir } from '../../support/temp-dir';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN, manualClock } from '../../support/workstation';

/**
 * QUALITY.md "Bad input gets a clear answer": every contract method is called with arbitrary
 * JSON-ish input (and mutations of a valid input), as an administrator and as nobody. The call
 * never throws out of `ws.call`, always resolves to a Result, and every error carries a code from
 * ERROR_CODES and a message; no promise is left rejected. The workstation has no card reader or
 * pad configured ('none': device calls answer at once), a stand-in printer, and no platform.
 */
const RUNS = Number(process.env.BDC_FUZZ_RUNS) > 0 ? Number(process.env.BDC_FUZZ_RUNS) : 30;
const CODES = new Set<string>(ERROR_CODES);
const logs: string[] = [];

const fakePrinter: PrinterBackend = {
  list: async () => [{ name: 'fake', description: '测试打印机', state: 'idle', acceptingJobs: true, isDefault: true, reasons: [], message: '' }],
  print: async () => ({ ok: true, jobId: 1, state: 'completed', status: { jobId: 1, state: 'completed', reasons: [], printerMessage: '' } }) as never,
  jobState: async () => null,
};

/** Valid inputs where one is cheap to write: mutations of these reach past the schema into the handlers. */
const VALID: Partial<Record<MethodName, Record<string, unknown>>> = {
  'auth.login': { username: ADMIN.username, password: 'Wrong#2026x' },
  'users.create': { username: 'fuzzer', displayName: '模糊', role: 'clerk', temporaryPassword: 'Temp#2026ab' },
  'cases.createDraft': { businessType: 'seizure' },
  'cases.get': { id: 1 },
  'cases.timeline': { id: 1 },
  'cases.accept': { id: 1 },
  'cases.search': { text: '芙蓉', limit: 5 },
  'cases.signParty': { id: 1, ordinal: 1, timeoutSeconds: 5 },
  'devices.captureSignature': { timeoutSeconds: 1 },
  'config.update': { officeName: '芙蓉区不动产登记中心' },
  'backups.restore': { file: 'bdc-20260101-000000-daily.bdcbak' },
  'recovery.restoreBackup': { file: 'bdc-20260101-000000-daily.bdcbak' },
  'audit.list': { limit: 5 },
};

function keysOf(method: MethodName): string[] {
  const shape = (contract[method].input as unknown as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

function inputs(method: MethodName): fc.Arbitrary<unknown> {
  const keys = keysOf(method);
  const anyValue = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(-1, 0, 1, 2 ** 53, Number.NaN, '', '../bdc.sqlite', '\u0000', 'x'.repeat(5000)));
  const options: Array<fc.Arbitrary<unknown>> = [
    fc.jsonValue({ maxDepth: 3 }),
    fc.constantFrom(undefined, null, [], {}, { __proto__: { admin: true } }, JSON.parse('{"__proto__":{"polluted":1}}')),
    fc.object({ maxDepth: 2 }),
  ];
  if (keys.length > 0) options.push(fc.dictionary(fc.constantFrom(...keys), anyValue, { maxKeys: keys.length + 1 }));
  const valid = VALID[method];
  if (valid) {
    const k = Object.keys(valid);
    options.push(
      fc.constant(valid),
      fc.record({ key: fc.constantFrom(...k), value: anyValue }).map(({ key, value }) => ({ ...valid, [key]: value })),
      fc.constantFrom(...k).map((key) => Object.fromEntries(Object.entries(valid).filter(([x]) => x !== key))),
      fc.record({ key: fc.string({ maxLength: 8 }), value: anyValue }).map(({ key, value }) => ({ ...valid, [key]: value })),
    );
  }
  return fc.oneof(...options);
}

function checkResult(method: string, r: unknown): void {
  expect(r, `${method} resolved to something that is not a Result`).toBeTypeOf('object');
  const result = r as Result<unknown>;
  expect(typeof result.ok).toBe('boolean');
  if (!result.ok) {
    expect(CODES.has(result.error.code), `${method}: unknown code ${result.error.code}`).toBe(true);
    expect(result.error.message.length, `${method}: empty message`).toBeGreaterThan(0);
    // INTERNAL means a handler threw something unexpected: that is a crash, not an answer.
    expect(result.error.code, `${method}: INTERNAL (${logs.at(-1) ?? ''})`).not.toBe('INTERNAL');
  }
}

describe('every contract method, fuzzed', () => {
  let ws: Workstation;
  let dir: ReturnType<typeof makeTempDir>;
  let admin: Session;
  let host: WebHost;
  let cookie = '';
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);

  beforeAll(async () => {
    process.on('unhandledRejection', onRejection);
    dir = makeTempDir('bdc-fuzz-');
    writeFileSync(
      join(dir.path, 'config.json'),
      JSON.stringify({ officeCode: '430102', workstationId: 'A7', devices: { idcard: 'none', sigpad: 'none', printer: 'fake' } }),
    );
    const clock = manualClock();
    ws = startWorkstation({ dataDir: dir.path, host: 'web', clock: clock.now, log: (m) => logs.push(m), idleSweepMs: 60_000, startDevices: true, platform: null, printerBackend: fakePrinter });
    const r = await ws.call('admin', 'setup.initialize', {
      officeCode: '430102',
      officeName: '芙蓉区不动产登记中心',
      adminUsername: ADMIN.username,
      adminDisplayName: '王管理',
      password: ADMIN.password,
    });
    expect(r.ok).toBe(true);
    admin = { ...ws.services.sessions.get('admin')! };
    // A draft to aim the valid inputs at.
    expect((await ws.call('admin', 'cases.createDraft', { businessType: 'seizure' })).ok).toBe(true);
    host = await startWebHost({ workstation: ws, rendererDir: dir.path, port: 0, version: '0' });
    const exchange = await fetch(host.url, { redirect: 'manual' });
    cookie = (exchange.headers.get('set-cookie') ?? '').split(';')[0];
  }, 30_000);

  afterAll(async () => {
    await host?.close();
    await ws?.close();
    dir?.remove();
    process.off('unhandledRejection', onRejection);
  });

  /** auth.lock, auth.logout, a password reset…: the fuzz input may end the admin session; start it again. */
  function keepAdminSession() {
    const s = ws.services.sessions.get('admin');
    if (!s || s.locked || s.mustChangePassword || s.userId !== admin.userId) {
      ws.services.sessions.start('admin', { ...admin, mustChangePassword: false }, ws.services.clock().getTime());
    }
  }

  it('covers every method of the contract', () => {
    expect(METHOD_NAMES.length).toBeGreaterThan(50);
  });

  for (const method of METHOD_NAMES) {
    it(`${method}: arbitrary input as admin and as anonymous → a Result with a coded error`, async () => {
      await fc.assert(
        fc.asyncProperty(inputs(method), fc.boolean(), async (input, asAdmin) => {
          keepAdminSession();
          const client = asAdmin ? 'admin' : 'anonymous';
          let result: unknown;
          try {
            result = await ws.call(client, method, input);
          } catch (err) {
            throw new Error(`${method} threw out of ws.call: ${String(err)}`);
          }
          checkResult(method, result);
          if (!asAdmin && contract[method].access !== 'public') {
            expect((result as Result<unknown>).ok).toBe(false);
          }
        }),
        { numRuns: RUNS },
      );
      // Unknown methods and non-string names too.
      checkResult('?', await ws.call('anonymous', `${method}.x`, {}));
    }, 20_000);
  }

  /** Strings that may not cross the contract in any field, whatever the method. */
  const UNSAFE = ['a\u0000b', '\u0000', 'ab\ud800', '\udc00cd', 'x\udbff\u0041'];

  for (const method of METHOD_NAMES) {
    it(`${method}: NUL and lone surrogates in any string field → BAD_REQUEST at the edge`, async () => {
      const access = contract[method].access;
      const adminMayCall = access === 'public' || access === 'any' || access.includes('admin');
      const keys = [...new Set([...keysOf(method), ...Object.keys(VALID[method] ?? {}), 'note'])];
      for (const bad of UNSAFE) {
        for (const key of keys) {
          keepAdminSession();
          const r = (await ws.call('admin', method, { ...(VALID[method] ?? {}), [key]: bad })) as Result<unknown>;
          expect(r.ok, `${method}.${key} = ${JSON.stringify(bad)}`).toBe(false);
          if (!r.ok) expect(r.error.code, `${method}.${key}`).toBe(adminMayCall ? 'BAD_REQUEST' : 'FORBIDDEN');
        }
        // Nested too: inside an array of objects, and as a key.
        keepAdminSession();
        const nested = (await ws.call('admin', method, { ...(VALID[method] ?? {}), parties: [{ name: bad }] })) as Result<unknown>;
        expect(nested.ok ? 'ok' : nested.error.code).toBe(adminMayCall ? 'BAD_REQUEST' : 'FORBIDDEN');
        const asKey = (await ws.call('admin', method, { ...(VALID[method] ?? {}), [bad]: 1 })) as Result<unknown>;
        expect(asKey.ok ? 'ok' : asKey.error.code).toBe(adminMayCall ? 'BAD_REQUEST' : 'FORBIDDEN');
      }
    });

    it(`${method}: malformed paths over the web host → a coded 4xx`, async () => {
      const post = (path: string) =>
        fetch(`http://127.0.0.1:${host.port}${path}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Cookie: cookie, Origin: `http://127.0.0.1:${host.port}` },
          body: '{}',
        });
      for (const path of [`/api/${method}%E4%B`, `/api/%${method}`, `/api/${method}%ZZ`, `/api/${method}%00`, `/api/${method}%ED%A0%80`]) {
        const res = await post(path);
        expect(res.status, path).toBeGreaterThanOrEqual(400);
        expect(res.status, path).toBeLessThan(500);
        const body = (await res.json()) as Result<unknown>;
        expect(body.ok).toBe(false);
        if (!body.ok) expect(CODES.has(body.error.code), path).toBe(true);
      }
    });
  }

  it('left no promise rejected unhandled', async () => {
    await new Promise((r) => setTimeout(r, 50));
    expect(rejections).toEqual([]);
  });
});
