import { AppError } from '../../contract';
import { checkOfficeCode } from '../../contract';
import { writeConfig } from '../config/config-file';
import { rememberConfigFile } from '../config/config-file-tracking';
import { hashPassword } from '../crypto/password-hash';
import type { Handler } from '../handler';
import { audit } from '../services';
import { assertPasswordPolicy, startSession } from './auth-handlers';
import { userReads, userWrites } from './users-repository';

/**
 * First start. There is no default account: the person installing the workstation sets the office
 * code and the administrator's password, and is logged in as that administrator.
 */
const initialize: Handler<'setup.initialize'> = async (ctx, input) => {
  const { services } = ctx;
  const db = services.db();
  if (userReads.count(db) > 0) throw new AppError('ALREADY_INITIALIZED');
  const office = checkOfficeCode(input.officeCode);
  if (!office.ok) throw new AppError('INVALID_OFFICE_CODE', `机构代码不正确：${office.reason}。`, { reason: office.reason });
  assertPasswordPolicy(input.password, { username: input.adminUsername, officeCode: input.officeCode });
  const hash = await hashPassword(input.password);
  if (userReads.count(db) > 0) throw new AppError('ALREADY_INITIALIZED'); // a second window raced us

  // The config file first: if the database write fails after it, setup simply runs again.
  const config = { ...services.config.value, officeCode: input.officeCode, officeName: input.officeName };
  const written = writeConfig(services.dataDir, config);
  services.config = { value: config, exists: true };
  // The hosts follow the office (training mode reissues the stand-in's client certificate for it).
  services.events.broadcast('status.changed', {});

  const userId = db.transaction(() => {
    const id = userWrites.insert(
      db,
      { username: input.adminUsername, displayName: input.adminDisplayName, role: 'admin', passwordHash: hash, mustChangePassword: false },
      ctx.now,
    );
    rememberConfigFile(db, written);
    audit(ctx, {
      actor: input.adminUsername,
      action: 'setup.initialize',
      object: 'config',
      result: 'success',
      detail: { officeCode: input.officeCode, officeName: input.officeName, admin: input.adminUsername },
    });
    return id;
  })();
  const user = userReads.byId(db, userId);
  if (!user) throw new AppError('INTERNAL');
  return startSession(ctx, user);
};

export const setupHandlers = { 'setup.initialize': initialize };
