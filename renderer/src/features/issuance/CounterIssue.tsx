import { EditOutlined, IdcardOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Radio, Space, Steps, Typography } from 'antd';
import { useState } from 'react';
import type { IssuanceCase } from '../../../../electron/contract';
import { api, errorMessage, useReadIdCardMutation } from '../../api/api-slice';

type Poa = { fileName: string; mediaType: 'image/jpeg' | 'image/png' | 'application/pdf'; dataBase64: string };

function readFile(file: File): Promise<Poa> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve({ fileName: file.name, mediaType: file.type as Poa['mediaType'], dataBase64: String(reader.result).replace(/^data:[^,]*,/, '') });
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/**
 * 现场领取: read the collector's card (a 权利人, or an agent with 授权委托书), the collector signs
 * on the pad (it names them), then 确认发证 prints-ready the 领证单. Each refusal keeps its own
 * code's Chinese message, shown in reserved space.
 */
export function CounterIssue({ c }: { c: IssuanceCase }) {
  const [asAgent, setAsAgent] = useState(false);
  const [collector, setCollector] = useState<{ token: string; role: 'holder' | 'agent'; name: string; idNumberMasked: string } | null>(null);
  const [poa, setPoa] = useState<Poa | null>(null);
  const [signature, setSignature] = useState<{ id: string; svg: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [read, reading] = useReadIdCardMutation();
  const [check] = api.useCheckCollectorMutation();
  const [sign, signing] = api.useCaptureCollectorSignatureMutation();
  const [issue, issuing] = api.useIssueCertificateMutation();

  async function readCollector() {
    setError(null);
    setCollector(null);
    setSignature(null);
    const r = await read({ timeoutSeconds: 10 });
    if ('error' in r) return setError(errorMessage(r.error));
    if (!r.data.supported) return setError(r.data.message);
    const token = r.data.cardToken;
    const m = await check({ caseId: c.caseId, cardToken: token, asAgent });
    if ('error' in m) return setError(errorMessage(m.error));
    setCollector({ token, ...m.data });
  }

  async function captureSignature() {
    if (!collector) return;
    setError(null);
    const r = await sign({ caseId: c.caseId, cardToken: collector.token });
    if ('error' in r) return setError(errorMessage(r.error));
    setSignature({ id: r.data.signatureId, svg: r.data.svg });
  }

  async function confirm() {
    if (!collector) return;
    setError(null);
    const r = await issue({
      caseId: c.caseId,
      method: 'counter',
      cardToken: collector.token,
      asAgent,
      signatureId: signature?.id ?? '0'.repeat(64),
      ...(poa ? { powerOfAttorney: poa } : {}),
    });
    if ('error' in r) setError(errorMessage(r.error));
  }

  const step = !collector ? 0 : !signature ? 1 : 2;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="counter-issue">
      <Steps size="small" current={step} items={[{ title: '读领证人身份证' }, { title: '领证人签名' }, { title: '确认发证' }]} />
      <Radio.Group
        value={asAgent ? 'agent' : 'holder'}
        onChange={(e) => {
          setAsAgent(e.target.value === 'agent');
          setCollector(null);
          setSignature(null);
        }}
      >
        <Radio value="holder">权利人本人领取</Radio>
        <Radio value="agent">代理人领取（须授权委托书）</Radio>
      </Radio.Group>
      <Space wrap>
        <Button icon={<IdcardOutlined />} loading={reading.isLoading} onClick={() => void readCollector()}>
          读取领证人身份证
        </Button>
        <Typography.Text data-testid="collector">{collector ? `${collector.role === 'holder' ? '权利人' : '代理人'}：${collector.name}（${collector.idNumberMasked}）` : '尚未读卡'}</Typography.Text>
      </Space>
      {asAgent && (
        <Space wrap>
          <label className="ant-btn ant-btn-default" style={{ cursor: 'pointer' }}>
            <UploadOutlined /> 上传授权委托书
            <input
              type="file"
              accept="image/jpeg,image/png,application/pdf"
              style={{ display: 'none' }}
              data-testid="poa-file"
              onChange={(e) => {
                const f = e.target.files?.[0];
                if (f) void readFile(f).then(setPoa);
              }}
            />
          </label>
          <Typography.Text type="secondary">{poa ? `已选择：${poa.fileName}` : '未提供授权委托书'}</Typography.Text>
        </Space>
      )}
      <Space wrap align="start">
        <Button icon={<EditOutlined />} disabled={!collector} loading={signing.isLoading} onClick={() => void captureSignature()}>
          领证人在签名板上签名
        </Button>
        {/* Reserved room for the signature, so the buttons below never move. */}
        <div style={{ width: 240, height: 96, border: '1px dashed #d9d9d9', background: '#fff' }} data-testid="collector-signature">
          {signature && <img alt="领证人签名" style={{ width: '100%', height: '100%', objectFit: 'contain' }} src={`data:image/svg+xml;utf8,${encodeURIComponent(signature.svg)}`} />}
        </div>
      </Space>
      <div style={{ minHeight: 40 }}>{error && <Alert type="error" showIcon role="alert" title={error} data-testid="issuance-error" />}</div>
      <Button type="primary" disabled={!collector} loading={issuing.isLoading} onClick={() => void confirm()}>
        确认发证并生成领证单
      </Button>
    </Space>
  );
}
