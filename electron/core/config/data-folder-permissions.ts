import { chmodSync, closeSync, existsSync, lstatSync, openSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The data folder holds personal data (the database, its WAL, stored files, backups, keys): only
 * the account that runs the workstation may read it. On start the folder and everything below
 * it are tightened to 0700 (folders) and 0600 (files) when looser — a folder made by hand or by
 * an older version (0755), a WAL created under a 022 umask (0644). Symbolic links are left alone
 * (never followed). Windows: POSIX modes mean nothing there; the folder lives in the user's
 * profile (%APPDATA%), whose ACL already grants only that user, SYSTEM and administrators.
 * Returns how many entries were tightened.
 */
export function tightenDataFolder(dataDir: string): number {
  if (process.platform === 'win32' || !existsSync(dataDir)) return 0;
  let tightened = 0;
  const visit = (path: string, depth: number) => {
    const st = lstatSync(path, { throwIfNoEntry: false });
    if (!st || st.isSymbolicLink()) return;
    if ((st.mode & 0o077) !== 0) {
      // Group and others lose every bit; the owner keeps what it has (a folder keeps rwx).
      chmodSync(path, st.isDirectory() ? 0o700 : st.mode & 0o700);
      tightened += 1;
    }
    if (st.isDirectory() && depth < 16) for (const name of readdirSync(path)) visit(join(path, name), depth + 1);
  };
  visit(dataDir, 0);
  return tightened;
}

/** The SQLite files of one database: the file and the WAL and shared-memory files beside it. */
export function sqliteFiles(databasePath: string): string[] {
  return [databasePath, `${databasePath}-wal`, `${databasePath}-shm`, `${databasePath}-journal`];
}

/**
 * SQLite gives the WAL and -shm files the database file's mode: create the database file owner-only
 * before SQLite does (under a 022 umask it would be 0644, and so would its WAL), and tighten the
 * three files after opening.
 */
export function prepareOwnerOnlyDatabase(databasePath: string): void {
  if (process.platform === 'win32') return;
  if (!existsSync(databasePath)) closeSync(openSync(databasePath, 'a', 0o600));
}

export function tightenDatabaseFiles(databasePath: string): void {
  if (process.platform === 'win32') return;
  for (const path of sqliteFiles(databasePath)) {
    const st = lstatSync(path, { throwIfNoEntry: false });
    if (st && !st.isSymbolicLink() && (st.mode & 0o077) !== 0) chmodSync(path, 0o600);
  }
}
