import type { Db } from './database';
import { PlatformError } from './http-io';

/**
 * The change feed (API.md "Change feed"). Each change has a row sequence in commit order; the
 * cursor handed out is that sequence in base 36 — opaque to the client, which only stores it and
 * sends it back, and never derived from the workstation's clock. `0` is the cursor before the first
 * change, so the answer always carries a cursor.
 */
export const CHANGE_KINDS = ['case.received', 'track.changed', 'tax.notice', 'payment.result', 'review.decision', 'registered', 'case.withdrawn'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export interface Change {
  cursor: string;
  caseNumber: string;
  kind: string;
  at: string;
  data: Record<string, unknown>;
}

export const MAX_PAGE = 500;
export const DEFAULT_PAGE = 100;
export const START_CURSOR = encodeCursor(0);

/** Appends a change to the office's feed; call inside the transaction of the event it reports. */
export function appendChange(db: Db, change: { office: string; caseNumber: string; kind: string; at: string; data: Record<string, unknown> }): string {
  const result = db
    .prepare('INSERT INTO changes (office, case_number, kind, at, data) VALUES (?, ?, ?, ?, ?)')
    .run(change.office, change.caseNumber, change.kind, change.at, JSON.stringify(change.data));
  return encodeCursor(Number(result.lastInsertRowid));
}

/** One page of an office's feed after `after` (a cursor or null for the beginning). */
export function readChanges(db: Db, office: string, after: string | null, limit: number): { changes: Change[]; cursor: string } {
  const from = after === null ? 0 : decodeCursor(after);
  const rows = db
    .prepare('SELECT seq, case_number, kind, at, data FROM changes WHERE office = ? AND seq > ? ORDER BY seq LIMIT ?')
    .all(office, from, limit) as Array<{ seq: number; case_number: string; kind: string; at: string; data: string }>;
  const changes = rows.map((r) => ({
    cursor: encodeCursor(r.seq),
    caseNumber: r.case_number,
    kind: r.kind,
    at: r.at,
    data: JSON.parse(r.data) as Record<string, unknown>,
  }));
  return { changes, cursor: changes.at(-1)?.cursor ?? after ?? START_CURSOR };
}

export function encodeCursor(seq: number): string {
  return seq.toString(36);
}

function decodeCursor(cursor: string): number {
  if (!/^[0-9a-z]{1,11}$/.test(cursor)) {
    throw new PlatformError(400, 'BAD_REQUEST', 'after 不是平台发出的游标：请使用上次应答中的 cursor，或省略 after 从头读取。');
  }
  return parseInt(cursor, 36);
}
