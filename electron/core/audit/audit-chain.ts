import type { Db } from '../store/database';
import type { AuditKey } from './audit-key';
import { GENESIS_HASH, recordHash, type AuditRow } from './audit-log';

export interface ChainVerification {
  ok: boolean;
  checked: number;
  firstBroken: { seq: number; reason: string } | null;
  /** Whether the keyed MACs were checked too (false: the audit key could not be opened here). */
  keyed?: boolean;
}

/**
 * Walks the audit log in order and reports the first record that does not fit the chain:
 * a gap in the sequence (a record removed), a prev_hash that is not the previous record's hash
 * (a record removed or inserted), a hash that does not match the record (a record altered), or a
 * head that does not match the last record (records cut off the end).
 */
export function verifyAuditChain(db: Db, key?: AuditKey | null): ChainVerification {
  const result = verifyChain(db, key ?? null);
  return { ...result, keyed: Boolean(key) };
}

/**
 * With the audit key, also: every record after the key's start carries the MAC of its hash, and
 * the head carries the MAC of (seq, hash) — so a record altered and the chain recomputed, or the
 * tail cut off and the head rewritten, no longer verifies.
 */
function verifyChain(db: Db, key: AuditKey | null): ChainVerification {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  const rows = db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<AuditRow>;
  for (const row of rows) {
    const broken = checkRow(row, expectedSeq, prevHash) ?? (key ? checkMac(row, key) : null);
    if (broken) return { ok: false, checked, firstBroken: { seq: row.seq, reason: broken } };
    checked += 1;
    expectedSeq = row.seq + 1;
    prevHash = row.hash;
  }
  const head = db.prepare("SELECT value FROM meta WHERE key = 'audit_head'").get() as { value: string } | undefined;
  const lastSeq = expectedSeq - 1;
  if (key && lastSeq > key.keyedAfterSeq) {
    const [, , headMac] = (head?.value ?? '').split(':');
    if (headMac !== key.headMac(lastSeq, prevHash)) {
      return { ok: false, checked, firstBroken: { seq: lastSeq, reason: '链头密钥校验值不符（日志末尾被截断或链头被改写）' } };
    }
  }
  if (head && head.value.split(':').slice(0, 2).join(':') !== `${lastSeq}:${prevHash}`) {
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

function checkMac(row: AuditRow, key: AuditKey): string | null {
  if (row.mac === null || row.mac === undefined) {
    return row.seq > key.keyedAfterSeq ? '缺少密钥校验值（记录被替换或由无密钥者写入）' : null;
  }
  return row.mac === key.rowMac(row.hash) ? null : '密钥校验值不符（记录被篡改后重算了哈希链）';
}

function checkRow(row: AuditRow, expectedSeq: number, prevHash: string): string | null {
  if (row.seq !== expectedSeq) return `序号不连续：应为 ${expectedSeq}（之前的记录被删除）`;
  if (row.prev_hash !== prevHash) return '前序哈希不匹配（记录被插入或删除）';
  const { hash, ...rest } = row;
  if (recordHash(rest) !== hash) return '记录内容与哈希不符（记录被篡改）';
  return null;
}
