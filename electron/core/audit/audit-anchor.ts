import type { AuditVerification } from '../../contract/methods/audit';
import type { Db } from '../store/database';

export type AuditAnchor = NonNullable<AuditVerification['anchor']>;

/**
 * Compares the local audit log with the platform's receipt of it (the highest seq the platform
 * holds from this workstation and that record's hash). The platform received those records over
 * mutual TLS and keeps them, so someone who rewrites the database file — even with the audit key —
 * cannot move the receipt: a tail cut off below it, or a record it holds changed, shows here.
 * Records the platform has not received yet are not a fault (the upload follows the feed).
 */
export function compareWithReceipt(db: Db, receipt: { highestSeq: number | null; hash: string | null } | 'unreachable'): AuditAnchor {
  if (receipt === 'unreachable') return { state: 'offline', platformSeq: null, reason: '未连接省级平台，未与平台回执比对' };
  if (receipt.highestSeq === null || receipt.hash === null) return { state: 'none', platformSeq: null, reason: null };
  const seq = receipt.highestSeq;
  const row = db.prepare('SELECT hash FROM audit_log WHERE seq = ?').get(seq) as { hash: string } | undefined;
  if (!row) {
    const last = (db.prepare('SELECT max(seq) AS s FROM audit_log').get() as { s: number | null }).s ?? 0;
    return {
      state: 'mismatch',
      platformSeq: seq,
      reason: `平台已收到第 ${seq} 条审计记录，本机日志只到第 ${last} 条（日志末尾被截断或被替换；刚从备份恢复时，见恢复记录中被替换的链头）`,
    };
  }
  if (row.hash !== receipt.hash) {
    return { state: 'mismatch', platformSeq: seq, reason: `第 ${seq} 条审计记录与平台收到的不一致（日志被改写）` };
  }
  return { state: 'matched', platformSeq: seq, reason: null };
}
