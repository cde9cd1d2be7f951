import { Card, List, Progress, Tag, Typography } from 'antd';
import { formatBytes, UPLOAD_STATE, type Upload } from './sync-labels';

/** Files going to the platform (missing-blob protocol), each with how much has arrived. */
export function UploadsCard({ uploads }: { uploads: readonly Upload[] }) {
  return (
    <Card title={`文件上传（${uploads.length}）`} size="small">
      <List
        size="small"
        dataSource={[...uploads]}
        rowKey="hash"
        aria-label="文件上传进度"
        renderItem={(u) => {
          const percent = u.bytes > 0 ? Math.floor((u.sent / u.bytes) * 100) : u.state === 'done' ? 100 : 0;
          const state = UPLOAD_STATE[u.state];
          const name = u.fileName ?? `文件 ${u.hash.slice(0, 12)}…`;
          return (
            <List.Item style={{ display: 'block' }}>
              <div style={{ display: 'flex', gap: 12, alignItems: 'baseline', flexWrap: 'wrap' }}>
                <Typography.Text strong>{name}</Typography.Text>
                {u.caseNumber && <Typography.Text type="secondary">业务 {u.caseNumber}</Typography.Text>}
                <Tag color={u.state === 'failed' ? 'red' : u.state === 'done' ? 'green' : u.state === 'uploading' ? 'processing' : 'default'}>{state.label}</Tag>
                <Typography.Text type="secondary" style={{ marginLeft: 'auto', fontVariantNumeric: 'tabular-nums' }}>
                  {formatBytes(u.sent)} / {formatBytes(u.bytes)}
                </Typography.Text>
              </div>
              <Progress percent={percent} status={state.status} aria-label={`${name} 已上传 ${percent}%`} />
            </List.Item>
          );
        }}
      />
    </Card>
  );
}
