import { AppError, type UserView } from '../../contract';
import { hashPassword } from '../crypto/password-hash';
import type { Handler } from '../handler';
import { audit, type CallContext } from '../services';
import { assertPasswordPolicy } from './auth-handlers';
import { assertNotRecentlyUsed, rememberReplacedPassword } from './password-history';
import { toUserView, userReads, userWrites, type UserRow } from './users-repository';

function mustFind(ctx: CallContext, id: number): UserRow {
  const row = userReads.byId(ctx.services.db(), id);
  if (!row) throw new AppError('USER_NOT_FOUND');
  return row;
}

function view(ctx: CallContext, id: number): UserView {
  return toUserView(mustFind(ctx, id), ctx.now);
}

/** Ends the sessions of a changed account so the change takes effect at once. */
function endSessionsOf(ctx: CallContext, userId: number): void {
  for (const clientId of ctx.services.sessions.endAllOf(userId)) {
    if (clientId !== ctx.clientId) ctx.services.events.emitTo(clientId, 'session.changed', { reason: 'logged_out' });
  }
}

const list: Handler<'users.list'> = (ctx) => userReads.all(ctx.services.db()).map((r) => toUserView(r, ctx.now));

const create: Handler<'users.create'> = async (ctx, input) => {
  const db = ctx.services.db();
  if (userReads.byUsername(db, input.username)) throw new AppError('USERNAME_TAKEN');
  assertPasswordPolicy(input.temporaryPassword, { username: input.username, officeCode: ctx.services.config.value.officeCode });
  const hash = await hashPassword(input.temporaryPassword);
  const id = db.transaction(() => {
    if (userReads.byUsername(db, input.username)) throw new AppError('USERNAME_TAKEN');
    const newId = userWrites.insert(
      db,
      { username: input.username, displayName: input.displayName, role: input.role, passwordHash: hash, mustChangePassword: true },
      ctx.now,
    );
    audit(ctx, {
      action: 'users.create',
      object: `user:${newId}`,
      result: 'success',
      detail: { username: input.username, role: input.role },
    });
    return newId;
  })();
  return view(ctx, id);
};

const update: Handler<'users.update'> = (ctx, input) => {
  const db = ctx.services.db();
  const before = mustFind(ctx, input.id);
  const demotesAdmin = before.role === 'admin' && input.role !== undefined && input.role !== 'admin';
  db.transaction(() => {
    if (demotesAdmin && before.disabled === 0 && userReads.activeAdminCount(db) <= 1) throw new AppError('LAST_ADMIN');
    userWrites.update(db, input.id, { displayName: input.displayName, role: input.role });
    audit(ctx, {
      action: 'users.update',
      object: `user:${input.id}`,
      result: 'success',
      detail: {
        ...(input.displayName !== undefined ? { displayName: [before.display_name, input.displayName] } : {}),
        ...(input.role !== undefined ? { role: [before.role, input.role] } : {}),
      },
    });
  })();
  if (input.role !== undefined && input.role !== before.role) endSessionsOf(ctx, input.id);
  return view(ctx, input.id);
};

const setDisabled: Handler<'users.setDisabled'> = (ctx, input) => {
  const db = ctx.services.db();
  const before = mustFind(ctx, input.id);
  db.transaction(() => {
    if (input.disabled && before.role === 'admin' && before.disabled === 0 && userReads.activeAdminCount(db) <= 1) {
      throw new AppError('LAST_ADMIN');
    }
    userWrites.setDisabled(db, input.id, input.disabled);
    audit(ctx, { action: input.disabled ? 'users.disable' : 'users.enable', object: `user:${input.id}`, result: 'success' });
  })();
  if (input.disabled) endSessionsOf(ctx, input.id);
  return view(ctx, input.id);
};

const resetPassword: Handler<'users.resetPassword'> = async (ctx, input) => {
  const db = ctx.services.db();
  const user = mustFind(ctx, input.id);
  assertPasswordPolicy(input.temporaryPassword, { username: user.username, officeCode: ctx.services.config.value.officeCode });
  await assertNotRecentlyUsed(db, user, input.temporaryPassword, 'reset');
  const hash = await hashPassword(input.temporaryPassword);
  db.transaction(() => {
    rememberReplacedPassword(db, input.id, user.password_hash, ctx.now);
    userWrites.setPassword(db, input.id, hash, true, ctx.now);
    audit(ctx, { action: 'users.resetPassword', object: `user:${input.id}`, result: 'success' });
  })();
  if (input.id !== ctx.session?.userId) endSessionsOf(ctx, input.id);
  return view(ctx, input.id);
};

const unlockUser: Handler<'users.unlock'> = (ctx, input) => {
  const db = ctx.services.db();
  mustFind(ctx, input.id);
  db.transaction(() => {
    userWrites.clearLockout(db, input.id);
    audit(ctx, { action: 'users.unlock', object: `user:${input.id}`, result: 'success' });
  })();
  return view(ctx, input.id);
};

export const userHandlers = {
  'users.list': list,
  'users.create': create,
  'users.update': update,
  'users.setDisabled': setDisabled,
  'users.resetPassword': resetPassword,
  'users.unlock': unlockUser,
};
