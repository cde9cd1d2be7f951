import { Card, Space, Tag, Typography } from 'antd';
import { useWorkQueueQuery } from '../../api/api-slice';
import { useCaseTypes } from '../cases/use-case-types';
import { navigate } from '../../app/hash-route';
import { formatShortTime } from '../../app/shanghai-time';
import { businessTypeName } from '../cases/case-labels';
import { resumeIntakePath } from '../cases/case-route';

/** Under the business types on 受理: the clerk's unfinished drafts and cases back for 补正, one click to continue. */
export function ResumableDrafts() {
  const { data } = useWorkQueueQuery({}, { refetchOnMountOrArgChange: true });
  const types = useCaseTypes().data;
  const items = [...(data?.lists.myDrafts ?? []), ...(data?.lists.awaitingCorrection ?? [])];
  if (items.length === 0) return null;
  return (
    <Card size="small" title="继续未完成的受理" style={{ marginTop: 16 }} data-testid="resumable-drafts">
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        {items.map((c) => (
          <a key={c.id} href={`#${resumeIntakePath(c.id)}`} onClick={(e) => (e.preventDefault(), navigate(resumeIntakePath(c.id)))} aria-label={`继续受理 ${c.caseNumber ?? `草稿 #${c.id}`}`}>
            <Space size={8}>
              <Tag color={c.status === 'requisitioned' ? 'orange' : 'default'}>{c.status === 'requisitioned' ? '待补正' : '草稿'}</Tag>
              <span>
                {c.caseNumber ?? `#${c.id}`} · {businessTypeName(types, c.businessType)}
                {c.names ? ` · ${c.names.split(' ').join('、')}` : ''}
              </span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatShortTime(c.updatedAt)}
              </Typography.Text>
            </Space>
          </a>
        ))}
      </Space>
    </Card>
  );
}
