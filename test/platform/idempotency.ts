import type { IncomingMessage } from 'node:http';
import type { Db } from './database';
import { PlatformError, type Answer } from './http-io';

/**
 * Commands and their `Idempotency-Key` (API.md "Commands and the Idempotency-Key"). A command's
 * effect and its answer are written in ONE transaction, so an answer lost on the wire after the
 * commit is recovered by retrying with the same key: the retry gets the stored answer and nothing
 * happens twice. Keys being executed right now are held in memory (a restart forgets them, and
 * with them nothing that was committed).
 */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,128}$/;
export const REPLAYED_HEADER = 'Idempotent-Replayed';

export interface CommandIdentity {
  /** The client certificate's CN: keys of two workstations never meet. */
  scope: string;
  key: string;
  method: string;
  path: string;
  /** SM3 of the raw body bytes. */
  bodySm3: string;
}

export interface StoredCommand extends Answer {
  method: string;
  path: string;
  bodySm3: string;
}

export function idempotencyKeyOf(req: IncomingMessage): string {
  const key = req.headers['idempotency-key'];
  if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key)) {
    throw new PlatformError(400, 'IDEMPOTENCY_KEY_REQUIRED', '命令须带 Idempotency-Key（8–128 位字母、数字、- 或 _），每次重试使用同一个。');
  }
  return key;
}

export class IdempotentCommands {
  private readonly running = new Set<string>();

  constructor(private readonly db: Db) {}

  /**
   * The stored answer for a repeated key (to replay), null for a new one. Throws 422 when the key
   * was used for other bytes or another command, 409 while its first request is still executing.
   */
  previous(command: CommandIdentity): Answer | null {
    const stored = this.find(command.scope, command.key);
    if (stored) {
      if (stored.bodySm3 !== command.bodySm3 || stored.path !== command.path || stored.method !== command.method) {
        throw new PlatformError(422, 'IDEMPOTENCY_KEY_REUSED', '该 Idempotency-Key 已用于另一请求内容：重试须发送完全相同的字节，新命令须用新的键。');
      }
      return { status: stored.status, body: stored.body };
    }
    if (this.running.has(slot(command))) {
      throw new PlatformError(409, 'IDEMPOTENCY_IN_PROGRESS', '使用该 Idempotency-Key 的请求仍在处理中，请稍后重试。');
    }
    return null;
  }

  /** Marks the key as executing until the returned release is called; call right after previous() returned null. */
  hold(command: CommandIdentity): () => void {
    const id = slot(command);
    this.running.add(id);
    return () => this.running.delete(id);
  }

  /**
   * Runs the command's effect and stores its answer in one transaction. A thrown error rolls both
   * back (nothing is stored, a retry executes again); a refusal the command returns as an answer
   * (e.g. 409 CASE_EXISTS) is stored and replayed like a success.
   */
  execute(command: CommandIdentity, at: Date, effect: () => Answer & { caseNumber?: string | null }): Answer {
    return this.db.transaction(() => {
      const answer = effect();
      this.db
        .prepare('INSERT INTO commands (scope, key, method, path, body_sm3, status, answer, case_number, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(command.scope, command.key, command.method, command.path, command.bodySm3, answer.status, JSON.stringify(answer.body), answer.caseNumber ?? null, at.toISOString());
      return { status: answer.status, body: answer.body };
    })();
  }

  find(scope: string, key: string): StoredCommand | null {
    const row = this.db.prepare('SELECT method, path, body_sm3, status, answer FROM commands WHERE scope = ? AND key = ?').get(scope, key) as
      | { method: string; path: string; body_sm3: string; status: number; answer: string }
      | undefined;
    return row ? { method: row.method, path: row.path, bodySm3: row.body_sm3, status: row.status, body: JSON.parse(row.answer) as unknown } : null;
  }
}

function slot(command: CommandIdentity): string {
  return `${command.scope}\n${command.key}`;
}
