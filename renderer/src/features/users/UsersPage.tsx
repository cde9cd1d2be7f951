import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ROLE_LABELS, type UserView } from '../../../../electron/contract';
import { errorMessage, useSetUserDisabledMutation, useUnlockUserMutation, useUsersQuery } from '../../api/api-slice';
import { formatTime } from '../../app/labels';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserFormModal } from './UserFormModal';

function StatusTags({ user }: { user: UserView }) {
  return (
    <Space size={4} wrap>
      {user.disabled ? <Tag color="default">已停用</Tag> : <Tag color="green">正常</Tag>}
      {user.lockedUntil && <Tag color="red">锁定至 {formatTime(user.lockedUntil)}</Tag>}
      {user.mustChangePassword && <Tag color="orange">待修改密码</Tag>}
    </Space>
  );
}

export default function UsersPage() {
  const { data, isLoading, error } = useUsersQuery();
  const [setDisabled] = useSetUserDisabledMutation();
  const [unlockUser] = useUnlockUserMutation();
  const [editing, setEditing] = useState<UserView | null | 'new'>(null);
  const [resetting, setResetting] = useState<UserView | null>(null);
  const { message, modal } = App.useApp();

  const showTemporaryPassword = (info?: { username: string; password: string }) => {
    if (!info) return;
    modal.info({
      title: '请将临时密码告知用户',
      content: (
        <div>
          用户 <b>{info.username}</b> 的临时密码：
          <Typography.Paragraph copyable code style={{ fontSize: 18, marginTop: 8 }} data-testid="temporary-password">
            {info.password}
          </Typography.Paragraph>
          该密码只显示这一次，用户首次登录时须修改。
        </div>
      ),
    });
  };

  const act = async (p: Promise<{ error?: unknown }>, done: string) => {
    const r = await p;
    if (r.error) void message.error(errorMessage(r.error));
    else void message.success(done);
  };

  return (
    <Card
      title="用户管理"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          新建用户
        </Button>
      }
    >
      {error && <Alert type="error" showIcon message={errorMessage(error)} style={{ marginBottom: 16 }} />}
      <Table<UserView>
        rowKey="id"
        loading={isLoading}
        dataSource={data ?? []}
        pagination={false}
        columns={[
          { title: '用户名', dataIndex: 'username' },
          { title: '姓名', dataIndex: 'displayName' },
          { title: '角色', dataIndex: 'role', render: (r: UserView['role']) => ROLE_LABELS[r] },
          { title: '状态', key: 'status', render: (_: unknown, u) => <StatusTags user={u} /> },
          { title: '最近登录', dataIndex: 'lastLoginAt', render: (t: string | null) => formatTime(t) },
          {
            title: '操作',
            key: 'actions',
            render: (_: unknown, u) => (
              <Space size={0} wrap>
                <Button type="link" onClick={() => setEditing(u)}>
                  修改
                </Button>
                <Button type="link" onClick={() => setResetting(u)}>
                  重置密码
                </Button>
                {u.lockedUntil && (
                  <Button type="link" onClick={() => void act(unlockUser({ id: u.id }), '已解除锁定')}>
                    解除锁定
                  </Button>
                )}
                <Button
                  type="link"
                  danger={!u.disabled}
                  onClick={() => void act(setDisabled({ id: u.id, disabled: !u.disabled }), u.disabled ? '已启用' : '已停用')}
                >
                  {u.disabled ? '启用' : '停用'}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <UserFormModal
        open={editing !== null}
        user={editing === 'new' ? null : editing}
        onClose={(created) => {
          setEditing(null);
          showTemporaryPassword(created);
        }}
      />
      <ResetPasswordModal
        user={resetting}
        onClose={(reset) => {
          setResetting(null);
          showTemporaryPassword(reset);
        }}
      />
    </Card>
  );
}
