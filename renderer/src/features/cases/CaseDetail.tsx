import { ArrowLeftOutlined, CloudServerOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Empty, Result, Row, Space, Spin, Table, Tag, Timeline, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { amountInCapitals, CO_OWNERSHIP_LABELS, REFUSAL_GROUNDS, type CaseView, type MethodOutput, type SessionView } from '../../../../electron/contract';
import { errorMessage, useCaseByIdQuery, useCaseTimelineQuery, useSessionQuery } from '../../api/api-slice';
import { navigate } from '../../app/hash-route';
import { formatTime } from '../../app/labels';
import { RejectModal, RequisitionModal, WithdrawModal } from './CaseActionModals';
import { ApplicationCard, PartyExtras, UnitCodeCell, unitArea, UnitUseCell } from './CaseApplication';
import { ReceiveSupplementModal } from './ReceiveSupplementModal';
import { CaseDocuments } from './CaseDocuments';
import { FeePieces } from './FeePieces';
import { useCaseTypes } from './use-case-types';
import { caseActionLabel, CASE_STATUS, CASE_SYNC, formatYuan, MATERIAL_REQUIREMENT, PARTY_ROLE_LABELS, ruleLabel, trackStatus, TRACK_LABELS } from './case-labels';
import { resumeIntakePath } from './case-route';
import { RevealableValue } from './RevealableValue';
import { platformEventText, type PlatformEventText } from './platform-events';
import { taxAssessedFen } from './payment-split';
import { TaxPanel } from './TaxPanel';

/** States in which no track goes on, whatever the tracks still say. */
const ENDED: Partial<Record<CaseView['status'], string>> = { withdrawn: '业务已撤回，各项办理终止', rejected: '不予受理，各项办理终止' };
type Action = 'requisition' | 'reject' | 'withdraw' | 'receiveSupplement';
/** Who may print a case's documents (cases.printDocument's access): a role, not a case state. */
const PRINTERS = ['clerk', 'supervisor', 'admin'];

/** How a party's application is signed (CaseView party `signing`). */
const SIGNING: Record<CaseView['parties'][number]['signing'], { label: string; color: string }> = {
  none: { label: '未签', color: 'default' },
  handwritten: { label: '已签', color: 'green' },
  byAgent: { label: '代理人代签', color: 'green' },
  seal: { label: '已盖电子章', color: 'green' },
};

/** One case: status and tracks, parties (masked), units, materials, fees, the timeline and what can be done now. */
export function CaseDetail({ id }: { id: number }) {
  const { data: view, error, isLoading } = useCaseByIdQuery({ id });
  const timeline = useCaseTimelineQuery({ id });
  const types = useCaseTypes();
  const session = useSessionQuery().data as NonNullable<SessionView>;
  const [action, setAction] = useState<Action | null>(null);

  if (isLoading) return <Spin />;
  if (error || !view) {
    return <Result status="warning" title="无法打开该业务" subTitle={errorMessage(error)} extra={<a href="#/cases">返回业务查询</a>} />;
  }
  const type = types.data?.find((t) => t.id === view.businessType);
  const roleLabel = (r: keyof typeof PARTY_ROLE_LABELS) => type?.roleLabels[r] ?? PARTY_ROLE_LABELS[r];
  // What this user may do now comes from the case lifecycle in core (allowedActions for the session's role).
  const allowed = new Set(view.allowedActions);
  const editable = allowed.has('edit');
  const status = CASE_STATUS[view.status];
  // 审核补正中: the counter receives what the reviewer asked for (lifecycle row resumeReview).
  const receivesSupplement = allowed.has('resumeReview');

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Space size={12} wrap>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/cases')} aria-label="返回业务查询" />
            <span data-testid="case-title">{view.caseNumber ? `业务编号 ${view.caseNumber}` : `受理草稿 #${view.id}`}</span>
            <Tag color={status.color} data-testid="case-status">
              {status.label}
            </Tag>
            <Tag>{view.businessTypeName}</Tag>
            {view.status !== 'draft' && <SyncTag sync={view.sync} />}
          </Space>
        }
        extra={
          (allowed.size > 0 || receivesSupplement) && (
            <Space wrap data-testid="case-actions">
              {receivesSupplement && (
                <Button type="primary" onClick={() => setAction('receiveSupplement')}>
                  接收补正材料
                </Button>
              )}
              {(editable || allowed.has('accept')) && (
                <Button type="primary" onClick={() => navigate(resumeIntakePath(view.id))}>
                  继续受理
                </Button>
              )}
              {allowed.has('requisition') && <Button onClick={() => setAction('requisition')}>补正</Button>}
              {allowed.has('reject') && (
                <Button danger onClick={() => setAction('reject')}>
                  不予受理
                </Button>
              )}
              {allowed.has('withdraw') && <Button onClick={() => setAction('withdraw')}>撤回</Button>}
            </Space>
          )
        }
      >
        {view.statusReason && (
          <Alert
            type={view.status === 'requisitioned' ? 'warning' : 'info'}
            showIcon
            style={{ marginBottom: 16 }}
            title={`${status.label}：${view.statusReason}`}
            {...(view.status === 'requisitioned' && view.requisitionDeadline
              ? { description: <span data-testid="requisition-deadline">补正期限：{view.requisitionDeadline}（逾期未补正的，退回申请材料）</span> }
              : {})}
          />
        )}
        {view.sync === 'dead' && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            title="该业务上报省级平台失败"
            description={
              <>
                {CASE_SYNC.dead.hint} <a href="#/sync">前往平台同步</a>
              </>
            }
          />
        )}
        <Descriptions size="small" column={3} bordered>
          {view.officialNumber && (
            <Descriptions.Item label="统一受理编号" span={view.certificateNumbers.length > 0 ? 1 : 3}>
              <span data-testid="official-number" style={{ fontWeight: 600 }}>
                {view.officialNumber}
              </span>
            </Descriptions.Item>
          )}
          {view.certificateNumbers.length > 0 && (
            <Descriptions.Item label="不动产权证书号" span={view.officialNumber ? 2 : 3}>
              <span data-testid="certificate-numbers">
                {view.certificateNumbers.map((n) => (
                  <Tag key={n} color="green" style={{ fontSize: 14, padding: '2px 8px' }}>
                    {n}
                  </Tag>
                ))}
              </span>
            </Descriptions.Item>
          )}
          <Descriptions.Item label="业务类型">{view.businessTypeName}</Descriptions.Item>
          <Descriptions.Item label="受理时间">{formatTime(view.acceptedAt)}</Descriptions.Item>
          <Descriptions.Item label="承诺办结日期">{view.promisedDate ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="创建">
            {formatTime(view.createdAt)}（{view.createdBy}）
          </Descriptions.Item>
          <Descriptions.Item label="受理人">{view.acceptedByName ?? view.acceptedBy ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="共有方式">{view.coOwnership ? CO_OWNERSHIP_LABELS[view.coOwnership] : '—'}</Descriptions.Item>
          <Descriptions.Item label="并行办理" span={3}>
            <Space size={16} wrap aria-label="办理进度">
              {(Object.keys(TRACK_LABELS) as Array<keyof typeof TRACK_LABELS>).map((track) => {
                const s = trackStatus(view.tracks[track]);
                return (
                  <span key={track}>
                    {TRACK_LABELS[track]}：<Tag color={s.color}>{s.label}</Tag>
                  </span>
                );
              })}
              {ENDED[view.status] && <Typography.Text type="secondary">（{ENDED[view.status]}）</Typography.Text>}
            </Space>
          </Descriptions.Item>
        </Descriptions>
        {allowed.has('accept') && view.acceptance.some((r) => !r.passed) && (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 16 }}
            title="尚未满足的受理条件"
            description={view.acceptance
              .filter((r) => !r.passed)
              .map((r) => `${ruleLabel(r.rule)}：${r.reasons.join(' ')}`)
              .map((t) => (
                <div key={t}>{t}</div>
              ))}
          />
        )}
      </Card>
      <CaseDocuments view={view} canPrint={PRINTERS.includes(session.user.role)} />
      <Row gutter={16}>
        <Col span={16}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card title="申请人" size="small">
              <Table
                rowKey="ordinal"
                size="small"
                pagination={false}
                dataSource={view.parties}
                locale={{ emptyText: '尚未填写申请人' }}
                columns={[
                  { title: '类别', dataIndex: 'role', width: 150, render: (r: keyof typeof PARTY_ROLE_LABELS) => roleLabel(r) },
                  {
                    title: '姓名',
                    dataIndex: 'name',
                    width: 230,
                    render: (n: string, p: CaseView['parties'][number]) => (
                      <>
                        <span>{n}</span>
                        <PartyExtras party={p} parties={view.parties} />
                      </>
                    ),
                  },
                  {
                    title: '证件号码',
                    dataIndex: 'idNumberMasked',
                    render: (v: string, p: CaseView['parties'][number]) => <RevealableValue caseId={view.id} ordinal={p.ordinal} field="idNumber" masked={v} role={session.user.role} code />,
                  },
                  {
                    title: '联系电话',
                    dataIndex: 'phoneMasked',
                    width: 150,
                    render: (v: string | null, p: CaseView['parties'][number]) => <RevealableValue caseId={view.id} ordinal={p.ordinal} field="phone" masked={v} role={session.user.role} />,
                  },
                  ...(view.coOwnership === 'shares' ? [{ title: '份额', dataIndex: 'share', render: (v: string | null) => v ?? '—' }] : []),
                  { title: '签名', dataIndex: 'signing', width: 110, render: (s: CaseView['parties'][number]['signing']) => <Tag color={SIGNING[s].color}>{SIGNING[s].label}</Tag> },
                ]}
              />
            </Card>
            <Card title="不动产单元" size="small">
              <Table
                rowKey="ordinal"
                size="small"
                pagination={false}
                dataSource={view.units}
                locale={{ emptyText: '尚未填写不动产单元' }}
                columns={[
                  { title: '不动产单元代码', dataIndex: 'unitCode', width: 260, render: (_: string, u: CaseView['units'][number]) => <UnitCodeCell unit={u} /> },
                  { title: '坐落', dataIndex: 'address' },
                  { title: '用途', dataIndex: 'use', width: 150, render: (_: string, u: CaseView['units'][number]) => <UnitUseCell unit={u} /> },
                  { title: '面积', dataIndex: 'areaM2', width: 110, render: (_: unknown, u: CaseView['units'][number]) => unitArea(u) },
                ]}
              />
            </Card>
            <ApplicationCard view={view} />
            <Card title="申请材料" size="small">
              <MaterialsTable view={view} requirements={Object.fromEntries((type?.materials ?? []).map((m) => [m.id, m.requirement]))} />
            </Card>
            <Card title="登记费（登记机构收取）" size="small" data-testid="fees-card">
              <FeesTable view={view} />
            </Card>
            <Card title="税款（税务部门征收）" size="small">
              <TaxPanel view={view} timeline={timeline.data} />
            </Card>
          </Space>
        </Col>
        <Col span={8}>
          <Card title="办理过程" size="small" data-testid="case-timeline">
            {timeline.error && <Alert type="error" showIcon title={errorMessage(timeline.error)} />}
            {timeline.data && timeline.data.length === 0 && <Empty description="暂无记录" />}
            {timeline.data && (
              <Timeline
                style={{ marginTop: 8 }}
                items={[...timeline.data].reverse().map((e, i) => {
                  const platform = platformEventText(e.action, e.detail, { taxAssessedFen: taxAssessedFen(timeline.data) });
                  return { key: `${e.at}-${i}`, ...(platform ? platformItem(e.at, platform) : localItem(e, view)) };
                })}
              />
            )}
          </Card>
        </Col>
      </Row>
      <RequisitionModal open={action === 'requisition'} view={view} onClose={() => setAction(null)} />
      <RejectModal open={action === 'reject'} view={view} onClose={() => setAction(null)} />
      <WithdrawModal open={action === 'withdraw'} view={view} onClose={() => setAction(null)} />
      <ReceiveSupplementModal open={action === 'receiveSupplement'} view={view} onClose={() => setAction(null)} />
    </Space>
  );
}

/** Where the case is on its way to the platform; a dead letter links to 平台同步. */
function SyncTag({ sync }: { sync: CaseView['sync'] }) {
  const s = CASE_SYNC[sync];
  const tag = (
    <Tag color={s.color} icon={<CloudServerOutlined />} data-testid="case-sync">
      {s.label}
    </Tag>
  );
  return (
    <Tooltip title={s.hint}>
      {sync === 'dead' ? (
        <a href="#/sync" aria-label={`${s.label}：前往平台同步处理`}>
          {tag}
        </a>
      ) : (
        tag
      )}
    </Tooltip>
  );
}

type TimelineEntry = MethodOutput<'cases.timeline'>[number];

/** A local action (from the audit log): blue, or red when it did not go through. */
function localItem(e: TimelineEntry, view: CaseView) {
  return {
    color: e.result === 'success' ? 'blue' : 'red',
    content: (
      <div>
        <div style={{ fontSize: 12, color: '#8c8c8c' }}>{formatTime(e.at)}</div>
        <Typography.Text strong>{caseActionLabel(e.action)}</Typography.Text>
        {e.result !== 'success' && (
          <Tag color="red" style={{ marginLeft: 6 }}>
            未通过
          </Tag>
        )}
        <Typography.Text type="secondary" style={{ marginLeft: 6, fontSize: 13 }}>
          {e.actor ?? '系统'}
        </Typography.Text>
        <TimelineDetail action={e.action} detail={e.detail} view={view} />
      </div>
    ),
  };
}

const PLATFORM_TONE: Record<PlatformEventText['tone'], string> = { info: '#722ed1', success: '#389e0d', warning: '#d46b08', danger: '#cf1322' };

/** A platform event in the timeline: the platform's icon and colour, so it stands apart from local work. */
function platformItem(at: string, text: PlatformEventText) {
  const color = PLATFORM_TONE[text.tone];
  return {
    color,
    icon: <CloudServerOutlined style={{ color, fontSize: 15 }} aria-hidden />,
    content: (
      <div data-testid="platform-event">
        <div style={{ fontSize: 12, color: '#8c8c8c' }}>{formatTime(at)}</div>
        <Typography.Text strong style={{ color }}>
          {text.title}
        </Typography.Text>
        <Tag color="purple" bordered={false} style={{ marginLeft: 6 }}>
          省级平台
        </Tag>
        {text.lines.length > 0 && (
          <div style={{ fontSize: 13, color: '#59667a' }}>
            {text.lines.map((l) => (
              <div key={l}>{l}</div>
            ))}
          </div>
        )}
      </div>
    ),
  };
}

function MaterialsTable({ view, requirements }: { view: CaseView; requirements: Record<string, string> }) {
  return (
    <Table
      rowKey="materialId"
      size="small"
      pagination={false}
      dataSource={view.materials}
      columns={[
        { title: '材料名称', dataIndex: 'name' },
        {
          title: '要求',
          dataIndex: 'materialId',
          width: 110,
          render: (id: string, m) => {
            const r = MATERIAL_REQUIREMENT[requirements[id] ?? (m.required ? 'required' : 'optional')];
            return <Tag color={r?.color}>{r?.label}</Tag>;
          },
        },
        { title: '收取', dataIndex: 'received', width: 90, render: (r: boolean, m) => (r ? <Tag color="green">已收 {m.copies} 份</Tag> : <Tag>未收</Tag>) },
      ]}
    />
  );
}

function FeesTable({ view }: { view: CaseView }) {
  return (
    <>
      {view.fees.length > 0 ? (
        <Table
          rowKey={(l) => `${l.code}-${l.name}`}
          size="small"
          pagination={false}
          dataSource={view.fees}
          columns={[
            { title: '项目编码', dataIndex: 'code', width: 110 },
            { title: '收费项目', dataIndex: 'name' },
            { title: '金额', dataIndex: 'amountFen', width: 120, align: 'right', render: (f: number) => formatYuan(f) },
          ]}
        />
      ) : (
        <Typography.Text type="secondary">本业务不收费（或尚未填写不动产单元）。</Typography.Text>
      )}
      {view.fees.length > 0 && !view.feeOverrideReason && view.feePieces.length > 0 && <FeePieces view={view} />}
      <div style={{ marginTop: 8 }}>
        登记费合计：<b data-testid="case-fee-total">{formatYuan(view.feeTotalFen)}</b>（大写：{amountInCapitals(view.feeTotalFen)}）<Typography.Text type="secondary">，不含税款</Typography.Text>
        {view.feePayer && view.feeTotalFen > 0 && (
          <span style={{ marginLeft: 16 }} data-testid="fee-payer">
            缴费人：{view.feePayer}
          </span>
        )}
        {view.feeOverrideReason && (
          <Tag color="orange" style={{ marginLeft: 8 }}>
            已人工调整：{view.feeOverrideReason}
          </Tag>
        )}
      </div>
    </>
  );
}

/** The facts of a timeline entry worth reading, in Chinese. */
function TimelineDetail({ action, detail, view }: { action: string; detail: Record<string, unknown>; view: CaseView }) {
  const lines: string[] = [];
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);
  if (action === 'cases.signParty' && typeof detail.ordinal === 'number') {
    const party = view.parties.find((p) => p.ordinal === detail.ordinal);
    lines.push(party ? `${PARTY_ROLE_LABELS[party.role]} ${party.name}` : `第 ${detail.ordinal} 位申请人`);
  }
  if (action === 'cases.saveDraft' && typeof detail.parties === 'number') {
    lines.push(`申请人 ${detail.parties} 人，不动产单元 ${String(detail.units ?? 0)} 个，已收材料 ${String(detail.materialsReceived ?? 0)} 项`);
  }
  if (action === 'cases.overrideFees' && typeof detail.before === 'number' && typeof detail.after === 'number') {
    lines.push(`${formatYuan(detail.before)} → ${formatYuan(detail.after)}，原因：${str(detail.reason) ?? '—'}`);
  }
  if (action === 'cases.accept' && Array.isArray(detail.rules)) lines.push(`未满足：${list(detail.rules).map(ruleLabel).join('、')}`);
  if (action === 'cases.requisition') {
    lines.push(`需补正：${list(detail.missing).join('；')}`);
    if (str(detail.deadline)) lines.push(`补正期限：${str(detail.deadline)}`);
  }
  if (action === 'cases.reject') {
    // The grounds of 条例 第17条 by their short name (the notice prints the article), then the words.
    const grounds = list(detail.groundIds).map((id) => REFUSAL_GROUNDS.find((g) => g.id === id)?.label ?? id);
    const reasons = [...grounds, ...list(detail.reasons)];
    if (reasons.length > 0) lines.push(`理由：${reasons.join('；')}`);
  }
  if (action === 'cases.withdraw' && str(detail.reason)) lines.push(`原因：${str(detail.reason)}`);
  if (action === 'sync.deadLetter' && str(detail.error)) lines.push(str(detail.error) as string);
  if (action === 'sync.cancel' && str(detail.reason)) lines.push(`原因：${str(detail.reason)}`);
  if (lines.length === 0) return null;
  return (
    <div style={{ fontSize: 13, color: '#59667a' }}>
      {lines.map((l) => (
        <div key={l}>{l}</div>
      ))}
    </div>
  );
}
