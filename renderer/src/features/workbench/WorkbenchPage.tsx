import { Alert, Card, Col, Descriptions, Empty, List, Row, Statistic, Table, Tag, Typography } from 'antd';
import { ROLE_LABELS, type Role, type SessionView } from '../../../../electron/contract';
import { useSessionQuery, useWorkbenchQuery } from '../../api/api-slice';
import { actionLabel, formatTime } from '../../app/labels';
import { ROLE_DUTIES } from './role-duties';
import { WorkQueue } from './WorkQueue';

/** Roles that work at the counter and get the work queue first. */
const COUNTER_ROLES: readonly Role[] = ['clerk', 'supervisor'];

const PASSWORD_WARNING_DAYS = 80;

/** Home page of every role: the role's duties, the user's account and recent actions, office figures. */
export function WorkbenchPage() {
  const session = useSessionQuery().data as SessionView;
  const { data } = useWorkbenchQuery();
  // The session can end under this page (logged out elsewhere, database restored): the shell goes next.
  if (!session) return null;
  const role = session.user.role;
  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {session.user.displayName}，您好
        <Tag color="blue" style={{ marginLeft: 12, verticalAlign: 'middle' }}>
          {ROLE_LABELS[role]}
        </Tag>
      </Typography.Title>
      {data && data.passwordAgeDays >= PASSWORD_WARNING_DAYS && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={`您的密码已使用 ${data.passwordAgeDays} 天，请尽快在“我的账号”中修改。`} />
      )}
      <Row gutter={[16, 16]}>
        {COUNTER_ROLES.includes(role) && (
          <Col span={24}>
            <WorkQueue />
          </Col>
        )}
        <Col xs={24} lg={12}>
          <Card title="岗位职责" size="small">
            <List size="small" dataSource={ROLE_DUTIES[role]} renderItem={(d) => <List.Item>{d}</List.Item>} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="我的账号" size="small">
            <Descriptions column={1} size="small">
              <Descriptions.Item label="用户名">{session.user.username}</Descriptions.Item>
              <Descriptions.Item label="上次登录">{formatTime(data?.lastLoginAt)}</Descriptions.Item>
              <Descriptions.Item label="密码修改于">
                {formatTime(data?.passwordChangedAt)}
                {data ? `（${data.passwordAgeDays} 天前）` : ''}
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        {data?.office && (
          <Col span={24}>
            <Card title="本机构概况" size="small">
              <Row gutter={16}>
                <Col span={6}>
                  <Statistic title="在用账号" value={data.office.usersByRole.reduce((n, r) => n + r.active, 0)} />
                </Col>
                <Col span={6}>
                  <Statistic title="锁定中的账号" value={data.office.lockedAccounts.length} valueStyle={{ color: data.office.lockedAccounts.length ? '#cf1322' : undefined }} />
                </Col>
                <Col span={6}>
                  <Statistic title="今日登录失败" value={data.office.failedLoginsToday} />
                </Col>
                <Col span={6}>
                  <Statistic title="审计记录" value={data.office.auditRecords} />
                </Col>
              </Row>
              <Table
                style={{ marginTop: 16 }}
                size="small"
                pagination={false}
                rowKey="role"
                dataSource={data.office.usersByRole}
                columns={[
                  { title: '角色', dataIndex: 'role', render: (r: keyof typeof ROLE_LABELS) => ROLE_LABELS[r] },
                  { title: '在用', dataIndex: 'active' },
                  { title: '已停用', dataIndex: 'disabled' },
                ]}
              />
            </Card>
          </Col>
        )}
        <Col span={24}>
          <Card title="我最近的操作" size="small">
            {data && data.myRecentActions.length === 0 ? (
              <Empty description="暂无记录" />
            ) : (
              <List
                size="small"
                dataSource={data?.myRecentActions ?? []}
                renderItem={(r) => (
                  <List.Item>
                    <span>{formatTime(r.at)}</span>
                    <span>{actionLabel(r.action)}</span>
                    <Tag color={r.result === 'success' ? 'green' : 'red'}>{r.result === 'success' ? '成功' : '失败'}</Tag>
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
