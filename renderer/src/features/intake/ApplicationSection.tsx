import { Card, Checkbox, Col, Form, Input, InputNumber, Radio, Row, Select, Space } from 'antd';
import type { ReactNode } from 'react';
import type { BusinessTypeInfo } from '../cases/case-labels';
import {
  applicationProblems,
  CHANNEL_LABELS,
  COLLECTION_LABELS,
  isEasementType,
  isMortgageType,
  MORTGAGE_METHOD_LABELS,
  mortgageLabels,
  mortgageMethodsOf,
  type ApplicationForm,
  type Channel,
  type CollectionMethod,
  type MortgageForm,
} from './application-form';
import { FieldReasons } from './FieldReasons';
import type { FormEdit, IntakeForm } from './intake-form';

/** The reasons for a field, in the line reserved under it (so a message never moves a control). */
function help(reasons: string | readonly string[] | undefined): ReactNode {
  const list = reasons === undefined ? [] : typeof reasons === 'string' ? [reasons] : reasons;
  return <div style={{ minHeight: 20 }}>{list.length > 0 ? <FieldReasons reasons={list} /> : null}</div>;
}

/**
 * 登记事项: the case-level rows of the 申请书 — 登记原因 and its 证明文件, the mortgage block (mortgage
 * types only; 一般 and 最高额 name the amount and term differently), 需役地 (地役权 only), 证书版式,
 * 申请分别持证, 领证方式 (邮寄 asks for recipient, address and phone) and 申请渠道.
 */
export function ApplicationSection(props: { type: BusinessTypeInfo; form: IntakeForm; onChange: FormEdit; showErrors: boolean }) {
  const a = props.form.application;
  const problems = applicationProblems(a, props.type);
  const set = (patch: Partial<ApplicationForm>) => props.onChange((f) => ({ ...f, application: { ...f.application, ...patch } }));
  const setMortgage = (patch: Partial<MortgageForm>) => props.onChange((f) => ({ ...f, application: { ...f.application, mortgage: { ...f.application.mortgage, ...patch } } }));
  const setCollection = (patch: Partial<ApplicationForm['collection']>) =>
    props.onChange((f) => ({ ...f, application: { ...f.application, collection: { ...f.application.collection, ...patch } } }));
  const mortgage = isMortgageType(props.type);
  const labels = mortgageLabels(a.mortgage.method);
  const status = (p: unknown) => (p ? ('error' as const) : undefined);

  return (
    <Card size="small" title="登记事项（申请书）" data-testid="application-section">
      <Form layout="vertical" component="div">
        <Row gutter={12}>
          <Col span={10}>
            <Form.Item label="登记原因" help={help(undefined)}>
              <Input value={a.reason} maxLength={500} placeholder="如 买卖、继承、抵押贷款" onChange={(e) => set({ reason: e.target.value })} aria-label="登记原因" />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item label="登记原因证明文件" help={help(undefined)}>
              <Input
                value={a.reasonDocuments}
                maxLength={300}
                placeholder="如 存量房买卖合同、继承公证书、抵押合同"
                onChange={(e) => set({ reasonDocuments: e.target.value })}
                aria-label="登记原因证明文件"
              />
            </Form.Item>
          </Col>
        </Row>

        {mortgage && (
          <fieldset data-testid="mortgage-block" style={{ border: '1px solid #e5e9f0', borderRadius: 6, padding: '8px 12px 0', marginBottom: 12 }}>
            <legend style={{ fontSize: 14, width: 'auto', padding: '0 6px', margin: 0, border: 0 }}>抵押信息</legend>
            <Row gutter={12}>
              <Col span={8}>
                <Form.Item label="抵押方式" help={help(undefined)}>
                  <Radio.Group
                    optionType="button"
                    value={a.mortgage.method}
                    onChange={(e) => setMortgage({ method: e.target.value })}
                    options={mortgageMethodsOf(props.type).map((m) => ({ value: m, label: MORTGAGE_METHOD_LABELS[m] }))}
                    aria-label="抵押方式"
                  />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item label={`${labels.amount}（元）`} validateStatus={status(problems.amountYuan)} help={help(problems.amountYuan)}>
                  <InputNumber<number>
                    value={a.mortgage.amountYuan}
                    min={0}
                    max={100_000_000_000}
                    precision={2}
                    style={{ width: '100%' }}
                    onChange={(v) => setMortgage({ amountYuan: typeof v === 'number' ? v : null })}
                    aria-invalid={problems.amountYuan ? true : undefined}
                    aria-label={labels.amount}
                  />
                </Form.Item>
              </Col>
              <Col span={7}>
                <Form.Item label={labels.term} validateStatus={status(problems.term)} help={help(problems.term)}>
                  <Space.Compact style={{ display: 'flex' }}>
                    <Input value={a.mortgage.termFrom} placeholder="起 2026-12-03" onChange={(e) => setMortgage({ termFrom: e.target.value.trim() })} aria-label={`${labels.term}起`} />
                    <Input value={a.mortgage.termTo} placeholder="止 2046-12-02" onChange={(e) => setMortgage({ termTo: e.target.value.trim() })} aria-label={`${labels.term}止`} />
                  </Space.Compact>
                </Form.Item>
              </Col>
              <Col span={3}>
                <Form.Item label="抵押顺位" validateStatus={status(problems.rank)} help={help(problems.rank)}>
                  <InputNumber<number>
                    value={a.mortgage.rank}
                    min={1}
                    max={99}
                    precision={0}
                    style={{ width: '100%' }}
                    onChange={(v) => setMortgage({ rank: typeof v === 'number' ? v : null })}
                    aria-label="抵押顺位"
                  />
                </Form.Item>
              </Col>
            </Row>
            <Row gutter={12}>
              <Col span={a.mortgage.method === 'construction' ? 9 : 14}>
                <Form.Item label="担保范围" help={help(undefined)}>
                  <Input value={a.mortgage.scope} maxLength={300} placeholder="如 主债权及利息、违约金、实现债权的费用" onChange={(e) => setMortgage({ scope: e.target.value })} aria-label="担保范围" />
                </Form.Item>
              </Col>
              {a.mortgage.method === 'construction' && (
                <Col span={8}>
                  <Form.Item label="在建建筑物抵押范围" help={help(undefined)}>
                    <Input value={a.mortgage.constructionScope} maxLength={300} onChange={(e) => setMortgage({ constructionScope: e.target.value })} aria-label="在建建筑物抵押范围" />
                  </Form.Item>
                </Col>
              )}
              <Col span={a.mortgage.method === 'construction' ? 7 : 10}>
                <Form.Item label="是否约定禁止或限制转让抵押不动产" help={help(undefined)}>
                  <Radio.Group
                    value={a.mortgage.transferRestricted === null ? undefined : a.mortgage.transferRestricted ? 'yes' : 'no'}
                    onChange={(e) => setMortgage({ transferRestricted: e.target.value === 'yes' })}
                    options={[
                      { value: 'yes', label: '是' },
                      { value: 'no', label: '否' },
                    ]}
                    aria-label="是否约定禁止转让"
                  />
                </Form.Item>
              </Col>
            </Row>
          </fieldset>
        )}

        {isEasementType(props.type) && (
          <Row gutter={12}>
            <Col span={10}>
              <Form.Item label="需役地不动产单元代码" validateStatus={status(problems.dominantUnitCode)} help={help(problems.dominantUnitCode)}>
                <Input
                  value={a.dominantUnitCode}
                  maxLength={40}
                  onChange={(e) => set({ dominantUnitCode: e.target.value })}
                  aria-invalid={problems.dominantUnitCode ? true : undefined}
                  aria-label="需役地不动产单元代码"
                  style={{ fontFamily: 'monospace' }}
                />
              </Form.Item>
            </Col>
            <Col span={14}>
              <Form.Item label="需役地坐落" validateStatus={status(problems.dominantAddress)} help={help(problems.dominantAddress)}>
                <Input value={a.dominantAddress} maxLength={200} onChange={(e) => set({ dominantAddress: e.target.value })} aria-label="需役地坐落" />
              </Form.Item>
            </Col>
          </Row>
        )}

        <Row gutter={12}>
          <Col span={6}>
            <Form.Item label="证书版式" help={help(undefined)}>
              <Radio.Group
                optionType="button"
                value={a.certificateFormat}
                onChange={(e) => set({ certificateFormat: e.target.value })}
                options={[
                  { value: 'single', label: '单一版' },
                  { value: 'integrated', label: '集成版' },
                ]}
                aria-label="证书版式"
              />
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item label="分别持证" help={help(undefined)}>
              <Checkbox checked={a.separateCertificates} onChange={(e) => set({ separateCertificates: e.target.checked })} aria-label="申请分别持证">
                申请分别持证
              </Checkbox>
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item label="领证方式" help={help(undefined)}>
              <Select<CollectionMethod>
                value={a.collection.method}
                onChange={(method) => setCollection({ method })}
                options={(Object.keys(COLLECTION_LABELS) as CollectionMethod[]).map((m) => ({ value: m, label: COLLECTION_LABELS[m] }))}
                aria-label="领证方式"
              />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item label="申请渠道" help={help(undefined)}>
              <Select<Channel>
                value={a.channel}
                onChange={(channel) => set({ channel })}
                options={(Object.keys(CHANNEL_LABELS) as Channel[]).map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))}
                aria-label="申请渠道"
              />
            </Form.Item>
          </Col>
        </Row>

        {a.collection.method === 'mail' && (
          <Row gutter={12} data-testid="mail-collection">
            <Col span={5}>
              <Form.Item label="收件人" required validateStatus={status(props.showErrors && problems.recipient)} help={help(props.showErrors ? problems.recipient : undefined)}>
                <Input value={a.collection.recipient} maxLength={60} onChange={(e) => setCollection({ recipient: e.target.value })} aria-label="收件人" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label="邮寄地址" required validateStatus={status(props.showErrors && problems.collectionAddress)} help={help(props.showErrors ? problems.collectionAddress : undefined)}>
                <Input value={a.collection.address} maxLength={200} onChange={(e) => setCollection({ address: e.target.value })} aria-label="邮寄地址" />
              </Form.Item>
            </Col>
            <Col span={7}>
              <Form.Item
                label="收件人电话"
                required
                validateStatus={status((props.showErrors || a.collection.phone.trim() !== '') && problems.collectionPhone)}
                help={help(props.showErrors || a.collection.phone.trim() !== '' ? problems.collectionPhone : undefined)}
              >
                <Input
                  value={a.collection.phone}
                  maxLength={30}
                  placeholder={a.collection.phoneMasked ? `原 ${a.collection.phoneMasked}` : undefined}
                  onChange={(e) => setCollection({ phone: e.target.value })}
                  aria-label="收件人电话"
                />
              </Form.Item>
            </Col>
          </Row>
        )}
      </Form>
    </Card>
  );
}
