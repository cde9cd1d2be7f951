import type { Db } from '../store/database';
import { GENESIS_HASH, recordHash, type AuditRow } from './audit-log';

export interface ChainVerification {
  ok: boolean;
  checked: number;
  firstBroken: { seq: number; reason: string } | null;
}

/**
 * Walks the audit log in order and reports the first record that does not fit the chain:
 * a gap in the sequence (a record removed), a prev_hash that is not the previous record's hash
 * (a record removed or inserted), a hash that does not match the record (a record altered), or a
 * head that does not match the last record (records cut off the end).
 */
export function verifyAuditChain(db: Db): ChainVerification {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  const rows = db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<AuditRow>;
  for (const row of rows) {
    const broken = checkRow(row, expectedSeq, prevHash);
    if (broken) return { ok: false, checked, firstBroken: { seq: row.seq, reason: broken } };
    checked += 1;
    expectedSeq = row.seq + 1;
    prevHash = row.hash;
  }
  const head = db.prepare("SELECT value FROM meta WHERE key = 'audit_head'").get() as { value: string } | undefined;
  const lastSeq = expectedSeq - 1;
  if (head && head.value !== `${lastSeq}:${prevHash}`) {
    const headSeq = Number(head.value.split(':')[0]);
    return {
      ok: false,
      checked,
      firstBroken: { seq: lastSeq + 1, reason: `记录 ${lastSeq + 1}–${headSeq} 缺失（日志末尾被截断）` },
    };
  }
  if (!head && checked > 0) {
    return { ok: false, checked, firstBroken: { seq: lastSeq, reason: '链头记录缺失' } };
  }
  return { ok: true, checked, firstBroken: null };
}

function checkRow(row: AuditRow, expectedSeq: number, prevHash: string): string | null {
  if (row.seq !== expectedSeq) return `序号不连续：应为 ${expectedSeq}（之前的记录被删除）`;
  if (row.prev_hash !== prevHash) return '前序哈希不匹配（记录被插入或删除）';
  const { hash, ...rest } = row;
  if (recordHash(rest) !== hash) return '记录内容与哈希不符（记录被篡改）';
  return null;
}
