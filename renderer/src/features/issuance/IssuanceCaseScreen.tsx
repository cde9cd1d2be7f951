import { Alert, Button, Card, Descriptions, Radio, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ISSUANCE_METHOD_LABELS, ISSUANCE_METHODS, REVIEW_STAGE_LABELS, type IssuanceCase, type IssuanceMethod } from '../../../../electron/contract';
import { api, errorMessage } from '../../api/api-slice';
import { CounterIssue } from './CounterIssue';
import { CourierIssue } from './CourierIssue';
import { IssuanceRecord } from './IssuanceRecord';
import { ISSUANCE_PATH } from './issuance-route';

/** One case's 发证: what was registered and printed, then 领证方式 — or the issuance once done. */
export function IssuanceCaseScreen({ caseId }: { caseId: number }) {
  const q = api.useIssuanceCaseQuery({ caseId });
  const [method, setMethod] = useState<IssuanceMethod | null>(null);
  if (q.isLoading) return <Spin />;
  if (!q.data) return <Alert type="error" showIcon title={errorMessage(q.error) ?? '找不到该业务'} />;
  const c = q.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle" data-testid="issuance-case">
      <Card title={`发证 · ${c.caseNumber}`} extra={<a href={`#${ISSUANCE_PATH}`}>返回待领证</a>}>
        <CaseFacts c={c} />
      </Card>
      {c.issuance ? (
        <IssuanceRecord c={c} />
      ) : (
        <Card title="领证方式">
          <Radio.Group value={method} onChange={(e) => setMethod(e.target.value as IssuanceMethod)} data-testid="issuance-method">
            {ISSUANCE_METHODS.map((m) => (
              <Radio.Button key={m} value={m} disabled={c.blockedBy[m] !== null}>
                {ISSUANCE_METHOD_LABELS[m]}
              </Radio.Button>
            ))}
          </Radio.Group>
          {/* Why a method is closed, in reserved space. */}
          <div style={{ minHeight: 48, marginTop: 8 }}>
            {ISSUANCE_METHODS.filter((m) => c.blockedBy[m]).map((m) => (
              <Typography.Paragraph key={m} type="secondary" style={{ margin: 0 }}>
                {ISSUANCE_METHOD_LABELS[m]}：{c.blockedBy[m]}
              </Typography.Paragraph>
            ))}
          </div>
          {method === 'counter' && <CounterIssue c={c} />}
          {method === 'courier' && <CourierIssue c={c} />}
          {method === 'electronic' && <ElectronicIssue c={c} />}
        </Card>
      )}
    </Space>
  );
}

function CaseFacts({ c }: { c: IssuanceCase }) {
  const printed = new Map((c.printed ?? []).map((p) => [p.number, p.formSerial]));
  return (
    <Descriptions size="small" column={2} bordered>
      <Descriptions.Item label="受理编号">{c.caseNumber}</Descriptions.Item>
      <Descriptions.Item label="统一受理编号">{c.officialNumber ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="登记类型">{c.businessTypeLabel}</Descriptions.Item>
      <Descriptions.Item label="环节">
        <Tag color={c.stage === 'issued' ? 'green' : 'blue'}>{REVIEW_STAGE_LABELS[c.stage]}</Tag>
        受理窗口 {c.workstation}
      </Descriptions.Item>
      <Descriptions.Item label="权利人" span={2}>
        {c.holders.map((h) => `${h.name}（${h.idNumberMasked}）`).join('、') || '—'}
      </Descriptions.Item>
      <Descriptions.Item label="坐落" span={2}>
        {c.units.map((u) => u.address).join('；')}
      </Descriptions.Item>
      <Descriptions.Item label="证书（证明）" span={2}>
        {c.certificateNumbers.length === 0
          ? '本业务不发证书'
          : c.certificateNumbers.map((n) => (
              <div key={n}>
                {n}　
                {printed.has(n) ? <Tag color="green">已缮证{printed.get(n) ? ` · 印制号 ${printed.get(n)}` : ''}</Tag> : <Tag>{c.paperNeeded ? '未缮证' : '电子证照'}</Tag>}
              </div>
            ))}
      </Descriptions.Item>
    </Descriptions>
  );
}

function ElectronicIssue({ c }: { c: IssuanceCase }) {
  const [issue, state] = api.useIssueCertificateMutation();
  return (
    <Space direction="vertical">
      <Typography.Paragraph style={{ margin: 0 }}>仅发放电子证照：不打印、不领用证书纸，权利人可在省级平台查询和下载电子证照。</Typography.Paragraph>
      <div style={{ minHeight: 40 }}>{state.error && <Alert type="error" showIcon role="alert" title={errorMessage(state.error)} />}</div>
      <Button type="primary" loading={state.isLoading} onClick={() => void issue({ caseId: c.caseId, method: 'electronic' })}>
        确认发证（仅电子证照）
      </Button>
    </Space>
  );
}
