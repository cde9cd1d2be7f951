import type { Role, UserView } from '../../contract';
import type { Db } from '../store/database';

export interface UserRow {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  must_change_password: 0 | 1;
  disabled: 0 | 1;
  failed_logins: number;
  locked_until: string | null;
  password_changed_at: string;
  created_at: string;
  last_login_at: string | null;
}

/** Reads of the accounts table. */
export const userReads = {
  count(db: Db): number {
    return (db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
  },
  byId(db: Db, id: number): UserRow | undefined {
    return db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
  },
  byUsername(db: Db, username: string): UserRow | undefined {
    return db.prepare('SELECT * FROM users WHERE username = ?').get(username) as UserRow | undefined;
  },
  all(db: Db): UserRow[] {
    return db.prepare('SELECT * FROM users ORDER BY id').all() as UserRow[];
  },
  activeAdminCount(db: Db): number {
    return (db.prepare("SELECT count(*) AS n FROM users WHERE role = 'admin' AND disabled = 0").get() as { n: number }).n;
  },
};

/** Writes to the accounts table. Callers wrap them in a transaction with their audit record. */
export const userWrites = {
  insert(
    db: Db,
    u: { username: string; displayName: string; role: Role; passwordHash: string; mustChangePassword: boolean },
    now: Date,
  ): number {
    const at = now.toISOString();
    const info = db
      .prepare(
        `INSERT INTO users (username, display_name, role, password_hash, must_change_password, password_changed_at, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(u.username, u.displayName, u.role, u.passwordHash, u.mustChangePassword ? 1 : 0, at, at);
    return Number(info.lastInsertRowid);
  },
  recordFailedLogin(db: Db, id: number, failedLogins: number, lockedUntil: string | null): void {
    db.prepare('UPDATE users SET failed_logins = ?, locked_until = ? WHERE id = ?').run(failedLogins, lockedUntil, id);
  },
  recordLogin(db: Db, id: number, now: Date): void {
    db.prepare('UPDATE users SET failed_logins = 0, locked_until = NULL, last_login_at = ? WHERE id = ?').run(now.toISOString(), id);
  },
  setPassword(db: Db, id: number, passwordHash: string, mustChange: boolean, now: Date): void {
    db.prepare(
      'UPDATE users SET password_hash = ?, must_change_password = ?, password_changed_at = ?, failed_logins = 0, locked_until = NULL WHERE id = ?',
    ).run(passwordHash, mustChange ? 1 : 0, now.toISOString(), id);
  },
  update(db: Db, id: number, fields: { displayName?: string; role?: Role }): void {
    if (fields.displayName !== undefined) db.prepare('UPDATE users SET display_name = ? WHERE id = ?').run(fields.displayName, id);
    if (fields.role !== undefined) db.prepare('UPDATE users SET role = ? WHERE id = ?').run(fields.role, id);
  },
  setDisabled(db: Db, id: number, disabled: boolean): void {
    db.prepare('UPDATE users SET disabled = ? WHERE id = ?').run(disabled ? 1 : 0, id);
  },
  clearLockout(db: Db, id: number): void {
    db.prepare('UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = ?').run(id);
  },
};

export function toUserView(row: UserRow, now: Date = new Date()): UserView {
  const locked = row.locked_until && Date.parse(row.locked_until) > now.getTime() ? row.locked_until : null;
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    disabled: row.disabled === 1,
    mustChangePassword: row.must_change_password === 1,
    lockedUntil: locked,
    failedLogins: row.failed_logins,
    createdAt: row.created_at,
    lastLoginAt: row.last_login_at,
  };
}
