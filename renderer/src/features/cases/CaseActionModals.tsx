import { Alert, App, Checkbox, Form, Input, InputNumber, Modal, Typography } from 'antd';
import { REFUSAL_GROUNDS, type CaseView, type RefusalGroundId } from '../../../../electron/contract';
import { errorMessage, useConfigQuery, useRejectCaseMutation, useRequisitionCaseMutation, useWithdrawCaseMutation } from '../../api/api-slice';

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
  const [form] = Form.useForm<{ items: string[]; more: string; note: string; deadline: number | null }>();
  const { message } = App.useApp();
  // The office's 补正 deadline (supplementWorkingDays) is the default; the clerk may give another.
  const officeDays = useConfigQuery().data?.effective.supplementWorkingDays;
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
          const r = await requisition({
            id: view.id,
            missing,
            ...(v.note?.trim() ? { note: v.note.trim() } : {}),
            ...(typeof v.deadline === 'number' ? { deadlineWorkingDays: v.deadline } : {}),
          });
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
        <Form.Item
          name="deadline"
          label="补正期限（工作日，自通知之日起）"
          extra={officeDays ? `不填则按本机构规定的 ${officeDays} 个工作日，补正通知书上打印截止日期` : '不填则按本机构规定的期限，补正通知书上打印截止日期'}
          rules={[{ type: 'integer', min: 1, max: 30, message: '补正期限应为 1 至 30 个工作日' }]}
        >
          <InputNumber aria-label="补正期限（工作日）" placeholder={officeDays ? String(officeDays) : ''} style={{ width: 160 }} addonAfter="个工作日" />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input maxLength={500} />
        </Form.Item>
        {state.error && <Alert type="error" showIcon role="alert" title={errorMessage(state.error)} />}
      </Form>
    </Modal>
  );
}

/**
 * 不予受理: the grounds of 《不动产登记暂行条例》第十七条 picked from the contract's list (the notice prints
 * each with its article), plus optional reasons in words; at least one of the two.
 */
export function RejectModal({ open, view, onClose }: ModalProps) {
  const [reject, state] = useRejectCaseMutation();
  const [form] = Form.useForm<{ groundIds: RefusalGroundId[]; reasons: string }>();
  const { message } = App.useApp();
  return (
    <Modal open={open} title="不予受理" okText="确认不予受理" okButtonProps={{ danger: true }} cancelText="取消" onOk={() => form.submit()} onCancel={onClose} confirmLoading={state.isLoading} destroyOnHidden width={640}>
      <Form
        form={form}
        layout="vertical"
        aria-label="不予受理"
        initialValues={{ groundIds: [], reasons: '' }}
        onFinish={async (v) => {
          const groundIds = v.groundIds ?? [];
          const reasons = lines(v.reasons);
          if (groundIds.length === 0 && reasons.length === 0) {
            form.setFields([{ name: 'groundIds', errors: ['请选择不予受理的法定情形，或在下方写明理由'] }]);
            return;
          }
          const r = await reject({ id: view.id, groundIds, reasons });
          if (r.data) {
            void message.success('已记录不予受理');
            onClose();
          }
        }}
      >
        <Form.Item name="groundIds" label="不予受理的法定情形（将连同条文写入不予受理通知书）">
          <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 8 }} aria-label="不予受理的法定情形">
            {REFUSAL_GROUNDS.map((g) => (
              <Checkbox key={g.id} value={g.id} aria-label={g.label}>
                <Typography.Text strong>{g.label}</Typography.Text>
                <div style={{ fontSize: 12, color: '#59667a' }}>
                  {g.citation}：{g.text}
                </div>
              </Checkbox>
            ))}
          </Checkbox.Group>
        </Form.Item>
        <Form.Item
          name="reasons"
          label="具体说明（可选，每行一条）"
          rules={[{ validator: async (_, v: string) => (lines(v).every((l) => l.length >= 2) ? undefined : Promise.reject(new Error('每条说明至少 2 个字'))) }]}
        >
          <Input.TextArea rows={3} placeholder="例如：该房屋坐落于邻区，应向该区不动产登记中心申请" />
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
