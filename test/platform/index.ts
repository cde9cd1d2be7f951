import { join } from 'node:path';
import { createAdmin, type PlatformAdmin } from './admin';
import { createAdminHandler } from './admin-routes';
import { createApiHandler } from './api-routes';
import { AutoDecisions, type AutoSettings } from './auto-decisions';
import { BlobStore } from './blob-store';
import { certificateCn, ensureDevCertificates, type PlatformCertificates } from './certificates';
import { openPlatformDatabase } from './database';
import { FaultSet } from './faults';
import { IdempotentCommands } from './idempotency';
import { seedRegister } from './register-seed';
import { DEFAULT_SECOND_REVIEW_TYPES } from './review-commands';
import { listen, type Listener } from './server';
import { StatsCounter } from './stats';

/**
 * The provincial platform stand-in (ARCHITECTURE.md "Provincial platform stand-in", API.md): one
 * call starts the mutual-TLS API and the admin listener over a data folder; the same folder and port
 * after close() give the same platform back.
 */
export interface PlatformOptions {
  dataDir: string;
  /** 0 (default) = a free port. */
  port?: number;
  /** 0 (default) = a free port. */
  adminPort?: number;
  /** Plain HTTP for the API (never in training mode); certificates are still made. */
  insecureHttp?: boolean;
  /**
   * Automatic decisions; off unless given. Off, every submitted case waits in 初审 for the office's
   * reviewers (API.md "Office review and 登簿"); on, the platform plays review and 登簿 on a timer.
   */
  auto?: AutoSettings;
  /** Business types whose office review has a 复审 stage; default 转移 and 抵押权首次登记. */
  secondReviewTypes?: readonly string[];
  log?: (message: string) => void;
  /** Serve with these instead of the dev PKI in `dataDir/certs` (tests of refused certificates). */
  certificates?: PlatformCertificates;
  /**
   * The CN of the dev client certificate: `<office code>-<workstation id>`. The platform binds a
   * certificate to its office (a case of another office is refused), so issue one per workstation.
   * Default 430102-A7.
   */
  clientCn?: string;
  /** The clock stamped on answers and changes (receivedAt, at, certificate years); defaults to the real one. */
  now?: () => Date;
}

export interface RunningPlatform {
  /** https://127.0.0.1:PORT (http:// with insecureHttp). */
  url: string;
  /** http://127.0.0.1:ADMIN_PORT */
  adminUrl: string;
  port: number;
  adminPort: number;
  certs: PlatformCertificates;
  admin: PlatformAdmin;
  close(): Promise<void>;
}

export type { PlatformAdmin, AdminCaseView } from './admin';
export type { AutoSettings } from './auto-decisions';
export type { Fault, FaultAction } from './faults';
export type { PlatformStats } from './stats';
export type { CertificateAuthority, IssuedCertificate, PlatformCertificates } from './certificates';
export { SAMPLE_UNITS } from './register-seed';
export { ensureDevCertificates, createCertificateAuthority, issueCertificate } from './certificates';

export async function startPlatform(options: PlatformOptions): Promise<RunningPlatform> {
  const log = options.log ?? (() => {});
  const now = options.now ?? (() => new Date());
  const certs = options.certificates ?? (await ensureDevCertificates(join(options.dataDir, 'certs'), options.clientCn ? { clientCn: options.clientCn } : {}));
  const db = openPlatformDatabase(options.dataDir);
  const seeded = seedRegister(db);
  if (seeded > 0) log(`register seeded with ${seeded} units`);

  const closing = new AbortController();
  const blobs = new BlobStore(db, options.dataDir, now);
  const faults = new FaultSet();
  const stats = new StatsCounter();
  const auto = new AutoDecisions(db, now, log, options.auto ?? { enabled: false, stepMs: 5000 });
  const commands = new IdempotentCommands(db);
  const admin = createAdmin({ db, blobs, faults, auto, stats, now });

  const listeners: Listener[] = [];
  const shutdown = async (): Promise<void> => {
    closing.abort();
    auto.stop();
    await Promise.all(listeners.map((l) => l.close()));
    db.close();
  };
  try {
    const apiHandler = createApiHandler({
      db,
      blobs,
      auto,
      now,
      secondReviewTypes: options.secondReviewTypes ?? DEFAULT_SECOND_REVIEW_TYPES,
      commands,
      faults,
      stats,
      signal: closing.signal,
      insecureCn: certificateCn(certs.clientCertPem) ?? '430102-A7',
    });
    const tls = options.insecureHttp ? null : { caPem: certs.caPem, certPem: certs.serverCertPem, keyPem: certs.serverKeyPem };
    listeners.push(await listen({ port: options.port ?? 0, tls, handler: apiHandler, log }));
    listeners.push(await listen({ port: options.adminPort ?? 0, tls: null, handler: createAdminHandler(admin, { sealCaDir: join(options.dataDir, 'certs') }), log }));
  } catch (err) {
    await shutdown();
    throw err;
  }
  auto.wake();

  const [api, adminListener] = listeners;
  let closed: Promise<void> | null = null;
  return {
    url: `${options.insecureHttp ? 'http' : 'https'}://127.0.0.1:${api.port}`,
    adminUrl: `http://127.0.0.1:${adminListener.port}`,
    port: api.port,
    adminPort: adminListener.port,
    certs,
    admin,
    close: () => (closed ??= shutdown()),
  };
}
