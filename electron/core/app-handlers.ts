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
 * Platform and device status for the top bar. Neither the sync engine nor the device manager
 * exists yet, so both report "not configured" truthfully rather than pretending to be online.
 */
const status: Handler<'status.get'> = (ctx) => {
  const training = ctx.services.config.value.training;
  const detail = training ? '培训模式：模拟设备与平台尚未接入' : '尚未配置';
  return {
    platform: { state: 'not_configured' as const, detail: training ? '培训模式：省级平台模拟服务尚未接入' : '未配置省级平台地址' },
    devices: [
      { kind: 'idcard' as const, label: '身份证阅读器', state: 'not_configured' as const, detail },
      { kind: 'sigpad' as const, label: '签名板', state: 'not_configured' as const, detail },
      { kind: 'printer' as const, label: '打印机', state: 'not_configured' as const, detail },
    ],
  };
};

export const appHandlers = { 'app.info': info, 'status.get': status };
