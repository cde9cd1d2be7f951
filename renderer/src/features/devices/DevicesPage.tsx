import { CreditCardOutlined, SafetyOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Table, Tag, Typography } from 'antd';
import type { SessionView } from '../../../../electron/contract';
import { errorMessage, useReadIdCardMutation, useSamInfoMutation, useSessionQuery, useStatusQuery } from '../../api/api-slice';
import { IdCardView } from './IdCardView';
import { PrintersCard } from './PrintersCard';
import { SignaturePadCard } from './SignaturePadCard';

const STATE_TAGS: Record<string, { color: string; text: string }> = {
  connected: { color: 'green', text: '已连接' },
  connecting: { color: 'processing', text: '连接中' },
  disconnected: { color: 'red', text: '未连接' },
  error: { color: 'red', text: '故障' },
  not_configured: { color: 'default', text: '未配置' },
};

/** 设备检测: what a technician checks at a counter — status, a card read, the SAM module. */
export default function DevicesPage() {
  const { data } = useStatusQuery(undefined, { pollingInterval: 3000 });
  const session = useSessionQuery().data as NonNullable<SessionView>;
  const [read, readState] = useReadIdCardMutation();
  const [sam, samState] = useSamInfoMutation();
  const canRead = ['clerk', 'supervisor', 'admin'].includes(session.user.role);

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title="设备状态">
        <Table
          rowKey="kind"
          size="small"
          pagination={false}
          dataSource={data?.devices ?? []}
          columns={[
            { title: '设备', dataIndex: 'label', width: 140 },
            {
              title: '状态',
              dataIndex: 'state',
              width: 160,
              render: (s: string, d) => (
                <Space size={4}>
                  <Tag color={STATE_TAGS[s]?.color}>{STATE_TAGS[s]?.text ?? s}</Tag>
                  {d.simulated && <Tag color="orange">模拟</Tag>}
                </Space>
              ),
            },
            { title: '说明', dataIndex: 'detail' },
          ]}
        />
      </Card>
      <Card
        title="身份证阅读器"
        extra={
          <Space>
            {session.user.role === 'admin' && (
              <Button icon={<SafetyOutlined />} onClick={() => void sam()} loading={samState.isLoading}>
                检测安全模块
              </Button>
            )}
            <Button type="primary" icon={<CreditCardOutlined />} disabled={!canRead} onClick={() => void read({ timeoutSeconds: 5 })} loading={readState.isLoading}>
              读卡
            </Button>
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">
          点击“读卡”后 5 秒内将身份证平放在阅读器感应区。身份证号码只显示前 6 位和后 4 位；每次读卡都记入审计日志。
        </Typography.Paragraph>
        {samState.data && (
          <Alert type="info" showIcon style={{ marginBottom: 16 }} message={`安全模块：${samState.data.status}`} description={samState.data.samId ? `SAM 编号：${samState.data.samId}` : undefined} />
        )}
        {samState.error && <Alert type="error" showIcon style={{ marginBottom: 16 }} message={errorMessage(samState.error)} />}
        {readState.error && <Alert type="error" showIcon role="alert" message={errorMessage(readState.error)} />}
        {readState.data && !readState.isLoading && <IdCardView card={readState.data} />}
      </Card>
      <SignaturePadCard canCapture={canRead} />
      <PrintersCard isAdmin={session.user.role === 'admin'} />
    </Space>
  );
}
