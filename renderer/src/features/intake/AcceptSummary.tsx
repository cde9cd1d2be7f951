import { Descriptions, Tag, Typography } from 'antd';
import type { CaseView } from '../../../../electron/contract';
import { formatYuan, PARTY_ROLE_LABELS } from '../cases/case-labels';

const FORM_LABELS = { original: '原件', copy: '复印件' } as const;

/**
 * What is about to be accepted, on one screen before 受理: the clerk reads it back to the
 * applicant. Parties with masked numbers (the masking policy), units, the materials received
 * with 原件/复印件 and 页数, the registration fee and the tax said apart (tax is 税务's, never
 * added to the fee), and the 承诺办结日期 受理 will set.
 */
export function AcceptSummary({ view }: { view: CaseView }) {
  const received = view.materials.filter((m) => m.received);
  const missing = view.materials.filter((m) => m.required && !m.received);
  return (
    <Descriptions bordered size="small" column={1} title="受理内容" data-testid="accept-summary" styles={{ label: { width: 120 } }}>
      <Descriptions.Item label="业务">{view.businessTypeName}</Descriptions.Item>
      <Descriptions.Item label="申请人">
        {view.parties.length === 0
          ? '—'
          : view.parties.map((p) => (
              <div key={p.ordinal}>
                {PARTY_ROLE_LABELS[p.role]}：{p.name}（{p.idNumberMasked || '无证件号码'}）
              </div>
            ))}
      </Descriptions.Item>
      <Descriptions.Item label="不动产单元">
        {view.units.length === 0
          ? '—'
          : view.units.map((u) => (
              <div key={u.ordinal}>
                <Typography.Text code>{u.unitCode}</Typography.Text> {u.address}
              </div>
            ))}
      </Descriptions.Item>
      <Descriptions.Item label="收件材料">
        {received.map((m) => (
          <div key={m.materialId} data-testid="summary-material">
            {m.name}：{m.form ? FORM_LABELS[m.form] : '原件/复印件未注明'}
            {m.copies > 1 ? ` ${m.copies} 份` : ''}，{m.pages ? `${m.pages} 页` : '页数未注明'}
            {m.files > 0 ? `，扫描件 ${m.files} 个` : ''}
          </div>
        ))}
        {missing.map((m) => (
          <div key={m.materialId}>
            <Tag color="red">未收</Tag>
            {m.name}
          </div>
        ))}
        {received.length === 0 && missing.length === 0 && '—'}
      </Descriptions.Item>
      <Descriptions.Item label="登记费">
        <span data-testid="summary-fee">{view.feeTotalFen === 0 ? '不收费' : formatYuan(view.feeTotalFen)}</span>
        {view.fees.length > 1 && <Typography.Text type="secondary">（{view.fees.map((f) => `${f.name} ${formatYuan(f.amountFen)}`).join('；')}）</Typography.Text>}
      </Descriptions.Item>
      <Descriptions.Item label="税款">
        <span data-testid="summary-tax">{view.tracks.tax === 'not_applicable' ? '本业务不涉及税款' : '契税等由税务部门另行核定征收，不计入登记费，也不在此收取'}</span>
      </Descriptions.Item>
      <Descriptions.Item label="承诺办结日期">
        <span data-testid="summary-promised">{view.promisedDate ?? view.promisedDateIfAcceptedNow ?? '—'}</span>
        {!view.promisedDate && view.promisedDateIfAcceptedNow && <Typography.Text type="secondary">（今天受理时）</Typography.Text>}
      </Descriptions.Item>
    </Descriptions>
  );
}
