import { Alert, Button, Form, Input, Modal, Select, Space } from 'antd';
import { useEffect } from 'react';
import { ROLE_LABELS, ROLES, type Role, type UserView } from '../../../../electron/contract';
import { errorMessage, useCreateUserMutation, useUpdateUserMutation } from '../../api/api-slice';
import { passwordPolicyRule } from '../auth/password-rules';
import { generateTemporaryPassword } from './temporary-password';

const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

/** Create a user (with a temporary password) or edit an existing one's name and role. */
export function UserFormModal(props: { open: boolean; user: UserView | null; onClose: (created?: { username: string; password: string }) => void }) {
  const [form] = Form.useForm();
  const [create, createState] = useCreateUserMutation();
  const [update, updateState] = useUpdateUserMutation();
  const editing = props.user !== null;
  const error = editing ? updateState.error : createState.error;

  useEffect(() => {
    if (!props.open) return;
    form.resetFields();
    if (props.user) form.setFieldsValue({ displayName: props.user.displayName, role: props.user.role });
    else form.setFieldsValue({ role: 'clerk', temporaryPassword: generateTemporaryPassword() });
  }, [props.open, props.user, form]);

  async function submit(v: { username: string; displayName: string; role: Role; temporaryPassword: string }) {
    if (props.user) {
      const r = await update({ id: props.user.id, displayName: v.displayName, role: v.role });
      if ('data' in r) props.onClose();
    } else {
      const r = await create(v);
      if ('data' in r) props.onClose({ username: v.username, password: v.temporaryPassword });
    }
  }

  return (
    <Modal
      open={props.open}
      title={editing ? `修改用户：${props.user?.username}` : '新建用户'}
      onCancel={() => props.onClose()}
      okText={editing ? '保存' : '创建'}
      onOk={() => form.submit()}
      confirmLoading={createState.isLoading || updateState.isLoading}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} aria-label={editing ? '修改用户' : '新建用户'}>
        {!editing && (
          <Form.Item
            name="username"
            label="用户名"
            rules={[
              { required: true, message: '请输入用户名' },
              { pattern: /^[a-z][a-z0-9_.-]{2,31}$/, message: '3–32 位小写字母、数字、点、下划线或连字符，以字母开头' },
            ]}
          >
            <Input id="user-username" autoFocus />
          </Form.Item>
        )}
        <Form.Item name="displayName" label="姓名" rules={[{ required: true, message: '请输入姓名' }]}>
          <Input id="user-display-name" maxLength={40} />
        </Form.Item>
        <Form.Item name="role" label="角色" rules={[{ required: true }]}>
          <Select id="user-role" options={ROLE_OPTIONS} />
        </Form.Item>
        {!editing && (
          <Form.Item label="临时密码" extra="用户首次登录时须修改此密码。请当面告知用户。" required>
            <Space.Compact style={{ width: '100%' }}>
              <Form.Item name="temporaryPassword" noStyle rules={[{ required: true, message: '请输入临时密码' }, passwordPolicyRule]}>
                <Input id="user-temporary-password" />
              </Form.Item>
              <Button onClick={() => form.setFieldValue('temporaryPassword', generateTemporaryPassword())}>重新生成</Button>
            </Space.Compact>
          </Form.Item>
        )}
        {error && <Alert type="error" showIcon role="alert" message={errorMessage(error)} />}
      </Form>
    </Modal>
  );
}
