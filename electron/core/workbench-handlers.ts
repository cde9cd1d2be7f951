import type { Role } from '../contract';
import { ROLES } from '../contract';
import { userReads } from './auth/users-repository';
import { listAudit, toAuditRecordView } from './audit/audit-log';
import type { Handler } from './handler';
import { requireSession } from './services';
import { AppError, shanghaiDate } from '../contract';
import type { Db } from './store/database';

const OFFICE_ROLES: readonly Role[] = ['admin', 'supervisor'];

const summary: Handler<'workbench.summary'> = (ctx) => {
  const s = requireSession(ctx);
  const db = ctx.services.db();
  const me = userReads.byId(db, s.userId);
  if (!me) throw new AppError('USER_NOT_FOUND');
  const mine = listAudit(db, { limit: 8, actor: s.username }).rows.map(toAuditRecordView);
  return {
    lastLoginAt: me.last_login_at,
    passwordChangedAt: me.password_changed_at,
    passwordAgeDays: Math.floor((ctx.now.getTime() - Date.parse(me.password_changed_at)) / 86_400_000),
    myRecentActions: mine,
    office: OFFICE_ROLES.includes(s.role) ? officeFigures(ctx.services.db(), ctx.now) : null,
  };
};

function officeFigures(db: Db, now: Date) {
  const users = userReads.all(db);
  // "Today" is the office's day in China, not the machine's: a workstation whose OS clock zone is
  // New York or UTC must not count yesterday's failures, or miss this morning's.
  const startOfDay = new Date(`${shanghaiDate(now)}T00:00:00+08:00`);
  return {
    usersByRole: ROLES.map((role) => ({
      role,
      active: users.filter((u) => u.role === role && u.disabled === 0).length,
      disabled: users.filter((u) => u.role === role && u.disabled === 1).length,
    })),
    lockedAccounts: users
      .filter((u) => u.locked_until && Date.parse(u.locked_until) > now.getTime())
      .map((u) => ({ username: u.username, until: u.locked_until as string })),
    failedLoginsToday: (
      db
        .prepare("SELECT count(*) AS n FROM audit_log WHERE action IN ('auth.login','auth.unlock') AND result = 'failure' AND at >= ?")
        .get(startOfDay.toISOString()) as { n: number }
    ).n,
    auditRecords: (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n,
  };
}

export const workbenchHandlers = { 'workbench.summary': summary };
