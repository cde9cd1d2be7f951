import { checkOfficeCode } from '../contract';
import { userReads } from './auth/users-repository';
import type { Handler } from './handler';
import { platformStatus } from './sync/platform-status';

const info: Handler<'app.info'> = (ctx) => {
  const { services } = ctx;
  const cfg = services.config.value;
  const office = cfg.officeCode ? checkOfficeCode(cfg.officeCode) : null;
  const recovery = services.recovery
    ? {
        ...services.recovery,
        backups: services.listBackups().map((b) => ({ file: b.file, createdAt: b.createdAt, bytes: b.bytes })),
      }
    : null;
  return {
    name: '不动产登记窗口工作站',
    version: services.version,
    host: services.host,
    training: cfg.training,
    mode: cfg.mode,
    officeCode: cfg.officeCode,
    officeName: cfg.officeName,
    officeRegion: office?.ok ? office.province : null,
    initialized: !services.recovery && cfg.officeCode !== null && userReads.count(services.db()) > 0,
    recovery,
  };
};

/** Platform link (from the sync engine, with the outbox counts) and device status for the top bar. */
const status: Handler<'status.get'> = (ctx) => ({
  platform: platformStatus(ctx.services),
  devices: ctx.services.devices.status(),
});

export const appHandlers = { 'app.info': info, 'status.get': status };
