import { CloudServerOutlined, FileSearchOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { UNIT_USE_LABELS, type MethodOutput, type UnitUse } from '../../../../electron/contract';
import { errorMessage, useLazyPlatformUnitQuery } from '../../api/api-slice';
import { formatTime } from '../../app/labels';

type RegisterUnit = NonNullable<MethodOutput<'sync.platformUnit'>>;
type Restriction = RegisterUnit['restrictions'][number];
type UnitFacts = { address: string; use: UnitUse; areaM2: number | null };

/** Restrictions as the counter names them; 查封 and 异议 stop a transfer until lifted. */
const RESTRICTION: Record<Restriction['kind'], { label: string; color: string; holder: string; blocks?: string }> = {
  mortgage: { label: '抵押', color: 'orange', holder: '抵押权人' },
  seizure: { label: '查封', color: 'red', holder: '查封机关', blocks: '该单元已被查封：查封解除前不能办理转移登记。' },
  objection: { label: '异议', color: 'red', holder: '异议人', blocks: '该单元存在异议登记：异议注销（或失效）前不能办理转移登记。' },
  preRegistration: { label: '预告登记', color: 'gold', holder: '预告登记权利人' },
};

const RIGHT_KINDS: Record<string, string> = { ownership: '所有权', landUse: '建设用地使用权', mortgage: '抵押权', easement: '地役权' };

/**
 * 查询登记簿: the unit's current rights and restrictions in the provincial register (or the offline
 * cache), asked on the clerk's click only — the query is audited. The register's address, use and
 * area can be taken into the form with one click.
 */
export function RegisterLookup(props: {
  unitCode: string;
  valid: boolean;
  ordinal: number;
  current: UnitFacts;
  onApply: (facts: Partial<UnitFacts>) => void;
  /** Where the button and the result go is the unit card's business. */
  children: (lookup: { button: ReactNode; result: ReactNode }) => ReactNode;
}) {
  const [lookup, result] = useLazyPlatformUnitQuery();
  // A result for a code the clerk has since changed is not shown.
  const forThisCode = result.originalArgs?.unitCode === props.unitCode;
  const button = (
    <Button
      size="small"
      icon={<FileSearchOutlined />}
      disabled={!props.valid}
      loading={result.isFetching && forThisCode}
      onClick={() => void lookup({ unitCode: props.unitCode }, false)}
      aria-label={`查询登记簿（第 ${props.ordinal} 个不动产单元）`}
    >
      查询登记簿
    </Button>
  );

  const shown = forThisCode && !result.isFetching;
  const answer = shown && (result.error || (result.isSuccess && result.data === null) || result.data);
  return props.children({
    button: props.valid ? button : <Tooltip title="输入完整有效的 28 位不动产单元代码后可查询">{button}</Tooltip>,
    result: answer ? (
      <div style={{ marginTop: 8 }} data-testid={`register-lookup-${props.ordinal}`}>
        {result.error ? (
          <Alert type="error" showIcon role="alert" title="查询登记簿失败" description={errorMessage(result.error)} />
        ) : result.data ? (
          <RegisterRecord unit={result.data} current={props.current} onApply={props.onApply} />
        ) : (
          <Alert type="warning" showIcon role="status" title="登记簿中未查到该单元" description="请核对不动产单元代码；首次登记的单元在登记簿中尚无记录。" />
        )}
      </div>
    ) : null,
  });
}

function RegisterRecord({ unit, current, onApply }: { unit: RegisterUnit; current: UnitFacts; onApply: (facts: Partial<UnitFacts>) => void }) {
  const facts: Partial<UnitFacts> = {
    ...(unit.address ? { address: unit.address } : {}),
    use: unit.use,
    ...(unit.areaM2 !== null ? { areaM2: unit.areaM2 } : {}),
  };
  const differs = (Object.keys(facts) as Array<keyof UnitFacts>).some((k) => facts[k] !== current[k]);
  const blocking = unit.restrictions.filter((r) => RESTRICTION[r.kind].blocks);

  return (
    <section
      aria-label="登记簿查询结果"
      data-testid="register-record"
      style={{ border: '1px solid #d6e0f0', borderLeft: `4px solid ${blocking.length ? '#cf1322' : '#1d4f91'}`, borderRadius: 4, padding: '8px 12px', background: '#f8faff' }}
    >
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
        <CloudServerOutlined style={{ color: '#1d4f91' }} aria-hidden />
        <Typography.Text strong>登记簿记录</Typography.Text>
        {unit.source === 'cache' ? (
          <Tag color="orange" data-testid="register-source">
            离线缓存，查询于 {formatTime(unit.fetchedAt)}
          </Tag>
        ) : (
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="register-source">
            省级平台，查询于 {formatTime(unit.fetchedAt)}
          </Typography.Text>
        )}
        <span style={{ flex: 1 }} />
        {differs ? (
          <Button size="small" type="primary" ghost onClick={() => onApply(facts)}>
            采用登记簿信息
          </Button>
        ) : (
          <Typography.Text type="success" style={{ fontSize: 12 }}>
            ✓ 与登记簿一致
          </Typography.Text>
        )}
      </div>
      <div style={{ marginTop: 4 }}>
        {unit.address || '（登记簿未载坐落）'}，{UNIT_USE_LABELS[unit.use]}
        {unit.areaM2 !== null ? `，${unit.areaM2} m²` : ''}
      </div>
      {unit.rights.map((r, i) => (
        <div key={`${r.kind}-${i}`} style={{ fontSize: 13, color: '#41506a' }}>
          {RIGHT_KINDS[r.kind] ?? r.kind}：{r.holders.join('、') || '—'}
          {r.certificateNumber && <span style={{ marginLeft: 8 }}>{r.certificateNumber}</span>}
          {r.registeredAt && <span style={{ marginLeft: 8, color: '#8c8c8c' }}>登簿 {r.registeredAt}</span>}
        </div>
      ))}
      {unit.rights.length === 0 && <div style={{ fontSize: 13, color: '#8c8c8c' }}>登记簿中无现势权利。</div>}
      <Space orientation="vertical" size={2} style={{ marginTop: 6, width: '100%' }} aria-label="限制情况">
        {unit.restrictions.length === 0 && (
          <Typography.Text type="success" style={{ fontSize: 13 }}>
            无抵押、查封、异议、预告登记
          </Typography.Text>
        )}
        {unit.restrictions.map((r, i) => (
          <RestrictionLine key={`${r.kind}-${i}`} restriction={r} />
        ))}
      </Space>
      {blocking.map((r, i) => (
        <Alert key={`${r.kind}-${i}`} type="error" showIcon role="alert" style={{ marginTop: 6 }} title={RESTRICTION[r.kind].blocks} />
      ))}
    </section>
  );
}

function RestrictionLine({ restriction: r }: { restriction: Restriction }) {
  const k = RESTRICTION[r.kind];
  const facts = [
    r.holder ? `${k.holder} ${r.holder}` : null,
    r.since ? `自 ${r.since}${r.until ? ` 至 ${r.until}` : ''}` : r.until ? `至 ${r.until}` : null,
    r.note,
  ].filter(Boolean);
  return (
    <div style={{ fontSize: 13 }}>
      <Tag color={k.color} style={{ fontWeight: 600 }}>
        {k.label}
      </Tag>
      <span style={{ color: k.blocks ? '#cf1322' : '#41506a' }}>{facts.join('，') || '—'}</span>
    </div>
  );
}
