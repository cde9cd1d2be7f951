import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Space, Tag, Tooltip, Typography } from 'antd';
import type { CaseView } from '../../../../electron/contract';
import { ruleLabel } from '../cases/case-labels';

/**
 * The back end's acceptance rules for the saved draft, always in view while the clerk works. `live`
 * names rules the form on screen already breaks (a red row is not saved yet): those never show a tick.
 */
export function AcceptanceBar({ view, live = {} }: { view: CaseView; live?: Record<string, string[]> }) {
  const rules = view.acceptance.map((r) => (live[r.rule] ? { rule: r.rule, passed: false, reasons: live[r.rule] } : r));
  const passed = rules.filter((r) => r.passed).length;
  return (
    <div
      style={{ display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap', padding: '6px 10px', marginBottom: 12, background: '#f7f9fc', border: '1px solid #e5e9f0', borderRadius: 4 }}
      aria-label="受理条件"
      data-testid="acceptance-bar"
    >
      <Tooltip title="按最近一次保存的内容检查；离开每一步时自动保存">
        <Typography.Text strong style={{ fontSize: 13 }}>
          受理条件 {passed}/{rules.length}
        </Typography.Text>
      </Tooltip>
      <Space size={[4, 4]} wrap>
        {rules.map((r) => (
          <Tooltip key={r.rule} title={r.passed ? '已满足' : r.reasons.join(' ')}>
            <Tag color={r.passed ? 'success' : 'warning'} data-rule={r.rule} data-passed={r.passed ? 'yes' : 'no'} icon={r.passed ? <CheckCircleFilled /> : <CloseCircleFilled />} style={{ marginInlineEnd: 0 }}>
              {ruleLabel(r.rule)}
            </Tag>
          </Tooltip>
        ))}
      </Space>
    </div>
  );
}
