import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from './database';

export interface BackupInfo {
  file: string;
  path: string;
  createdAt: string;
  bytes: number;
}

/**
 * Writes a consistent copy of the live database with VACUUM INTO (works while the database is in
 * use, and the copy is compact), then verifies it: integrity_check ok and the same row count in
 * every table. An unverified backup is deleted and the call fails: a backup nobody can restore is
 * worse than none, because people rely on it.
 */
export function writeVerifiedBackup(db: Db, backupDir: string, label: string): BackupInfo {
  mkdirSync(backupDir, { recursive: true, mode: 0o700 });
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const file = `bdc-${stamp}-${label.replace(/[^\w-]/g, '_')}.sqlite`;
  const path = join(backupDir, file);
  const tmp = `${path}.partial`;
  rmSync(tmp, { force: true });
  db.prepare('VACUUM INTO ?').run(tmp);
  try {
    verifyBackup(db, tmp);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
  renameSync(tmp, path);
  return { file, path, createdAt: statSync(path).mtime.toISOString(), bytes: statSync(path).size };
}

export function verifyBackup(live: Db, backupPath: string): void {
  const copy = new Database(backupPath, { readonly: true, fileMustExist: true });
  try {
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`备份校验失败（integrity_check：${String(check)}）`);
    for (const table of userTables(live)) {
      const a = (live.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
      const b = (copy.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
      if (a !== b) throw new Error(`备份校验失败：表 ${table} 行数 ${b}，应为 ${a}`);
    }
  } finally {
    copy.close();
  }
}

function userTables(db: Db): string[] {
  return (
    db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as Array<{
      name: string;
    }>
  ).map((r) => r.name);
}

export function listBackups(backupDir: string): BackupInfo[] {
  if (!existsSync(backupDir)) return [];
  return readdirSync(backupDir)
    .filter((f) => /^bdc-[\w-]+\.sqlite$/.test(f))
    .map((file) => {
      const path = join(backupDir, file);
      const st = statSync(path);
      return { file, path, createdAt: st.mtime.toISOString(), bytes: st.size };
    })
    .sort((a, b) => b.file.localeCompare(a.file));
}

/** Moves a database file and its WAL/SHM sidecars aside (kept for forensics, never deleted). */
export function moveDatabaseAside(dbPath: string, reason: string): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const target = `${dbPath}.${reason}-${stamp}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(dbPath + suffix)) renameSync(dbPath + suffix, target + suffix);
  }
  return basename(target);
}
