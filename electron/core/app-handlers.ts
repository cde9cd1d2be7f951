import { checkOfficeCode } from '../contract';
import { userReads } from './auth/users-repository';
import type { Handler } from './handler';

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

/**
 * Platform and device status for the top bar. The sync engine does not exist yet, so the platform
 * reports "not connected" truthfully rather than pretending to be online.
 */
const status: Handler<'status.get'> = (ctx) => ({
  platform: {
    state: 'not_configured' as const,
    detail: ctx.services.config.value.training ? '培训模式：省级平台模拟服务尚未接入' : '未配置省级平台地址',
  },
  devices: ctx.services.devices.status(),
});

export const appHandlers = { 'app.info': info, 'status.get': status };
