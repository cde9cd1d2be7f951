import { Card, Descriptions, Tag, Typography } from 'antd';
import {
  AREA_UNIT_LABELS,
  MORTGAGE_KIND_LABELS,
  REAL_ESTATE_TYPE_LABELS,
  REGISTRATION_TYPES,
  RIGHT_TYPES,
  UNIT_USE_LABELS,
  type CaseView,
  type UnitUse,
} from '../../../../electron/contract';
import { CHANNEL_LABELS, COLLECTION_LABELS, mortgageLabels } from '../intake/application-form';
import { formatYuan } from './case-labels';

/**
 * The case-level parts of the 不动产登记申请书 on the case detail (issue #10 §4): 权利类型 and 登记类型,
 * 登记原因, the mortgage block, 需役地, 证书版式, 分别持证, 领证方式, 申请渠道. Free text arrives masked
 * from the contract (typed ID numbers and phones), the mail phone masked by the view.
 */
export function ApplicationCard({ view }: { view: CaseView }) {
  const a = view.application;
  const k = a.collection;
  const dash = (v: string | null | undefined) => (v ? v : '—');
  return (
    <Card title="登记事项" size="small" data-testid="case-application">
      <Descriptions size="small" column={2} bordered styles={{ label: { width: 130 } }}>
        <Descriptions.Item label="权利类型">{nameOf(RIGHT_TYPES, view.rightType)}</Descriptions.Item>
        <Descriptions.Item label="登记类型">{nameOf(REGISTRATION_TYPES, view.registrationType)}</Descriptions.Item>
        <Descriptions.Item label="登记原因">{dash(a.reason)}</Descriptions.Item>
        <Descriptions.Item label="登记原因证明文件">{dash(a.reasonDocuments)}</Descriptions.Item>
        <Descriptions.Item label="证书版式">{a.certificateFormat === 'integrated' ? '集成版' : '单一版'}</Descriptions.Item>
        <Descriptions.Item label="分别持证">{a.separateCertificates ? '申请分别持证' : '否'}</Descriptions.Item>
        <Descriptions.Item label="领证方式">
          {COLLECTION_LABELS[k.method]}
          {k.method === 'mail' && (
            <div style={{ fontSize: 13, color: '#59667a' }}>{[k.recipient, k.address, k.phoneMasked].filter(Boolean).join('，') || '（未填写邮寄信息）'}</div>
          )}
        </Descriptions.Item>
        <Descriptions.Item label="申请渠道">{CHANNEL_LABELS[a.channel]}</Descriptions.Item>
        {a.dominantUnit && (
          <Descriptions.Item label="需役地" span={2}>
            <code>{a.dominantUnit.unitCode}</code> {a.dominantUnit.address}
          </Descriptions.Item>
        )}
        {a.note && (
          <Descriptions.Item label="备注" span={2}>
            {a.note}
          </Descriptions.Item>
        )}
      </Descriptions>
      {a.mortgage && <MortgageBlock mortgage={a.mortgage} />}
    </Card>
  );
}

function MortgageBlock({ mortgage: m }: { mortgage: NonNullable<CaseView['application']['mortgage']> }) {
  const labels = mortgageLabels(m.method);
  const term = m.termFrom || m.termTo ? `${m.termFrom ?? '—'} 至 ${m.termTo ?? '—'}` : '—';
  return (
    <Descriptions
      data-testid="case-mortgage"
      title={<Typography.Text style={{ fontSize: 14 }}>抵押情况</Typography.Text>}
      size="small"
      column={2}
      bordered
      style={{ marginTop: 12 }}
      styles={{ label: { width: 130 } }}
    >
      <Descriptions.Item label="抵押方式">{MORTGAGE_KIND_LABELS[m.method]}</Descriptions.Item>
      <Descriptions.Item label="抵押顺位">{m.rank ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={labels.amount}>{m.amountFen === null ? '—' : formatYuan(m.amountFen)}</Descriptions.Item>
      <Descriptions.Item label={labels.term}>{term}</Descriptions.Item>
      <Descriptions.Item label="担保范围" span={2}>
        {m.scope ?? '—'}
      </Descriptions.Item>
      {m.method === 'construction' && (
        <Descriptions.Item label="在建建筑物抵押范围" span={2}>
          {m.constructionScope ?? '—'}
        </Descriptions.Item>
      )}
      <Descriptions.Item label="约定禁止或限制转让" span={2}>
        {m.transferRestricted === null ? '未填写' : m.transferRestricted ? '是' : '否'}
      </Descriptions.Item>
    </Descriptions>
  );
}

/** A catalogue name by id (an office-added id shows as itself). */
function nameOf(list: ReadonlyArray<{ id: string; name: string }>, id: string | null): string {
  if (!id) return '—';
  return list.find((x) => x.id === id)?.name ?? id;
}

type Party = CaseView['parties'][number];

/**
 * Under a party's name: what the 申请书 asks per applicant beyond name and number — 通讯地址 and 邮编,
 * 法定代表人/负责人, whom an agent acts for and their 代理机构, the agent who acts for this party.
 */
export function PartyExtras({ party, parties }: { party: Party; parties: readonly Party[] }) {
  const lines: string[] = [];
  if (party.address || party.postalCode) lines.push(`通讯地址：${[party.address, party.postalCode ? `邮编 ${party.postalCode}` : null].filter(Boolean).join('，')}`);
  const rep = party.legalRepresentative;
  if (rep) lines.push(`${rep.title === 'responsiblePerson' ? '负责人' : '法定代表人'}：${rep.name}`);
  if (party.role === 'agent' && party.actsFor.length > 0) {
    const names = party.actsFor.map((o) => parties.find((p) => p.ordinal === o)?.name ?? `第 ${o} 位`);
    lines.push(`代理：${names.join('、')}`);
  }
  if (party.agency) lines.push(`代理机构：${party.agency.name}`);
  const agent = parties.find((p) => p.role === 'agent' && p.actsFor.includes(party.ordinal));
  if (agent) lines.push(`代理人：${agent.name}`);
  if (lines.length === 0) return null;
  return (
    <div style={{ fontSize: 12, color: '#59667a' }}>
      {lines.map((l) => (
        <div key={l}>{l}</div>
      ))}
    </div>
  );
}

type Unit = CaseView['units'][number];

/** 用途 of a unit: the fee class, and under it the 规划用途 and 不动产类型 the documents give. */
export function UnitUseCell({ unit }: { unit: Unit }) {
  const facts = [unit.plannedUse ? `规划用途：${unit.plannedUse}` : null, unit.realEstateType ? REAL_ESTATE_TYPE_LABELS[unit.realEstateType] : null].filter(Boolean);
  return (
    <>
      <Tag>{UNIT_USE_LABELS[unit.use as UnitUse] ?? unit.use}</Tag>
      {facts.map((f) => (
        <div key={f} style={{ fontSize: 12, color: '#59667a' }}>
          {f}
        </div>
      ))}
    </>
  );
}

/** 面积 in the unit it was given in (亩, 公顷 for farmland, forest and sea). */
export function unitArea(unit: Unit): string {
  if (unit.area) return `${unit.area.value} ${AREA_UNIT_LABELS[unit.area.unit]}`;
  return unit.areaM2 === null ? '—' : `${unit.areaM2} 平方米`;
}

/** What the register said of the 原证号 (nothing shown while it was not checked). */
const CERTIFICATE_CHECK: Partial<Record<Unit['previousCertificateCheck'], { label: string; color: string }>> = {
  matched: { label: '与登记簿一致', color: 'green' },
  notMatched: { label: '登记簿中未找到', color: 'orange' },
  unparsable: { label: '无法识别', color: 'red' },
};

/** The unit code, with the 原不动产权证书号 under it when given. */
export function UnitCodeCell({ unit }: { unit: Unit }) {
  return (
    <>
      <code>{unit.unitCode}</code>
      {unit.previousCertificateNumber && (
        <div style={{ fontSize: 12, color: '#59667a' }}>
          原证号：{unit.previousCertificateNumber}
          {CERTIFICATE_CHECK[unit.previousCertificateCheck] && (
            <Tag color={CERTIFICATE_CHECK[unit.previousCertificateCheck]!.color} bordered={false} style={{ marginLeft: 6, fontSize: 12 }}>
              {CERTIFICATE_CHECK[unit.previousCertificateCheck]!.label}
            </Tag>
          )}
        </div>
      )}
    </>
  );
}
