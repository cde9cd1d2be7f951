import { join } from 'node:path';
import { appendAudit } from '../audit/audit-log';
import { BlobStore } from '../blobs/blob-store';
import { listBackups } from '../store/backup';
import type { Db } from '../store/database';
import type { DataKeyRing } from './data-keys';
import { keyIdsInDatabase, resealDatabase } from './personal-data';

export interface KeyStatus {
  current: string;
  keys: string[];
  protection: DataKeyRing['protection'];
  /** Which keys sealed the values in the database, the blob files and the backups. */
  usedBy: { database: string[]; blobs: string[]; backups: string[] };
}

export function keyStatus(dataDir: string, db: Db, keys: DataKeyRing): KeyStatus {
  return {
    current: keys.currentKeyId,
    keys: keys.keyIds,
    protection: keys.protection,
    usedBy: {
      database: [...keyIdsInDatabase(db, keys)].sort(),
      blobs: [...new BlobStore(join(dataDir, 'blobs'), keys).keyIdsInUse()].sort(),
      backups: backupKeyIds(dataDir),
    },
  };
}

export interface RotationReport {
  from: string;
  to: string;
  parties: number;
  outbox: number;
  blobs: number;
  retired: string[];
  /** Old keys kept because an encrypted backup still needs them to be restored. */
  keptForBackups: string[];
}

/**
 * Key rotation, in a crash-safe order (the caller holds the database exclusively, i.e. the
 * workstation is not running):
 * 1. a new current key is added and the ring file saved (atomic rename) — nothing depends on it yet;
 * 2. every sealed column is re-sealed and every lookup tag recomputed, in one transaction;
 * 3. every blob file is re-sealed, each replaced by an fsynced rename;
 * 4. only then are old keys retired — except those the database or blob files still use (none,
 *    unless a step failed) and those an encrypted backup needs, so old backups stay restorable.
 * A crash anywhere leaves every value readable (old keys are still in the ring); running the
 * rotation again finishes the job. The result is audited (actor: none — the command line).
 */
export function rotateDataKeys(dataDir: string, db: Db, keys: DataKeyRing, now: Date = new Date()): RotationReport {
  const from = keys.currentKeyId;
  const before = keys.keyIds;
  const to = keys.rotate(now);
  const { parties, outbox } = resealDatabase(db, keys);
  const store = new BlobStore(join(dataDir, 'blobs'), keys);
  store.sealPlaintextFiles();
  const blobs = store.resealFiles();
  const stillUsed = new Set([...keyIdsInDatabase(db, keys), ...store.keyIdsInUse()]);
  const forBackups = backupKeyIds(dataDir).filter((id) => id !== to);
  keys.retire([...stillUsed, ...forBackups]);
  const retired = before.filter((id) => !keys.keyIds.includes(id));
  const report: RotationReport = { from, to, parties, outbox, blobs, retired, keptForBackups: forBackups.filter((id) => keys.keyIds.includes(id)) };
  appendAudit(db, { actorId: null, actor: null, action: 'keys.rotate', object: 'data-keys', result: 'success', detail: { ...report } }, now);
  return report;
}

function backupKeyIds(dataDir: string): string[] {
  const ids = new Set<string>();
  for (const b of listBackups(join(dataDir, 'backups'))) {
    const keyId = (b as { keyId?: string | null }).keyId;
    if (keyId) ids.add(keyId);
  }
  return [...ids].sort();
}
