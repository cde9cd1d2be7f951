import { Checkbox, Col, Form, Input, Row, Select } from 'antd';
import type { BusinessTypeInfo } from '../cases/case-labels';
import { partyExtraProblems, type PartyExtra } from './application-form';
import { FieldReasons } from './FieldReasons';
import type { PartyRow } from './intake-form';

/**
 * 更多信息 of one applicant, as the 申请书 asks them: 通讯地址 and 邮编 for everyone; 法定代表人 or
 * 负责人 for an organisation; for an agent, 代理机构 and the principals who appointed them. Each
 * message sits under its field in space reserved for it, so nothing moves while the clerk types.
 */
export function PartyMoreInfo(props: { row: PartyRow; index: number; rows: readonly PartyRow[]; type: BusinessTypeInfo; onChange: (extra: Partial<PartyExtra>) => void }) {
  const { row, index } = props;
  const x = row.extra;
  const problems = partyExtraProblems(x, row.role, row.idType);
  const who = `第 ${index + 1} 位申请人`;
  const principals = props.rows.filter((r) => r.key !== row.key && r.role !== 'agent');
  return (
    <div data-testid={`party-more-${index + 1}`} style={{ padding: '4px 8px 0' }}>
      <Form layout="vertical" component="div" size="small">
        <Row gutter={12}>
          <Col span={14}>
            <Form.Item label="通讯地址" style={{ marginBottom: 4 }} help={<span />}>
              <Input value={x.address} maxLength={200} onChange={(e) => props.onChange({ address: e.target.value })} aria-label={`${who}通讯地址`} />
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item label="邮编" style={{ marginBottom: 4 }} validateStatus={problems.postalCode ? 'error' : undefined} help={<Reserved text={problems.postalCode} />}>
              <Input
                value={x.postalCode}
                maxLength={6}
                inputMode="numeric"
                onChange={(e) => props.onChange({ postalCode: e.target.value })}
                aria-invalid={problems.postalCode ? true : undefined}
                aria-label={`${who}邮编`}
              />
            </Form.Item>
          </Col>
        </Row>
        {row.idType === 'organization' && (
          <Row gutter={12}>
            <Col span={5}>
              <Form.Item label="类别" style={{ marginBottom: 4 }} help={<span />}>
                <Select
                  value={x.representativeTitle}
                  onChange={(representativeTitle) => props.onChange({ representativeTitle })}
                  options={[
                    { value: 'legalRepresentative', label: '法定代表人' },
                    { value: 'responsiblePerson', label: '负责人' },
                  ]}
                  aria-label={`${who}法定代表人或负责人`}
                />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item
                label={x.representativeTitle === 'responsiblePerson' ? '负责人姓名' : '法定代表人姓名'}
                style={{ marginBottom: 4 }}
                validateStatus={problems.representativeName ? 'error' : undefined}
                help={<Reserved text={problems.representativeName} />}
              >
                <Input
                  value={x.representativeName}
                  maxLength={60}
                  onChange={(e) => props.onChange({ representativeName: e.target.value })}
                  aria-invalid={problems.representativeName ? true : undefined}
                  aria-label={`${who}法定代表人姓名`}
                />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label="证件号码" style={{ marginBottom: 4 }} help={<span />}>
                <Input value={x.representativeIdNumber} maxLength={40} onChange={(e) => props.onChange({ representativeIdNumber: e.target.value })} aria-label={`${who}法定代表人证件号码`} />
              </Form.Item>
            </Col>
          </Row>
        )}
        {row.role === 'agent' && (
          <>
            <Row gutter={12}>
              <Col span={10}>
                <Form.Item label="代理机构（选填）" style={{ marginBottom: 4 }} help={<span />}>
                  <Input value={x.agencyName} maxLength={100} onChange={(e) => props.onChange({ agencyName: e.target.value })} aria-label={`${who}代理机构`} />
                </Form.Item>
              </Col>
              <Col span={9}>
                <Form.Item label="代理机构统一社会信用代码" style={{ marginBottom: 4 }} help={<span />}>
                  <Input value={x.agencyCreditCode} maxLength={18} onChange={(e) => props.onChange({ agencyCreditCode: e.target.value })} aria-label={`${who}代理机构信用代码`} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item
              label="代理谁（授权委托书上的委托人）"
              style={{ marginBottom: 4 }}
              validateStatus={problems.actsFor ? 'error' : undefined}
              help={<Reserved text={problems.actsFor} />}
            >
              <Checkbox.Group
                value={x.actsFor}
                onChange={(keys) => props.onChange({ actsFor: keys as string[] })}
                options={principals.map((p) => ({
                  value: p.key,
                  label: `${props.type.roleLabels[p.role] ?? p.role}：${p.name.trim() || `第 ${props.rows.indexOf(p) + 1} 位（未填姓名）`}`,
                }))}
                aria-label={`${who}代理的申请人`}
              />
            </Form.Item>
          </>
        )}
      </Form>
    </div>
  );
}

/** One line kept for a field's message whether or not there is one: the form never shifts. */
function Reserved({ text }: { text: string | undefined }) {
  return <div style={{ minHeight: 20 }}>{text ? <FieldReasons reasons={[text]} /> : null}</div>;
}
