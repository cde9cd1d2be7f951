import { AppError } from '../../contract';
import { audit, type CallContext } from '../services';
import { DUMMY_PASSWORD_HASH, verifyPassword } from '../crypto/password-hash';
import { userReads, userWrites, type UserRow } from './users-repository';

/**
 * Checks a password for `username` with the lockout rule (等保: 5 failures lock the account for
 * at least 10 minutes). Every outcome is audited. Returns the user row on success.
 * Disabled accounts are reported only after a correct password, so the answer does not reveal
 * which usernames exist.
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
  if (user.locked_until && Date.parse(user.locked_until) > ctx.now.getTime()) {
    audit(ctx, { ...who, action, result: 'failure', detail: { reason: 'account_locked' } });
    throw lockedError(user.locked_until);
  }
  const ok = await verifyPassword(password, user.password_hash);
  if (!ok) {
    const failures = user.failed_logins + 1;
    const db2 = ctx.services.db();
    if (failures >= maxFailedLogins) {
      const until = new Date(ctx.now.getTime() + lockoutMinutes * 60_000).toISOString();
      db2.transaction(() => {
        // Reset the counter: after the lockout ends the user gets a fresh set of attempts.
        userWrites.recordFailedLogin(db2, user.id, 0, until);
        audit(ctx, { ...who, action, result: 'failure', detail: { reason: 'bad_password', failures } });
        audit(ctx, { ...who, action: 'auth.lockout', result: 'success', detail: { until, failures } });
      })();
      throw lockedError(until);
    }
    db2.transaction(() => {
      userWrites.recordFailedLogin(db2, user.id, failures, null);
      audit(ctx, { ...who, action, result: 'failure', detail: { reason: 'bad_password', failures } });
    })();
    throw new AppError('INVALID_CREDENTIALS', undefined, { remaining: maxFailedLogins - failures });
  }
  if (user.disabled === 1) {
    audit(ctx, { ...who, action, result: 'failure', detail: { reason: 'account_disabled' } });
    throw new AppError('ACCOUNT_DISABLED');
  }
  return user;
}

function lockedError(until: string): AppError {
  const time = new Date(until).toLocaleString('zh-CN', { hour12: false });
  return new AppError('ACCOUNT_LOCKED', `账号因连续多次密码错误已被锁定，请于 ${time} 之后再试，或联系管理员解锁。`, { until });
}
