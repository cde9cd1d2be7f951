import { Alert, App, Button, Card, Space, Table, Tag, Typography } from 'antd';
import type { BackupView } from '../../../../electron/contract';
import { errorMessage } from '../../api/api-slice';
import { formatTime } from '../../app/shanghai-time';
import { useBackupsQuery, useCreateBackupMutation, useRestoreFromBackupMutation } from '../../api/api-slice';

const REASONS: Record<string, string> = { daily: '每日自动备份', manual: '手动备份', 'before-restore': '恢复前备份' };

export function reasonLabel(reason: string): string {
  if (REASONS[reason]) return REASONS[reason];
  const m = /^before-migration-(\d+)/.exec(reason);
  if (m) return `升级前备份（数据库版本 ${m[1]}）`;
  return reason;
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.ceil(n / 1024))} KB`;
}


/**
 * 设置 → 备份与恢复 (administrators): the backups in the data folder, a backup now, and a restore
 * behind a confirmation that says what happens (the current data is kept aside, everyone logs in again).
 */
export default function BackupsSection() {
  const { data, error, isFetching, refetch } = useBackupsQuery();
  const [create, createState] = useCreateBackupMutation();
  const [restore, restoreState] = useRestoreFromBackupMutation();
  const { message, modal } = App.useApp();

  const confirmRestore = (b: BackupView) => {
    modal.confirm({
      title: '从备份恢复数据库？',
      width: 560,
      okText: '恢复',
      okButtonProps: { danger: true },
      cancelText: '取消',
      content: (
        <Space direction="vertical">
          <span>
            将用 <b>{formatTime(b.createdAt)}</b> 的备份（{reasonLabel(b.reason)}）替换当前数据库：
          </span>
          <span>· 此备份之后受理、修改的业务和账号变更将不在恢复后的数据库中；</span>
          <span>· 当前数据库文件不会删除，保留在数据目录中（文件名以 before-restore 标记），可交信息技术人员取回；</span>
          <span>· 恢复前先解密并校验备份，校验不通过则不做任何改动；</span>
          <span>· 恢复后所有用户（包括您）需要重新登录。</span>
          {!b.encrypted && <Alert type="warning" showIcon message="这是旧版本生成的明文备份（未加密）。" />}
        </Space>
      ),
      onOk: async () => {
        const r = await restore({ file: b.file });
        if ('data' in r) void message.success('已从备份恢复，请重新登录');
      },
    });
  };

  return (
    <Card
      title="备份与恢复"
      style={{ marginTop: 16 }}
      extra={
        <Space>
          <Button onClick={() => void refetch()} loading={isFetching}>
            刷新
          </Button>
          <Button
            type="primary"
            loading={createState.isLoading}
            onClick={async () => {
              const r = await create();
              if ('data' in r && r.data) void message.success(`已生成备份 ${r.data.file}`);
            }}
          >
            立即备份
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        每天自动备份一次；数据库升级前也会自动备份。备份经完整性校验和逐表行数核对，并以 SM4 加密，只能在本工作站恢复。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon role="alert" message={errorMessage(error)} style={{ marginBottom: 16 }} />}
      {createState.error && <Alert type="error" showIcon role="alert" message={errorMessage(createState.error)} style={{ marginBottom: 16 }} />}
      {restoreState.error && <Alert type="error" showIcon role="alert" message={errorMessage(restoreState.error)} style={{ marginBottom: 16 }} />}
      <Table<BackupView>
        rowKey="file"
        size="small"
        pagination={false}
        dataSource={data ?? []}
        locale={{ emptyText: '还没有备份' }}
        columns={[
          { title: '时间', dataIndex: 'createdAt', render: (v: string) => formatTime(v), width: 180 },
          { title: '原因', dataIndex: 'reason', render: (v: string) => reasonLabel(v) },
          { title: '大小', dataIndex: 'bytes', render: (v: number) => formatBytes(v), width: 100 },
          {
            title: '状态',
            key: 'state',
            render: (_: unknown, b) =>
              b.problem && b.encrypted ? (
                <Tag color="red" title={b.problem}>
                  无法读取
                </Tag>
              ) : !b.encrypted ? (
                <Tag color="orange" title={b.problem ?? ''}>
                  明文旧备份
                </Tag>
              ) : (
                <Space size={4}>
                  {b.verified && <Tag color="green">已校验</Tag>}
                  <Tag color="blue">已加密</Tag>
                </Space>
              ),
          },
          {
            title: '操作',
            key: 'actions',
            width: 100,
            render: (_: unknown, b) => (
              <Button size="small" danger disabled={b.encrypted && b.problem !== null} onClick={() => confirmRestore(b)}>
                恢复
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}
