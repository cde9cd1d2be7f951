import { Alert, App, Button, Card, Descriptions, Form, Input, InputNumber, Switch, Tag } from 'antd';
import type { SessionView } from '../../../../electron/contract';
import BackupsSection from './BackupsSection';
import { errorMessage, useConfigQuery, useSessionQuery, useUpdateConfigMutation } from '../../api/api-slice';

const MODE_LABELS = { counter: '窗口受理', kiosk: '自助查询机', bank: '银行网点' } as const;

/** The effective configuration for everyone; the settings an administrator may change from here. */
export default function SettingsPage() {
  const { data, error } = useConfigQuery();
  const session = useSessionQuery().data as NonNullable<SessionView>;
  const [update, state] = useUpdateConfigMutation();
  const { message } = App.useApp();
  if (error) return <Alert type="error" showIcon message={errorMessage(error)} />;
  if (!data || !session) return null;
  const c = data.effective;
  const isAdmin = session.user.role === 'admin';

  return (
    <>
      <Card title="当前生效的配置" style={{ marginBottom: 16 }}>
        <Descriptions column={1} bordered size="small" labelStyle={{ width: 220 }}>
          <Descriptions.Item label="配置文件">
            <code>{data.path}</code> {data.fileExists ? '' : <Tag>文件不存在，使用默认值</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label="数据目录">
            <code>{data.dataDir}</code>
          </Descriptions.Item>
          <Descriptions.Item label="机构代码 officeCode">{c.officeCode ?? '未设置'}</Descriptions.Item>
          <Descriptions.Item label="机构名称 officeName">{c.officeName ?? '未设置'}</Descriptions.Item>
          <Descriptions.Item label="运行模式 mode">{MODE_LABELS[c.mode]}</Descriptions.Item>
          <Descriptions.Item label="培训模式 training">{c.training ? <Tag color="orange">开启</Tag> : '关闭'}</Descriptions.Item>
          <Descriptions.Item label="空闲锁屏 security.idleLockSeconds">{c.security.idleLockSeconds} 秒</Descriptions.Item>
          <Descriptions.Item label="登录失败锁定 security.maxFailedLogins">{c.security.maxFailedLogins} 次</Descriptions.Item>
          <Descriptions.Item label="锁定时长 security.lockoutMinutes">{c.security.lockoutMinutes} 分钟</Descriptions.Item>
          <Descriptions.Item label="密码有效期 security.passwordMaxAgeDays">{c.security.passwordMaxAgeDays} 天</Descriptions.Item>
          <Descriptions.Item label="受理后自动打印受理凭证 documents.printReceiptOnAccept">{c.documents.printReceiptOnAccept ? '是（无打印机时打开预览）' : '否'}</Descriptions.Item>
          {data.secrets && (
            <Descriptions.Item label="平台证书口令 platform.pfxPassphrase">
              {data.secrets.platformPfxPassphrase ? <Tag color="green">已设置（不显示）</Tag> : '未设置'}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      {isAdmin && (
        <Card title="修改设置" style={{ maxWidth: 640 }}>
          <Form
            layout="vertical"
            initialValues={{ officeName: c.officeName, training: c.training, idleLockSeconds: c.security.idleLockSeconds, passwordMaxAgeDays: c.security.passwordMaxAgeDays, printReceiptOnAccept: c.documents.printReceiptOnAccept }}
            onFinish={async (v: { officeName: string; training: boolean; idleLockSeconds: number; passwordMaxAgeDays: number; printReceiptOnAccept: boolean }) => {
              const r = await update({
                officeName: v.officeName,
                training: v.training,
                security: { idleLockSeconds: v.idleLockSeconds, passwordMaxAgeDays: v.passwordMaxAgeDays },
                documents: { printReceiptOnAccept: v.printReceiptOnAccept },
              });
              if ('data' in r) void message.success('设置已保存，已记入审计日志');
            }}
          >
            <Form.Item name="officeName" label="机构名称" rules={[{ required: true, message: '请输入机构名称' }]}>
              <Input maxLength={60} />
            </Form.Item>
            <Form.Item name="idleLockSeconds" label="空闲锁屏时间（秒，5–600）" rules={[{ required: true }]}>
              <InputNumber min={5} max={600} precision={0} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="passwordMaxAgeDays" label="密码有效期（天，30–365；到期须在登录时修改）" rules={[{ required: true }]}>
              <InputNumber min={30} max={365} precision={0} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="training" label="培训模式" valuePropName="checked">
              <Switch />
            </Form.Item>
            <Form.Item name="printReceiptOnAccept" label="受理后自动打印受理凭证（没有打印机时打开预览，可另存为 PDF）" valuePropName="checked">
              <Switch />
            </Form.Item>
            {state.error && <Alert type="error" showIcon role="alert" message={errorMessage(state.error)} style={{ marginBottom: 16 }} />}
            <Button type="primary" htmlType="submit" loading={state.isLoading}>
              保存
            </Button>
          </Form>
        </Card>
      )}
      {isAdmin && <BackupsSection />}
    </>
  );
}
