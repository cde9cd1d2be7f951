import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import type { AuditRecordView } from '../../../../electron/contract';
import { errorMessage, useAuditQuery, useVerifyAuditMutation } from '../../api/api-slice';
import { actionLabel, formatTime } from '../../app/labels';

const PAGE = 50;

/** The append-only audit log, newest first, with a check of its SM3 hash chain. */
export default function AuditPage() {
  const [filters, setFilters] = useState<{ action?: string; actor?: string }>({});
  const [cursor, setCursor] = useState<number[]>([]); // beforeSeq of each page after the first
  const beforeSeq = cursor[cursor.length - 1];
  const { data, isFetching, error } = useAuditQuery({ limit: PAGE, ...filters, ...(beforeSeq ? { beforeSeq } : {}) });
  const [verify, verification] = useVerifyAuditMutation();
  const records = data?.records ?? [];

  return (
    <Card
      title="审计日志"
      extra={
        <Button icon={<SafetyCertificateOutlined />} onClick={() => void verify()} loading={verification.isLoading}>
          校验完整性
        </Button>
      }
    >
      {verification.data && (
        <Alert
          role="status"
          showIcon
          style={{ marginBottom: 16 }}
          type={verification.data.ok ? 'success' : 'error'}
          message={
            verification.data.ok
              ? `审计日志完整：已校验 ${verification.data.checked} 条记录，哈希链（SM3）未发现篡改。`
              : `审计日志被篡改：第 ${verification.data.firstBroken?.seq} 条记录异常：${verification.data.firstBroken?.reason}`
          }
          description={anchorText(verification.data.anchor)}
        />
      )}
      {(error || verification.error) && <Alert type="error" showIcon message={errorMessage(error ?? verification.error)} style={{ marginBottom: 16 }} />}
      <Space style={{ marginBottom: 16 }} wrap>
        <Input.Search
          placeholder="操作代码前缀，如 auth.login"
          allowClear
          onSearch={(v) => {
            setCursor([]);
            setFilters((f) => ({ ...f, action: v.trim() || undefined }));
          }}
          style={{ width: 260 }}
          aria-label="按操作筛选"
        />
        <Input.Search
          placeholder="用户名"
          allowClear
          onSearch={(v) => {
            setCursor([]);
            setFilters((f) => ({ ...f, actor: v.trim() || undefined }));
          }}
          style={{ width: 200 }}
          aria-label="按用户筛选"
        />
        <span>共 {data?.total ?? 0} 条</span>
      </Space>
      <Table<AuditRecordView>
        rowKey="seq"
        size="small"
        loading={isFetching}
        dataSource={records}
        pagination={false}
        columns={[
          { title: '序号', dataIndex: 'seq', width: 80 },
          { title: '时间', dataIndex: 'at', width: 180, render: (t: string) => formatTime(t) },
          { title: '用户', dataIndex: 'actor', width: 120, render: (a: string | null) => a ?? '（系统）' },
          { title: '操作', dataIndex: 'action', width: 150, render: (a: string) => <span title={a}>{actionLabel(a)}</span> },
          { title: '对象', dataIndex: 'object', width: 110, render: (o: string | null) => o ?? '—' },
          {
            title: '结果',
            dataIndex: 'result',
            width: 80,
            render: (r: string) => <Tag color={r === 'success' ? 'green' : 'red'}>{r === 'success' ? '成功' : '失败'}</Tag>,
          },
          {
            title: '详情',
            dataIndex: 'detail',
            render: (d: Record<string, unknown>) => (Object.keys(d).length ? <code style={{ fontSize: 12 }}>{JSON.stringify(d)}</code> : '—'),
          },
        ]}
      />
      <Space style={{ marginTop: 16 }}>
        <Button disabled={cursor.length === 0} onClick={() => setCursor((c) => c.slice(0, -1))}>
          上一页
        </Button>
        <Button disabled={records.length < PAGE} onClick={() => setCursor((c) => [...c, records[records.length - 1].seq])}>
          下一页
        </Button>
      </Space>
    </Card>
  );
}

/** What the comparison with the platform's receipt (the anchor outside this machine) found. */
function anchorText(anchor: { state: string; platformSeq: number | null; reason: string | null } | undefined): string | undefined {
  if (!anchor) return undefined;
  if (anchor.state === 'matched') return `与省级平台回执一致（平台已收到至第 ${anchor.platformSeq} 条）。`;
  if (anchor.state === 'none') return '省级平台尚未收到本机的审计记录，未比对。';
  if (anchor.state === 'offline') return '未连接省级平台：本次只校验了本机哈希链，未与平台回执比对。';
  return anchor.reason ?? '与省级平台回执不一致。';
}
