import Database from 'better-sqlite3';

export type Db = Database.Database;

/** The workstation's database file inside the data folder. */
export const DATABASE_FILE_NAME = 'bdc.sqlite';

/** The database file failed to open or failed its check: the app must open in recovery mode. */
export class DatabaseDamagedError extends Error {
  readonly path: string;
  readonly details: string[];
  constructor(path: string, details: string[]) {
    super(`数据库文件已损坏：${path}`);
    this.name = 'DatabaseDamagedError';
    this.path = path;
    this.details = details;
  }
}

/**
 * Opens the workstation database with the pragmas every connection needs:
 * - WAL: readers (CLI, backup) never block the counter;
 * - synchronous=FULL: an accepted case survives a power cut once the clerk sees the receipt;
 * - foreign_keys, secure_delete: referential integrity; deleted personal data is overwritten.
 * Then runs quick_check: a damaged file raises DatabaseDamagedError instead of failing later.
 */
export function openDatabase(path: string, options: { readonly?: boolean } = {}): Db {
  let db: Db | undefined;
  try {
    db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
    db.pragma('busy_timeout = 5000');
    if (!options.readonly) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('secure_delete = ON');
    const rows = db.pragma('quick_check') as Array<{ quick_check: string }>;
    const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
    if (problems.length > 0) throw new DatabaseDamagedError(path, problems.slice(0, 10));
    return db;
  } catch (err) {
    db?.close();
    if (err instanceof DatabaseDamagedError) throw err;
    const e = err as { code?: string; message?: string };
    if (e.code && /^SQLITE_(CORRUPT|NOTADB|IOERR)/.test(e.code)) {
      throw new DatabaseDamagedError(path, [`${e.code}: ${e.message ?? ''}`]);
    }
    throw err;
  }
}
