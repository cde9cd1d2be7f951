import { AppError } from '../../contract';
import { audit, type CallContext } from '../services';
import { DUMMY_PASSWORD_HASH, verifyPassword } from '../crypto/password-hash';
import type { Db } from '../store/database';
import { userReads, userWrites, type UserRow } from './users-repository';

/**
 * Checks a password for `username` with the lockout rule (等保: 5 failures lock the account for
 * at least 10 minutes). Every outcome is audited. Returns the user row on success.
 *
 * The attempt is counted BEFORE the slow scrypt check, in one synchronous transaction with the
 * lock check: concurrent guesses each take one of the remaining attempts, so however many arrive
 * at once, no more than `maxFailedLogins` are ever checked before the account locks. A correct
 * password gives its attempt back.
 *
 * Unknown users, wrong passwords and disabled accounts (before a correct password) get the same
 * answer with the same details and the same scrypt cost, so the answer does not reveal which
 * usernames exist.
 */
export async function authenticate(ctx: CallContext, username: string, password: string, action: string): Promise<UserRow> {
  const db = ctx.services.db();
  const { maxFailedLogins, lockoutMinutes } = ctx.services.config.value.security;
  const user = userReads.byUsername(db, username);
  if (!user) {
    await verifyPassword(password, DUMMY_PASSWORD_HASH); // same time as a real check
    audit(ctx, { actor: username, action, object: null, result: 'failure', detail: { reason: 'unknown_user' } });
    throw new AppError('INVALID_CREDENTIALS');
  }
  const who = { actor: user.username, object: `user:${user.id}` };
  const claim = db.transaction((): { locked: string } | { attempt: UserRow } => {
    const row = userReads.byId(db, user.id);
    if (!row) throw new AppError('INVALID_CREDENTIALS');
    if (row.locked_until && Date.parse(row.locked_until) > ctx.now.getTime()) return { locked: row.locked_until };
    if (row.failed_logins >= maxFailedLogins) {
      // Every allowed attempt is already being checked (parallel guesses): lock now.
      const until = lockUntil(ctx, lockoutMinutes);
      userWrites.recordFailedLogin(db, row.id, 0, until);
      audit(ctx, { ...who, action: 'auth.lockout', result: 'success', detail: { until, failures: row.failed_logins } });
      return { locked: until };
    }
    userWrites.recordFailedLogin(db, row.id, row.failed_logins + 1, null);
    return { attempt: row };
  })();
  if ('locked' in claim) {
    audit(ctx, { ...who, action, result: 'failure', detail: { reason: 'account_locked' } });
    throw lockedError(claim.locked);
  }
  const ok = await verifyPassword(password, claim.attempt.password_hash);
  if (!ok) {
    const lockedUntil = recordFailure(ctx, db, user, action, maxFailedLogins, lockoutMinutes);
    if (lockedUntil) throw lockedError(lockedUntil);
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (claim.attempt.disabled === 1) {
    audit(ctx, { ...who, action, result: 'failure', detail: { reason: 'account_disabled' } });
    throw new AppError('ACCOUNT_DISABLED');
  }
  // The caller records the success (recordLogin / clearLockout), which gives the attempt back.
  return claim.attempt;
}

/** The attempt was already counted; lock when it used the last one. Returns the lock's end, if locked. */
function recordFailure(ctx: CallContext, db: Db, user: UserRow, action: string, maxFailedLogins: number, lockoutMinutes: number): string | null {
  const who = { actor: user.username, object: `user:${user.id}` };
  return db.transaction((): string | null => {
    const row = userReads.byId(db, user.id);
    const failures = row?.failed_logins ?? maxFailedLogins;
    audit(ctx, { ...who, action, result: 'failure', detail: { reason: 'bad_password', failures } });
    if (row?.locked_until && Date.parse(row.locked_until) > ctx.now.getTime()) return row.locked_until;
    if (failures < maxFailedLogins) return null;
    const until = lockUntil(ctx, lockoutMinutes);
    // Reset the counter: after the lockout ends the user gets a fresh set of attempts.
    userWrites.recordFailedLogin(db, user.id, 0, until);
    audit(ctx, { ...who, action: 'auth.lockout', result: 'success', detail: { until, failures } });
    return until;
  })();
}

function lockUntil(ctx: CallContext, lockoutMinutes: number): string {
  return new Date(ctx.now.getTime() + lockoutMinutes * 60_000).toISOString();
}

function lockedError(until: string): AppError {
  const time = new Date(until).toLocaleString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' });
  return new AppError('ACCOUNT_LOCKED', `账号因连续多次密码错误已被锁定，请于 ${time} 之后再试，或联系管理员解锁。`, { until });
}
