import { appendAudit } from '../audit/audit-log';
import type { Db } from '../store/database';
import { outboxWrites, type OutboxCommand } from './outbox-repository';
import { LocalBlobError, PlatformError } from './platform-error';

/** What a failed delivery means for its command. */
export interface FailureVerdict {
  /** A dead letter (the platform refused, or a file of ours is damaged) rather than a retry. */
  dead: boolean;
  /** For the outbox row: the HTTP status, the transport code, or our own. */
  code: string;
  /** For people, in Chinese. */
  message: string;
  /** The least wait the platform asked for (Retry-After). */
  retryAfterMs: number;
  /** Not a failure we know: a bug of ours, retried like a transient failure, logged with its stack. */
  unexpected: boolean;
}

export function judgeFailure(err: unknown): FailureVerdict {
  if (err instanceof PlatformError) {
    return { dead: err.kind === 'permanent', code: err.code, message: err.message, retryAfterMs: err.retryAfterMs ?? 0, unexpected: false };
  }
  if (err instanceof LocalBlobError) return { dead: true, code: 'LOCAL_BLOB_DAMAGED', message: err.message, retryAfterMs: 0, unexpected: false };
  return { dead: false, code: 'INTERNAL', message: '工作站内部错误：稍后自动重试，如反复出现请联系信息技术人员', retryAfterMs: 0, unexpected: true };
}

/**
 * Makes a command a dead letter and records it in the audit log (no user did it: actor null), in
 * one transaction. A supervisor resends or cancels it (sync-handlers.ts). Returns false when the
 * command was no longer pending.
 */
export function recordDeadLetter(db: Db, cmd: OutboxCommand, verdict: FailureVerdict, now: Date): boolean {
  return db.transaction(() => {
    if (!outboxWrites.markDead(db, cmd.id, { error: verdict.message, code: verdict.code })) return false;
    appendAudit(
      db,
      {
        actorId: null,
        actor: null,
        action: 'sync.deadLetter',
        object: `case:${cmd.caseId}`,
        result: 'failure',
        detail: { outboxId: cmd.id, kind: cmd.kind, code: verdict.code, error: verdict.message },
      },
      now,
    );
    return true;
  })();
}
