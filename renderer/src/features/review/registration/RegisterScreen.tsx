import { ArrowLeftOutlined } from '@ant-design/icons';
import { App, Button, Card, Result, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { REVIEW_STAGE_LABELS } from '../../../../../electron/contract';
import { errorMessage, useStatusQuery } from '../../../api/api-slice';
import { navigate } from '../../../app/hash-route';
import { claimText } from '../queue/queue-view';
import { RegisterRecordPanel } from '../register/RegisterRecordPanel';
import { recordData } from '../register/register-view';
import { useClaimMutation, useRegisterMutation, useRegistrationPreviewQuery, useReviewWorkspaceQuery, useUndoRegistrationMutation, useSessionUser } from '../review-api';
import { queuePath } from '../review-route';
import { previewModel, registerBlock } from './preview-view';
import { RegistrationPanel } from './RegistrationPanel';

/**
 * 登簿 for the registrar: the case and the register as they are, the preview of what will be
 * written, then 登簿 (online only: the platform holds the register) and 登簿退回.
 */
export function RegisterScreen({ caseId }: { caseId: number }) {
  const user = useSessionUser();
  const ws = useReviewWorkspaceQuery({ caseId });
  const preview = useRegistrationPreviewQuery({ caseId }, { skip: !ws.data });
  const online = useStatusQuery(undefined, { pollingInterval: 5000 }).data?.platform.state === 'online';
  const [claim, claiming] = useClaimMutation();
  const [register, registering] = useRegisterMutation();
  const [undo, undoing] = useUndoRegistrationMutation();
  const [error, setError] = useState<string | null>(null);
  const { message } = App.useApp();

  if (ws.isLoading) return <Spin />;
  if (!ws.data) return <Result status="warning" title="无法打开该业务的登簿" subTitle={errorMessage(ws.error)} extra={<a href={`#${queuePath('registration')}`}>返回待登簿</a>} />;
  const view = ws.data.case;
  const holder = view.claim;
  const stage = view.stage;
  const registered = stage === 'registered';
  // The screen's own reasons first (they follow the claim and the link at once), then core's.
  const blocked = registerBlock({ stage, claimedByMe: view.mine, online, registered }) ?? preview.data?.blockedBy ?? null;

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="register-screen">
      <Card size="small" styles={{ body: { padding: '8px 12px' } }}>
        <div style={{ display: 'flex', gap: 12, alignItems: 'center', flexWrap: 'wrap' }}>
          <Button type="text" icon={<ArrowLeftOutlined />} aria-label="返回待登簿" onClick={() => navigate(queuePath('registration'))} />
          <Typography.Text strong style={{ fontSize: 16 }}>登簿 · {view.caseNumber}</Typography.Text>
          <Tag color="blue">{view.businessTypeLabel}</Tag>
          <Tag color={registered ? 'green' : 'processing'} data-testid="register-stage">{REVIEW_STAGE_LABELS[stage]}</Tag>
          <Typography.Text type="secondary">{claimText(holder, user.id, view.mine)}</Typography.Text>
          <span style={{ flex: 1 }} />
          {!holder && stage === 'registration' && !registered && (
            <Button type="primary" loading={claiming.isLoading} onClick={async () => {
              const r = await claim({ caseId });
              if (r.error) setError(errorMessage(r.error));
              ws.refetch();
            }}>认领</Button>
          )}
        </div>
      </Card>
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(420px, 3fr) minmax(320px, 2fr)', gap: 12, alignItems: 'start' }}>
        <Card size="small" title={registered ? '登簿结果' : '登簿预览：将写入登记簿的内容'}>
          <RegistrationPanel
            // After 登簿 the preview would describe the next change of the register, not this one.
            preview={registered ? null : previewModel(preview.data)}
            previewError={preview.error ? errorMessage(preview.error) : null}
            blocked={blocked}
            registering={registering.isLoading}
            result={registered ? { registeredAt: null, certificateNumbers: view.certificateNumbers } : null}
            canUndo={registered && ['registrar', 'supervisor'].includes(user.role)}
            undoing={undoing.isLoading}
            error={error}
            onRegister={async () => {
              setError(null);
              const r = await register({ caseId });
              if (r.error) setError(errorMessage(r.error));
              else void message.success('已登簿');
              ws.refetch();
              preview.refetch();
            }}
            onUndo={async (reason) => {
              setError(null);
              const r = await undo({ caseId, reason });
              if (r.error) setError(errorMessage(r.error));
              else void message.success('已登簿退回，证号作废');
              ws.refetch();
              preview.refetch();
            }}
          />
        </Card>
        <Card size="small" title="登记簿现状（省级平台）">
          <Space orientation="vertical" style={{ width: '100%' }}>
            {ws.data.register.map((r) => <RegisterRecordPanel key={r.unitCode} unitCode={r.unitCode} record={r.record ? recordData(r.record) : null} fetchedAt={r.fetchedAt} offline={r.offline} />)}
          </Space>
        </Card>
      </div>
    </Space>
  );
}
