import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import type { DataKeyRing } from '../crypto/data-keys';
import type { Db } from './database';
import { BackupFormatError, checkBackupFile, openBackupFile, readBackupHeader, sealBackupFile, type BackupHeader } from './backup-file';

export { BackupFormatError } from './backup-file';

/** Encrypted backups: `bdc-YYYYMMDD-HHmmss-<reason>.bdcbak`. Older releases wrote plaintext `*.sqlite`. */
export const BACKUP_EXTENSION = '.bdcbak';
const SEALED_NAME = /^bdc-[\w-]+\.bdcbak$/;
const PLAINTEXT_NAME = /^bdc-[\w-]+\.sqlite$/;
/** A file name the contract accepts for a restore (no path, one of our two kinds). */
export const BACKUP_FILE_NAME = /^bdc-[\w-]+\.(bdcbak|sqlite)$/;

/** Pre-migration backups are kept this long whatever `backups.keep` says. */
export const PRE_MIGRATION_KEEP_DAYS = 30;
export const DEFAULT_BACKUP_KEEP = 7;

export interface BackupInfo {
  file: string;
  path: string;
  createdAt: string;
  bytes: number;
  /** daily, manual, before-migration-N, … (from the header; for plaintext files, from the name). */
  reason: string;
  /** SM4-sealed (.bdcbak); false for a plaintext backup written by an older release. */
  encrypted: boolean;
  /** Checked now with the data keys: every chunk opened (the file is intact and ours). */
  verified: boolean;
  keyId: string | null;
  /** Why the file cannot be used (unreadable header), or a warning (plaintext). */
  problem: string | null;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Local time, as the office reads it: bdc-20261127-160000-daily.bdcbak. */
export function backupFileName(now: Date, reason: string): string {
  const stamp = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  return `bdc-${stamp}-${sanitizeReason(reason)}${BACKUP_EXTENSION}`;
}

function sanitizeReason(reason: string): string {
  return reason.replace(/[^A-Za-z0-9-]/g, '_').slice(0, 40) || 'backup';
}

/** Thrown when the copy failed its check: nothing was kept. */
export class BackupVerificationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupVerificationError';
  }
}

/**
 * Writes an encrypted, verified backup of the live database into `dir`:
 * 1. `VACUUM INTO` a temporary plaintext copy in `dir` (consistent while the database is in use);
 * 2. verify the copy: integrity_check ok and the same row count as the live database in every table;
 * 3. seal it in chunks with the data key ring (backup-file.ts), fsync, rename into place, fsync the folder;
 * 4. delete the temporary copy (also on failure). A backup that fails its check is not kept and the call throws:
 *    a backup nobody can restore is worse than none, because people rely on it.
 */
export function createVerifiedBackup(db: Db, dir: string, keys: Pick<DataKeyRing, 'seal' | 'currentKeyId'>, reason: string, now: Date = new Date()): BackupInfo {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  let file = backupFileName(now, reason);
  for (let n = 2; existsSync(join(dir, file)); n++) file = backupFileName(now, `${sanitizeReason(reason)}-${n}`);
  const path = join(dir, file);
  const plain = join(dir, `.${file}.plain-partial`);
  const sealed = `${path}.partial`;
  rmSync(plain, { force: true });
  rmSync(sealed, { force: true });
  try {
    db.prepare('VACUUM INTO ?').run(plain);
    const tables = verifyCopy(db, plain);
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    sealBackupFile(plain, sealed, keys, { createdAt: now.toISOString(), reason, schemaVersion, tables });
    renameSync(sealed, path);
    fsyncFolder(dir);
  } finally {
    rmSync(plain, { force: true });
    rmSync(sealed, { force: true });
  }
  // Verified against the live database just now (integrity and row counts), before sealing.
  return { ...describeBackup(dir, file), verified: true };
}

/**
 * @deprecated Plaintext backup, kept only until migrate.ts calls createVerifiedBackup (the
 * pre-migration backup must be encrypted too).
 */
export function writeVerifiedBackup(db: Db, backupDir: string, label: string): { file: string; path: string; createdAt: string; bytes: number } {
  mkdirSync(backupDir, { recursive: true, mode: 0o700 });
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const file = `bdc-${stamp}-${label.replace(/[^\w-]/g, '_')}.sqlite`;
  const path = join(backupDir, file);
  const tmp = `${path}.partial`;
  rmSync(tmp, { force: true });
  db.prepare('VACUUM INTO ?').run(tmp);
  try {
    verifyCopy(db, tmp);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
  renameSync(tmp, path);
  return { file, path, createdAt: statSync(path).mtime.toISOString(), bytes: statSync(path).size };
}

/** Checks a plaintext copy against the live database; returns the row count of every table. */
export function verifyCopy(live: Db, copyPath: string): Record<string, number> {
  const expected = tableCounts(live);
  const copy = new Database(copyPath, { readonly: true, fileMustExist: true });
  try {
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new BackupVerificationError(`备份校验失败（integrity_check：${String(check)}）`);
    const actual = tableCounts(copy);
    for (const [table, n] of Object.entries(expected)) {
      if (actual[table] !== n) throw new BackupVerificationError(`备份校验失败：表 ${table} 行数 ${actual[table] ?? '缺失'}，应为 ${n}`);
    }
    return expected;
  } finally {
    copy.close();
  }
}

/** @deprecated use verifyCopy */
export const verifyBackup = (live: Db, backupPath: string): void => void verifyCopy(live, backupPath);

function tableCounts(db: Db): Record<string, number> {
  const names = (
    db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as Array<{ name: string }>
  ).map((r) => r.name);
  const counts: Record<string, number> = {};
  for (const name of names) {
    // Virtual tables (FTS) are counted through their shadow tables, which are plain tables.
    try {
      counts[name] = (db.prepare(`SELECT count(*) AS n FROM "${name.replace(/"/g, '""')}"`).get() as { n: number }).n;
    } catch {
      // A virtual table whose module is not loaded here: its shadow tables carry the rows.
    }
  }
  return counts;
}

function fsyncFolder(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Windows cannot open a folder for fsync; NTFS journals the rename itself.
  }
}

/** Keys that can prove a backup intact (every chunk's tag), or none: then only its structure is checked. */
export type BackupVerifier = Pick<DataKeyRing, 'open'> & { keyIds?: string[] };

/**
 * Full checks are a decryption of the whole file: remembered per file, size and modification time,
 * so a listing re-checks only what changed.
 */
const provenIntact = new Map<string, string>();

function describeBackup(dir: string, file: string, keys?: BackupVerifier): BackupInfo {
  const path = join(dir, file);
  const st = statSync(path);
  if (file.endsWith(BACKUP_EXTENSION)) {
    try {
      const stamp = `${st.size}:${st.mtimeMs}:${st.ino}`;
      let verified = false;
      let h: BackupHeader;
      if (keys && provenIntact.get(path) === stamp) {
        h = readBackupHeader(path);
        verified = true;
      } else {
        provenIntact.delete(path);
        h = checkBackupFile(path, keys);
        verified = keys !== undefined;
        if (verified) provenIntact.set(path, stamp);
      }
      return { file, path, createdAt: h.createdAt, bytes: st.size, reason: h.reason, encrypted: true, verified, keyId: h.keyId, problem: null };
    } catch (err) {
      return { file, path, createdAt: st.mtime.toISOString(), bytes: st.size, reason: reasonFromName(file), encrypted: true, verified: false, keyId: null, problem: (err as Error).message };
    }
  }
  return {
    file,
    path,
    createdAt: st.mtime.toISOString(),
    bytes: st.size,
    reason: reasonFromName(file),
    encrypted: false,
    verified: false,
    keyId: null,
    problem: '旧版本生成的明文备份（未加密）：可以恢复，建议生成新的加密备份后删除',
  };
}

function reasonFromName(file: string): string {
  const m = /^bdc-(?:\d{8}-\d{6}|\d{8}T\d{6}Z)-(.+)\.(?:bdcbak|sqlite)$/.exec(file);
  return m ? m[1] : 'unknown';
}

/**
 * Every backup in the folder, newest first: encrypted ones and plaintext ones of older releases
 * (marked). Each is checked: with `keys`, completely (`verified`: every chunk opens — a tampered or
 * truncated file gets a `problem`); without, its structure only (`verified` false).
 */
export function listBackups(backupDir: string, keys?: BackupVerifier): BackupInfo[] {
  if (!existsSync(backupDir)) return [];
  return readdirSync(backupDir)
    .filter((f) => SEALED_NAME.test(f) || PLAINTEXT_NAME.test(f))
    .map((file) => describeBackup(backupDir, file, keys))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.file.localeCompare(a.file));
}

/**
 * Keeps `keep` generations of encrypted backups, plus every pre-migration backup younger than
 * PRE_MIGRATION_KEEP_DAYS (they are the way back from a failed upgrade). Never deletes plaintext
 * backups of older releases or files whose header cannot be read (not ours to judge): the list
 * marks them for the administrator. Returns the deleted file names.
 */
export function pruneBackups(backupDir: string, keep: number, now: Date = new Date()): string[] {
  const sealed = listBackups(backupDir).filter((b) => b.encrypted && b.problem === null);
  const cutoff = now.getTime() - PRE_MIGRATION_KEEP_DAYS * 24 * 3600 * 1000;
  const deleted: string[] = [];
  sealed.forEach((b, i) => {
    if (i < keep) return;
    if (b.reason.startsWith('before-migration') && Date.parse(b.createdAt) >= cutoff) return;
    rmSync(b.path, { force: true });
    deleted.push(b.file);
  });
  return deleted;
}

/**
 * Turns a backup into a checked plaintext database file at `target` (deleted again on failure):
 * an encrypted backup is opened chunk by chunk (BackupFormatError if altered, truncated or
 * sealed with a key this ring lacks) and checked against the row counts in its header; a
 * plaintext backup of an older release is copied. Either way integrity_check must say ok.
 */
export function prepareRestore(backupPath: string, keys: DataKeyRing, target: string): { header: BackupHeader | null } {
  rmSync(target, { force: true });
  try {
    let header: BackupHeader | null = null;
    if (backupPath.endsWith(BACKUP_EXTENSION)) header = openBackupFile(backupPath, target, keys);
    else copyFileSync(backupPath, target);
    let copy: Db;
    try {
      copy = new Database(target, { readonly: true, fileMustExist: true });
    } catch (err) {
      throw new BackupFormatError(`备份不是可用的数据库文件：${(err as Error).message}`);
    }
    try {
      let check: unknown;
      try {
        check = copy.pragma('integrity_check', { simple: true });
      } catch (err) {
        throw new BackupFormatError(`备份数据库校验失败：${(err as Error).message}`);
      }
      if (check !== 'ok') throw new BackupFormatError(`备份数据库校验失败（integrity_check：${String(check)}）`);
      if (header) {
        const actual = tableCounts(copy);
        for (const [table, n] of Object.entries(header.tables)) {
          if (actual[table] !== n) throw new BackupFormatError(`备份数据库校验失败：表 ${table} 行数 ${actual[table] ?? '缺失'}，备份时为 ${n}`);
        }
        if (copy.pragma('user_version', { simple: true }) !== header.schemaVersion) throw new BackupFormatError('备份数据库版本与文件头不符');
      }
    } finally {
      copy.close();
    }
    return { header };
  } catch (err) {
    rmSync(target, { force: true });
    throw err;
  }
}

/**
 * Puts a prepared (checked) database file in place of the live one, whose file and WAL/SHM
 * sidecars are kept aside as `<db>.<aside>-<stamp>`. The live database must be closed.
 */
export function swapInDatabase(prepared: string, dbPath: string, aside: string): string | null {
  const keptAs = existsSync(dbPath) ? moveDatabaseAside(dbPath, aside) : null;
  try {
    renameSync(prepared, dbPath);
  } catch (err) {
    if (keptAs) {
      for (const suffix of ['', '-wal', '-shm']) {
        const from = join(dirname(dbPath), keptAs + suffix);
        if (existsSync(from)) renameSync(from, dbPath + suffix);
      }
    }
    throw err;
  }
  fsyncFolder(dirname(dbPath));
  return keptAs;
}

/** Moves a database file and its WAL/SHM sidecars aside (kept for forensics, never deleted). */
export function moveDatabaseAside(dbPath: string, reason: string): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  let target = `${dbPath}.${reason}-${stamp}`;
  for (let n = 2; existsSync(target); n++) target = `${dbPath}.${reason}-${stamp}-${n}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(dbPath + suffix)) renameSync(dbPath + suffix, target + suffix);
  }
  return basename(target);
}
