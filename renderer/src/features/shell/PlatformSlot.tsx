import { CloudOutlined, CloudUploadOutlined, DisconnectOutlined, ApiOutlined, WarningOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import type { MethodOutput } from '../../../../electron/contract';
import { useNow, waitingSinceText } from '../../app/relative-time';

type PlatformStatus = MethodOutput<'status.get'>['platform'];

const PLATFORM: Record<PlatformStatus['state'], { label: string; color: string; icon: ReactNode }> = {
  online: { label: '平台在线', color: 'green', icon: <CloudOutlined /> },
  offline: { label: '平台离线', color: 'red', icon: <DisconnectOutlined /> },
  not_configured: { label: '平台未接入', color: 'default', icon: <ApiOutlined /> },
};

/**
 * The provincial platform in the top bar: online or not, what waits to be sent and since when, and
 * dead letters in red. The whole slot is one button to 平台同步 (when the role has that page).
 */
export function PlatformSlot({ platform, onOpen }: { platform: PlatformStatus; onOpen?: () => void }) {
  const now = useNow(60_000);
  const state = PLATFORM[platform.state];
  const oldest = platform.queued > 0 && platform.oldestQueuedAt ? waitingSinceText(platform.oldestQueuedAt, now) : null;
  const queuedText = platform.queued > 0 ? `待发送 ${platform.queued}${oldest ? ` · 最早 ${oldest}` : ''}` : null;
  const spoken = [state.label, queuedText, platform.deadLetters > 0 ? `发送失败 ${platform.deadLetters} 件` : null].filter(Boolean).join('，');

  const tags = (
    <>
      <Tag icon={state.icon} color={state.color} data-testid="platform-state">
        {state.label}
      </Tag>
      {queuedText && (
        <Tag icon={<CloudUploadOutlined />} color="gold" data-testid="platform-queued">
          {queuedText}
        </Tag>
      )}
      {platform.deadLetters > 0 && (
        <Tag icon={<WarningOutlined />} color="#cf1322" data-testid="platform-dead">
          失败 {platform.deadLetters}
        </Tag>
      )}
    </>
  );

  return (
    <Tooltip title={platform.detail}>
      {onOpen ? (
        <button type="button" className="status-slot-button" onClick={onOpen} aria-label={`${spoken}。打开平台同步`} data-testid="platform-slot">
          {tags}
        </button>
      ) : (
        <span role="status" aria-label={spoken} data-testid="platform-slot" style={{ display: 'inline-flex', gap: 4 }}>
          {tags}
        </span>
      )}
    </Tooltip>
  );
}
