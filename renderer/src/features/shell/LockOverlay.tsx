import { LockOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import type { SessionView } from '../../../../electron/contract';
import { errorMessage, useLogoutMutation, useUnlockMutation } from '../../api/api-slice';

/**
 * Covers the work without unmounting it: forms keep what the clerk typed. Only the same user's
 * password unlocks; anyone else logs out (and the work is discarded).
 */
export function LockOverlay({ session }: { session: NonNullable<SessionView> }) {
  const [unlock, state] = useUnlockMutation();
  const [logout] = useLogoutMutation();
  const [form] = Form.useForm();
  return (
    <div
      role="dialog"
      aria-modal="true"
      aria-label="屏幕已锁定"
      style={{
        position: 'fixed',
        inset: 0,
        zIndex: 2000,
        display: 'grid',
        placeItems: 'center',
        background: 'rgba(16, 38, 71, 0.55)',
        backdropFilter: 'blur(8px)',
      }}
    >
      <Card style={{ width: 380 }}>
        <Space direction="vertical" style={{ width: '100%', textAlign: 'center' }}>
          <LockOutlined style={{ fontSize: 40, color: '#1d4f91' }} />
          <Typography.Title level={4} style={{ margin: 0 }}>
            屏幕已锁定
          </Typography.Title>
          <Typography.Text type="secondary">
            {session.user.displayName}（{session.user.username}），请输入密码继续工作
          </Typography.Text>
        </Space>
        <Form
          form={form}
          layout="vertical"
          style={{ marginTop: 16 }}
          onFinish={async (v: { password: string }) => {
            await unlock({ password: v.password });
            form.resetFields();
          }}
        >
          <Form.Item name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password autoFocus placeholder="密码" autoComplete="current-password" id="unlock-password" />
          </Form.Item>
          {state.error && <Alert type="error" showIcon role="alert" message={errorMessage(state.error)} style={{ marginBottom: 16 }} />}
          <Button type="primary" htmlType="submit" block loading={state.isLoading}>
            解锁
          </Button>
          <Button type="link" block onClick={() => void logout()}>
            切换用户（未保存的工作将丢失）
          </Button>
        </Form>
      </Card>
    </div>
  );
}
