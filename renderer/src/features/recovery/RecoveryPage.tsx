import { Alert, Button, Card, Input, List, Popconfirm, Result, Space, Typography } from 'antd';
import { useState } from 'react';
import type { AppInfo } from '../../../../electron/contract';
import { errorMessage, useRestoreBackupMutation, useStartEmptyMutation } from '../../api/api-slice';
import { formatTime } from '../../app/labels';

const CONFIRM_TEXT = '我已了解数据将不可用';

/**
 * Shown instead of a crash loop when the database fails its check at start. The damaged file is
 * never deleted: restoring or starting empty moves it aside for IT staff to examine.
 */
export default function RecoveryPage({ info }: { info: AppInfo }) {
  const recovery = info.recovery as NonNullable<AppInfo['recovery']>;
  const [restore, restoreState] = useRestoreBackupMutation();
  const [startEmpty, emptyState] = useStartEmptyMutation();
  const [typed, setTyped] = useState('');

  return (
    <div style={{ maxWidth: 860, margin: '40px auto', padding: '0 16px' }}>
      <Result
        status="warning"
        title="本地数据库损坏，工作站已进入恢复模式"
        subTitle="为防止数据进一步损坏，业务功能已暂停。请联系本单位信息技术人员处理。"
      />
      <Card title="故障信息" size="small" style={{ marginBottom: 16 }}>
        <Typography.Paragraph>原因：{recovery.reason}</Typography.Paragraph>
        <Typography.Paragraph>
          数据库文件：<code>{recovery.databasePath}</code>
        </Typography.Paragraph>
        <Typography.Paragraph>
          检查结果：
          <code style={{ display: 'block', whiteSpace: 'pre-wrap' }}>{recovery.details.join('\n')}</code>
        </Typography.Paragraph>
      </Card>
      {(restoreState.error || emptyState.error) && (
        <Alert type="error" showIcon message={errorMessage(restoreState.error ?? emptyState.error)} style={{ marginBottom: 16 }} />
      )}
      <Card title="从备份恢复" size="small" style={{ marginBottom: 16 }}>
        {recovery.backups.length === 0 ? (
          <Typography.Text type="secondary">数据目录中没有可用的备份。</Typography.Text>
        ) : (
          <List
            dataSource={recovery.backups}
            renderItem={(b) => (
              <List.Item
                actions={[
                  <Popconfirm
                    key="restore"
                    title="用此备份替换损坏的数据库？"
                    description="损坏的文件会被保留改名，不会删除。备份之后的业务需重新录入。"
                    onConfirm={() => void restore({ file: b.file })}
                    okText="恢复"
                    cancelText="取消"
                  >
                    <Button type="primary" loading={restoreState.isLoading}>
                      恢复此备份
                    </Button>
                  </Popconfirm>,
                ]}
              >
                <List.Item.Meta title={b.file} description={`${formatTime(b.createdAt)}，${(b.bytes / 1024).toFixed(0)} KB`} />
              </List.Item>
            )}
          />
        )}
      </Card>
      <Card title="以空数据库重新开始" size="small">
        <Typography.Paragraph type="secondary">
          仅在没有可用备份、且信息技术人员确认后使用：损坏的文件将被改名保留，工作站以空数据库重新开始（需重新进行首次启动设置）。
        </Typography.Paragraph>
        <Space>
          <Input placeholder={`请输入“${CONFIRM_TEXT}”`} value={typed} onChange={(e) => setTyped(e.target.value)} style={{ width: 280 }} />
          <Button danger disabled={typed !== CONFIRM_TEXT} loading={emptyState.isLoading} onClick={() => void startEmpty({ confirm: CONFIRM_TEXT })}>
            以空数据库重新开始
          </Button>
        </Space>
      </Card>
    </div>
  );
}
