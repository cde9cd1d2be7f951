import { z } from 'zod';
import type { CommandAnswer } from './case-commands';
import type { Db } from './database';

/**
 * Audit records a workstation sends upward (等保: the platform keeps the offices' audit trails
 * beyond the local retention). Keyed by (submitter CN, seq): a record sent twice, in overlapping
 * batches or after a lost answer, is stored once; an existing seq with a different hash is a
 * conflict, since a workstation's audit chain never changes.
 */
export const auditBatchSchema = z
  .object({
    records: z
      .array(
        z
          .object({
            seq: z.number().int().positive(),
            at: z.string().min(1).max(40),
            actor: z.string().max(64).nullable(),
            action: z.string().min(1).max(64),
            object: z.string().max(128).nullable(),
            result: z.enum(['success', 'failure']),
            detail: z.record(z.string(), z.unknown()),
            hash: z.string().regex(/^[0-9a-f]{64}$/),
          })
          .strict(),
      )
      .min(1)
      .max(500),
  })
  .strict();
export type AuditBatch = z.infer<typeof auditBatchSchema>;

export const AUDIT_SCHEMA = `
CREATE TABLE IF NOT EXISTS audit_records (
  submitter TEXT NOT NULL,
  seq INTEGER NOT NULL,
  hash TEXT NOT NULL,
  record TEXT NOT NULL,
  received_at TEXT NOT NULL,
  PRIMARY KEY (submitter, seq)
);
`;

export function storeAuditBatch(db: Db, submitter: string, batch: AuditBatch, now: Date): CommandAnswer {
  db.exec(AUDIT_SCHEMA);
  const existing = db.prepare('SELECT hash FROM audit_records WHERE submitter = ? AND seq = ?');
  const insert = db.prepare('INSERT INTO audit_records (submitter, seq, hash, record, received_at) VALUES (?, ?, ?, ?, ?)');
  let stored = 0;
  for (const r of batch.records) {
    const had = existing.get(submitter, r.seq) as { hash: string } | undefined;
    if (had && had.hash !== r.hash) {
      return { status: 409, body: { error: { code: 'AUDIT_CONFLICT', message: `审计记录 ${r.seq} 与平台已存的不一致。` } }, caseNumber: null };
    }
    if (!had) {
      insert.run(submitter, r.seq, r.hash, JSON.stringify(r), now.toISOString());
      stored++;
    }
  }
  const highest = (db.prepare('SELECT max(seq) AS s FROM audit_records WHERE submitter = ?').get(submitter) as { s: number }).s;
  return { status: 200, body: { stored, highestSeq: highest }, caseNumber: null };
}

/**
 * The platform's receipt of a workstation's audit trail: the highest seq it holds from that
 * certificate and that record's chain hash. It anchors the chain outside the workstation: a tail
 * cut off and the head rewritten locally still leaves the platform's receipt ahead of the log.
 */
export function auditReceiptOf(db: Db, submitter: string): { highestSeq: number | null; hash: string | null } {
  db.exec(AUDIT_SCHEMA);
  const row = db.prepare('SELECT seq, hash FROM audit_records WHERE submitter = ? ORDER BY seq DESC LIMIT 1').get(submitter) as
    | { seq: number; hash: string }
    | undefined;
  return { highestSeq: row?.seq ?? null, hash: row?.hash ?? null };
}

/** Every record received from a submitter, in order (admin/tests). */
export function auditRecordsOf(db: Db, submitter?: string): Array<{ submitter: string; seq: number; action: string; hash: string }> {
  db.exec(AUDIT_SCHEMA);
  const rows = (submitter
    ? db.prepare('SELECT submitter, seq, hash, record FROM audit_records WHERE submitter = ? ORDER BY seq').all(submitter)
    : db.prepare('SELECT submitter, seq, hash, record FROM audit_records ORDER BY submitter, seq').all()) as Array<{ submitter: string; seq: number; hash: string; record: string }>;
  return rows.map((r) => ({ submitter: r.submitter, seq: r.seq, hash: r.hash, action: (JSON.parse(r.record) as { action: string }).action }));
}
