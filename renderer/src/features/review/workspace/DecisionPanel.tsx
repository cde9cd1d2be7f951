import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Input, Select, Space, Typography } from 'antd';
import { NON_REGISTRATION_GROUNDS } from '../../../../../electron/contract';
import type { ReviewCheck } from '../checks';
import { OpinionBox } from '../OpinionBox';
import { DECISION_SHORTCUTS, DECISIONS, decisionsFor, draftProblem, type Decision, type DecisionDraft, type ReviewStage } from './decision-form';

export interface DecisionPanelProps {
  stage: ReviewStage;
  draft: DecisionDraft;
  onDraft: (d: DecisionDraft) => void;
  checks: readonly ReviewCheck[];
  phrases: readonly string[];
  /** The case's materials by name, offered for a 补正 item. */
  materialNames: readonly string[];
  today: string;
  /** The decisions the session may take (review.workspace allowedDecisions); the stage's when absent. */
  offered?: readonly Decision[];
  /** Why nothing can be decided here now (not claimed by me, …); null when the reviewer may decide. */
  lockedReason: string | null;
  sending: boolean;
  error: string | null;
  onSend: () => void;
}

/**
 * 审核结论: 通过 / 补正 (items and deadline) / 不予登记 (条例 第二十二条 grounds) / 退回上一环节, the
 * 审核意见 with the phrase library, and the send button that says why it is disabled. Every line
 * that can appear has its space reserved, so nothing moves while the reviewer types.
 */
export function DecisionPanel(p: DecisionPanelProps) {
  const { draft } = p;
  const set = (patch: Partial<DecisionDraft>) => p.onDraft({ ...draft, ...patch });
  const offered = p.offered && p.offered.length > 0 ? p.offered : decisionsFor(p.stage);
  const problem = p.lockedReason ? null : draftProblem(draft, p.stage, p.checks, p.today);
  const locked = p.lockedReason !== null || p.sending;

  return (
    <section aria-label="审核结论" data-testid="decision-panel" style={{ display: 'flex', flexDirection: 'column', gap: 10 }}>
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography.Text strong>审核结论</Typography.Text>
        <Space.Compact role="radiogroup" aria-label="审核结论">
          {DECISIONS.filter((d) => offered.includes(d.decision)).map((d) => (
            <Button
              key={d.decision}
              role="radio"
              aria-checked={draft.decision === d.decision}
              type={draft.decision === d.decision ? 'primary' : 'default'}
              danger={d.danger && draft.decision === d.decision}
              disabled={locked}
              onClick={() => set({ decision: d.decision })}
              title={`Alt+${d.key}`}
            >
              {d.label}
            </Button>
          ))}
        </Space.Compact>
      </div>

      {draft.decision === 'supplement' && (
        <div aria-label="补正事项" style={{ border: '1px solid #ffe7ba', background: '#fffbf3', borderRadius: 4, padding: 8 }}>
          <Typography.Text strong>需补正的材料或问题（一次性告知）</Typography.Text>
          {draft.items.map((item, i) => (
            <div key={i} style={{ display: 'grid', gridTemplateColumns: '220px 1fr 32px', gap: 6, marginTop: 6 }}>
              <Select
                allowClear
                size="small"
                placeholder="涉及的材料（可不选）"
                aria-label={`第 ${i + 1} 项涉及的材料`}
                value={item.material}
                disabled={locked}
                options={p.materialNames.map((m) => ({ value: m, label: m }))}
                onChange={(v: string | null) => set({ items: draft.items.map((x, j) => (j === i ? { ...x, material: v ?? null } : x)) })}
              />
              <Input
                size="small"
                aria-label={`第 ${i + 1} 项问题`}
                placeholder="问题，例如：转移合同缺少买受人签字"
                maxLength={200}
                value={item.problem}
                disabled={locked}
                onChange={(e) => set({ items: draft.items.map((x, j) => (j === i ? { ...x, problem: e.target.value } : x)) })}
              />
              <Button size="small" type="text" aria-label={`删除第 ${i + 1} 项`} icon={<DeleteOutlined />} disabled={locked} onClick={() => set({ items: draft.items.filter((_, j) => j !== i) })} />
            </div>
          ))}
          <div style={{ display: 'flex', gap: 12, alignItems: 'center', marginTop: 8, flexWrap: 'wrap' }}>
            <Button size="small" icon={<PlusOutlined />} disabled={locked} onClick={() => set({ items: [...draft.items, { material: null, problem: '' }] })}>
              添加一项
            </Button>
            <label style={{ display: 'inline-flex', gap: 6, alignItems: 'center' }}>
              补正期限至
              <input type="date" aria-label="补正期限" value={draft.deadline} min={p.today} disabled={locked} onChange={(e) => set({ deadline: e.target.value })} style={{ height: 24, border: '1px solid #d9d9d9', borderRadius: 4, font: 'inherit' }} />
            </label>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>不填则按本机构规定的工作日数；提交后打印补正通知书</Typography.Text>
          </div>
        </div>
      )}

      {draft.decision === 'refuse' && (
        <div aria-label="不予登记的情形" style={{ border: '1px solid #ffccc7', background: '#fff8f7', borderRadius: 4, padding: 8 }}>
          <Typography.Text strong>不予登记的情形（《不动产登记暂行条例》第二十二条，将写入不予登记告知书）</Typography.Text>
          <Checkbox.Group value={draft.groundIds} disabled={locked} onChange={(v) => set({ groundIds: v as DecisionDraft['groundIds'] })} style={{ display: 'flex', flexDirection: 'column', gap: 4, marginTop: 6 }}>
            {NON_REGISTRATION_GROUNDS.map((g) => (
              <Checkbox key={g.id} value={g.id} aria-label={g.label}>
                {g.label} <Typography.Text type="secondary" style={{ fontSize: 12 }}>{g.citation}</Typography.Text>
              </Checkbox>
            ))}
          </Checkbox.Group>
        </div>
      )}

      {draft.decision === 'return' && <Alert type="info" showIcon title="退回上一环节：业务回到上一审核环节重新审核；请在审核意见中写明退回原因。" />}

      <OpinionBox value={draft.opinion} onChange={(opinion) => set({ opinion })} phrases={p.phrases} disabled={locked} problem={problem?.field === 'opinion' && draft.opinion.length > 0 ? problem.message : null} />

      <div style={{ display: 'flex', gap: 12, alignItems: 'center', flexWrap: 'wrap' }}>
        <Button type="primary" size="large" disabled={locked || problem !== null} loading={p.sending} onClick={p.onSend} data-testid="send-decision">
          提交审核结论
        </Button>
        {/* Reserved: why the button is disabled, or what went wrong. */}
        <div style={{ minHeight: 22, flex: 1, minWidth: 240 }} data-testid="decision-reason">
          {p.error ? (
            <Typography.Text type="danger" role="alert">{p.error}</Typography.Text>
          ) : p.lockedReason ? (
            <Typography.Text type="secondary">{p.lockedReason}</Typography.Text>
          ) : problem ? (
            <Typography.Text type={problem.field === 'checks' ? 'danger' : 'secondary'}>{problem.message}</Typography.Text>
          ) : null}
        </div>
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>快捷键：{DECISION_SHORTCUTS}</Typography.Text>
    </section>
  );
}
