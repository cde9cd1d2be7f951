import { Alert, Form, Input, InputNumber, Modal, Typography } from 'antd';
import { useEffect } from 'react';
import { amountInCapitals, type CaseView } from '../../../../electron/contract';
import { errorMessage, useOverrideFeesMutation } from '../../api/api-slice';
import { formatYuan } from '../cases/case-labels';

interface Values {
  amounts: Array<number | null>;
  reason: string;
}

/** 调整收费: new amounts for the computed lines, with the reason the audit log keeps. */
export function FeeOverrideModal({ open, view, onClose }: { open: boolean; view: CaseView; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const [override, state] = useOverrideFeesMutation();
  const amounts = Form.useWatch('amounts', form) ?? [];
  const totalFen = view.fees.reduce((sum, _l, i) => sum + Math.round((amounts[i] ?? 0) * 100), 0);

  // The dialog is destroyed when hidden: each opening starts from the current lines and no error.
  const resetState = state.reset;
  useEffect(() => {
    if (!open) resetState();
  }, [open, resetState]);

  async function submit(v: Values) {
    const r = await override({
      id: view.id,
      reason: v.reason.trim(),
      lines: view.fees.map((l, i) => ({ code: l.code, name: l.name, amountFen: Math.round((v.amounts[i] ?? 0) * 100) })),
    });
    if (r.data) onClose();
  }

  return (
    <Modal open={open} title="调整收费" okText="确认调整" cancelText="取消" onOk={() => form.submit()} onCancel={onClose} confirmLoading={state.isLoading} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} aria-label="调整收费" initialValues={{ amounts: view.fees.map((l) => l.amountFen / 100), reason: '' }}>
        {view.fees.map((l, i) => (
          <Form.Item key={`${l.code}-${i}`} name={['amounts', i]} label={`${l.name}（${l.code}，原 ${formatYuan(l.amountFen)}）`} rules={[{ required: true, message: '请填写金额' }]}>
            <InputNumber<number> min={0} max={1_000_000} precision={2} suffix="元" style={{ width: 200 }} autoFocus={i === 0} />
          </Form.Item>
        ))}
        <Typography.Paragraph>
          调整后合计：<b>{formatYuan(totalFen)}</b>（{amountInCapitals(Math.max(0, totalFen))}）
        </Typography.Paragraph>
        <Form.Item
          name="reason"
          label="调整原因"
          rules={[
            { required: true, whitespace: true, message: '调整收费必须填写原因' },
            { min: 2, message: '原因至少 2 个字' },
          ]}
        >
          <Input.TextArea rows={3} maxLength={200} showCount placeholder="例如：小微企业免收登记费（财税〔2019〕45号），已核验营业执照" />
        </Form.Item>
        {state.error && <Alert type="error" showIcon role="alert" title={errorMessage(state.error)} />}
      </Form>
    </Modal>
  );
}
