import type { Db } from '../store/database';
import type { PlatformClient } from './platform-client';
import { syncState } from './sync-state';

/** Records per batch (the platform accepts up to 500). */
const BATCH = 200;

interface AuditRow {
  seq: number;
  at: string;
  actor: string | null;
  action: string;
  object: string | null;
  result: 'success' | 'failure';
  detail: string;
  hash: string;
}

export interface AuditUploadContext {
  client: PlatformClient;
  signal: AbortSignal;
  read<T>(fn: (db: Db) => T): T | undefined;
  write<T>(fn: (db: Db) => T): T;
}

/**
 * Sends the audit log upward (等保: kept at least 6 months and also held by the platform), in seq
 * order from the last confirmed record. A batch's key is its seq range, and the records of a
 * range never change (the log is append-only and hash-chained), so a retry after a lost answer
 * sends the same bytes under the same key and the platform stores nothing twice. Details are
 * already masked where they name people (the audit log never holds full ID numbers).
 * Returns how many records the platform confirmed.
 */
export async function uploadAuditRecords(ctx: AuditUploadContext): Promise<number> {
  let sent = 0;
  for (;;) {
    const after = Number(ctx.read((db) => syncState.get(db, 'audit_sent_seq')) ?? 0);
    const rows = ctx.read(
      (db) => db.prepare('SELECT seq, at, actor, action, object, result, detail, hash FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?').all(after, BATCH) as AuditRow[],
    );
    if (!rows || rows.length === 0) return sent;
    const first = rows[0].seq;
    const last = rows[rows.length - 1].seq;
    const body = JSON.stringify({ records: rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> })) });
    await ctx.client.pushAudit(`audit-${first}-${last}`, body, ctx.signal);
    ctx.write((db) => syncState.set(db, 'audit_sent_seq', String(last)));
    sent += rows.length;
    if (rows.length < BATCH) return sent;
  }
}
