import { CheckCircleFilled, CloseCircleFilled, ScanOutlined } from '@ant-design/icons';
import { Alert, Card, Descriptions, Input, Tag, Typography, type InputRef } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { MethodOutput } from '../../../../electron/contract';
import { errorMessage, useVerifyDocumentMutation } from '../../api/api-slice';
import { formatTime } from '../../app/shanghai-time';
import { CASE_STATUS, PARTY_ROLE_LABELS } from '../cases/case-labels';

type Verification = MethodOutput<'documents.verify'>;

/**
 * 核验: is a printed document genuine? A keyboard-wedge scanner types the QR text and Enter into
 * the focused box (or the clerk types it); the answer says genuine or not, with the reason, and
 * for a genuine code the case as this workstation holds it, to compare with the paper. The box
 * keeps the focus and its text is selected after each answer, so the next scan replaces it.
 */
export default function VerifyPage() {
  const input = useRef<InputRef>(null);
  const [text, setText] = useState('');
  const [verify, state] = useVerifyDocumentMutation();
  const [result, setResult] = useState<Verification | null>(null);

  useEffect(() => input.current?.focus(), []);

  const submit = async () => {
    const code = text.trim();
    if (!code) return;
    const answer = await verify({ text: code });
    setResult('data' in answer ? (answer.data ?? null) : null);
    input.current?.focus({ cursor: 'all' });
  };

  return (
    <Card title="文书核验">
      <Typography.Paragraph type="secondary">
        用扫码枪扫描受理凭证等文书上的二维码（扫码枪会自动输入并回车），或手工输入二维码下方的核验码后按回车。
      </Typography.Paragraph>
      <Input.Search
        ref={input}
        aria-label="核验码"
        placeholder="扫描或输入核验码"
        prefix={<ScanOutlined />}
        enterButton="核验"
        size="large"
        value={text}
        loading={state.isLoading}
        onChange={(e) => setText(e.target.value)}
        onSearch={() => void submit()}
        autoComplete="off"
        spellCheck={false}
      />
      {/* Reserved space: the answer appears below the box without moving it. */}
      <div style={{ minHeight: 320, marginTop: 16 }} role="region" aria-label="核验结果">
        {state.error ? <Alert type="error" showIcon message={errorMessage(state.error)} /> : result && <VerificationAnswer result={result} />}
      </div>
    </Card>
  );
}

function VerificationAnswer({ result }: { result: Verification }) {
  if (!result.ok) {
    return (
      <Alert
        type="error"
        showIcon
        icon={<CloseCircleFilled />}
        message={<strong>核验不通过</strong>}
        description={result.reason ?? '核验码无效。'}
        data-testid="verify-result"
      />
    );
  }
  const facts = result.facts;
  const c = result.case;
  return (
    <div data-testid="verify-result">
      <Alert
        type="success"
        showIcon
        icon={<CheckCircleFilled />}
        message={<strong>真实：本登记机构出具的{result.kindTitle ?? '文书'}</strong>}
        description={c ? '请将下方记录与纸面文书逐项核对。' : '签名核验通过；本工作站没有这一业务的记录，请到登记系统中核对。'}
        style={{ marginBottom: 12 }}
      />
      <Descriptions bordered size="small" column={2}>
        <Descriptions.Item label="文书">{result.kindTitle ?? facts?.kind}</Descriptions.Item>
        <Descriptions.Item label="业务编号">{c ? <a href={`#/cases/${c.id}`}>{facts?.caseNumber}</a> : facts?.caseNumber}</Descriptions.Item>
        <Descriptions.Item label="出具日期">{facts?.issuedDate}</Descriptions.Item>
        <Descriptions.Item label="本机出具时间">{c && c.producedAt.length > 0 ? c.producedAt.map((t) => formatTime(t)).join('；') : '—'}</Descriptions.Item>
        {c && (
          <>
            <Descriptions.Item label="业务类型">{c.businessTypeName}</Descriptions.Item>
            <Descriptions.Item label="当前状态">
              <Tag color={CASE_STATUS[c.status].color}>{CASE_STATUS[c.status].label}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label="申请人" span={2}>
              {c.parties.map((p) => (
                <div key={`${p.role}-${p.name}-${p.idNumberMasked}`}>
                  {PARTY_ROLE_LABELS[p.role]}：{p.name}（{p.idNumberMasked}）
                </div>
              ))}
            </Descriptions.Item>
            <Descriptions.Item label="不动产单元" span={2}>
              {c.unitCodes.join('、')}
            </Descriptions.Item>
          </>
        )}
      </Descriptions>
    </div>
  );
}
