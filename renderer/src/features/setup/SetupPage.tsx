import { Alert, Button, Col, Divider, Form, Input, Row, Typography } from 'antd';
import { useState } from 'react';
import { checkOfficeCode } from '../../../../electron/contract';
import { errorMessage, useInitializeMutation } from '../../api/api-slice';
import { AuthFrame } from '../auth/AuthFrame';
import { confirmMatches, passwordPolicyRule } from '../auth/password-rules';

interface SetupValues {
  officeCode: string;
  officeName: string;
  adminUsername: string;
  adminDisplayName: string;
  password: string;
}

/**
 * First start. There is no default account: whoever installs the workstation names the office
 * and sets the administrator's password here.
 */
export default function SetupPage() {
  const [initialize, state] = useInitializeMutation();
  const [region, setRegion] = useState<string | null>(null);

  return (
    <AuthFrame title="首次启动设置" subtitle="设置办理机构与系统管理员账号" training width={600}>
      <Form
        layout="vertical"
        aria-label="首次启动设置"
        initialValues={{ adminUsername: 'admin' }}
        onFinish={({ officeCode, officeName, adminUsername, adminDisplayName, password }: SetupValues) =>
          void initialize({ officeCode, officeName, adminUsername, adminDisplayName, password })
        }
      >
        <Form.Item
          name="officeCode"
          htmlFor="setup-office-code"
          label="机构代码（县级行政区划代码）"
          extra={region ? `所属：${region}` : '6 位数字，例如长沙市芙蓉区为 430102'}
          rules={[
            { required: true, message: '请输入机构代码' },
            {
              validator: (_r, value: string | undefined) => {
                const check = checkOfficeCode((value ?? '').trim());
                setRegion(check.ok ? check.province : null);
                return check.ok || !value ? Promise.resolve() : Promise.reject(new Error(check.reason));
              },
            },
          ]}
        >
          <Input maxLength={6} inputMode="numeric" autoFocus id="setup-office-code" />
        </Form.Item>
        <Form.Item name="officeName" htmlFor="setup-office-name" label="机构名称" rules={[{ required: true, message: '请输入机构名称' }]}>
          <Input maxLength={60} placeholder="例如：长沙市不动产登记中心芙蓉分中心" id="setup-office-name" />
        </Form.Item>
        <Divider plain>
          <Typography.Text type="secondary">系统管理员</Typography.Text>
        </Divider>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="adminUsername"
              htmlFor="setup-admin-username"
              label="管理员用户名"
              rules={[
                { required: true, message: '请输入用户名' },
                { pattern: /^[a-z][a-z0-9_.-]{2,31}$/, message: '3–32 位小写字母、数字、点、下划线或连字符，以字母开头' },
              ]}
            >
              <Input id="setup-admin-username" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="adminDisplayName" htmlFor="setup-admin-name" label="管理员姓名" rules={[{ required: true, message: '请输入姓名' }]}>
              <Input maxLength={40} id="setup-admin-name" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="password"
              htmlFor="setup-password"
              label="管理员密码"
              extra="至少 8 位，含大写、小写、数字、符号中的 3 类"
              rules={[{ required: true, message: '请输入密码' }, passwordPolicyRule]}
            >
              <Input.Password autoComplete="new-password" id="setup-password" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="confirm"
              htmlFor="setup-confirm"
              label="确认密码"
              dependencies={['password']}
              rules={[{ required: true, message: '请再次输入密码' }, confirmMatches('password')]}
            >
              <Input.Password autoComplete="new-password" id="setup-confirm" />
            </Form.Item>
          </Col>
        </Row>
        {state.error && <Alert type="error" showIcon role="alert" message={errorMessage(state.error)} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" block size="large" loading={state.isLoading}>
          完成设置并登录
        </Button>
      </Form>
    </AuthFrame>
  );
}
