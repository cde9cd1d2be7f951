import { Alert, Button, Form, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { CARRIER_LABELS, CARRIERS, validatePhone, validateWaybill, type Carrier, type IssuanceCase } from '../../../../electron/contract';
import { api, errorMessage } from '../../api/api-slice';

/** The reasons under a field, in a line that is always there (validation never moves controls). */
export function FieldNote({ text }: { text: string | null }) {
  return <div style={{ minHeight: 22, color: '#cf1322', fontSize: 12 }}>{text ?? ''}</div>;
}

export function waybillProblem(carrier: Carrier | null, waybill: string): string | null {
  if (!waybill.trim()) return null;
  if (!carrier) return '请选择承运公司。';
  const check = validateWaybill(carrier, waybill);
  return check.valid ? null : check.reasons.join('');
}

/** 邮寄: recipient, address, phone; the waybill now (已寄出) or later from the record (待寄出). */
export function CourierIssue({ c }: { c: IssuanceCase }) {
  const [recipient, setRecipient] = useState(c.holders[0]?.name ?? '');
  const [address, setAddress] = useState('');
  const [phone, setPhone] = useState('');
  const [carrier, setCarrier] = useState<Carrier | null>('ems');
  const [waybill, setWaybill] = useState('');
  const [issue, state] = api.useIssueCertificateMutation();
  const phoneCheck = phone ? validatePhone(phone) : null;
  const phoneProblem = phoneCheck && !phoneCheck.valid ? phoneCheck.reasons.join('') : null;
  const waybillNote = waybillProblem(carrier, waybill);
  const ready = recipient.trim() && address.trim().length >= 5 && phoneCheck?.valid && !waybillNote;
  return (
    <Form layout="vertical" style={{ maxWidth: 560 }} data-testid="courier-issue">
      <Form.Item label="收件人" style={{ marginBottom: 0 }}>
        <Input value={recipient} onChange={(e) => setRecipient(e.target.value)} aria-label="收件人" />
      </Form.Item>
      <FieldNote text={null} />
      <Form.Item label="收件地址" style={{ marginBottom: 0 }}>
        <Input value={address} onChange={(e) => setAddress(e.target.value)} aria-label="收件地址" />
      </Form.Item>
      <FieldNote text={address && address.trim().length < 5 ? '请填写完整的收件地址。' : null} />
      <Form.Item label="联系电话" style={{ marginBottom: 0 }}>
        <Input value={phone} onChange={(e) => setPhone(e.target.value)} aria-label="联系电话" />
      </Form.Item>
      <FieldNote text={phoneProblem} />
      <Space align="start">
        <Form.Item label="承运公司" style={{ marginBottom: 0 }}>
          <Select<Carrier> value={carrier ?? undefined} style={{ width: 160 }} onChange={setCarrier} options={CARRIERS.map((k) => ({ value: k, label: CARRIER_LABELS[k] }))} aria-label="承运公司" />
        </Form.Item>
        <Form.Item label="运单号（寄出时填写，可稍后补填）" style={{ marginBottom: 0 }}>
          <Input value={waybill} onChange={(e) => setWaybill(e.target.value)} style={{ width: 260 }} aria-label="运单号" />
        </Form.Item>
      </Space>
      <FieldNote text={waybillNote} />
      <div style={{ minHeight: 40 }}>{state.error && <Alert type="error" showIcon role="alert" title={errorMessage(state.error)} />}</div>
      <Button
        type="primary"
        disabled={!ready}
        loading={state.isLoading}
        onClick={() => void issue({ caseId: c.caseId, method: 'courier', recipient, address, phone, ...(waybill.trim() && carrier ? { carrier, waybill } : {}) })}
      >
        确认邮寄发证
      </Button>
    </Form>
  );
}
