import { appendAudit } from '../audit/audit-log';
import type { BlobStore } from '../blobs/blob-store';
import type { Db } from '../store/database';

/** Finished at the counter or on the platform: nothing more will happen to these cases here. */
const FINISHED = ['closed', 'delivered', 'withdrawn', 'rejected'] as const;

export interface PurgeResult {
  cases: number;
  blobs: number;
}

/**
 * Removes finished cases untouched for `olderThanDays` from this workstation, with everything
 * that belongs to them only: parties (sealed ID numbers and phones), units, materials, fees,
 * archived documents, search entries, platform events, delivered outbox commands, and the files
 * no other case refers to. A case whose commands are not all delivered (or cancelled by a
 * supervisor) stays: the platform must have it before the counter may forget it. The database
 * runs with `secure_delete`, so freed pages are overwritten; the WAL is checkpointed and
 * truncated so the old pages leave it too. The audit log is never purged (≥ 6 months, 等保).
 */
export function purgeFinishedCases(db: Db, blobs: BlobStore, o: { olderThanDays: number; now: Date; actor?: { id: number; name: string } | null }): PurgeResult {
  const cutoff = new Date(o.now.getTime() - o.olderThanDays * 86_400_000).toISOString();
  let removedBlobs: string[] = [];
  let cases = 0;
  db.transaction(() => {
    const ids = (
      db
        .prepare(
          `SELECT c.id FROM cases c
           WHERE c.status IN (${FINISHED.map(() => '?').join(', ')}) AND c.updated_at < ?
             AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.case_id = c.id AND o.state IN ('pending', 'dead'))`,
        )
        .all(...FINISHED, cutoff) as Array<{ id: number }>
    ).map((r) => r.id);
    if (ids.length === 0) return;
    const candidates = new Set<string>();
    for (const id of ids) {
      for (const r of db
        .prepare(
          `SELECT f.blob_hash AS hash FROM case_material_files f JOIN case_materials m ON m.id = f.material_row WHERE m.case_id = ?
           UNION SELECT signature_blob FROM case_parties WHERE case_id = ? AND signature_blob IS NOT NULL
           UNION SELECT blob_hash FROM case_documents WHERE case_id = ?`,
        )
        .all(id, id, id) as Array<{ hash: string }>) {
        candidates.add(r.hash);
      }
      db.prepare('DELETE FROM case_search WHERE rowid = ?').run(id);
      db.prepare('DELETE FROM platform_events WHERE case_id = ?').run(id);
      db.prepare('DELETE FROM outbox WHERE case_id = ?').run(id);
      // Parties, units, materials (and their files), fees, documents and name suffixes cascade.
      db.prepare('DELETE FROM cases WHERE id = ?').run(id);
    }
    const stillUsed = db.prepare(
      `SELECT 1 FROM case_material_files WHERE blob_hash = @h
       UNION ALL SELECT 1 FROM case_parties WHERE signature_blob = @h
       UNION ALL SELECT 1 FROM case_documents WHERE blob_hash = @h LIMIT 1`,
    );
    removedBlobs = [...candidates].filter((h) => !stillUsed.get({ h }));
    for (const h of removedBlobs) db.prepare('DELETE FROM blobs WHERE hash = ?').run(h);
    cases = ids.length;
    appendAudit(
      db,
      {
        actorId: o.actor?.id ?? null,
        actor: o.actor?.name ?? null,
        action: 'cases.purge',
        object: 'cases',
        result: 'success',
        detail: { cases: ids.length, files: removedBlobs.length, olderThanDays: o.olderThanDays, caseIds: ids.slice(0, 200) },
      },
      o.now,
    );
  })();
  // Files go after the commit: a crash before this leaves unreferenced files, never a row without its file.
  for (const h of removedBlobs) blobs.remove(h);
  if (cases > 0) db.pragma('wal_checkpoint(TRUNCATE)');
  return { cases, blobs: removedBlobs.length };
}
