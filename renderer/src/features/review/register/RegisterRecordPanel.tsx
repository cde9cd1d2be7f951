import { Alert, Collapse, Space, Tag, Typography } from 'antd';
import { formatTime } from '../../../app/labels';
import {
  activeRestrictions,
  coOwnershipText,
  historyText,
  holderText,
  orderedRights,
  restrictionText,
  RESTRICTION_KIND,
  RIGHT_KIND,
  RIGHT_STATE,
  type RegisterRecordData,
} from './register-view';

/**
 * 登记簿: one unit's register record beside the application — rights with their state (现势/历史),
 * holders and shares, restrictions each in its colour, and the unit's history. Shows when it was
 * read from the platform, and says so plainly when it is the offline copy.
 */
export function RegisterRecordPanel(props: { unitCode: string; record: RegisterRecordData | null; fetchedAt: string | null; offline: boolean }) {
  const { record } = props;
  const restrictions = record ? activeRestrictions(record.restrictions) : [];
  return (
    <section aria-label={`登记簿 ${props.unitCode}`} data-testid="register-panel" style={{ border: '1px solid #d6e0f0', borderRadius: 4, padding: '8px 12px', background: '#f8faff' }}>
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography.Text strong>登记簿</Typography.Text>
        <Typography.Text code>{props.unitCode}</Typography.Text>
        {record?.registerVersion !== undefined && <Typography.Text type="secondary" style={{ fontSize: 12 }}>版本 {record.registerVersion}</Typography.Text>}
        <span style={{ flex: 1 }} />
        {props.offline ? (
          <Tag color="orange">离线缓存{props.fetchedAt ? `，查询于 ${formatTime(props.fetchedAt)}` : ''}</Tag>
        ) : props.fetchedAt ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>省级平台，查询于 {formatTime(props.fetchedAt)}</Typography.Text>
        ) : null}
      </div>
      {!record ? (
        <Alert type="warning" showIcon style={{ marginTop: 6 }} title="登记簿中没有该单元的记录" description={props.offline ? '离线且本机没有缓存，连接省级平台后再查看。' : '首次登记的单元在登记簿中尚无记录。'} />
      ) : (
        <>
          <div style={{ marginTop: 4, color: '#41506a' }}>{record.address || '（登记簿未载坐落）'}</div>
          <table style={{ width: '100%', borderCollapse: 'collapse', marginTop: 6, fontSize: 13 }} aria-label="权利">
            <thead>
              <tr style={{ textAlign: 'left', color: '#8c8c8c' }}>
                <th style={{ fontWeight: 400, width: 56 }}>状态</th>
                <th style={{ fontWeight: 400 }}>权利</th>
                <th style={{ fontWeight: 400 }}>权利人（份额）</th>
                <th style={{ fontWeight: 400 }}>证书号</th>
                <th style={{ fontWeight: 400, width: 96 }}>登簿</th>
              </tr>
            </thead>
            <tbody>
              {orderedRights(record.rights).map((r, i) => {
                const state = RIGHT_STATE[r.state ?? 'current'];
                const past = r.state === 'historic' || r.state === 'terminated';
                return (
                  <tr key={r.id ?? i} data-state={r.state ?? 'current'} style={{ borderTop: '1px dashed #e5e9f0', color: past ? '#8c8c8c' : undefined }}>
                    <td><Tag color={state.color}>{state.label}</Tag></td>
                    <td>{RIGHT_KIND[r.kind] ?? r.kind}{coOwnershipText(r.coOwnership) ? `（${coOwnershipText(r.coOwnership)}）` : ''}</td>
                    <td>{r.holders.map(holderText).join('、') || '—'}</td>
                    <td>{r.certificateNumber ?? '—'}</td>
                    <td>{r.registeredAt ?? '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {record.rights.length === 0 && <div style={{ fontSize: 13, color: '#8c8c8c' }}>登记簿中无权利记录。</div>}
          <Space orientation="vertical" size={2} style={{ marginTop: 6, width: '100%' }} aria-label="限制情况">
            {restrictions.length === 0 ? (
              <Typography.Text type="success" style={{ fontSize: 13 }}>无抵押、查封、异议、预告、居住权</Typography.Text>
            ) : (
              restrictions.map((r, i) => (
                <div key={r.id ?? i} style={{ fontSize: 13 }} data-restriction={r.kind}>
                  <Tag color={RESTRICTION_KIND[r.kind].color} style={{ fontWeight: 600 }}>{RESTRICTION_KIND[r.kind].label}</Tag>
                  {restrictionText(r)}
                </div>
              ))
            )}
          </Space>
          {record.history && record.history.length > 0 && (
            <Collapse
              size="small"
              ghost
              style={{ marginTop: 4 }}
              items={[{ key: 'h', label: `登记历史（${record.history.length}）`, children: <ul style={{ margin: 0, paddingInlineStart: 18, fontSize: 12, color: '#595959' }}>{record.history.map((h, i) => <li key={i}>{historyText(h)}</li>)}</ul> }]}
            />
          )}
        </>
      )}
    </section>
  );
}
