import { appendAudit } from '../audit/audit-log';
import { sm3Hex } from '../crypto/sm3';
import type { Db } from '../store/database';

const KEY = 'config_file_hash';

function hashOf(raw: string | null): string {
  return raw === null ? 'absent' : sm3Hex(raw);
}

/** Remembers the text the workstation itself wrote, so the next start does not report it as a hand edit. */
export function rememberConfigFile(db: Db, raw: string): void {
  db.prepare(`INSERT INTO meta (key, value) VALUES ('${KEY}', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run(hashOf(raw));
}

/**
 * Editing config.json by hand is a configuration change too: compare the file with the one seen
 * last and audit the difference (等保: every configuration change is audited).
 */
export function auditConfigFileChange(db: Db, raw: string | null, now: Date): boolean {
  const hash = hashOf(raw);
  const seen = db.prepare(`SELECT value FROM meta WHERE key = '${KEY}'`).get() as { value: string } | undefined;
  if (seen?.value === hash) return false;
  db.transaction(() => {
    db.prepare(`INSERT INTO meta (key, value) VALUES ('${KEY}', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run(hash);
    if (seen) {
      appendAudit(db, { actorId: null, actor: null, action: 'config.file_changed', object: 'config', result: 'success', detail: { sm3: hash } }, now);
    }
  })();
  return seen !== undefined;
}
