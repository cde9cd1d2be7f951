import type { TransportStatus } from '../../../native/serial/command-channel';

export type DeviceKind = 'idcard' | 'sigpad' | 'printer';
export type DeviceState = 'not_configured' | 'connecting' | 'connected' | 'disconnected' | 'error';

export interface DeviceStatus {
  kind: DeviceKind;
  label: string;
  state: DeviceState;
  detail: string;
  simulated: boolean;
}

export const DEVICE_LABELS: Record<DeviceKind, string> = { idcard: '身份证阅读器', sigpad: '签名板', printer: '打印机' };

/** The top bar's words for a serial transport's state. */
export function fromTransport(kind: DeviceKind, status: TransportStatus, simulated: boolean): DeviceStatus {
  const base = { kind, label: DEVICE_LABELS[kind], simulated };
  switch (status.state) {
    case 'connected':
      return { ...base, state: 'connected', detail: simulated ? `模拟设备（${status.path}）` : `已连接：${status.path}` };
    case 'disconnected':
      return { ...base, state: 'disconnected', detail: status.error.message };
    case 'reconnecting':
      return { ...base, state: 'disconnected', detail: `设备未连接，正在重新连接（第 ${status.attempt} 次）` };
  }
}
