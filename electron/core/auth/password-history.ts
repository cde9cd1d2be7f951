import { AppError } from '../../contract';
import { verifyPassword } from '../crypto/password-hash';
import type { Db } from '../store/database';
import type { UserRow } from './users-repository';

/** How many of an account's latest passwords (the current one included) may not be chosen again. */
export const PASSWORD_HISTORY_DEPTH = 5;

/**
 * Refuses a password that matches one of the account's last 5 (the current one and the 4 before
 * it): each stored scrypt hash is checked with its own salt, so nothing but hashes is ever kept.
 * `who` words the message for a change by the user or a reset by an administrator.
 */
export async function assertNotRecentlyUsed(db: Db, user: UserRow, password: string, who: 'self' | 'reset'): Promise<void> {
  const earlier = db
    .prepare('SELECT password_hash FROM password_history WHERE user_id = ? ORDER BY id DESC LIMIT ?')
    .all(user.id, PASSWORD_HISTORY_DEPTH - 1) as Array<{ password_hash: string }>;
  for (const hash of [user.password_hash, ...earlier.map((r) => r.password_hash)]) {
    if (await verifyPassword(password, hash)) {
      throw new AppError(
        'PASSWORD_RECENTLY_USED',
        who === 'self'
          ? `新密码不能与最近 ${PASSWORD_HISTORY_DEPTH} 次使用过的密码相同，请换一个新密码。`
          : `临时密码不能与该账号最近 ${PASSWORD_HISTORY_DEPTH} 次使用过的密码相同，请换一个。`,
        { depth: PASSWORD_HISTORY_DEPTH },
      );
    }
  }
}

/** Keeps the hash being replaced; older entries beyond what the check reads are dropped. Call in the change's transaction. */
export function rememberReplacedPassword(db: Db, userId: number, replacedHash: string, now: Date): void {
  db.prepare('INSERT INTO password_history (user_id, password_hash, replaced_at) VALUES (?, ?, ?)').run(userId, replacedHash, now.toISOString());
  db.prepare(
    'DELETE FROM password_history WHERE user_id = ? AND id NOT IN (SELECT id FROM password_history WHERE user_id = ? ORDER BY id DESC LIMIT ?)',
  ).run(userId, userId, PASSWORD_HISTORY_DEPTH - 1);
}

/** Whether the password was set more than `maxAgeDays` ago (it must then be changed at login). */
export function passwordExpired(user: UserRow, maxAgeDays: number, now: Date): boolean {
  const changed = Date.parse(user.password_changed_at);
  return Number.isFinite(changed) && now.getTime() - changed > maxAgeDays * 86_400_000;
}
