import { Alert, Badge, Button, Checkbox, Input, Select, Space, Table, Tabs, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { formatShortTime } from '../../../app/shanghai-time';
import type { ReviewQueue } from '../review-route';
import { REVIEW_QUEUES } from '../review-route';
import { claimState, claimText, countdownText, QUEUE_TITLES, rowActions, type QueueFilters, type QueueRow } from './queue-view';

export interface ReviewQueuesProps {
  queue: ReviewQueue;
  onQueue: (q: ReviewQueue) => void;
  totals: Partial<Record<ReviewQueue, number>>;
  rows: readonly QueueRow[];
  /** How many rows the open queue has with the filters (for the pager). */
  total: number;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
  loading: boolean;
  /** Today in the office's calendar, as the queue answer says it. */
  today: string | null;
  filters: QueueFilters;
  onFilters: (f: QueueFilters) => void;
  businessTypes: ReadonlyArray<{ id: string; name: string }>;
  me: number;
  role: string;
  /** The case whose claim/release is on its way (its buttons spin). */
  busyCaseId: number | null;
  error: string | null;
  onOpen: (row: QueueRow) => void;
  onClaim: (row: QueueRow) => void;
  onRelease: (row: QueueRow) => void;
  onReassign: (row: QueueRow) => void;
}

const TONE = { overdue: '#cf1322', due: '#d46b08', normal: undefined } as const;

/**
 * 审核's work queues: 待初审 / 待复审 / 待登簿 / 补正中 with their totals, the cases of one queue with
 * their promised date and working days left (overdue in red), filters, and 认领 / 释放 / 改派.
 * Read from the workstation's local copy of the office's cases: works offline.
 */
export function ReviewQueues(p: ReviewQueuesProps) {
  const columns: ColumnsType<QueueRow> = [
    {
      title: '受理编号',
      key: 'number',
      width: 200,
      render: (_, r) => (
        <a
          href="#"
          onClick={(e) => {
            e.preventDefault();
            p.onOpen(r);
          }}
          data-testid="queue-case-number"
        >
          {r.caseNumber ?? r.officialNumber ?? `#${r.caseId}`}
        </a>
      ),
    },
    { title: '业务类型', dataIndex: 'businessTypeLabel', key: 'type', width: 120, ellipsis: true },
    { title: '权利人', dataIndex: 'names', key: 'names', width: 130, ellipsis: true, render: (v: string | null) => v ?? '—' },
    { title: '坐落', dataIndex: 'addresses', key: 'addresses', width: 240, ellipsis: true, render: (v: string | null) => v ?? '—' },
    { title: '受理人', dataIndex: 'clerkName', key: 'clerk', width: 80, render: (v: string | null) => v ?? '—' },
    { title: '受理时间', dataIndex: 'acceptedAt', key: 'acceptedAt', width: 140, render: (v: string | null) => formatShortTime(v) },
    { title: '承诺办结日', dataIndex: 'promisedDate', key: 'promised', width: 104, render: (v: string | null) => v ?? '—' },
    {
      title: '剩余工作日',
      key: 'left',
      width: 150,
      render: (_, r) => {
        const c = countdownText(r);
        return (
          <span data-tone={c.tone} style={{ color: TONE[c.tone], fontWeight: c.tone === 'normal' ? undefined : 600 }}>
            {c.text}
          </span>
        );
      },
    },
    {
      title: '办理人',
      key: 'claim',
      width: 150,
      render: (_, r) => {
        const state = claimState(r.claim, p.me, r.mine);
        return (
          <Typography.Text type={state === 'free' ? 'secondary' : undefined} style={{ color: state === 'mine' ? '#1d4f91' : undefined }} data-claim={state}>
            {claimText(r.claim, p.me, r.mine)}
            {r.pendingDecision ? <div style={{ fontSize: 12, color: '#d46b08' }}>已决定，待同步</div> : null}
          </Typography.Text>
        );
      },
    },
    {
      title: '操作',
      key: 'actions',
      width: 190,
      render: (_, r) => {
        const a = rowActions(r, p.queue, p.me, p.role);
        const busy = p.busyCaseId === r.caseId;
        return (
          <Space size={4}>
            {a.claim && (
              <Button size="small" type="primary" loading={busy} onClick={() => p.onClaim(r)}>
                认领
              </Button>
            )}
            {claimState(r.claim, p.me, r.mine) === 'mine' && (
              <Button size="small" type="primary" onClick={() => p.onOpen(r)}>
                {p.queue === 'registration' ? '登簿' : '审核'}
              </Button>
            )}
            {a.release && (
              <Button size="small" loading={busy} onClick={() => p.onRelease(r)}>
                释放
              </Button>
            )}
            {a.reassign && (
              <Button size="small" onClick={() => p.onReassign(r)}>
                改派
              </Button>
            )}
          </Space>
        );
      },
    },
  ];

  const set = (patch: Partial<QueueFilters>) => p.onFilters({ ...p.filters, ...patch });

  return (
    <section aria-label="审核工作队列" data-testid="review-queues">
      <Tabs
        activeKey={p.queue}
        onChange={(k) => p.onQueue(k as ReviewQueue)}
        items={REVIEW_QUEUES.map((q) => ({
          key: q,
          label: (
            <span data-queue={q}>
              {QUEUE_TITLES[q]}{' '}
              <Badge count={p.totals[q] ?? 0} showZero overflowCount={9999} color={(p.totals[q] ?? 0) > 0 ? '#1d4f91' : '#bfbfbf'} />
            </span>
          ),
        }))}
      />
      <Space wrap size={8} style={{ marginBottom: 12 }} aria-label="筛选">
        <Select
          allowClear
          placeholder="业务类型"
          aria-label="按业务类型筛选"
          style={{ width: 180 }}
          value={p.filters.businessType ?? null}
          onChange={(v: string | null) => set({ businessType: v ?? null })}
          options={p.businessTypes.map((t) => ({ value: t.id, label: t.name }))}
        />
        <Input
          allowClear
          placeholder="受理人"
          aria-label="按受理人筛选"
          style={{ width: 140 }}
          value={p.filters.clerk ?? ''}
          onChange={(e) => set({ clerk: e.target.value || null })}
        />
        <Space size={4}>
          <Typography.Text type="secondary">受理日期</Typography.Text>
          <input type="date" aria-label="受理日期自" value={p.filters.from ?? ''} onChange={(e) => set({ from: e.target.value || null })} style={DATE_STYLE} />
          <span>至</span>
          <input type="date" aria-label="受理日期至" value={p.filters.to ?? ''} onChange={(e) => set({ to: e.target.value || null })} style={DATE_STYLE} />
        </Space>
        <Checkbox checked={p.filters.mine === true} onChange={(e) => set({ mine: e.target.checked })}>
          只看本人认领的
        </Checkbox>
        <span style={{ flex: 1 }} />
        {p.today && (
          <Tooltip title="剩余工作日按本机构的工作日历计算（法定节假日、调休）">
            <Typography.Text type="secondary">今天 {p.today}</Typography.Text>
          </Tooltip>
        )}
      </Space>
      {/* Reserved line: an error appears without moving the table. */}
      <div style={{ minHeight: 40 }}>{p.error && <Alert type="error" showIcon role="alert" title={p.error} />}</div>
      <Table<QueueRow>
        rowKey="caseId"
        size="small"
        columns={columns}
        dataSource={[...p.rows]}
        loading={p.loading}
        rowClassName={(r) => (r.overdue ? 'review-row-overdue' : '')}
        onRow={(r) => ({ 'data-case-id': r.caseId, onDoubleClick: () => p.onOpen(r) }) as React.HTMLAttributes<HTMLElement>}
        pagination={{ current: p.page, pageSize: p.pageSize, total: p.total, showSizeChanger: false, onChange: p.onPage, showTotal: (t) => `共 ${t} 件` }}
        locale={{ emptyText: `${QUEUE_TITLES[p.queue]}没有业务` }}
        scroll={{ x: 1560 }}
      />
    </section>
  );
}

const DATE_STYLE: React.CSSProperties = { height: 32, border: '1px solid #d9d9d9', borderRadius: 6, padding: '0 8px', font: 'inherit' };
