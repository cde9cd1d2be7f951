import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import type { AppInfo } from '../../../../electron/contract';
import { useLoginMutation } from '../../api/api-slice';
import { formatTime } from '../../app/labels';
import { AuthFrame } from './AuthFrame';

export function LoginPage({ info }: { info: AppInfo }) {
  const [login, state] = useLoginMutation();
  const error = state.error as { code?: string; message?: string; details?: { until?: string } } | undefined;
  const office = [info.officeName, info.officeCode && `（${info.officeCode}）`].filter(Boolean).join('');

  return (
    <AuthFrame title="用户登录" subtitle={office} training={info.training}>
      <Form
        layout="vertical"
        size="large"
        onFinish={(v: { username: string; password: string }) => void login({ username: v.username.trim(), password: v.password })}
        aria-label="登录"
      >
        <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请输入用户名' }]}>
          <Input prefix={<UserOutlined />} autoFocus autoComplete="username" id="login-username" />
        </Form.Item>
        <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" id="login-password" />
        </Form.Item>
        {error && (
          <Alert
            type={error.code === 'ACCOUNT_LOCKED' ? 'warning' : 'error'}
            showIcon
            style={{ marginBottom: 16 }}
            role="alert"
            message={error.code === 'ACCOUNT_LOCKED' ? `账号已锁定，锁定至 ${formatTime(error.details?.until)}` : error.message}
            description={
              error.code === 'ACCOUNT_LOCKED'
                ? '连续多次密码错误，账号已被暂时锁定。请在锁定结束后再试，或联系管理员解除锁定。'
                : error.code === 'INVALID_CREDENTIALS'
                  ? '连续多次输错密码，账号将被暂时锁定。'
                  : undefined
            }
          />
        )}
        <Button type="primary" htmlType="submit" block loading={state.isLoading}>
          登录
        </Button>
      </Form>
    </AuthFrame>
  );
}
