import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { errorMessage, useCancelDeadLetterMutation } from '../../api/api-slice';
import { OUTBOX_KIND_LABELS, type OutboxEntry } from './sync-labels';

/** 取消发送 a dead letter: the reason is required (audited); the case then stays on this workstation only. */
export function CancelSendModal({ entry, onClose }: { entry: OutboxEntry | null; onClose: () => void }) {
  const [cancel, state] = useCancelDeadLetterMutation();
  const [form] = Form.useForm<{ reason: string }>();
  const { message } = App.useApp();
  const number = entry ? (entry.caseNumber ?? `#${entry.caseId}`) : '';
  return (
    <Modal
      open={entry !== null}
      title={`取消发送：业务 ${number}`}
      okText="确认取消发送"
      okButtonProps={{ danger: true }}
      cancelText="返回"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={state.isLoading}
      destroyOnHidden
    >
      <Typography.Paragraph>
        取消后，这条“{entry ? OUTBOX_KIND_LABELS[entry.kind] : ''}”不再发送给省级平台，业务只保存在本机。如平台拒收的原因已经消除，应选择“重新发送”。
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        aria-label="取消发送"
        onFinish={async (v) => {
          if (!entry) return;
          const r = await cancel({ id: entry.id, reason: v.reason.trim() });
          if (!r.error) {
            void message.success(`已取消发送业务 ${number}`);
            onClose();
          }
        }}
      >
        <Form.Item
          name="reason"
          label="取消原因（记入审计日志）"
          rules={[
            { required: true, whitespace: true, message: '请填写取消原因' },
            { validator: (_, v: string | undefined) => ((v ?? '').trim().length !== 1 ? Promise.resolve() : Promise.reject(new Error('原因至少 2 个字'))) },
          ]}
        >
          <Input.TextArea id="cancel-send-reason" rows={3} maxLength={200} showCount placeholder="例如：申请人已撤回，平台无需再接收" autoFocus />
        </Form.Item>
        {state.error && <Alert type="error" showIcon role="alert" title={errorMessage(state.error)} />}
      </Form>
    </Modal>
  );
}
