import { Alert, Button, Form, Input, Modal, Space } from 'antd';
import { useEffect } from 'react';
import type { UserView } from '../../../../electron/contract';
import { errorMessage, useResetPasswordMutation } from '../../api/api-slice';
import { passwordPolicyRule } from '../auth/password-rules';
import { generateTemporaryPassword } from './temporary-password';

export function ResetPasswordModal(props: { user: UserView | null; onClose: (reset?: { username: string; password: string }) => void }) {
  const [form] = Form.useForm();
  const [reset, state] = useResetPasswordMutation();
  useEffect(() => {
    if (props.user) form.setFieldsValue({ temporaryPassword: generateTemporaryPassword() });
  }, [props.user, form]);
  return (
    <Modal
      open={props.user !== null}
      title={`重置密码：${props.user?.username ?? ''}`}
      onCancel={() => props.onClose()}
      okText="重置"
      onOk={() => form.submit()}
      confirmLoading={state.isLoading}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={async (v: { temporaryPassword: string }) => {
          if (!props.user) return;
          const r = await reset({ id: props.user.id, temporaryPassword: v.temporaryPassword });
          if ('data' in r) props.onClose({ username: props.user.username, password: v.temporaryPassword });
        }}
      >
        <Form.Item label="临时密码" extra="重置后该用户的登录会话将结束，下次登录时须修改密码；账号锁定同时解除。" required>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name="temporaryPassword" noStyle rules={[{ required: true, message: '请输入临时密码' }, passwordPolicyRule]}>
              <Input id="reset-temporary-password" />
            </Form.Item>
            <Button onClick={() => form.setFieldValue('temporaryPassword', generateTemporaryPassword())}>重新生成</Button>
          </Space.Compact>
        </Form.Item>
        {state.error && <Alert type="error" showIcon role="alert" message={errorMessage(state.error)} />}
      </Form>
    </Modal>
  );
}
