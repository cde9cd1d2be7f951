import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../contract';
import type { Handler } from '../handler';
import type { CallContext } from '../services';
import { appendAudit } from '../audit/audit-log';
import { moveDatabaseAside } from './backup';

function requireRecovery(ctx: CallContext) {
  if (!ctx.services.recovery) throw new AppError('NOT_IN_RECOVERY');
  return ctx.services.recovery;
}

/** Records the recovery in the (new) database's own audit log once it is open again. */
function auditRecovery(ctx: CallContext, action: string, detail: Record<string, unknown>): void {
  appendAudit(ctx.services.db(), { actorId: null, actor: null, action, object: 'database', result: 'success', detail }, ctx.now);
}

const restoreBackup: Handler<'recovery.restoreBackup'> = (ctx, input) => {
  const state = requireRecovery(ctx);
  const source = join(ctx.services.paths.backups, input.file);
  if (!existsSync(source)) throw new AppError('BACKUP_NOT_FOUND');
  const keptAs = moveDatabaseAside(state.databasePath, 'damaged');
  copyFileSync(source, state.databasePath);
  ctx.services.reopenDatabase();
  auditRecovery(ctx, 'recovery.restoreBackup', { backup: input.file, damagedFileKeptAs: keptAs, reason: state.reason });
  return { ok: true as const };
};

const startEmpty: Handler<'recovery.startEmpty'> = (ctx) => {
  const state = requireRecovery(ctx);
  const keptAs = moveDatabaseAside(state.databasePath, 'damaged');
  ctx.services.reopenDatabase();
  auditRecovery(ctx, 'recovery.startEmpty', { damagedFileKeptAs: keptAs, reason: state.reason });
  return { ok: true as const };
};

export const recoveryHandlers = { 'recovery.restoreBackup': restoreBackup, 'recovery.startEmpty': startEmpty };
