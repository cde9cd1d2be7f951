import { Alert, App, Button, Checkbox, Form, Input, Modal, Space, Typography } from 'antd';
import type { CaseView } from '../../../../electron/contract';
import { errorMessage, useRejectCaseMutation, useRequisitionCaseMutation, useWithdrawCaseMutation } from '../../api/api-slice';

interface ModalProps {
  open: boolean;
  view: CaseView;
  onClose: () => void;
}

/** Text with one item per line, trimmed, without empty lines. */
function lines(text: string | undefined): string[] {
  return (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

/**
 * 补正 (一次性告知): what is missing, listed once. The checklist's unreceived materials are offered,
 * those due at acceptance already ticked; anything else is typed one item per line.
 */
export function RequisitionModal({ open, view, onClose }: ModalProps) {
  const [requisition, state] = useRequisitionCaseMutation();
  const [form] = Form.useForm<{ items: string[]; more: string; note: string }>();
  const { message } = App.useApp();
  const unreceived = view.materials.filter((m) => !m.received);
  return (
    <Modal open={open} title="补正：一次性告知需补正的材料" okText="确认补正" cancelText="取消" onOk={() => form.submit()} onCancel={onClose} confirmLoading={state.isLoading} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        aria-label="补正"
        initialValues={{ items: unreceived.filter((m) => m.required).map((m) => m.name), more: '', note: '' }}
        onFinish={async (v) => {
          const missing = [...(v.items ?? []), ...lines(v.more)].map((m) => m.slice(0, 100));
          if (missing.length === 0) {
            form.setFields([{ name: 'more', errors: ['请至少列出一项需补正的内容'] }]);
            return;
          }
          const r = await requisition({ id: view.id, missing, ...(v.note?.trim() ? { note: v.note.trim() } : {}) });
          if (r.data) {
            void message.success('已记录补正事项，业务状态为“待补正”');
            onClose();
          }
        }}
      >
        {unreceived.length > 0 && (
          <Form.Item name="items" label="未收取的材料">
            <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 4 }} options={unreceived.map((m) => ({ value: m.name, label: m.required ? `${m.name}（必交）` : m.name }))} />
          </Form.Item>
        )}
        <Form.Item name="more" label="其他需补正的内容（每行一项）">
          <Input.TextArea rows={3} placeholder="例如：转移合同原件（复印件不清晰）" />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input maxLength={500} />
        </Form.Item>
        {state.error && <Alert type="error" showIcon role="alert" title={errorMessage(state.error)} />}
      </Form>
    </Modal>
  );
}

const REJECTION_REASONS = ['不属于本机构登记管辖范围', '申请登记的不动产权属存在争议', '申请材料不齐全且申请人拒绝补正', '申请登记事项违反法律、行政法规规定'];

/** 不予受理 with its reasons (不动产登记暂行条例 art. 17): one per line, quick picks offered. */
export function RejectModal({ open, view, onClose }: ModalProps) {
  const [reject, state] = useRejectCaseMutation();
  const [form] = Form.useForm<{ reasons: string }>();
  const { message } = App.useApp();
  const add = (r: string) => form.setFieldValue('reasons', [...lines(form.getFieldValue('reasons')), r].join('\n'));
  return (
    <Modal open={open} title="不予受理" okText="确认不予受理" okButtonProps={{ danger: true }} cancelText="取消" onOk={() => form.submit()} onCancel={onClose} confirmLoading={state.isLoading} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        aria-label="不予受理"
        onFinish={async (v) => {
          const r = await reject({ id: view.id, reasons: lines(v.reasons) });
          if (r.data) {
            void message.success('已记录不予受理');
            onClose();
          }
        }}
      >
        <Space wrap size={[6, 6]} style={{ marginBottom: 8 }}>
          {REJECTION_REASONS.map((r) => (
            <Button key={r} size="small" onClick={() => add(r)}>
              {r}
            </Button>
          ))}
        </Space>
        <Form.Item
          name="reasons"
          label="不予受理的理由（每行一条，将写入不予受理通知书）"
          rules={[
            { required: true, whitespace: true, message: '请填写不予受理的理由' },
            { validator: async (_, v: string) => (lines(v).every((l) => l.length >= 2) ? undefined : Promise.reject(new Error('每条理由至少 2 个字'))) },
          ]}
        >
          <Input.TextArea rows={4} autoFocus />
        </Form.Item>
        {state.error && <Alert type="error" showIcon role="alert" title={errorMessage(state.error)} />}
      </Form>
    </Modal>
  );
}

/** 撤回 at the applicant's request, with the reason. */
export function WithdrawModal({ open, view, onClose }: ModalProps) {
  const [withdraw, state] = useWithdrawCaseMutation();
  const [form] = Form.useForm<{ reason: string }>();
  const { message } = App.useApp();
  return (
    <Modal open={open} title="撤回业务" okText="确认撤回" cancelText="取消" onOk={() => form.submit()} onCancel={onClose} confirmLoading={state.isLoading} destroyOnHidden>
      <Typography.Paragraph type="secondary">撤回后业务终止，不能再继续受理；如需办理请重新受理。</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        aria-label="撤回"
        initialValues={{ reason: '申请人申请撤回' }}
        onFinish={async (v) => {
          const r = await withdraw({ id: view.id, reason: v.reason.trim() });
          if (r.data) {
            void message.success('业务已撤回');
            onClose();
          }
        }}
      >
        <Form.Item
          name="reason"
          label="撤回原因"
          rules={[
            { required: true, whitespace: true, message: '请填写撤回原因' },
            { min: 2, message: '原因至少 2 个字' },
          ]}
        >
          <Input.TextArea rows={3} maxLength={200} showCount autoFocus />
        </Form.Item>
        {state.error && <Alert type="error" showIcon role="alert" title={errorMessage(state.error)} />}
      </Form>
    </Modal>
  );
}
