import { rmSync } from 'node:fs';
import { AppError } from '../../contract';
import type { Handler } from '../handler';
import type { CallContext } from '../services';
import { appendAudit } from '../audit/audit-log';
import { auditHead } from '../audit/audit-head';
import { moveDatabaseAside, swapInDatabase } from './backup';
import { backupPath, prepareRestoreOrFail } from './backup-handlers';

function requireRecovery(ctx: CallContext) {
  if (!ctx.services.recovery) throw new AppError('NOT_IN_RECOVERY');
  return ctx.services.recovery;
}

/** Records the recovery in the (new) database's own audit log once it is open again. */
function auditRecovery(ctx: CallContext, action: string, detail: Record<string, unknown>): void {
  appendAudit(ctx.services.db(), { actorId: null, actor: null, action, object: 'database', result: 'success', detail }, ctx.now);
}

/**
 * Encrypted backups are decrypted and checked (integrity, row counts of the header) before the
 * damaged file is touched; plaintext backups of older releases are copied and checked.
 */
const restoreBackup: Handler<'recovery.restoreBackup'> = (ctx, input) => {
  const state = requireRecovery(ctx);
  const source = backupPath(ctx, input.file);
  const prepared = prepareRestoreOrFail(ctx, source);
  // What can still be read of the damaged log's end (often nothing): recorded so the gap is visible.
  const discardedHead = auditHead(state.databasePath);
  let keptAs: string | null = null;
  try {
    ctx.services.reopenDatabase(() => {
      keptAs = swapInDatabase(prepared, state.databasePath, 'damaged');
    });
  } finally {
    rmSync(prepared, { force: true });
  }
  auditRecovery(ctx, 'recovery.restoreBackup', { backup: input.file, damagedFileKeptAs: keptAs, reason: state.reason, discardedHead });
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
