import { Alert, App, Badge, Button, Card, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage, useResendDeadLetterMutation, useSyncQueueQuery } from '../../api/api-slice';
import { formatTime } from '../../app/labels';
import { CancelSendModal } from './CancelSendModal';
import { OUTBOX_KIND_LABELS, OUTBOX_TABS, SYNC_POLL_MS, type OutboxEntry, type OutboxState } from './sync-labels';

const PAGE_SIZE = 20;

/** The outbox by state, one tab each; a supervisor decides about dead letters here. */
export function OutboxTabs(props: {
  tab: OutboxState;
  onTab: (tab: OutboxState) => void;
  counts: Partial<Record<OutboxState, number>>;
  canDecide: boolean;
}) {
  return (
    <Card title="发送队列" size="small">
      <Tabs
        activeKey={props.tab}
        onChange={(k) => props.onTab(k as OutboxState)}
        destroyOnHidden
        items={OUTBOX_TABS.map((t) => {
          const n = props.counts[t.state];
          return {
            key: t.state,
            label: (
              <span data-testid={`outbox-tab-${t.state}`}>
                {t.label}
                {n !== undefined && n > 0 && <Badge count={n} overflowCount={9999} color={t.state === 'dead' ? '#cf1322' : '#d48806'} style={{ marginLeft: 6 }} />}
              </span>
            ),
            children: <OutboxTable state={t.state} label={t.label} empty={t.empty} canDecide={props.canDecide} />,
          };
        })}
      />
    </Card>
  );
}

function OutboxTable({ state, label, empty, canDecide }: { state: OutboxState; label: string; empty: string; canDecide: boolean }) {
  const [page, setPage] = useState(1);
  const [cancelling, setCancelling] = useState<OutboxEntry | null>(null);
  const { data, isFetching, error } = useSyncQueueQuery(
    { state, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE },
    { pollingInterval: SYNC_POLL_MS },
  );
  const [resend, resending] = useResendDeadLetterMutation();
  const { message } = App.useApp();
  const dead = state === 'dead';
  const number = (r: OutboxEntry) => r.caseNumber ?? `#${r.caseId}`;

  return (
    <>
      {dead && !canDecide && (data?.total ?? 0) > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="发送失败的业务需由主管决定"
          description="省级平台拒收了这些业务（原因见“最后错误”）。请联系主管（缮证发证/统计岗）或系统管理员：核对后重新发送，或填写原因取消发送。业务本身保存在本机，不会丢失。"
        />
      )}
      {dead && canDecide && (data?.total ?? 0) > 0 && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          “重新发送”使用原来的幂等键，平台不会重复登记；“取消发送”后该业务只保存在本机，需填写原因，操作记入审计日志。
        </Typography.Paragraph>
      )}
      {(error || resending.error) && <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} title={errorMessage(error ?? resending.error)} />}
      <Table<OutboxEntry>
        rowKey="id"
        size="small"
        loading={isFetching && !data}
        dataSource={data?.rows ?? []}
        caption={<span className="visually-hidden">{`${label}的业务（共 ${data?.total ?? 0} 条）`}</span>}
        aria-label={`${label}的业务`}
        data-testid={`outbox-table-${state}`}
        locale={{ emptyText: empty }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: data?.total ?? 0,
          showSizeChanger: false,
          hideOnSinglePage: true,
          showTotal: (total) => `共 ${total} 条`,
          onChange: setPage,
        }}
        columns={[
          {
            title: '业务编号',
            key: 'case',
            width: 220,
            render: (_: unknown, r) => (
              <a href={`#/cases/${r.caseId}`} style={{ whiteSpace: 'nowrap' }}>
                {number(r)}
              </a>
            ),
          },
          { title: '类型', dataIndex: 'kind', width: 90, render: (k: OutboxEntry['kind']) => <Tag>{OUTBOX_KIND_LABELS[k]}</Tag> },
          { title: '尝试次数', dataIndex: 'attempts', width: 84, align: 'right' },
          { title: '创建时间', dataIndex: 'createdAt', width: 170, render: (t: string) => formatTime(t) },
          ...(state === 'pending'
            ? [{ title: '下次尝试', dataIndex: 'nextAttemptAt', width: 170, render: (t: string | null) => (t ? formatTime(t) : '立即') }]
            : state === 'done'
              ? [{ title: '发送时间', dataIndex: 'sentAt', width: 170, render: (t: string | null) => formatTime(t) }]
              : []),
          {
            // A sent command's errors are history: why it needed more than one attempt.
            title: state === 'done' ? '重试原因' : '最后错误',
            key: 'error',
            render: (_: unknown, r) =>
              r.lastError ? (
                <span>
                  {r.lastErrorCode && <Tag color={dead ? 'red' : 'default'}>{r.lastErrorCode}</Tag>}
                  <Typography.Text type={dead ? 'danger' : undefined}>{r.lastError}</Typography.Text>
                </span>
              ) : (
                '—'
              ),
          },
          ...(dead && canDecide
            ? [
                {
                  title: '处理',
                  key: 'actions',
                  width: 200,
                  render: (_: unknown, r: OutboxEntry) => (
                    <Space size={8}>
                      <Button
                        size="small"
                        type="primary"
                        aria-label={`重新发送 ${number(r)}`}
                        loading={resending.isLoading && resending.originalArgs?.id === r.id}
                        onClick={async () => {
                          const res = await resend({ id: r.id });
                          if (!res.error) void message.success(`业务 ${number(r)} 已重新放入待发送队列`);
                        }}
                      >
                        重新发送
                      </Button>
                      <Button size="small" danger aria-label={`取消发送 ${number(r)}`} onClick={() => setCancelling(r)}>
                        取消发送
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <CancelSendModal entry={cancelling} onClose={() => setCancelling(null)} />
    </>
  );
}
