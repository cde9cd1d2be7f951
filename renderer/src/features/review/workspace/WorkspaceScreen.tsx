import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Result, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { ReviewWorkspace } from '../../../../../electron/contract';
import { errorMessage } from '../../../api/api-slice';
import { navigate } from '../../../app/hash-route';
import { formatTime } from '../../../app/shanghai-time';
import { ChecksList } from '../ChecksList';
import { MaterialsViewer } from '../materials/MaterialsViewer';
import { isTypingTarget } from '../materials/viewer-state';
import { claimText } from '../queue/queue-view';
import { RegisterRecordPanel } from '../register/RegisterRecordPanel';
import { recordData } from '../register/register-view';
import { loadMaterial, useClaimMutation, useDecideMutation, useReleaseMutation, useReviewWorkspaceQuery, useSessionUser } from '../review-api';
import { queuePath, REVIEW_PATH, type ReviewQueue } from '../review-route';
import { REVIEW_STAGE_LABELS } from '../../../../../electron/contract';
import { ApplicationSummary } from './ApplicationSummary';
import { decideInput, decisionKey, decisionsFor, draftProblem, emptyDraft, type DecisionDraft, type ReviewStage } from './decision-form';
import { DecisionPanel } from './DecisionPanel';

const MATERIAL_FORM: Record<string, string> = { original: '原件', copy: '复印件' };
const DECISION_LABEL: Record<string, string> = { accepted: '受理', pass: '通过', supplement: '补正', supplementReceived: '接收补正', refuse: '不予登记', return: '退回', claim: '认领', release: '释放', reassign: '改派', register: '登簿', registered: '登簿', undo: '登簿退回' };

/**
 * 审核工作台: application and parties on the left, the materials beside them, the register record
 * and the automatic checks below, and the decision. Keyboard: the viewer's keys and the decision's
 * (both written on screen).
 */
/** Why no decision can be taken now, or null: the contract's allowedDecisions is the authority. */
function lockReason(data: ReviewWorkspace | undefined, stage: ReviewStage): string | null {
  if (!data) return '正在打开…';
  if (data.allowedDecisions.length > 0) return null;
  if (decisionsFor(stage).length === 0) return `业务当前为「${REVIEW_STAGE_LABELS[data.case.stage]}」，不在审核环节`;
  if (data.case.pendingDecision) return '本环节的审核结论已作出，等待同步到省级平台';
  if (!data.case.claim) return '请先认领本业务再作出审核结论';
  if (!data.case.mine) return `本业务由 ${data.case.claim.name} 办理中`;
  return '您不能审核本业务（本人受理的业务不能由本人审核）';
}

export function WorkspaceScreen({ caseId }: { caseId: number }) {
  const user = useSessionUser();
  const ws = useReviewWorkspaceQuery({ caseId });
  const [draft, setDraft] = useState<DecisionDraft>(emptyDraft);
  const [sentNotice, setSentNotice] = useState<'requisitionNotice' | 'refusalNotice' | null>(null);
  const [claim, claimState_] = useClaimMutation();
  const [release] = useReleaseMutation();
  const [decide, decideState] = useDecideMutation();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const load = useCallback((sm3: string) => loadMaterial(caseId, sm3), [caseId]);

  const data = ws.data;
  const stage = (data?.case.stage ?? 'firstReview') as ReviewStage;
  const mine = data?.case.mine ?? false;
  // Today in Asia/Shanghai (a 补正 deadline must be after it).
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const lockedReason = lockReason(data, stage);

  async function send() {
    if (!data || lockedReason || draftProblem(draft, stage, data.checks, today)) return;
    setError(null);
    const r = await decide(decideInput(caseId, draft, data.checks));
    if (r.error) return setError(errorMessage(r.error));
    void message.success('审核结论已提交');
    if (draft.decision === 'supplement') setSentNotice('requisitionNotice');
    else if (draft.decision === 'refuse') setSentNotice('refusalNotice');
    else navigate(REVIEW_PATH);
    setDraft(emptyDraft());
    ws.refetch();
  }

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = decisionKey(e);
      if (!action) return;
      if (action.type !== 'send' && isTypingTarget(e.target) && !e.altKey) return;
      e.preventDefault();
      if (action.type === 'choose') setDraft((d) => ({ ...d, decision: action.decision }));
      else if (action.type === 'opinion') (document.querySelector('[aria-label="审核意见内容"]') as HTMLTextAreaElement | null)?.focus();
      else void send();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (ws.isLoading) return <Spin />;
  if (!data) return <Result status="warning" title="无法打开该业务的审核" subTitle={errorMessage(ws.error)} extra={<a href={`#${REVIEW_PATH}`}>返回审核队列</a>} />;
  const view = data.case;
  const stageLabel = REVIEW_STAGE_LABELS[view.stage];

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="review-workspace">
      <Card size="small" styles={{ body: { padding: '8px 12px' } }}>
        <div style={{ display: 'flex', gap: 12, alignItems: 'center', flexWrap: 'wrap' }}>
          <Button type="text" icon={<ArrowLeftOutlined />} aria-label="返回审核队列" onClick={() => navigate(queuePath(stage as ReviewQueue))} />
          <Typography.Text strong style={{ fontSize: 16 }} data-testid="workspace-title">{view.caseNumber}</Typography.Text>
          <Tag color="blue">{view.businessTypeLabel}</Tag>
          <Tag color="processing" data-testid="workspace-stage">{stageLabel}</Tag>
          <Typography.Text type="secondary" data-testid="workspace-claim">{claimText(view.claim, user.id, view.mine)}</Typography.Text>
          {view.pendingDecision && <Tag color="gold">已决定，待同步</Tag>}
          <span style={{ flex: 1 }} />
          {!view.claim && decisionsFor(stage).length > 0 && (
            <Button type="primary" loading={claimState_.isLoading} onClick={async () => {
              const r = await claim({ caseId });
              if (r.error) setError(errorMessage(r.error));
              ws.refetch();
            }}>认领</Button>
          )}
          {mine && <Button onClick={async () => { await release({ caseId }); ws.refetch(); }}>释放</Button>}
        </div>
      </Card>
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(320px, 2fr) minmax(420px, 3fr)', gap: 12, alignItems: 'start' }}>
        <Card size="small" title="申请信息">
          <ApplicationSummary view={view} role={user.role} />
        </Card>
        <Card size="small" title="申请材料">
          <MaterialsViewer materials={data.materials.map((m) => ({ sm3: m.sm3, name: m.name, mime: m.mime, downloaded: m.downloaded, form: m.form ? (MATERIAL_FORM[m.form] ?? m.form) : null }))} load={load} />
        </Card>
      </div>
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(320px, 3fr) minmax(320px, 2fr)', gap: 12, alignItems: 'start' }}>
        <Card size="small" title="登记簿（省级平台）">
          <Space orientation="vertical" style={{ width: '100%' }}>
            {data.register.map((r) => <RegisterRecordPanel key={r.unitCode} unitCode={r.unitCode} record={r.record ? recordData(r.record) : null} fetchedAt={r.fetchedAt} offline={r.offline} />)}
          </Space>
        </Card>
        <Card size="small" title="自动核查">
          <ChecksList checks={data.checks} acknowledged={draft.acknowledged} disabled={lockedReason !== null} onAcknowledge={(rule, ticked) => {
            const next = new Set(draft.acknowledged);
            if (ticked) next.add(rule); else next.delete(rule);
            setDraft({ ...draft, acknowledged: next });
          }} />
        </Card>
      </div>
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(420px, 3fr) minmax(280px, 2fr)', gap: 12, alignItems: 'start' }}>
        <Card size="small">
          {sentNotice && (
            <Alert type="success" showIcon style={{ marginBottom: 8 }} title={sentNotice === 'requisitionNotice' ? '已作出补正决定：省级平台通知申请人，受理窗口打印补正通知书并接收补正材料。' : '已作出不予登记决定：省级平台通知申请人。'} />
          )}
          <DecisionPanel
            stage={stage}
            draft={draft}
            onDraft={setDraft}
            checks={data.checks}
            phrases={data.phrases}
            materialNames={[...new Set(data.materials.map((m) => m.name))]}
            today={today}
            offered={data.allowedDecisions}
            lockedReason={sentNotice ? '审核结论已提交' : lockedReason}
            sending={decideState.isLoading}
            error={error}
            onSend={() => void send()}
          />
        </Card>
        <Card size="small" title="审核记录">
          {data.history.length === 0 ? (
            <Typography.Text type="secondary">尚无审核记录</Typography.Text>
          ) : (
            <Timeline items={data.history.map((h) => ({ content: <div><div>{formatTime(h.at)} · {h.stage ? REVIEW_STAGE_LABELS[h.stage] : ''} · {h.decision ? (DECISION_LABEL[h.decision] ?? h.decision) : ''} · {h.actor ?? '系统'}</div>{h.opinion && <Typography.Text type="secondary">{h.opinion}</Typography.Text>}</div> }))} />
          )}
        </Card>
      </div>
    </Space>
  );
}
