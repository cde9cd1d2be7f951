import { Descriptions, Table, Typography } from 'antd';
import { CO_OWNERSHIP_LABELS, UNIT_USE_LABELS, type ReviewCase, type Role, type UnitUse } from '../../../../../electron/contract';
import { formatTime } from '../../../app/shanghai-time';
import { PARTY_ROLE_LABELS } from '../../cases/case-labels';
import { RevealableValue } from '../../cases/RevealableValue';

/**
 * The workspace's left column: the application as accepted — business type, numbers, dates, the
 * parties (masked as the role allows; 显示 where the role may see the full number, audited) and
 * the units with their 原证号. A case accepted at another counter has no local record to reveal
 * from: its numbers stay masked here.
 */
export function ApplicationSummary({ view, role }: { view: ReviewCase; role: Role }) {
  const localId = view.localCaseId;
  return (
    <section aria-label="申请信息" data-testid="application-summary" style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      <Descriptions size="small" column={1} bordered styles={{ label: { width: 104, whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label="业务类型">{view.businessTypeLabel}</Descriptions.Item>
        <Descriptions.Item label="受理编号">{view.caseNumber ?? '—'}</Descriptions.Item>
        {view.officialNumber && <Descriptions.Item label="统一受理编号">{view.officialNumber}</Descriptions.Item>}
        <Descriptions.Item label="受理">
          {formatTime(view.acceptedAt)}（{view.clerkName}，{view.workstation}）
        </Descriptions.Item>
        <Descriptions.Item label="承诺办结日">{view.promisedDate ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="共有方式">{view.coOwnership ? CO_OWNERSHIP_LABELS[view.coOwnership] : '—'}</Descriptions.Item>
        {view.supplements.length > 0 && (
          <Descriptions.Item label="已补正">
            {view.supplements.map((x, i) => (
              <div key={i}>
                {formatTime(x.at)} {x.note}
                {x.materials.length > 0 ? `（${x.materials.map((m) => m.name).join('、')}）` : ''}
              </div>
            ))}
          </Descriptions.Item>
        )}
      </Descriptions>
      <div>
        <Typography.Text strong>申请人</Typography.Text>
        <Table
          rowKey="ordinal"
          size="small"
          pagination={false}
          dataSource={view.parties}
          aria-label="申请人"
          columns={[
            { title: '类别', dataIndex: 'role', width: 64, render: (r: keyof typeof PARTY_ROLE_LABELS) => PARTY_ROLE_LABELS[r] },
            { title: '姓名', dataIndex: 'name', render: (n: string) => <span style={{ whiteSpace: 'nowrap' }}>{n}</span> },
            {
              title: '证件号码',
              dataIndex: 'idNumberMasked',
              render: (v: string, p: ReviewCase['parties'][number]) => (localId === null ? <code>{v}</code> : <RevealableValue caseId={localId} ordinal={p.ordinal} field="idNumber" masked={v} role={role} code />),
            },
            ...(view.coOwnership === 'shares' ? [{ title: '份额', dataIndex: 'share', width: 56, render: (v: string | null) => v ?? '—' }] : []),
          ]}
        />
      </div>
      <div>
        <Typography.Text strong>不动产单元</Typography.Text>
        {view.units.map((u) => (
          <Descriptions key={u.ordinal} size="small" column={1} bordered style={{ marginTop: 4 }} styles={{ label: { width: 104, whiteSpace: 'nowrap' } }}>
            <Descriptions.Item label="单元代码"><code>{u.unitCode}</code></Descriptions.Item>
            <Descriptions.Item label="坐落">{u.address}</Descriptions.Item>
            <Descriptions.Item label="用途 / 面积">
              {UNIT_USE_LABELS[u.use as UnitUse] ?? u.use} / {u.areaM2 === null ? '—' : `${u.areaM2} m²`}
            </Descriptions.Item>
            <Descriptions.Item label="原证号">{u.previousCertificateNumber ?? '—'}</Descriptions.Item>
          </Descriptions>
        ))}
      </div>
    </section>
  );
}
