import { ExperimentOutlined } from '@ant-design/icons';
import { Alert, App, Button, Drawer, FloatButton, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
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
  // The prompt the trainee's strokes were written for: ink for one signer never goes to the next.
  const [strokesFor, setStrokesFor] = useState<string | null>(null);
  const [sample, setSample] = useState('zhangSan');
  const sigpad = data?.sigpad;
  const [place, placeState] = useSimulatePlaceCardMutation();
  const [remove] = useSimulateRemoveCardMutation();
  const [choice, setChoice] = useState('han');
  const { message } = App.useApp();
  const idcard = data?.idcard;
  const placedLabel = idcard?.cards.find((c) => c.id === idcard.placedCard)?.label;
  const shownPrompt = sigpad?.signing ? sigpad.prompt : null;

  // The pad moved on (next signer, or ended) while strokes were on the canvas: they are cleared,
  // and the trainee is told, never silently.
  useEffect(() => {
    if (strokes.length > 0 && strokesFor !== null && strokesFor !== shownPrompt) {
      setStrokes([]);
      void message.warning(shownPrompt ? `签名板已换人（${shownPrompt}）：刚才写的笔迹没有提交，已清除，请重新书写。` : '签名板已结束签名：刚才写的笔迹没有提交，已清除。');
    }
  }, [shownPrompt]);

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
          <Space direction="vertical" style={{ width: '100%' }}>
            <Alert type="warning" showIcon message="签名板空闲（或正在切换到下一位签名人）：现在写的笔迹不会被记录，请等签名板显示“请……签名”后再写。" data-testid="pad-idle" />
            <SignatureCanvas
              key="idle"
              area={sigpad.area}
              strokes={[]}
              onChange={() => undefined}
              disabled
              onRejected={() => void message.warning('签名板还没有轮到签名人：这一笔没有记录，请等签名板显示姓名后再写。')}
            />
          </Space>
        ) : (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Alert type="info" showIcon message={`签名板显示：${sigpad.prompt}`} />
            <SignatureCanvas
              key={sigpad.prompt}
              area={sigpad.area}
              strokes={strokes}
              onChange={(next) => {
                setStrokes(next);
                setStrokesFor(sigpad.prompt);
              }}
            />
            <Space wrap>
              <Button
                type="primary"
                disabled={strokes.length === 0}
                loading={signState.isLoading}
                onClick={async () => {
                  const r = await sign({ strokes, forPrompt: strokesFor ?? sigpad.prompt });
                  if ('error' in r) void message.error(errorMessage(r.error));
                  setStrokes([]);
                  setStrokesFor(null);
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
                  const r = await sign({ sample, forPrompt: sigpad.prompt });
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
