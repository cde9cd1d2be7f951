import { Alert, App, Button, Form, Input } from 'antd';
import { errorMessage, useChangePasswordMutation } from '../../api/api-slice';
import { confirmMatches, passwordPolicyRule } from './password-rules';

export function ChangePasswordForm() {
  const [change, state] = useChangePasswordMutation();
  const [form] = Form.useForm();
  const { message } = App.useApp();
  return (
    <Form
      form={form}
      layout="vertical"
      aria-label="修改密码"
      onFinish={async (v: { currentPassword: string; newPassword: string }) => {
        const r = await change({ currentPassword: v.currentPassword, newPassword: v.newPassword });
        if ('data' in r) {
          form.resetFields();
          void message.success('密码已修改');
        }
      }}
    >
      <Form.Item name="currentPassword" label="当前密码" rules={[{ required: true, message: '请输入当前密码' }]}>
        <Input.Password autoComplete="current-password" id="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label="新密码"
        extra="至少 8 位，包含大写字母、小写字母、数字、符号中的至少 3 类"
        rules={[{ required: true, message: '请输入新密码' }, passwordPolicyRule]}
      >
        <Input.Password autoComplete="new-password" id="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label="确认新密码"
        dependencies={['newPassword']}
        rules={[{ required: true, message: '请再次输入新密码' }, confirmMatches('newPassword')]}
      >
        <Input.Password autoComplete="new-password" id="confirm-password" />
      </Form.Item>
      {state.error && <Alert type="error" showIcon message={errorMessage(state.error)} style={{ marginBottom: 16 }} role="alert" />}
      <Button type="primary" htmlType="submit" block loading={state.isLoading}>
        修改密码
      </Button>
    </Form>
  );
}
