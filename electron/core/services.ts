import type { ECertificateRenditions } from './certificates/e-certificate-renditions';
import { AppError, type WorkstationConfig } from '../contract';
import type { AuditEntry } from './audit/audit-log';
import { appendAudit } from './audit/audit-log';
import type { Session, SessionRegistry } from './auth/sessions';
import type { EventHub } from './events';
import type { BackupInfo } from './store/backup';
import type { DeviceManager } from './devices/device-manager';
import type { BlobStore } from './blobs/blob-store';
import type { DataKeyRing } from './crypto/data-keys';
import type { BusinessType, CatalogEntry } from '../contract';
import type { Db } from './store/database';
import type { SyncEngine } from './sync/sync-engine';

export interface RecoveryState {
  reason: string;
  databasePath: string;
  details: string[];
}

/** What every handler may use. Built once by `startWorkstation`. */
export interface Services {
  readonly dataDir: string;
  readonly host: 'web' | 'electron';
  readonly version: string;
  readonly clock: () => Date;
  readonly sessions: SessionRegistry;
  readonly events: EventHub;
  readonly devices: DeviceManager;
  readonly blobs: BlobStore;
  /** The data keys for personal data at rest (SM4 sealing, HMAC-SM3 lookup tags). */
  readonly keys: DataKeyRing;
  /** The sync engine, or null when no platform is configured (commands still queue in the outbox). */
  /** Attached later when the host starts the training stand-in after the first screen (Workstation.attachPlatform). */
  sync: SyncEngine | null;
  /** The CN of the platform client certificate (`<office>-<workstation>`), when it can be read. */
  platformCertificateCn?: string | null;
  /** The office's business types (defaults + config overrides), checked at start. */
  businessTypes(): BusinessType[];
  /** The office's registration catalogue (登记类型 × 权利类型: built-in entries + config), checked at start. */
  catalog(): CatalogEntry[];
  readonly paths: { database: string; backups: string; config: string };
  config: { value: WorkstationConfig; exists: boolean };
  recovery: RecoveryState | null;
  /** The open database; throws RECOVERY_MODE while the database is damaged. */
  db(): Db;
  listBackups(): BackupInfo[];
  /**
   * Closes the database (or the damaged state) and opens the file at `paths.database` again;
   * `replace` runs while nothing is open (a restore swaps the file there).
   */
  reopenDatabase(replace?: () => void): void;
  /** Renders and seals e-certificates (OFD + PDF); null: productions stay pending and are retried. */
  eCertificateRenditions: ECertificateRenditions | null;
}

export interface CallContext {
  readonly clientId: string;
  readonly session: Session | null;
  readonly services: Services;
  readonly now: Date;
}

export function requireSession(ctx: CallContext): Session {
  if (!ctx.session) throw new AppError('NOT_AUTHENTICATED');
  return ctx.session;
}

/** Appends an audit record on behalf of the caller (or of nobody, for pre-login events). */
export function audit(ctx: CallContext, entry: Omit<AuditEntry, 'actorId' | 'actor'> & { actor?: string | null }): void {
  appendAudit(
    ctx.services.db(),
    {
      actorId: ctx.session?.userId ?? null,
      actor: entry.actor !== undefined ? entry.actor : (ctx.session?.username ?? null),
      action: entry.action,
      object: entry.object,
      result: entry.result,
      detail: entry.detail,
    },
    ctx.now,
  );
}
