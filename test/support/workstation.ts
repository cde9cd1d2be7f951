import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MethodInput, MethodName, MethodOutput, Result } from '../../electron/contract';
import type { PlatformConnection } from '../../electron/core/sync/platform-connection';
import type { SyncEngineHooks } from '../../electron/core/sync/sync-engine';
import { startWorkstation, type Workstation } from '../../electron/core/workstation';
import { makeTempDir } from './temp-dir';

export const ADMIN = { username: 'admin', password: 'Office#2026x' };

/** The password userWithRole gives an account: never containing the username (the policy refuses that). */
export function userPassword(username: string): string {
  return `Pw#2026-${[...username].reverse().join('')}`;
}

/** A controllable clock: tests move time instead of sleeping. */
export function manualClock(start = new Date('2026-11-27T08:00:00Z')) {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance(ms: number) {
      now += ms;
    },
  };
}

export interface TestWorkstation {
  ws: Workstation;
  dataDir: string;
  clock: ReturnType<typeof manualClock>;
  logs: string[];
  /** Calls a method and returns the raw Result. */
  call<M extends MethodName>(clientId: string, method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>>;
  /** Calls a method and returns its value, failing the test on an error result. */
  ok<M extends MethodName>(clientId: string, method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  /** First-start setup as ADMIN, logged in on client 'admin'. */
  setup(): Promise<void>;
  /** Creates a user with a role and logs them in (password changed) on a client of the same name. */
  userWithRole(username: string, role: MethodInput<'users.create'>['role']): Promise<void>;
  restart(): void;
  close(): Promise<void>;
}

export interface MakeWorkstationOptions {
  config?: unknown;
  dataDir?: string;
  startDevices?: boolean;
  /** The platform connection (overrides config.json's `platform`; null = none). */
  platform?: PlatformConnection | null;
  /** Sync engine test hooks (random, timers, probe interval), kept across restart(). */
  sync?: SyncEngineHooks;
}

export function makeWorkstation(options: MakeWorkstationOptions = {}): TestWorkstation {
  const temp = options.dataDir ? null : makeTempDir('bdc-core-');
  const dataDir = options.dataDir ?? (temp as { path: string }).path;
  mkdirSync(dataDir, { recursive: true });
  if (options.config !== undefined) writeFileSync(join(dataDir, 'config.json'), JSON.stringify(options.config));
  const clock = manualClock();
  const logs: string[] = [];
  const start = () =>
    startWorkstation({
      dataDir,
      host: 'web',
      clock: clock.now,
      log: (m) => logs.push(m),
      idleSweepMs: 60_000,
      startDevices: options.startDevices ?? false,
      platform: options.platform,
      sync: options.sync,
    });
  const t: TestWorkstation = {
    ws: start(),
    dataDir,
    clock,
    logs,
    call: (clientId, method, input) => t.ws.call(clientId, method, input) as never,
    async ok(clientId, method, input) {
      const r = await t.ws.call(clientId, method, input);
      if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${r.error.message}`);
      return r.value as never;
    },
    async setup() {
      await t.ok('admin', 'setup.initialize', {
        officeCode: '430102',
        officeName: '芙蓉区不动产登记中心',
        adminUsername: ADMIN.username,
        adminDisplayName: '王管理',
        password: ADMIN.password,
      });
    },
    async userWithRole(username, role) {
      await t.ok('admin', 'users.create', { username, displayName: username, role, temporaryPassword: 'Temp#2026ab' });
      await t.ok(username, 'auth.login', { username, password: 'Temp#2026ab' });
      await t.ok(username, 'auth.changePassword', { currentPassword: 'Temp#2026ab', newPassword: userPassword(username) });
    },
    restart() {
      void t.ws.close();
      t.ws = start();
    },
    async close() {
      await t.ws.close();
      temp?.remove();
    },
  };
  return t;
}
