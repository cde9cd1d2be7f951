import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled, InfoCircleFilled } from '@ant-design/icons';
import { Checkbox, Typography } from 'antd';
import { orderedChecks, ruleName, type ReviewCheck } from './checks';

const LEVEL = {
  block: { label: '阻止', color: '#cf1322', icon: <CloseCircleFilled /> },
  decide: { label: '需决定', color: '#d46b08', icon: <ExclamationCircleFilled /> },
  info: { label: '提示', color: '#1d4f91', icon: <InfoCircleFilled /> },
} as const;

/**
 * 自动核查: the named rules' verdicts, failed ones first. A failed rule that needs a decision (异议)
 * carries a checkbox: 通过 stays disabled until the reviewer has ticked it.
 */
export function ChecksList(props: { checks: readonly ReviewCheck[]; acknowledged: ReadonlySet<string>; onAcknowledge: (rule: string, ticked: boolean) => void; disabled?: boolean }) {
  return (
    <section aria-label="自动核查" data-testid="review-checks">
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {orderedChecks(props.checks).map((c) => {
          const level = LEVEL[c.level];
          return (
            <li key={c.rule} data-rule={c.rule} data-ok={c.ok} style={{ display: 'grid', gridTemplateColumns: '20px 1fr', gap: 6, padding: '4px 0', borderTop: '1px dashed #f0f0f0' }}>
              <span style={{ color: c.ok ? '#389e0d' : level.color }} aria-label={c.ok ? '通过' : level.label}>
                {c.ok ? <CheckCircleFilled /> : level.icon}
              </span>
              <div>
                <Typography.Text strong={!c.ok} style={{ color: c.ok ? undefined : level.color }}>
                  {ruleName(c.rule)}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ marginInlineStart: 6, fontSize: 11 }}>{c.rule}</Typography.Text>
                {!c.ok && <Typography.Text style={{ marginInlineStart: 6, fontSize: 12, color: level.color }}>[{level.label}]</Typography.Text>}
                <div style={{ fontSize: 13 }}>{c.message}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>依据：{c.source}</Typography.Text>
                {!c.ok && c.level === 'decide' && (
                  <div>
                    <Checkbox checked={props.acknowledged.has(c.rule)} disabled={props.disabled} onChange={(e) => props.onAcknowledge(c.rule, e.target.checked)}>
                      已核实，明确决定继续办理
                    </Checkbox>
                  </div>
                )}
              </div>
            </li>
          );
        })}
        {props.checks.length === 0 && <li style={{ color: '#8c8c8c' }}>没有适用的核查规则。</li>}
      </ul>
    </section>
  );
}
