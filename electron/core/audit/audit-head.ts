import { openDatabase, type Db } from '../store/database';

export interface AuditHead {
  seq: number;
  hash: string;
}

/** The last record of a database's audit log: what a restore discards (recorded in the restored log). */
export function auditHeadOf(db: Db): AuditHead | null {
  const row = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as AuditHead | undefined;
  return row ?? null;
}

/** The same, from a database file; null when it cannot be read (a damaged file in recovery). */
export function auditHead(path: string): AuditHead | null {
  let db: Db | undefined;
  try {
    db = openDatabase(path, { readonly: true });
    return auditHeadOf(db);
  } catch {
    return null;
  } finally {
    db?.close();
  }
}
