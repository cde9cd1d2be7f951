import { CloudOutlined, DisconnectOutlined, ApiOutlined, SyncOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { MethodOutput } from '../../../../electron/contract';
import { errorMessage, useSyncNowMutation } from '../../api/api-slice';
import { formatTime } from '../../app/labels';
import { agoText, useNow, waitingSinceText } from '../../app/relative-time';

type SyncStatus = MethodOutput<'sync.status'>;

const STATE: Record<SyncStatus['platform']['state'], { label: string; color: string; icon: ReactNode }> = {
  online: { label: '在线', color: 'green', icon: <CloudOutlined /> },
  offline: { label: '离线', color: 'red', icon: <DisconnectOutlined /> },
  not_configured: { label: '未接入', color: 'default', icon: <ApiOutlined /> },
};

/** The platform link at a glance, and 立即同步 (skip every back-off wait). */
export function SyncSummary({ status, error, loading }: { status: SyncStatus | undefined; error: unknown; loading: boolean }) {
  const [syncNow, syncing] = useSyncNowMutation();
  const { message } = App.useApp();
  const now = useNow(30_000);
  const when = (iso: string | null) => (iso ? <span style={{ whiteSpace: 'nowrap' }}>{`${formatTime(iso)}（${agoText(iso, now)}）`}</span> : '尚无');
  const p = status?.platform;
  const state = p ? STATE[p.state] : undefined;

  return (
    <Card
      title="省级平台同步"
      loading={loading}
      extra={
        <Button
          type="primary"
          icon={<SyncOutlined />}
          loading={syncing.isLoading}
          disabled={!p || p.state === 'not_configured'}
          onClick={async () => {
            const r = await syncNow();
            if (!r.error) void message.success('已开始同步：待发送的业务将立即尝试发送');
          }}
        >
          立即同步
        </Button>
      }
    >
      {Boolean(error) && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={errorMessage(error)} />}
      {syncing.error && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={errorMessage(syncing.error)} />}
      {p?.state === 'not_configured' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="本机尚未接入省级平台"
          description="受理的业务保存在本机并排队等待；接入（配置文件中的平台地址和证书）后自动上报。"
        />
      )}
      {p?.state === 'offline' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="省级平台暂时连不上：可以继续受理"
          description={`业务已保存在本机，连接恢复后自动上报，不会丢失，也不会重复。${p.detail ? `原因：${p.detail}` : ''}`}
        />
      )}
      {status && p && state && (
        <Descriptions size="small" column={2} bordered styles={{ label: { whiteSpace: 'nowrap', width: 150 } }}>
          <Descriptions.Item label="连接状态">
            <Tag icon={state.icon} color={state.color} data-testid="sync-state">
              {state.label}
            </Tag>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {p.detail}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="平台地址">{status.url ? <code style={{ whiteSpace: 'nowrap' }}>{status.url}</code> : '未配置'}</Descriptions.Item>
          <Descriptions.Item label="最近联系">{when(status.lastContactAt)}</Descriptions.Item>
          <Descriptions.Item label="最近拉取变更">{when(status.lastPullAt)}</Descriptions.Item>
          <Descriptions.Item label="待发送">
            {p.queued} 件{p.queued > 0 && p.oldestQueuedAt ? `（最早 ${waitingSinceText(p.oldestQueuedAt, now)}）` : ''}
          </Descriptions.Item>
          <Descriptions.Item label="发送失败">
            {p.deadLetters > 0 ? (
              <Typography.Text type="danger" strong>
                {p.deadLetters} 件，需主管处理
              </Typography.Text>
            ) : (
              '0 件'
            )}
          </Descriptions.Item>
          <Descriptions.Item label="本次启动以来已发送" span={2}>
            {status.sentSinceStart} 件
          </Descriptions.Item>
        </Descriptions>
      )}
    </Card>
  );
}
