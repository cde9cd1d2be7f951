import { ExperimentOutlined } from '@ant-design/icons';
import { Alert, App, Button, Drawer, FloatButton, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import {
  errorMessage,
  useSimulatePlaceCardMutation,
  useSimulateRemoveCardMutation,
  useSimulateSignerCancelMutation,
  useSimulateSignMutation,
  useSimulationQuery,
} from '../../api/api-slice';
import { SignatureCanvas, type PadPoint } from './SignatureCanvas';

/**
 * 模拟设备: in training mode a trainee places a sample ID card on the simulated reader (and, with
 * the signature pad, signs with the mouse). Always labelled as simulation.
 */
export function SimulationPanel() {
  const [open, setOpen] = useState(false);
  // While open, follow the pad: a capture started elsewhere shows up here within a second.
  const { data } = useSimulationQuery(undefined, { skip: !open, pollingInterval: 1000 });
  const [sign, signState] = useSimulateSignMutation();
  const [signerCancel] = useSimulateSignerCancelMutation();
  const [strokes, setStrokes] = useState<PadPoint[][]>([]);
  const [sample, setSample] = useState('zhangSan');
  const sigpad = data?.sigpad;
  const [place, placeState] = useSimulatePlaceCardMutation();
  const [remove] = useSimulateRemoveCardMutation();
  const [choice, setChoice] = useState('han');
  const { message } = App.useApp();
  const idcard = data?.idcard;
  const placedLabel = idcard?.cards.find((c) => c.id === idcard.placedCard)?.label;

  return (
    <>
      <FloatButton
        icon={<ExperimentOutlined />}
        description="模拟设备"
        shape="square"
        type="primary"
        style={{ insetInlineEnd: 24, width: 72 }}
        onClick={() => setOpen(true)}
        aria-label="模拟设备"
      />
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        title={
          <Space>
            模拟设备 <Tag color="orange">培训模式 · 模拟</Tag>
          </Space>
        }
        width={420}
      >
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} message="这里操作的是模拟设备，仅用于培训，不是真实证件。" />
        <Typography.Title level={5}>身份证阅读器</Typography.Title>
        {idcard ? (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text>
              当前：{placedLabel ? <Tag color="blue">{placedLabel}</Tag> : <Tag>阅读器上没有证件</Tag>}
            </Typography.Text>
            <Select
              value={choice}
              onChange={setChoice}
              style={{ width: '100%' }}
              options={idcard.cards.map((c) => ({ value: c.id, label: c.label }))}
              aria-label="样例证件"
            />
            <Space>
              <Button
                type="primary"
                loading={placeState.isLoading}
                onClick={async () => {
                  const r = await place({ card: choice });
                  if ('error' in r) void message.error(errorMessage(r.error));
                }}
              >
                放置证件
              </Button>
              <Button disabled={!idcard.placedCard} onClick={() => void remove()}>
                取走证件
              </Button>
            </Space>
          </Space>
        ) : (
          <Typography.Text type="secondary">身份证阅读器不是模拟设备（或未启动）。</Typography.Text>
        )}
        <Typography.Title level={5} style={{ marginTop: 24 }}>
          签名板
        </Typography.Title>
        {!sigpad ? (
          <Typography.Text type="secondary">签名板不是模拟设备（或未启动）。</Typography.Text>
        ) : !sigpad.signing ? (
          <Typography.Text type="secondary">签名板空闲：在设备检测页或业务页面发起签名后，可在这里代替申请人签名。</Typography.Text>
        ) : (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Alert type="info" showIcon message={`签名板显示：${sigpad.prompt}`} />
            <SignatureCanvas area={sigpad.area} strokes={strokes} onChange={setStrokes} />
            <Space wrap>
              <Button
                type="primary"
                disabled={strokes.length === 0}
                loading={signState.isLoading}
                onClick={async () => {
                  const r = await sign({ strokes });
                  if ('error' in r) void message.error(errorMessage(r.error));
                  setStrokes([]);
                }}
              >
                确认签名
              </Button>
              <Button onClick={() => setStrokes([])}>重写</Button>
              <Button danger onClick={() => void signerCancel()}>
                签名人取消
              </Button>
            </Space>
            <Space.Compact style={{ width: '100%' }}>
              <Select
                value={sample}
                onChange={setSample}
                style={{ flex: 1 }}
                options={sigpad.samples.map((s) => ({ value: s.id, label: `样例：${s.label}` }))}
                aria-label="样例签名"
              />
              <Button
                loading={signState.isLoading}
                onClick={async () => {
                  const r = await sign({ sample });
                  if ('error' in r) void message.error(errorMessage(r.error));
                }}
              >
                用样例签名
              </Button>
            </Space.Compact>
          </Space>
        )}
      </Drawer>
    </>
  );
}
