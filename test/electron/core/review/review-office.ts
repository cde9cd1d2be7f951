import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { PlatformConnection } from '../../../../electron/core/sync/platform-connection';
import type { SyncEngine } from '../../../../electron/core/sync/sync-engine';
import { clientFor, command, customCertificates, submission } from '../../../platform/harness';
import { startPlatform, type RunningPlatform } from '../../../platform/index';
import { until } from '../../../support/cases';
import { makeTempDir } from '../../../support/temp-dir';
import { makeWorkstation, type TestWorkstation } from '../../../support/workstation';
import { FAST_PLATFORM } from '../sync/sync-fixture';

/**
 * One office on one real stand-in (mutual TLS on loopback): a counter workstation (430102-A7, a
 * clerk) and a review desk (430102-B3: two reviewers, a registrar, a supervisor, and a reviewer
 * whose username is the counter clerk's — separation of duties). Two data folders, two engines.
 */
export interface ReviewOffice {
  platform: RunningPlatform;
  counter: TestWorkstation;
  desk: TestWorkstation;
  engine(t: TestWorkstation): SyncEngine;
  /** Reads the desk's feed until `probe` holds. */
  untilDesk<T>(probe: () => Promise<T | undefined>, what: string): Promise<T>;
  /** A case another counter of the office accepted (430102-A7's certificate, the platform's own API). */
  submitElsewhere(overrides: Record<string, unknown>): Promise<string>;
  stopPlatform(): Promise<void>;
  startPlatformAgain(): Promise<void>;
  close(): Promise<void>;
}

let serial = 0;

export async function reviewOffice(): Promise<ReviewOffice> {
  const dir = makeTempDir('bdc-review-');
  const certs = await customCertificates(join(dir.path, 'certs'), '430102-A7', '430102-B3');
  const platformDir = join(dir.path, 'platform');
  let platform = await startPlatform({ dataDir: platformDir, port: 0, certificates: certs });
  const port = platform.port;
  const station = (id: string, cert: string, key: string): TestWorkstation => {
    const dataDir = join(dir.path, id);
    mkdirSync(dataDir);
    const connection: PlatformConnection = { url: platform.url, ca: certs.caPem, cert, key };
    return makeWorkstation({
      dataDir,
      config: { officeCode: '430102', officeName: '芙蓉区不动产登记中心', workstationId: id, training: false, devices: { idcard: 'none', sigpad: 'none', printer: null }, platform: FAST_PLATFORM },
      platform: connection,
      sync: { probeMs: 100 },
    });
  };
  const counter = station('A7', certs.clientCertPem, certs.clientKeyPem);
  const desk = station('B3', certs.second.certPem, certs.second.keyPem);
  await counter.setup();
  await counter.userWithRole('clerk', 'clerk');
  await desk.setup();
  for (const [user, role] of [['rev1', 'reviewer'], ['rev2', 'reviewer'], ['reg', 'registrar'], ['boss', 'supervisor'], ['clerk', 'reviewer']] as const) await desk.userWithRole(user, role);
  const engine = (t: TestWorkstation): SyncEngine => {
    const e = t.ws.services.sync;
    if (!e) throw new Error('no sync engine');
    return e;
  };
  return {
    get platform() {
      return platform;
    },
    counter,
    desk,
    engine,
    async untilDesk(probe, what) {
      return until(async () => {
        await engine(desk).pullNow();
        return probe();
      }, what, 15_000);
    },
    async submitElsewhere(overrides) {
      serial += 1;
      const body = submission([], { caseNumber: `430102-20261127-C1-${String(serial).padStart(4, '0')}`, workstationId: 'C1', ...overrides });
      const res = await command(clientFor(platform, certs), '/api/v1/cases', body);
      if (res.status !== 201) throw new Error(`submission failed: ${res.status} ${JSON.stringify(res.data)}`);
      return body.caseNumber as string;
    },
    async stopPlatform() {
      await platform.close();
    },
    async startPlatformAgain() {
      platform = await startPlatform({ dataDir: platformDir, port, certificates: certs });
    },
    async close() {
      await counter.ws.close();
      await desk.ws.close();
      await platform.close();
      dir.remove();
    },
  };
}
