import type { PlatformStatus } from '../../contract/methods/sync';
import type { Services } from '../services';
import { certificateOfficeMismatch } from './certificate-office';
import { outboxReads } from './outbox-repository';

/**
 * The platform part of the top bar (`status.get`) and the sync page: the link as the engine sees
 * it, and the queue as the outbox holds it. Without an engine the queue still counts: commands
 * written while no platform is configured wait for one.
 */
export function platformStatus(services: Services): PlatformStatus {
  const counts = outboxReads.counts(services.db());
  if (!services.sync) {
    const detail = services.config.value.training ? '培训模式：省级平台模拟服务未启动，业务只保存在本机' : '未配置省级平台地址（配置文件 platform.url），业务只保存在本机';
    return { state: 'not_configured', detail, ...counts };
  }
  const link = services.sync.linkStatus();
  // A certificate of another office: every submission will be refused; say so first.
  const mismatch = certificateOfficeMismatch(services.platformCertificateCn ?? null, services.config.value.officeCode);
  return { ...link, ...(mismatch ? { detail: `${mismatch}。${link.detail}` } : {}), ...counts };
}
