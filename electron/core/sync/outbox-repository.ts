import { randomUUID } from 'node:crypto';
import { SEALED, type PersonalDataKeys } from '../crypto/personal-data';
import type { Db } from '../store/database';
import { statement } from './statement-cache';

/** `case.issue*`: 发证 (issue #12), office-case lane like review commands. */
export type OutboxKind = 'case.submit' | 'case.withdraw' | 'review.decide' | 'case.supplement' | 'case.issue' | 'case.issueShipped' | 'case.issueDelivered' | 'certificate.printed' | 'ecertificate.upload';
export type OutboxState = 'pending' | 'done' | 'dead' | 'cancelled';

/** One command as the engine sends it. */
export interface OutboxCommand {
  id: number;
  /**
   * The command's lane: the local case's id, or minus the office case's id (office_cases) for a
   * review command on a case another counter accepted. Commands of one lane go in order.
   */
  caseId: number;
  /** The office case (review commands), else null. */
  officeCaseId: number | null;
  caseNumber: string | null;
  kind: OutboxKind;
  idempotencyKey: string;
  /**
   * The exact text sent on every attempt, sealed at rest (it holds the parties' ID numbers):
   * `openBody` gives the text back byte for byte.
   */
  sealedBody: Buffer;
  state: OutboxState;
  attempts: number;
  createdAt: string;
  nextAttemptAt: string | null;
  sentAt: string | null;
  lastError: string | null;
  lastErrorCode: string | null;
  answer: string | null;
}

interface OutboxRow {
  id: number;
  lane: number;
  office_case_id: number | null;
  case_number: string | null;
  kind: OutboxKind;
  idempotency_key: string;
  body_sealed: Buffer;
  state: OutboxState;
  attempts: number;
  created_at: string;
  next_attempt_at: string | null;
  sent_at: string | null;
  last_error: string | null;
  last_error_code: string | null;
  answer: string | null;
}

const SELECT =
  'SELECT o.*, coalesce(c.case_number, oc.case_number) AS case_number FROM outbox o LEFT JOIN cases c ON c.id = o.case_id LEFT JOIN office_cases oc ON oc.id = o.office_case_id';

/** Reads of the outbox. */
export const outboxReads = {
  byId(db: Db, id: number): OutboxCommand | undefined {
    const row = statement(db, `${SELECT} WHERE o.id = ?`).get(id) as OutboxRow | undefined;
    return row ? toCommand(row) : undefined;
  },

  /**
   * Commands to send now: pending, due (`next_attempt_at` passed or unset), the head of their case
   * (no older command of the case still pending or dead), and not of a case already being worked on.
   * Oldest first, so the queue is roughly FIFO across cases.
   */
  dueHeads(db: Db, now: string, busyCaseIds: readonly number[], limit: number): OutboxCommand[] {
    if (limit <= 0) return [];
    const rows = statement(db, 
        `${SELECT}
         WHERE o.state = 'pending'
           AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= @now)
           AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.lane = o.lane AND p.state IN ('pending','dead') AND p.id < o.id)
           AND o.lane NOT IN (SELECT value FROM json_each(@busy))
         ORDER BY o.id LIMIT @limit`,
      )
      .all({ now, busy: JSON.stringify(busyCaseIds), limit }) as OutboxRow[];
    return rows.map(toCommand);
  },

  /** The earliest future attempt of any pending command (for the scheduler's next wake-up). */
  nextAttemptAfter(db: Db, now: string): string | null {
    // INDEXED BY: the planner, without statistics, would rather scan every pending command by state.
    const row = statement(db, "SELECT min(next_attempt_at) AS at FROM outbox INDEXED BY outbox_pending_due WHERE state = 'pending' AND next_attempt_at > ?").get(now) as {
      at: string | null;
    };
    return row.at;
  },

  /** Whether some pending command could be sent now (ignoring which cases are busy). */
  hasDue(db: Db, now: string, busyCaseIds: readonly number[]): boolean {
    return outboxReads.dueHeads(db, now, busyCaseIds, 1).length > 0;
  },

  counts(db: Db): { queued: number; oldestQueuedAt: string | null; deadLetters: number } {
    const pending = statement(db, "SELECT count(*) AS n, min(created_at) AS oldest FROM outbox WHERE state = 'pending'").get() as { n: number; oldest: string | null };
    const dead = statement(db, "SELECT count(*) AS n FROM outbox WHERE state = 'dead'").get() as { n: number };
    return { queued: pending.n, oldestQueuedAt: pending.oldest, deadLetters: dead.n };
  },

  list(db: Db, state: OutboxState, limit: number, offset: number): { total: number; rows: OutboxCommand[] } {
    const total = (statement(db, 'SELECT count(*) AS n FROM outbox WHERE state = ?').get(state) as { n: number }).n;
    const rows = statement(db, `${SELECT} WHERE o.state = ? ORDER BY o.id DESC LIMIT ? OFFSET ?`).all(state, limit, offset) as OutboxRow[];
    return { total, rows: rows.map(toCommand) };
  },

  statesOfCase(db: Db, caseId: number): OutboxState[] {
    return (statement(db, 'SELECT state FROM outbox WHERE lane = ? ORDER BY id').all(caseId) as Array<{ state: OutboxState }>).map((r) => r.state);
  },
};

/** Writes of the outbox. Each is called inside the transaction of the step it belongs to. */
export const outboxWrites = {
  /** A new command with its idempotency key, generated once here and reused by every retry. */
  enqueue(db: Db, keys: PersonalDataKeys, c: { caseId: number; kind: OutboxKind; body: string }, now: Date): number {
    const info = statement(db, 'INSERT INTO outbox (case_id, lane, kind, idempotency_key, body_sealed, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(c.caseId, c.caseId, c.kind, randomUUID(), keys.seal(SEALED.outboxBody, c.body), now.toISOString());
    return Number(info.lastInsertRowid);
  },

  /** A review command about an office case (review.decide, case.supplement): its lane is minus its id. */
  enqueueOffice(db: Db, keys: PersonalDataKeys, c: { officeCaseId: number; kind: OutboxKind; body: string }, now: Date): number {
    const info = statement(db, 'INSERT INTO outbox (office_case_id, lane, kind, idempotency_key, body_sealed, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(c.officeCaseId, -c.officeCaseId, c.kind, randomUUID(), keys.seal(SEALED.outboxBody, c.body), now.toISOString());
    return Number(info.lastInsertRowid);
  },

  recordAnswer(db: Db, id: number, answer: unknown): void {
    statement(db, 'UPDATE outbox SET answer = ? WHERE id = ?').run(JSON.stringify(answer), id);
  },

  markDone(db: Db, id: number, answer: unknown, sentAt: Date): void {
    statement(db, "UPDATE outbox SET state = 'done', attempts = attempts + 1, sent_at = ?, next_attempt_at = NULL, answer = ? WHERE id = ? AND state = 'pending'").run(
      sentAt.toISOString(),
      JSON.stringify(answer),
      id,
    );
  },

  markRetry(db: Db, id: number, r: { nextAttemptAt: string; error: string; code: string }): void {
    statement(db, "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?, last_error_code = ? WHERE id = ? AND state = 'pending'").run(
      r.nextAttemptAt,
      r.error,
      r.code,
      id,
    );
  },

  /** Returns false when the command was no longer pending (nothing changed). */
  markDead(db: Db, id: number, r: { error: string; code: string }): boolean {
    const info = statement(db, "UPDATE outbox SET state = 'dead', attempts = attempts + 1, next_attempt_at = NULL, last_error = ?, last_error_code = ? WHERE id = ? AND state = 'pending'")
      .run(r.error, r.code, id);
    return info.changes > 0;
  },

  /** A dead letter back in the queue, due now, with a fresh back-off (same key, same bytes). */
  resend(db: Db, id: number): void {
    statement(db, "UPDATE outbox SET state = 'pending', attempts = 0, next_attempt_at = NULL WHERE id = ? AND state = 'dead'").run(id);
  },

  /**
   * Gives up a dead letter, and with it the later commands of the same case: they build on it
   * (a withdrawal of a case the platform never received cannot succeed). Returns the ids cancelled.
   */
  cancel(db: Db, id: number): number[] {
    const row = statement(db, "SELECT lane FROM outbox WHERE id = ? AND state = 'dead'").get(id) as { lane: number } | undefined;
    if (!row) return [];
    const ids = (
      statement(db, "SELECT id FROM outbox WHERE lane = ? AND id >= ? AND state IN ('pending','dead') ORDER BY id").all(row.lane, id) as Array<{ id: number }>
    ).map((r) => r.id);
    statement(db, `UPDATE outbox SET state = 'cancelled', next_attempt_at = NULL WHERE id IN (SELECT value FROM json_each(?))`).run(JSON.stringify(ids));
    return ids;
  },

  /** The `n` oldest commands waiting out a back-off, due now (the first retries after an outage). */
  makeEarliestDue(db: Db, n: number): void {
    statement(db, 
      "UPDATE outbox SET next_attempt_at = NULL WHERE id IN (SELECT id FROM outbox WHERE state = 'pending' AND next_attempt_at IS NOT NULL ORDER BY id LIMIT ?)",
    ).run(n);
  },

  /** Every pending command due now (sync.now, a restart, the platform back online). */
  makeAllDue(db: Db): void {
    statement(db, "UPDATE outbox SET next_attempt_at = NULL WHERE state = 'pending' AND next_attempt_at IS NOT NULL").run();
  },
};

/** The exact body text of a command, as enqueued (sealed at rest under `outbox.body`). */
export function openBody(keys: Pick<PersonalDataKeys, 'openText'>, cmd: Pick<OutboxCommand, 'sealedBody'>): string {
  return keys.openText(SEALED.outboxBody, cmd.sealedBody);
}

function toCommand(r: OutboxRow): OutboxCommand {
  return {
    id: r.id,
    caseId: r.lane,
    officeCaseId: r.office_case_id,
    caseNumber: r.case_number,
    kind: r.kind,
    idempotencyKey: r.idempotency_key,
    sealedBody: r.body_sealed,
    state: r.state,
    attempts: r.attempts,
    createdAt: r.created_at,
    nextAttemptAt: r.next_attempt_at,
    sentAt: r.sent_at,
    lastError: r.last_error,
    lastErrorCode: r.last_error_code,
    answer: r.answer,
  };
}
