import { App, Card, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage, useBusinessTypesQuery } from '../../../api/api-slice';
import { navigate } from '../../../app/hash-route';
import { useClaimMutation, useReassignMutation, useReleaseMutation, useReviewCandidatesQuery, useReviewQueuesQuery, useSessionUser } from '../review-api';
import { queuePath, registerPath, workspacePath, type ReviewQueue } from '../review-route';
import { defaultQueue, queueInput, type QueueFilters, type QueueRow } from './queue-view';
import { ReviewQueues } from './ReviewQueues';

const PAGE_SIZE = 20;

/** The 审核 page's queues: the list from the local cache (refreshed every few seconds), 认领/释放/改派. */
export function QueuesScreen({ queue: routeQueue }: { queue: ReviewQueue | null }) {
  const user = useSessionUser();
  const queue = routeQueue ?? defaultQueue(user.role);
  const [filters, setFilters] = useState<QueueFilters>({});
  const [page, setPage] = useState(1);
  const [busy, setBusy] = useState<number | null>(null);
  const [reassigning, setReassigning] = useState<QueueRow | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const { message } = App.useApp();
  const types = useBusinessTypesQuery().data ?? [];
  // The queue is the local copy of the office's cases (fed by the platform): polled, so a case
  // claimed at another desk shows as taken without a reload.
  const queues = useReviewQueuesQuery(queueInput(queue, filters, page, PAGE_SIZE), { pollingInterval: 5000 });
  const [claim] = useClaimMutation();
  const [release] = useReleaseMutation();

  async function act(row: QueueRow, run: () => Promise<{ error?: unknown }>, done: string) {
    setBusy(row.caseId);
    setActionError(null);
    const r = await run();
    setBusy(null);
    if (r.error) setActionError(errorMessage(r.error));
    else void message.success(done);
    queues.refetch();
    return !r.error;
  }

  const open = (row: QueueRow) => navigate(queue === 'registration' ? registerPath(row.caseId) : workspacePath(row.caseId));

  return (
    <Card title="审核" size="small">
      <ReviewQueues
        queue={queue}
        onQueue={(q) => {
          setPage(1);
          navigate(queuePath(q));
        }}
        totals={queues.data?.totals ?? {}}
        rows={queues.data?.items ?? []}
        total={queues.data?.matching ?? 0}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={setPage}
        loading={queues.isLoading}
        today={queues.data?.today ?? null}
        filters={filters}
        onFilters={(f) => {
          setPage(1);
          setFilters(f);
        }}
        businessTypes={types.map((t) => ({ id: t.id, name: t.name }))}
        me={user.id}
        role={user.role}
        busyCaseId={busy}
        error={actionError ?? (queues.error ? errorMessage(queues.error) : null)}
        onOpen={open}
        onClaim={async (row) => {
          if (await act(row, () => claim({ caseId: row.caseId }), `已认领 ${row.caseNumber ?? ''}`)) open(row);
        }}
        onRelease={(row) => void act(row, () => release({ caseId: row.caseId }), '已释放，其他人可以认领')}
        onReassign={setReassigning}
      />
      <ReassignModal row={reassigning} onClose={() => setReassigning(null)} onDone={() => queues.refetch()} />
    </Card>
  );
}

/** 改派 by a supervisor: to another reviewer or registrar (review.candidates), audited by core. */
function ReassignModal({ row, onClose, onDone }: { row: QueueRow | null; onClose: () => void; onDone: () => void }) {
  const [reassign, state] = useReassignMutation();
  const candidates = useReviewCandidatesQuery(undefined, { skip: row === null });
  const [to, setTo] = useState<string | null>(null);
  const { message } = App.useApp();
  const ROLE: Record<string, string> = { reviewer: '审核', registrar: '登簿', supervisor: '主管' };
  return (
    <Modal
      open={row !== null}
      title={`改派 ${row?.caseNumber ?? ''}`}
      okText="确认改派"
      cancelText="取消"
      okButtonProps={{ disabled: to === null }}
      confirmLoading={state.isLoading}
      onCancel={onClose}
      destroyOnHidden
      onOk={async () => {
        if (!row || to === null) return;
        const r = await reassign({ caseId: row.caseId, to });
        if (r.error) return void message.error(errorMessage(r.error));
        void message.success('已改派');
        onDone();
        onClose();
      }}
    >
      <Typography.Paragraph type="secondary">
        {row?.claim ? `当前办理人：${row.claim.name}。` : '本业务尚无人认领。'}改派需要连接省级平台，并记入审计日志。
      </Typography.Paragraph>
      <Select
        style={{ width: '100%' }}
        aria-label="改派给"
        placeholder="改派给"
        loading={candidates.isLoading}
        options={(candidates.data ?? []).map((c) => ({ value: c.userId, label: `${c.name}（${ROLE[c.role] ?? c.role}）` }))}
        value={to}
        onChange={setTo}
      />
    </Modal>
  );
}
