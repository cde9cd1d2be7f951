import { randomUUID } from 'node:crypto';
import { AppError } from '../../contract';
import type { CallContext } from '../services';

export type OnlineAnswer = { status: number; body: Record<string, unknown> };

/**
 * Sends a claim / release / reassign / 登簿 / 登簿退回 now. The key is stored before the request,
 * and an unanswered command with the same body is sent again under the same key, so a retry after
 * a lost answer gets the platform's first answer (the claim it already granted, the numbers it
 * already issued) instead of acting twice. Offline (or no answer): PLATFORM_OFFLINE with `offline`.
 */
export async function sendOnline(
  ctx: CallContext,
  c: { officeCaseId: number; kind: string; path: string; body: Record<string, unknown>; offline: string },
): Promise<OnlineAnswer> {
  const db = ctx.services.db();
  const text = JSON.stringify(c.body);
  const open = db
    .prepare('SELECT idempotency_key AS key FROM online_commands WHERE office_case_id = ? AND kind = ? AND body = ? AND answered_at IS NULL ORDER BY id DESC LIMIT 1')
    .get(c.officeCaseId, c.kind, text) as { key: string } | undefined;
  const key = open?.key ?? randomUUID();
  if (!open) {
    db.prepare('INSERT INTO online_commands (office_case_id, kind, idempotency_key, body, created_at) VALUES (?, ?, ?, ?, ?)').run(c.officeCaseId, c.kind, key, text, ctx.now.toISOString());
  }
  const sync = ctx.services.sync;
  const answer = sync ? await sync.officeCommand(c.path, key, text) : 'offline';
  if (answer === 'offline') throw new AppError('PLATFORM_OFFLINE', c.offline);
  ctx.services.db().prepare('UPDATE online_commands SET answered_at = ? WHERE idempotency_key = ?').run(new Date().toISOString(), key);
  return answer;
}

/** The platform's refusal as the desk's error: its code where the contract has it, its Chinese message. */
export function refusalOf(answer: OnlineAnswer): AppError {
  const error = (answer.body.error ?? {}) as { code?: string; message?: string; holder?: { name?: string; workstation?: string | null } };
  const message = typeof error.message === 'string' && error.message ? error.message : undefined;
  switch (error.code) {
    case 'CASE_CLAIMED': {
      const who = error.holder?.name ? `${error.holder.name}${error.holder.workstation ? `（${error.holder.workstation}）` : ''}` : '其他人员';
      return new AppError('CASE_CLAIMED', `该业务已由${who}领取办理，请选择其他业务。`, { holder: error.holder ?? null });
    }
    case 'CLAIM_REQUIRED':
    case 'STAGE_MISMATCH':
    case 'DECISION_NOT_ALLOWED':
    case 'REGISTER_CONFLICT':
    case 'CERTIFICATE_PRINTED':
      return new AppError(error.code, message);
    case 'ROLE_REFUSED':
      return new AppError('FORBIDDEN', message);
    case 'CASE_NOT_FOUND':
      return new AppError('CASE_NOT_FOUND', message);
    default:
      return new AppError('CASE_STATE_CONFLICT', message ?? `省级平台拒绝（HTTP ${answer.status}）`);
  }
}
