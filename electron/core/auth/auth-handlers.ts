import { AppError } from '../../contract';
import type { Handler } from '../handler';
import { audit, requireSession, type CallContext } from '../services';
import { hashPassword, verifyPassword } from '../crypto/password-hash';
import { authenticate } from './login';
import { assertNotRecentlyUsed, passwordExpired, rememberReplacedPassword } from './password-history';
import { passwordPolicyProblems } from '../../contract';
import { toSessionView } from './session-view';
import { weakPasswordProblems, type PasswordContext } from './weak-passwords';
import { userReads, userWrites, type UserRow } from './users-repository';

/** The class rule of the contract, then the guessable passwords (common list, keyboard walks, username, office code). */
export function assertPasswordPolicy(password: string, context: PasswordContext): void {
  const problems = [...passwordPolicyProblems(password), ...weakPasswordProblems(password, context)];
  if (problems.length > 0) throw new AppError('WEAK_PASSWORD', `密码不符合要求：${problems.join('；')}。`, { problems });
}

export function startSession(ctx: CallContext, user: UserRow) {
  // A password older than security.passwordMaxAgeDays must be changed now, like a reset one.
  const expired = user.must_change_password === 0 && passwordExpired(user, ctx.services.config.value.security.passwordMaxAgeDays, ctx.now);
  const session = ctx.services.sessions.start(
    ctx.clientId,
    {
      userId: user.id,
      username: user.username,
      displayName: user.display_name,
      role: user.role,
      mustChangePassword: user.must_change_password === 1 || expired,
      passwordExpired: expired,
    },
    ctx.now.getTime(),
  );
  return toSessionView(session, ctx.services.config.value.security.idleLockSeconds);
}

const session: Handler<'auth.session'> = (ctx) =>
  toSessionView(ctx.session, ctx.services.config.value.security.idleLockSeconds);

const login: Handler<'auth.login'> = async (ctx, input) => {
  const user = await authenticate(ctx, input.username, input.password, 'auth.login');
  const db = ctx.services.db();
  const loggedIn = { ...ctx, session: null };
  const expired = user.must_change_password === 0 && passwordExpired(user, ctx.services.config.value.security.passwordMaxAgeDays, ctx.now);
  db.transaction(() => {
    userWrites.recordLogin(db, user.id, ctx.now);
    audit(loggedIn, { actor: user.username, action: 'auth.login', object: `user:${user.id}`, result: 'success', ...(expired ? { detail: { passwordExpired: true } } : {}) });
  })();
  return startSession(ctx, user);
};

const logout: Handler<'auth.logout'> = (ctx) => {
  requireSession(ctx);
  audit(ctx, { action: 'auth.logout', object: `user:${ctx.session?.userId}`, result: 'success' });
  ctx.services.sessions.end(ctx.clientId);
  return { ok: true as const };
};

const lock: Handler<'auth.lock'> = (ctx) => {
  const s = requireSession(ctx);
  if (!s.locked) {
    s.locked = true;
    audit(ctx, { action: 'auth.lock', object: `user:${s.userId}`, result: 'success', detail: { reason: 'manual' } });
  }
  return toSessionView(s, ctx.services.config.value.security.idleLockSeconds);
};

const unlock: Handler<'auth.unlock'> = async (ctx, input) => {
  const s = requireSession(ctx);
  try {
    await authenticate(ctx, s.username, input.password, 'auth.unlock');
  } catch (err) {
    // A lockout while the screen is locked ends the session: the next person must log in.
    if (err instanceof AppError && (err.code === 'ACCOUNT_LOCKED' || err.code === 'ACCOUNT_DISABLED')) {
      ctx.services.sessions.end(ctx.clientId);
    }
    throw err;
  }
  s.locked = false;
  s.lastActivity = ctx.now.getTime();
  const db = ctx.services.db();
  db.transaction(() => {
    userWrites.clearLockout(db, s.userId); // failures count only while consecutive
    audit(ctx, { action: 'auth.unlock', object: `user:${s.userId}`, result: 'success' });
  })();
  return toSessionView(s, ctx.services.config.value.security.idleLockSeconds);
};

const changePassword: Handler<'auth.changePassword'> = async (ctx, input) => {
  const s = requireSession(ctx);
  const db = ctx.services.db();
  const user = userReads.byId(db, s.userId);
  if (!user) throw new AppError('USER_NOT_FOUND');
  if (!(await verifyPassword(input.currentPassword, user.password_hash))) {
    audit(ctx, { action: 'auth.changePassword', object: `user:${s.userId}`, result: 'failure', detail: { reason: 'bad_current_password' } });
    throw new AppError('INVALID_CREDENTIALS', '当前密码不正确。');
  }
  assertPasswordPolicy(input.newPassword, { username: user.username, officeCode: ctx.services.config.value.officeCode });
  if (input.newPassword === input.currentPassword) throw new AppError('PASSWORD_REUSED');
  await assertNotRecentlyUsed(db, user, input.newPassword, 'self');
  const hash = await hashPassword(input.newPassword);
  db.transaction(() => {
    rememberReplacedPassword(db, s.userId, user.password_hash, ctx.now);
    userWrites.setPassword(db, s.userId, hash, false, ctx.now);
    audit(ctx, { action: 'auth.changePassword', object: `user:${s.userId}`, result: 'success' });
  })();
  s.mustChangePassword = false;
  s.passwordExpired = false;
  return toSessionView(s, ctx.services.config.value.security.idleLockSeconds);
};

/** Nothing to do: the dispatcher moves the session's activity clock for every non-passive call. */
const activity: Handler<'auth.activity'> = (ctx) => {
  requireSession(ctx);
  return { ok: true as const };
};

export const authHandlers = {
  'auth.activity': activity,
  'auth.session': session,
  'auth.login': login,
  'auth.logout': logout,
  'auth.lock': lock,
  'auth.unlock': unlock,
  'auth.changePassword': changePassword,
};
