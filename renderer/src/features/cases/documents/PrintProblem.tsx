import { Alert, Typography } from 'antd';
import { useState } from 'react';

interface ContractErrorLike {
  code?: string;
  message?: string;
  details?: Record<string, unknown>;
}

/**
 * A print that failed, said for a clerk (what to do, whom to call: the error's message), with what
 * a technician needs behind 详情 (the code and the technical detail), so the clerk is not shown
 * lpstat and CUPS words first.
 */
export function PrintProblem({ error }: { error: unknown }) {
  const [open, setOpen] = useState(false);
  const e = (error ?? {}) as ContractErrorLike;
  const technical = typeof e.details?.technical === 'string' ? e.details.technical : null;
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      style={{ marginBottom: 12 }}
      title={e.message ?? '打印失败，请重试。'}
      description={
        <>
          <Typography.Link onClick={() => setOpen(!open)} aria-expanded={open}>
            {open ? '收起详情' : '详情'}
          </Typography.Link>
          {open && (
            <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }} data-testid="print-problem-detail" copyable>
              {`错误代码 ${e.code ?? '未知'}${technical ? `：${technical}` : ''}`}
            </Typography.Paragraph>
          )}
        </>
      }
    />
  );
}
