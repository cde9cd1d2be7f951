import { LockOutlined, LogoutOutlined } from '@ant-design/icons';
import { Button, Layout, Space, Tag, Tooltip, Typography } from 'antd';
import { ROLE_LABELS, type AppInfo, type SessionView } from '../../../../electron/contract';
import { useLockMutation, useLogoutMutation } from '../../api/api-slice';
import { navigate } from '../../app/hash-route';
import { navFor, SYNC_PATH } from './navigation';
import { StatusSlots } from './StatusSlots';

export function TopBar({ info, session }: { info: AppInfo; session: NonNullable<SessionView> }) {
  const [lock] = useLockMutation();
  const [logout] = useLogoutMutation();
  const canOpenSync = navFor(session.user.role).some((i) => i.path === SYNC_PATH);
  return (
    <Layout.Header
      style={{ display: 'flex', alignItems: 'center', gap: 16, padding: '0 16px', background: '#1d4f91', height: 56, lineHeight: '56px' }}
    >
      <Typography.Text strong style={{ color: '#fff', fontSize: 17, whiteSpace: 'nowrap' }}>
        不动产登记窗口工作站
      </Typography.Text>
      {info.training && (
        <Tooltip title="培训模式：业务不会提交到省级平台，设备为模拟设备">
          <Tag color="orange" style={{ fontWeight: 600 }} data-testid="training-badge">
            培训模式
          </Tag>
        </Tooltip>
      )}
      {/* The office gives way (ellipsis, full name on hover) when the status slots need the room. */}
      <Typography.Text
        style={{ color: '#dce6f5', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', minWidth: 80, flex: '0 1 auto' }}
        title={`${info.officeName}（${info.officeCode}）`}
        data-testid="office"
      >
        {info.officeName}（{info.officeCode}）
      </Typography.Text>
      <div style={{ flex: '1 0 auto', display: 'flex', justifyContent: 'flex-end' }}>
        <StatusSlots onOpenSync={canOpenSync ? () => navigate(SYNC_PATH) : undefined} />
      </div>
      <Space size={8} style={{ color: '#fff', whiteSpace: 'nowrap' }}>
        <span data-testid="current-user">
          {session.user.displayName}
          <Tag style={{ marginLeft: 8 }}>{ROLE_LABELS[session.user.role]}</Tag>
        </span>
        <Tooltip title="锁定屏幕">
          <Button size="small" icon={<LockOutlined />} onClick={() => void lock()} aria-label="锁定屏幕" />
        </Tooltip>
        <Tooltip title="退出登录">
          <Button size="small" icon={<LogoutOutlined />} onClick={() => void logout()} aria-label="退出登录" />
        </Tooltip>
      </Space>
    </Layout.Header>
  );
}
