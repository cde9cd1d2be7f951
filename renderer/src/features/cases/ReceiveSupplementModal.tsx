import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import type { CaseView } from '../../../../electron/contract';
import { useDispatch } from 'react-redux';
import { api, errorMessage } from '../../api/api-slice';
import { useReceiveSupplementMutation } from '../review/review-api';

/** Lines of a text box, trimmed, without empty ones. */
function lines(text: string | undefined): string[] {
  return (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

/**
 * 接收补正材料 at the counter: the applicant brought what the reviewer's 补正通知书 asked for. The
 * clerk lists what was received; the case goes back to 初审 at the platform (through the outbox).
 */
export function ReceiveSupplementModal({ open, view, onClose }: { open: boolean; view: CaseView; onClose: () => void }) {
  const [receive, state] = useReceiveSupplementMutation();
  const [form] = Form.useForm<{ received: string; note: string }>();
  const { message } = App.useApp();
  const dispatch = useDispatch();
  return (
    <Modal
      open={open}
      title="接收补正材料"
      okText="确认接收"
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={state.isLoading}
      destroyOnHidden
      width={600}
    >
      {view.statusReason && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="需补正的内容" description={view.statusReason} />}
      <Form
        form={form}
        layout="vertical"
        aria-label="接收补正材料"
        initialValues={{ received: '', note: '' }}
        onFinish={async (v) => {
          const received = lines(v.received);
          const note = [received.length > 0 ? `已收补正材料：${received.join('；')}` : null, v.note?.trim() || null].filter(Boolean).join('。');
          if (!note) {
            form.setFields([{ name: 'received', errors: ['请写明收到的补正材料'] }]);
            return;
          }
          const r = await receive({ caseId: view.id, note: note.slice(0, 500), materials: [] });
          if (r.data) {
            // The counter's own view of the case changed too (the method answers the review's view).
            dispatch(api.util.invalidateTags([{ type: 'Case', id: view.id }, { type: 'CaseTimeline', id: view.id }]));
            void message.success('已接收补正材料，业务回到初审');
            onClose();
          }
        }}
      >
        <Form.Item name="received" label="收到的材料（每行一项）">
          <Input.TextArea rows={3} placeholder="例如：转移合同原件（买受人已签字）" autoFocus />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input maxLength={200} />
        </Form.Item>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          确认后补正情况发送至省级平台，业务重新进入初审；离线时先在本机排队，联网后自动发送。
        </Typography.Paragraph>
        <div style={{ minHeight: 40, marginTop: 8 }}>{state.error && <Alert type="error" showIcon role="alert" title={errorMessage(state.error)} />}</div>
      </Form>
    </Modal>
  );
}
