import type { AuditRecordView } from '../../contract';
import type { Db } from '../store/database';
import { sm3Hex } from '../crypto/sm3';
import { auditKeyOf } from './audit-key';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  actorId: number | null;
  actor: string | null;
  /** Dotted verb, e.g. `auth.login`, `users.create`, `config.update`. */
  action: string;
  /** What was acted on, e.g. `user:7` or `config`. */
  object?: string | null;
  result: 'success' | 'failure';
  /** Small, non-sensitive facts (never passwords, never unmasked ID numbers). */
  detail?: Record<string, unknown>;
}

export interface AuditRow {
  seq: number;
  at: string;
  actor_id: number | null;
  actor: string | null;
  action: string;
  object: string | null;
  result: 'success' | 'failure';
  detail: string;
  prev_hash: string;
  hash: string;
  /** HMAC-SM3 of `hash` under the audit key (audit-key.ts); null for records written unkeyed. */
  mac?: string | null;
}

/**
 * The hash of a record covers every stored column and the previous record's hash, so changing,
 * inserting or removing any record breaks the chain from that point on.
 */
export function recordHash(row: Omit<AuditRow, 'hash'>): string {
  return sm3Hex(
    JSON.stringify([row.seq, row.at, row.actor_id, row.actor, row.action, row.object, row.result, row.detail, row.prev_hash]),
  );
}

/**
 * Appends one record. Call it inside the same transaction as the change it records, so there is
 * never a change without its record or a record without its change.
 */
export function appendAudit(db: Db, entry: AuditEntry, now: Date = new Date()): AuditRow {
  const last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    | { seq: number; hash: string }
    | undefined;
  const base = {
    seq: (last?.seq ?? 0) + 1,
    at: now.toISOString(),
    actor_id: entry.actorId,
    actor: entry.actor,
    action: entry.action,
    object: entry.object ?? null,
    result: entry.result,
    detail: JSON.stringify(entry.detail ?? {}),
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  const hash = recordHash(base);
  // The keyed part: without the audit key (outside this file) nobody can make a record or a head fit.
  const key = auditKeyOf(db);
  const row: AuditRow = { ...base, hash, mac: key ? key.rowMac(hash) : null };
  db.prepare(
    `INSERT INTO audit_log (seq, at, actor_id, actor, action, object, result, detail, prev_hash, hash, mac)
     VALUES (@seq, @at, @actor_id, @actor, @action, @object, @result, @detail, @prev_hash, @hash, @mac)`,
  ).run(row);
  db.prepare("INSERT INTO meta (key, value) VALUES ('audit_head', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(
    key ? `${row.seq}:${row.hash}:${key.headMac(row.seq, row.hash)}` : `${row.seq}:${row.hash}`,
  );
  return row;
}

/** The sequence number of the last record (0 for an empty log). */
export function lastAuditSeq(db: Db): number {
  return (db.prepare('SELECT coalesce(max(seq), 0) AS n FROM audit_log').get() as { n: number }).n;
}

export interface AuditQuery {
  limit: number;
  beforeSeq?: number;
  action?: string;
  actor?: string;
}

export function listAudit(db: Db, q: AuditQuery): { rows: AuditRow[]; total: number } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (q.beforeSeq !== undefined) {
    where.push('seq < @beforeSeq');
    params.beforeSeq = q.beforeSeq;
  }
  if (q.action) {
    where.push("action LIKE @action || '%'");
    params.action = q.action;
  }
  if (q.actor) {
    where.push('actor = @actor');
    params.actor = q.actor;
  }
  const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const rows = db.prepare(`SELECT * FROM audit_log ${clause} ORDER BY seq DESC LIMIT @limit`).all({ ...params, limit: q.limit }) as AuditRow[];
  const total = (db.prepare(`SELECT count(*) AS n FROM audit_log ${clause}`).get(params) as { n: number }).n;
  return { rows, total };
}

export function toAuditRecordView(r: AuditRow): AuditRecordView {
  return {
    seq: r.seq,
    at: r.at,
    actorId: r.actor_id,
    actor: r.actor,
    action: r.action,
    object: r.object,
    result: r.result,
    detail: JSON.parse(r.detail) as Record<string, unknown>,
    hash: r.hash,
  };
}
