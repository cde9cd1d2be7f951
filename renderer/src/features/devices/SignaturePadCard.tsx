import { EditOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Spin, Typography } from 'antd';
import { errorMessage, useCancelSignatureMutation, useCaptureSignatureMutation } from '../../api/api-slice';

/** Capture a signature on the pad and show what documents would receive. */
export function SignaturePadCard({ canCapture }: { canCapture: boolean }) {
  const [capture, state] = useCaptureSignatureMutation();
  const [cancel] = useCancelSignatureMutation();
  return (
    <Card
      title="签名板"
      extra={
        <Space>
          {state.isLoading && <Button onClick={() => void cancel()}>取消签名</Button>}
          <Button
            type="primary"
            icon={<EditOutlined />}
            disabled={!canCapture}
            loading={state.isLoading}
            onClick={() => void capture({ prompt: '请在签名板上签名（设备检测）', timeoutSeconds: 60 })}
          >
            采集签名
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">点击“采集签名”后，签名板显示提示语；签名人写完按“确认”。60 秒内未确认则自动取消。</Typography.Paragraph>
      {state.isLoading && (
        <Space>
          <Spin size="small" /> 等待签名人在签名板上签名并确认……
        </Space>
      )}
      {state.error && <Alert type="error" showIcon role="alert" message={errorMessage(state.error)} />}
      {state.data && !state.isLoading && (
        <Space direction="vertical">
          <img src={state.data.pngDataUrl} alt="采集到的签名" width={480} height={240} style={{ border: '1px solid #d9d9d9', background: '#fff' }} />
          <Typography.Text type="secondary">
            共 {state.data.strokes} 笔、{state.data.points} 个采样点{state.data.lostPoints ? `，传输中丢失 ${state.data.lostPoints} 个点` : ''}；文书中以矢量笔迹嵌入。
          </Typography.Text>
        </Space>
      )}
    </Card>
  );
}
