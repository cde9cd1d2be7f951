import { IdcardOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ISSUANCE_METHOD_LABELS, ISSUANCE_STATE_LABELS, type IssuanceQueueItem } from '../../../../electron/contract';
import { api, errorMessage, useReadIdCardMutation } from '../../api/api-slice';
import { navigate } from '../../app/hash-route';
import { formatTime } from '../../app/shanghai-time';
import { ISSUANCE_PATH, issuanceCasePath } from './issuance-route';

/**
 * 待领证 at any counter of the office: the registered cases the platform's feed brought here,
 * whichever counter accepted them. Found by 受理编号, 统一受理编号 or certificate number, or by
 * reading the collector's ID card (the cases where they are a 权利人).
 */
export function IssuanceQueueScreen({ issued }: { issued: boolean }) {
  const [query, setQuery] = useState('');
  const [card, setCard] = useState<{ token: string; label: string } | null>(null);
  const [cardError, setCardError] = useState<string | null>(null);
  const [read, reading] = useReadIdCardMutation();
  const list = api.useIssuanceQueueQuery({ issued, ...(query ? { query } : {}), ...(card ? { cardToken: card.token } : {}) }, { pollingInterval: 15_000 });

  async function readCard() {
    setCardError(null);
    const r = await read({ timeoutSeconds: 10 });
    if ('error' in r) return setCardError(errorMessage(r.error));
    if (!r.data.supported) return setCardError(r.data.message);
    setCard({ token: r.data.cardToken, label: `${r.data.name}（${r.data.idNumberMasked}）` });
  }

  return (
    <Card title="发证" data-testid="issuance-queue">
      <Tabs
        activeKey={issued ? 'issued' : 'waiting'}
        onChange={(k) => navigate(k === 'issued' ? `${ISSUANCE_PATH}/issued` : ISSUANCE_PATH)}
        items={[
          { key: 'waiting', label: '待领证' },
          { key: 'issued', label: '已发证' },
        ]}
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder="受理编号、统一受理编号或证书号" style={{ width: 360 }} onSearch={(v) => setQuery(v.trim())} aria-label="查找业务" />
        <Button icon={<IdcardOutlined />} loading={reading.isLoading} onClick={() => void readCard()}>
          读领证人身份证查找
        </Button>
        {card && (
          <Tag closable onClose={() => setCard(null)} data-testid="card-filter">
            权利人：{card.label}
          </Tag>
        )}
      </Space>
      {/* Reserved space: a message never moves the list. */}
      <div style={{ minHeight: 40 }}>
        {cardError && <Alert type="error" showIcon role="alert" title={cardError} />}
        {list.error && <Alert type="error" showIcon role="alert" title={errorMessage(list.error)} />}
      </div>
      <Table<IssuanceQueueItem>
        rowKey="caseId"
        size="small"
        loading={list.isFetching && !list.data}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: issued ? '没有已发证的业务' : '没有待领证的业务' }}
        onRow={(r) => ({ onDoubleClick: () => navigate(issuanceCasePath(r.caseId)) })}
        columns={[
          { title: '受理编号', dataIndex: 'caseNumber', render: (v: string, r) => <a href={`#${issuanceCasePath(r.caseId)}`}>{v}</a> },
          { title: '登记类型', dataIndex: 'businessTypeLabel' },
          { title: '申请人', dataIndex: 'names' },
          { title: '证书（证明）号', dataIndex: 'certificateNumbers', render: (v: string[]) => (v.length ? v.join('、') : '—') },
          { title: '受理窗口', dataIndex: 'workstation' },
          {
            title: issued ? '发证' : '',
            key: 'issuance',
            render: (_, r) => (r.issuance ? `${ISSUANCE_METHOD_LABELS[r.issuance.method]} · ${ISSUANCE_STATE_LABELS[r.issuance.state]} · ${formatTime(r.issuance.at)}` : ''),
          },
        ]}
      />
      <Typography.Text type="secondary">
        共 {list.data?.matching ?? 0} 件{list.data?.syncedAt ? `，数据更新于 ${formatTime(list.data.syncedAt)}` : '，尚未从省级平台同步'}
      </Typography.Text>
    </Card>
  );
}
