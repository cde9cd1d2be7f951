import { Badge, Card, Empty, Typography } from 'antd';
import type { WorkQueueItem, WorkQueueList } from '../../../../electron/contract';
import { useWorkQueueQuery } from '../../api/api-slice';
import { useCaseTypes } from '../cases/use-case-types';
import { navigate } from '../../app/hash-route';
import { formatShortTime } from '../../app/shanghai-time';
import { businessTypeName } from '../cases/case-labels';
import { caseDetailPath, resumeIntakePath } from '../cases/case-route';

/** The five lists as the counter names them, and what one click on a case does there. */
const LISTS: ReadonlyArray<{ list: WorkQueueList; title: string; empty: string; open: (c: WorkQueueItem) => string; when: (c: WorkQueueItem) => string }> = [
  { list: 'myDrafts', title: '我的草稿', empty: '没有未完成的受理', open: (c) => resumeIntakePath(c.id), when: (c) => `保存于 ${formatShortTime(c.updatedAt)}` },
  { list: 'awaitingCorrection', title: '待补正', empty: '没有等待补正的业务', open: (c) => resumeIntakePath(c.id), when: (c) => c.statusReason ?? '' },
  { list: 'readyToCollect', title: '待领证', empty: '没有待领取的证书', open: (c) => caseDetailPath(c.id), when: (c) => `受理于 ${formatShortTime(c.acceptedAt)}` },
  { list: 'acceptedToday', title: '今日已受理', empty: '今天还没有受理业务', open: (c) => caseDetailPath(c.id), when: (c) => formatShortTime(c.acceptedAt).slice(11) },
  { list: 'nearDue', title: '临近办结期限', empty: '没有临近期限的业务', open: (c) => caseDetailPath(c.id), when: (c) => `承诺 ${c.promisedDate ?? '—'}` },
];

/**
 * 工作台's work queue for the counter: each case is one click from here — a draft or a 补正 case
 * opens in 受理 where the clerk left it, the others open their detail.
 */
export function WorkQueue() {
  const { data, isLoading } = useWorkQueueQuery({}, { refetchOnMountOrArgChange: true });
  const types = useCaseTypes().data;
  return (
    <Card title="我的待办" size="small" loading={isLoading} data-testid="work-queue">
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(300px, 1fr))', gap: 12 }}>
        {LISTS.map(({ list, title, empty, open, when }) => {
          const items = data?.lists[list] ?? [];
          const total = data?.totals[list] ?? 0;
          return (
            <section key={list} aria-label={title} data-list={list} style={{ border: '1px solid #f0f0f0', borderRadius: 4, padding: '8px 10px', minHeight: 96 }}>
              <div style={{ display: 'flex', alignItems: 'center', gap: 8, marginBottom: 6 }}>
                <Typography.Text strong>{title}</Typography.Text>
                <Badge count={total} showZero color={total > 0 && list === 'nearDue' ? '#cf1322' : total > 0 ? '#1d4f91' : '#bfbfbf'} />
              </div>
              {items.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} style={{ margin: '4px 0' }} />
              ) : (
                <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                  {items.map((c) => (
                    <li key={c.id} style={{ padding: '3px 0', borderTop: '1px dashed #f0f0f0' }}>
                      <a href={`#${open(c)}`} onClick={(e) => (e.preventDefault(), navigate(open(c)))} style={{ display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                        {c.caseNumber ?? `草稿 #${c.id}`} · {businessTypeName(types, c.businessType)}
                        {c.names ? ` · ${c.names.split(' ').join('、')}` : ''}
                      </a>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
                        {when(c)}
                      </Typography.Text>
                    </li>
                  ))}
                  {total > items.length && (
                    <li style={{ fontSize: 12, paddingTop: 3 }}>
                      <a href="#/cases">另有 {total - items.length} 件，在业务查询中查看</a>
                    </li>
                  )}
                </ul>
              )}
            </section>
          );
        })}
      </div>
    </Card>
  );
}
