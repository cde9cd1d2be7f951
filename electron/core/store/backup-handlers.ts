import { existsSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { AppError } from '../../contract';
import { appendAudit } from '../audit/audit-log';
import { auditHeadOf } from '../audit/audit-head';
import type { Handler } from '../handler';
import { audit, requireSession, type CallContext } from '../services';
import {
  BackupFormatError,
  BackupVerificationError,
  BACKUP_FILE_NAME,
  createVerifiedBackup,
  DEFAULT_BACKUP_KEEP,
  prepareRestore,
  pruneBackups,
  swapInDatabase,
  type BackupInfo,
} from './backup';
import type { BackupHeader } from './backup-file';
import { MIGRATIONS } from './migrations';

export function backupView(b: BackupInfo) {
  return { file: b.file, createdAt: b.createdAt, bytes: b.bytes, reason: b.reason, encrypted: b.encrypted, verified: b.verified, keyId: b.keyId, problem: b.problem };
}

/** The backup's path inside the backup folder, or BACKUP_NOT_FOUND (the contract already refuses paths). */
export function backupPath(ctx: CallContext, file: string): string {
  if (!BACKUP_FILE_NAME.test(file) || basename(file) !== file) throw new AppError('BACKUP_NOT_FOUND');
  const path = join(ctx.services.paths.backups, file);
  if (!existsSync(path)) throw new AppError('BACKUP_NOT_FOUND');
  return path;
}

/**
 * Decrypts and checks a backup into `<db>.restore-partial` next to the database. A damaged,
 * truncated or altered backup (or one sealed with a key this workstation lacks) is BACKUP_INVALID
 * with what is wrong; nothing has been touched then.
 */
export function prepareRestoreOrFail(ctx: CallContext, path: string): string {
  const prepared = `${ctx.services.paths.database}.restore-partial`;
  let header: BackupHeader | null;
  try {
    header = prepareRestore(path, ctx.services.keys, prepared).header;
  } catch (err) {
    if (err instanceof BackupFormatError) throw new AppError('BACKUP_INVALID', `无法恢复该备份：${err.message}`);
    throw err;
  }
  // A backup of a newer program would not open here (migrate refuses it): refuse it before the swap.
  const latest = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
  if (header && header.schemaVersion > latest) {
    rmSync(prepared, { force: true });
    throw new AppError('BACKUP_INVALID', `无法恢复该备份：它来自更新版本的工作站程序（数据库版本 ${header.schemaVersion}，本程序支持到 ${latest}），请先升级程序。`);
  }
  return prepared;
}

const list: Handler<'backups.list'> = (ctx) => ctx.services.listBackups().map(backupView);

const create: Handler<'backups.create'> = (ctx) => {
  const { services } = ctx;
  let b: BackupInfo;
  try {
    b = createVerifiedBackup(services.db(), services.paths.backups, services.keys, 'manual', ctx.now);
  } catch (err) {
    audit(ctx, { action: 'backups.create', object: 'database', result: 'failure', detail: { error: (err as Error).name } });
    if (err instanceof BackupVerificationError) throw new AppError('BACKUP_FAILED', `备份失败：${err.message}`);
    if (err instanceof AppError) throw err;
    throw new AppError('BACKUP_FAILED');
  }
  const pruned = pruneBackups(services.paths.backups, services.config.value.backups?.keep ?? DEFAULT_BACKUP_KEEP, ctx.now);
  audit(ctx, { action: 'backups.create', object: `backup:${b.file}`, result: 'success', detail: { bytes: b.bytes, pruned } });
  return backupView(b);
};

const restore: Handler<'backups.restore'> = (ctx, input) => {
  const { services } = ctx;
  const session = requireSession(ctx);
  const path = backupPath(ctx, input.file);
  let prepared: string;
  try {
    prepared = prepareRestoreOrFail(ctx, path);
  } catch (err) {
    audit(ctx, { action: 'backups.restore', object: `backup:${input.file}`, result: 'failure', detail: { reason: (err as Error).message } });
    throw err;
  }
  // Recorded in the database being replaced too (it is kept aside, so its log shows why it stopped).
  audit(ctx, { action: 'backups.restore', object: `backup:${input.file}`, result: 'success', detail: { phase: 'replacing this database' } });
  const userIds = (services.db().prepare('SELECT id FROM users').all() as Array<{ id: number }>).map((r) => r.id);
  // The log being replaced ends here: the restored log records this head, so the gap is visible.
  const discardedHead = auditHeadOf(services.db());
  let keptAs: string | null = null;
  try {
    services.reopenDatabase(() => {
      keptAs = swapInDatabase(prepared, services.paths.database, 'before-restore');
    });
  } finally {
    rmSync(prepared, { force: true });
  }
  // The restored accounts may differ from the ones logged in: everybody logs in again.
  for (const id of userIds) {
    for (const clientId of services.sessions.endAllOf(id)) services.events.emitTo(clientId, 'session.changed', { reason: 'logged_out' });
  }
  services.events.broadcast('status.changed', {});
  if (!services.recovery) {
    appendAudit(
      services.db(),
      { actorId: null, actor: session.username, action: 'backups.restore', object: `backup:${input.file}`, result: 'success', detail: { keptAs, discardedHead } },
      ctx.now,
    );
  }
  return { restored: input.file, keptAs };
};

export const backupHandlers = { 'backups.list': list, 'backups.create': create, 'backups.restore': restore };
