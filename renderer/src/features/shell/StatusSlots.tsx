import { CreditCardOutlined, EditOutlined, PrinterOutlined } from '@ant-design/icons';
import { Space, Tag, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useStatusQuery } from '../../api/api-slice';
import { PlatformSlot } from './PlatformSlot';

const DEVICE_ICONS: Record<string, ReactNode> = {
  idcard: <CreditCardOutlined />,
  sigpad: <EditOutlined />,
  printer: <PrinterOutlined />,
};

const STATE_COLORS: Record<string, string> = {
  connected: 'green',
  disconnected: 'red',
  error: 'red',
  not_configured: 'default',
  connecting: 'processing',
};

const DEVICE_STATE_LABELS: Record<string, string> = {
  connected: '已连接',
  connecting: '连接中',
  disconnected: '未连接',
  error: '故障',
  not_configured: '未配置',
};

/**
 * The platform and device slots of the top bar; refreshed by polling and by 'status.changed' and
 * 'sync.changed' events. `onOpenSync` makes the platform slot a way to 平台同步.
 */
export function StatusSlots({ onOpenSync }: { onOpenSync?: () => void }) {
  const { data } = useStatusQuery(undefined, { pollingInterval: 10_000 });
  if (!data) return null;
  return (
    <Space size={4} aria-label="连接与设备状态" style={{ lineHeight: 'normal' }}>
      <PlatformSlot platform={data.platform} onOpen={onOpenSync} />
      {data.devices.map((d) => (
        <Tooltip key={d.kind} title={`${d.label}：${d.detail}`}>
          <Tag icon={DEVICE_ICONS[d.kind]} color={STATE_COLORS[d.state]} aria-label={`${d.label}：${DEVICE_STATE_LABELS[d.state]}`}>
            {DEVICE_STATE_LABELS[d.state]}
            {d.simulated ? '（模拟）' : ''}
          </Tag>
        </Tooltip>
      ))}
    </Space>
  );
}
