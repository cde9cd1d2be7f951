import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Alert, Button, List, Space, Typography } from 'antd';
import type { CaseView } from '../../../../electron/contract';
import { errorMessage, useAcceptCaseMutation } from '../../api/api-slice';
import { ruleLabel } from '../cases/case-labels';
import { AcceptSummary } from './AcceptSummary';

/** Which step fixes what a rule found. */
const RULE_STEP: Record<string, number> = {
  'applicants-present-for-their-roles': 1,
  'id-numbers-valid': 1,
  'phones-valid': 1,
  'co-ownership-and-shares-total-100': 1,
  'units-present-and-codes-valid': 2,
  'required-materials-received': 3,
  'each-applicant-signed-sealed-or-represented-by-their-agent': 5,
  'organisation-seals-match-the-application': 5,
  'previous-certificate-numbers-readable': 2,
};

/** 受理: every acceptance rule with its reasons; the button works only when all pass. */
export function AcceptStep({ view, onGoTo, onAccepted }: { view: CaseView | undefined; onGoTo: (step: number) => void; onAccepted: (v: CaseView) => void }) {
  const [accept, state] = useAcceptCaseMutation();
  if (!view) return null;
  const id = view.id;
  const failing = view.acceptance.filter((r) => !r.passed);
  const ready = failing.length === 0 && view.allowedActions.includes('accept');

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <AcceptSummary view={view} />
      <List
        size="small"
        bordered
        dataSource={view.acceptance}
        data-testid="acceptance-rules"
        renderItem={(r) => (
          <List.Item
            actions={
              r.passed || RULE_STEP[r.rule] === undefined
                ? undefined
                : [
                    <Button key="fix" type="link" size="small" onClick={() => onGoTo(RULE_STEP[r.rule])}>
                      去修改
                    </Button>,
                  ]
            }
          >
            <Space align="start">
              {r.passed ? <CheckCircleFilled style={{ color: '#389e0d', marginTop: 4 }} /> : <CloseCircleFilled style={{ color: '#d4380d', marginTop: 4 }} />}
              <div>
                <Typography.Text strong={!r.passed}>{ruleLabel(r.rule)}</Typography.Text>
                {r.passed ? (
                  <Typography.Text type="success" style={{ marginLeft: 8, fontSize: 13 }}>
                    已满足
                  </Typography.Text>
                ) : (
                  r.reasons.map((reason) => (
                    <div key={reason} style={{ color: '#cf1322', fontSize: 13 }}>
                      {reason}
                    </div>
                  ))
                )}
              </div>
            </Space>
          </List.Item>
        )}
      />
      {state.error && <Alert type="error" showIcon role="alert" title={errorMessage(state.error)} />}
      <Space align="center">
        <Button
          type="primary"
          size="large"
          disabled={!ready}
          loading={state.isLoading}
          data-autofocus={ready ? '' : undefined}
          onClick={async () => {
            const r = await accept({ id });
            if (r.data) onAccepted(r.data);
          }}
        >
          受理
        </Button>
        <Typography.Text type={ready ? 'success' : 'warning'}>
          {ready ? '受理条件全部满足：受理后生成业务编号和承诺办结日期，申请内容不能再修改。' : `尚有 ${failing.length} 项受理条件未满足，点“去修改”返回对应步骤。`}
        </Typography.Text>
      </Space>
    </Space>
  );
}
