import { CheckCircleFilled, RollbackOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import { formatTime } from '../../../app/shanghai-time';
import { RESTRICTION_KIND } from '../register/register-view';
import { issueText, restrictionLine, rightLine, type RegistrationPreviewModel } from './preview-view';

export interface RegistrationPanelProps {
  preview: RegistrationPreviewModel | null;
  previewError: string | null;
  /** Why 登簿 cannot be pressed now (registerBlock); null when it can. */
  blocked: string | null;
  registering: boolean;
  /** After 登簿: the numbers the platform issued. */
  result: { registeredAt: string | null; certificateNumbers: readonly string[] } | null;
  canUndo: boolean;
  undoing: boolean;
  error: string | null;
  onRegister: () => void;
  onUndo: (reason: string) => void;
}

/**
 * 登簿: the registrar's final look at what will be written (new right 现势, what becomes 历史,
 * restrictions written or cancelled, the certificate or proof to issue), then 登簿 — sent to the
 * platform, which keeps the register — and 登簿退回 while no certificate is printed.
 */
export function RegistrationPanel(p: RegistrationPanelProps) {
  const [undoOpen, setUndoOpen] = useState(false);
  const [reason, setReason] = useState('');
  return (
    <section aria-label="登簿" data-testid="registration-panel" style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      {p.previewError && <Alert type="warning" showIcon title="无法生成登簿预览" description={p.previewError} />}
      {p.preview?.units.map((u) => (
        <div key={u.unitCode} data-unit={u.unitCode} style={{ border: '1px solid #d6e0f0', borderRadius: 4, padding: '8px 12px', background: '#fff' }}>
          <div style={{ display: 'flex', gap: 8, alignItems: 'baseline', flexWrap: 'wrap' }}>
            <Typography.Text strong>不动产单元</Typography.Text>
            <Typography.Text code>{u.unitCode}</Typography.Text>
            {u.address && <Typography.Text type="secondary">{u.address}</Typography.Text>}
          </div>
          <dl style={{ display: 'grid', gridTemplateColumns: '120px 1fr', rowGap: 4, margin: '8px 0 0' }}>
            <dt style={DT}>登簿后现势</dt>
            <dd style={DD} data-testid="preview-new-rights">
              {u.newRights.length === 0 ? '—' : u.newRights.map((r, i) => <div key={i}><Tag color="green">现势</Tag>{rightLine(r)}</div>)}
            </dd>
            <dt style={DT}>转为历史</dt>
            <dd style={DD} data-testid="preview-historic">
              {u.becomesHistoric.length === 0 ? '—' : u.becomesHistoric.map((r, i) => <div key={i} style={{ color: '#8c8c8c' }}><Tag>历史</Tag>{rightLine(r)}</div>)}
            </dd>
            <dt style={DT}>新设限制</dt>
            <dd style={DD}>
              {u.restrictionsAdded.length === 0 ? '—' : u.restrictionsAdded.map((r, i) => <div key={i}><Tag color={kindColor(r.kind)}>新设</Tag>{restrictionLine(r)}</div>)}
            </dd>
            <dt style={DT}>注销限制</dt>
            <dd style={DD} data-testid="preview-ended">
              {u.restrictionsEnded.length === 0 ? '—' : u.restrictionsEnded.map((r, i) => <div key={i} style={{ textDecoration: 'line-through', color: '#8c8c8c' }}><Tag>注销</Tag>{restrictionLine(r)}</div>)}
            </dd>
            {u.restrictionsKept.length > 0 && (
              <>
                <dt style={DT}>继续有效</dt>
                <dd style={DD} data-testid="preview-kept">
                  {u.restrictionsKept.map((r, i) => <div key={i}><Tag color={kindColor(r.kind)}>保留</Tag>{restrictionLine(r)}</div>)}
                </dd>
              </>
            )}
          </dl>
        </div>
      ))}
      {p.preview && <Typography.Text data-testid="preview-issue">{issueText(p.preview.issue)}</Typography.Text>}

      {p.result ? (
        <Alert
          type="success"
          showIcon
          icon={<CheckCircleFilled />}
          title={`已登簿${p.result.registeredAt ? `（${formatTime(p.result.registeredAt)}）` : ''}`}
          description={
            <div data-testid="issued-numbers">
              {p.result.certificateNumbers.map((n) => (
                <Tag key={n} color="green" style={{ fontSize: 14, padding: '2px 8px' }}>{n}</Tag>
              ))}
            </div>
          }
          action={
            p.canUndo && (
              <Button danger icon={<RollbackOutlined />} loading={p.undoing} onClick={() => setUndoOpen(true)}>
                登簿退回
              </Button>
            )
          }
        />
      ) : (
        <div style={{ display: 'flex', gap: 12, alignItems: 'center', flexWrap: 'wrap' }}>
          <Button type="primary" size="large" disabled={p.blocked !== null || p.preview === null} loading={p.registering} onClick={p.onRegister} data-testid="register-button">
            登簿
          </Button>
          <div style={{ minHeight: 22, flex: 1 }} data-testid="register-reason">
            {p.blocked && <Typography.Text type="secondary">{p.blocked}</Typography.Text>}
          </div>
        </div>
      )}
      <div style={{ minHeight: 40 }}>{p.error && <Alert type="error" showIcon role="alert" title={p.error} />}</div>

      <Modal
        open={undoOpen}
        title="登簿退回"
        okText="确认退回"
        okButtonProps={{ danger: true, disabled: reason.trim().length < 2 }}
        cancelText="取消"
        confirmLoading={p.undoing}
        onCancel={() => setUndoOpen(false)}
        onOk={() => {
          p.onUndo(reason.trim());
          setUndoOpen(false);
        }}
        destroyOnHidden
      >
        <Typography.Paragraph>登簿退回后，已分配的证号作废且不再使用，登记簿恢复登簿前的状态，业务回到待登簿。证书已打印的不能退回。</Typography.Paragraph>
        <Input.TextArea rows={3} maxLength={200} showCount aria-label="退回原因" placeholder="退回原因，例如：权利人份额登记有误" value={reason} onChange={(e) => setReason(e.target.value)} autoFocus />
      </Modal>
    </section>
  );
}

const kindColor = (kind: string) => (RESTRICTION_KIND as Record<string, { color: string } | undefined>)[kind]?.color;
const DT: React.CSSProperties = { color: '#8c8c8c', margin: 0 };
const DD: React.CSSProperties = { margin: 0 };
