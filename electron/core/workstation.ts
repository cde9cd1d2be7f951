import { mkdirSync } from 'node:fs';
import { prepareOwnerOnlyDatabase, tightenDatabaseFiles, tightenDataFolder } from './config/data-folder-permissions';
import { join } from 'node:path';
import { AppError, backendIdleLimitMs, maskPersonalText, type EventName, type Result } from '../contract';
import pkg from '../../package.json';
import { appHandlers } from './app-handlers';
import { appendAudit, lastAuditSeq } from './audit/audit-log';
import { AuditKey, bindAuditKey } from './audit/audit-key';
import { certificateCnOf } from './sync/certificate-office';
import { auditHandlers } from './audit/audit-handlers';
import { authHandlers } from './auth/auth-handlers';
import { SessionRegistry } from './auth/sessions';
import { setupHandlers } from './auth/setup-handlers';
import { userHandlers } from './auth/user-handlers';
import { configHandlers } from './config/config-handlers';
import { ConfigFileError, loadConfig } from './config/config-file';
import { BlobStore } from './blobs/blob-store';
import { DataKeyRing, ownerOnlyFileProtector, type KeyProtector } from './crypto/data-keys';
import { businessTypesOf, catalogOf } from './cases/business-type-catalog';
import { caseHandlers } from './cases/case-handlers';
import { documentHandlers } from './cases/document-handlers';
import { personalDataHandlers } from './cases/personal-data-handlers';
import { auditConfigFileChange } from './config/config-file-tracking';
import { createDispatch } from './dispatch';
import { EventHub } from './events';
import type { Handlers } from './handler';
import type { RecoveryState, Services } from './services';
import { listBackups } from './store/backup';
import { DATABASE_FILE_NAME, DatabaseDamagedError, openDatabase, type Db } from './store/database';
import { migrate } from './store/migrate';
import { MIGRATIONS } from './store/migrations';
import { recoveryHandlers } from './store/recovery-handlers';
import { backupHandlers } from './store/backup-handlers';
import { startBackupDuties } from './store/backup-scheduler';
import { startECertificateDuty } from './certificates/e-certificate-producer';
import { defaultRenditions } from './certificates/default-renditions';
import type { ECertificateRenditions } from './certificates/e-certificate-renditions';
import { startRetentionDuty } from './cases/retention-duty';
import { workbenchHandlers } from './workbench-handlers';
import { workQueueHandlers } from './cases/work-queue';
import { reviewHandlers } from './review/review-handlers';
import { issuanceHandlers } from './issuance/issuance-handlers';
import { certificatePrintHandlers } from './certificates/paper/certificate-print-handlers';
import { certificateHandlers } from './certificates/certificate-handlers';
import { syncHandlers } from './sync/sync-handlers';
import { SyncEngine, type SyncEngineHooks } from './sync/sync-engine';
import { platformConnectionFromConfig, type PlatformConnection } from './sync/platform-connection';
import { deviceHandlers } from './devices/device-handlers';
import { DeviceManager } from './devices/device-manager';
import { PrinterDevice } from './devices/printer-device';
import type { PrinterBackend } from '../../native/printer/printer';

const handlers: Handlers = {
  ...appHandlers,
  ...setupHandlers,
  ...authHandlers,
  ...userHandlers,
  ...auditHandlers,
  ...configHandlers,
  ...recoveryHandlers,
  ...workbenchHandlers,
  ...deviceHandlers,
  ...caseHandlers,
  ...documentHandlers,
  ...personalDataHandlers,
  ...syncHandlers,
  ...backupHandlers,
  ...workQueueHandlers,
  ...reviewHandlers,
  ...issuanceHandlers,
  ...certificatePrintHandlers,
  ...certificateHandlers,
};

export interface WorkstationOptions {
  dataDir: string;
  host: 'web' | 'electron';
  clock?: () => Date;
  log?: (message: string) => void;
  /** How often idle sessions are checked (ms). */
  idleSweepMs?: number;
  /** Open the configured devices (default true); tests that do not need them pass false. */
  startDevices?: boolean;
  /** How documents reach printers: CUPS by default; the Electron host passes its own on Windows. */
  printerBackend?: PrinterBackend;
  /**
   * The provincial platform to sync with. Undefined: as config.json's `platform` says. A connection
   * overrides the config (the hosts pass the training stand-in's); null: no platform.
   */
  platform?: PlatformConnection | null;
  /** Renders and seals e-certificates; undefined: the built-in renditions (OFD writer + office seal). */
  eCertificateRenditions?: ECertificateRenditions | null;
  /** Test hooks of the sync engine (randomness, timers, probe interval). */
  sync?: SyncEngineHooks;
  /**
   * How the data keys (SM4 + HMAC-SM3, personal data at rest) are protected on disk: the Electron
   * host passes the OS keystore (safeStorage); by default they are kept in an owner-only file.
   */
  keyProtector?: KeyProtector;
}

export interface Workstation {
  call(clientId: string, method: string, input: unknown): Promise<Result<unknown>>;
  /** Listener gets (clientId | null for all, event, payload); returns the unsubscribe function. */
  onEvent(listener: (clientId: string | null, name: EventName, payload: unknown) => void): () => void;
  /** A window or browser tab went away for good: drop its session. */
  forgetClient(clientId: string): void;
  readonly services: Services;
  /**
   * Syncs with this platform from now on (the hosts start the training stand-in after the first
   * screen and attach it here); ignored when a platform is already attached.
   */
  attachPlatform(connection: PlatformConnection): void;
  /**
   * Syncs through a new connection from now on (training mode: the stand-in reissued the client
   * certificate for the office set up after start). The old engine stops first; its unsent commands
   * stay in the outbox and go out through the new one under the same keys.
   */
  replacePlatform(connection: PlatformConnection): Promise<void>;
  /** Opens the configured devices (once; the hosts call it after the first screen). */
  startDevices(): void;
  /** Stops the sync engine, timers, devices and the database; resolves once devices are closed and sync work has unwound. */
  close(): Promise<void>;
}

/**
 * Builds the back end from a data folder: config (a bad file throws ConfigFileError naming the
 * field), the database (a damaged file opens recovery mode instead of crashing), migrations with
 * a verified backup first, and the idle-lock sweep.
 */
export function startWorkstation(options: WorkstationOptions): Workstation {
  const { dataDir } = options;
  // Every line core writes is masked first (DOMAIN.md §8: no ID or phone number in a log).
  const write = options.log ?? ((m: string) => console.error(`[core] ${m}`));
  const log = (m: string) => write(maskPersonalText(m));
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const tightened = tightenDataFolder(dataDir);
  if (tightened > 0) log(`数据目录权限过宽，已收紧 ${tightened} 项为仅本账户可读写（目录 0700、文件 0600）`);
  const keyProtector = options.keyProtector ?? ownerOnlyFileProtector;
  // A ring that cannot be opened (wrapped by another keystore, damaged) stops the start with a KeyRingError.
  const keys = DataKeyRing.open(dataDir, keyProtector);
  if (keys.protection === 'owner-only-file') {
    log(`数据密钥仅受文件权限保护（${DataKeyRing.path(dataDir)}，仅本账户可读）：生产环境请使用桌面版（操作系统密钥库）`);
  }
  const loaded = loadConfig(dataDir);
  const paths = { database: join(dataDir, DATABASE_FILE_NAME), backups: join(dataDir, 'backups'), config: loaded.path };
  let businessTypes: ReturnType<typeof businessTypesOf>;
  try {
    businessTypes = businessTypesOf(loaded.config);
  } catch (err) {
    throw new ConfigFileError(loaded.path, 'businessTypes', (err as Error).message);
  }
  let catalog: ReturnType<typeof catalogOf>;
  try {
    catalog = catalogOf(loaded.config);
  } catch (err) {
    throw new ConfigFileError(loaded.path, 'catalog', (err as Error).message);
  }

  // A platform configured with a missing certificate file is a ConfigFileError now, not a mystery later.
  const connection = options.platform !== undefined ? options.platform : platformConnectionFromConfig(dataDir, loaded.path, loaded.config.platform);

  let db: Db | null = null;
  const events = new EventHub();
  const devices = new DeviceManager(
    loaded.config.devices,
    () => events.broadcast('status.changed', {}),
    log,
    options.printerBackend ? new PrinterDevice(loaded.config.devices.printer, options.printerBackend) : undefined,
  );
  const blobs = new BlobStore(join(dataDir, 'blobs'), keys);
  const clock = options.clock ?? (() => new Date());
  const engineFor = (c: PlatformConnection) =>
    new SyncEngine({
      db: () => services.db(),
      blobs,
      keys,
      connection: c,
      config: loaded.config.platform,
      clock,
      events,
      log,
      ...options.sync,
    });
  const sync = connection ? engineFor(connection) : null;
  const services: Services = {
    dataDir,
    host: options.host,
    keys,
    version: pkg.version,
    clock,
    sessions: new SessionRegistry(),
    events,
    devices,
    blobs,
    sync,
    platformCertificateCn: certificateCnOf(connection),
    businessTypes: () => businessTypes,
    catalog: () => catalog,
    paths,
    config: { value: loaded.config, exists: loaded.exists },
    recovery: null,
    eCertificateRenditions: options.eCertificateRenditions !== undefined ? options.eCertificateRenditions : defaultRenditions(dataDir, keyProtector),
    db() {
      if (!db) throw new AppError('RECOVERY_MODE');
      return db;
    },
    listBackups: () => listBackups(paths.backups, keys),
    reopenDatabase(replace) {
      db?.close();
      db = null;
      services.recovery = null;
      try {
        replace?.(); // a restore swaps the file while nothing is open
      } finally {
        const opened = openOrRecover(paths, log, { keys, blobs, dataDir, protector: keyProtector });
        db = opened.db;
        services.recovery = opened.recovery;
      }
    },
  };
  services.reopenDatabase();
  if (db) auditConfigFileChange(db, loaded.raw, services.clock());

  const dispatch = createDispatch(services, handlers, log);
  const sweep = setInterval(() => {
    const idleMs = backendIdleLimitMs(services.config.value.security.idleLockSeconds);
    for (const clientId of services.sessions.lockIdle(services.clock().getTime(), idleMs)) {
      const s = services.sessions.get(clientId);
      if (db && s) {
        appendAudit(db, { actorId: s.userId, actor: s.username, action: 'auth.lock', object: `user:${s.userId}`, result: 'success', detail: { reason: 'idle' } });
      }
      services.events.emitTo(clientId, 'session.changed', { reason: 'locked' });
    }
  }, options.idleSweepMs ?? 1000);
  sweep.unref();
  const backupDuties = startBackupDuties(services, log); // daily backup + data-folder lock
  const retention = startRetentionDuty(services, log); // daily local purge of finished cases
  const eCertificateDuty = startECertificateDuty(services, log); // retries e-certificates whose production failed
  let devicesStarted = false;
  let closed = false;
  const startDevices = () => {
    if (devicesStarted || closed) return;
    devicesStarted = true;
    void devices.start();
  };
  if (options.startDevices !== false) startDevices();
  sync?.start();

  return {
    call: dispatch,
    onEvent: (listener) => services.events.subscribe(listener),
    forgetClient: (clientId) => {
      services.sessions.end(clientId);
    },
    services,
    attachPlatform(c) {
      if (services.sync || closed) return;
      services.sync = engineFor(c);
      services.platformCertificateCn = certificateCnOf(c);
      services.sync.start();
    },
    async replacePlatform(c) {
      if (closed) return;
      const previous = services.sync;
      services.sync = null;
      await previous?.stop();
      if (closed) return;
      services.sync = engineFor(c);
      services.platformCertificateCn = certificateCnOf(c);
      services.sync.start();
      events.broadcast('status.changed', {});
    },
    startDevices,
    async close() {
      closed = true;
      // The engine stops writing at once; its aborted requests unwind after the database is closed.
      const stopping = services.sync?.stop();
      backupDuties.stop();
      retention.stop();
      eCertificateDuty.stop();
      clearInterval(sweep);
      db?.close();
      db = null;
      await devices.close();
      await stopping;
    },
  };
}

function openOrRecover(
  paths: Services['paths'],
  log: (m: string) => void,
  atRest: { keys: DataKeyRing; blobs: BlobStore; dataDir: string; protector: KeyProtector },
): { db: Db | null; recovery: RecoveryState | null } {
  try {
    prepareOwnerOnlyDatabase(paths.database);
    const db = openDatabase(paths.database);
    try {
      tightenDatabaseFiles(paths.database);
      const report = migrate(db, MIGRATIONS, paths.backups, { keys: atRest.keys });
      if (report.applied.length > 0) log(`database migrated ${report.from} → ${report.to}${report.backup ? ` (backup ${report.backup})` : ''}`);
      // Every audit record from now on carries an HMAC-SM3 under a key kept outside this file.
      bindAuditKey(db, AuditKey.openOrCreate(atRest.dataDir, atRest.protector, () => lastAuditSeq(db)));
      // Files stored before encryption at rest are sealed once, after the migration that sealed the rows.
      const blobs = atRest.blobs.sealPlaintextFiles();
      if (blobs.sealed > 0) log(`sealed ${blobs.sealed} stored files (encryption at rest)`);
      if (blobs.skipped.length > 0) log(`${blobs.skipped.length} stored files match neither their name nor the sealed format: left as they are`);
      return { db, recovery: null };
    } catch (err) {
      db.close();
      throw err;
    }
  } catch (err) {
    if (err instanceof DatabaseDamagedError) {
      log(`database damaged, opening recovery mode: ${err.details.join('; ')}`);
      return { db: null, recovery: { reason: '数据库文件校验失败（可能因断电、磁盘故障或被修改）', databasePath: err.path, details: err.details } };
    }
    throw err;
  }
}
