import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { UNIT_CODE_LENGTH, UNIT_USE_LABELS, UNIT_USES, normalizeUnitCode, validateUnitCode, type UnitUse } from '../../../../electron/contract';
import { FieldReasons } from './FieldReasons';
import { emptyUnit, unitProblems, type FormEdit, type IntakeForm, type UnitRow } from './intake-form';
import { UnitCodeRuler } from './UnitCodeRuler';
import { UnitMoreFields } from './UnitMoreFields';
import { AREA_UNIT_OPTIONS } from './application-form';
import { KnownUnitHint } from './KnownUnitHint';
import { RegisterLookup } from './RegisterLookup';

const MONO = "'SFMono-Regular', Consolas, 'Liberation Mono', monospace";
const USE_OPTIONS = UNIT_USES.map((u) => ({ value: u, label: UNIT_USE_LABELS[u] }));

/** 不动产单元: the 28-character code checked live position by position (GB/T 37346), and its meaning. */
export function UnitsStep(props: { form: IntakeForm; onChange: FormEdit; showErrors: boolean; officeCode: string | null }) {
  const { form, onChange } = props;
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const update = (key: string, patch: Partial<UnitRow>) => onChange((f) => ({ ...f, units: f.units.map((u) => (u.key === key ? { ...u, ...patch } : u)) }));
  const touch = (key: string, field: string) => setTouched((t) => new Set(t).add(`${key}:${field}`));
  const shown = (key: string, field: string) => props.showErrors || touched.has(`${key}:${field}`);

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {form.units.map((u, i) => {
        const problems = unitProblems(u);
        const code = normalizeUnitCode(u.unitCode);
        const check = validateUnitCode(u.unitCode);
        const codeShown = shown(u.key, 'unitCode') || code.length >= UNIT_CODE_LENGTH;
        const outside = check.valid && props.officeCode && check.decoded.countyCode !== props.officeCode;
        return (
          // 查询登记簿 sits in the card's header: typing the code and then Tab still lands on 坐落.
          <RegisterLookup
            key={u.key}
            unitCode={code}
            valid={check.valid}
            ordinal={i + 1}
            current={{ address: u.address, use: u.use, areaM2: u.areaM2 }}
            onApply={(facts) => update(u.key, facts)}
          >
            {(lookup) => (
              <Card
                size="small"
                title={`不动产单元 ${i + 1}`}
                extra={
                  <Space size={4}>
                    {lookup.button}
                    {form.units.length > 1 && (
                      <Button type="text" danger icon={<DeleteOutlined />} onClick={() => onChange((f) => ({ ...f, units: f.units.filter((x) => x.key !== u.key) }))}>
                        删除
                      </Button>
                    )}
                  </Space>
                }
              >
                <Form layout="vertical" component="div" requiredMark>
                  <Form.Item
                    label="不动产单元代码（28 位，GB/T 37346）"
                    required
                    validateStatus={codeShown && problems.unitCode ? 'error' : check.valid ? 'success' : undefined}
                    help={
                      codeShown && problems.unitCode ? (
                        <FieldReasons reasons={problems.unitCode} />
                      ) : check.valid ? (
                        <Typography.Text type="success" style={{ fontSize: 12 }}>
                          ✓ 代码有效：{describe(check.decoded)}
                        </Typography.Text>
                      ) : code ? (
                        <span style={{ fontSize: 12 }}>已输入 {code.length}/28 位</span>
                      ) : undefined
                    }
                    style={{ marginBottom: 8 }}
                  >
                    <Input
                      value={u.unitCode}
                      maxLength={40}
                      placeholder="例如 430102003004GB00123F00010203"
                      onChange={(e) => update(u.key, { unitCode: e.target.value })}
                      onBlur={() => touch(u.key, 'unitCode')}
                      aria-invalid={codeShown && problems.unitCode ? true : undefined}
                      aria-label={`第 ${i + 1} 个不动产单元代码`}
                      style={{ fontFamily: MONO, fontSize: 16, letterSpacing: 1 }}
                      data-autofocus={i === 0 ? '' : undefined}
                      autoComplete="off"
                    />
                  </Form.Item>
                  {code && <UnitCodeRuler value={u.unitCode} problems={check.valid ? [] : check.problems} />}
                  {check.valid && u.address.trim() === '' && (
                    <KnownUnitHint unitCode={code} valid={check.valid} onFill={(known) => update(u.key, known)} />
                  )}
                  {lookup.result}
                  {outside && (
                    <Alert
                      type="warning"
                      showIcon
                      style={{ marginTop: 8 }}
                      title={`该单元位于行政区划 ${check.decoded.countyCode}，不是本机构（${props.officeCode}）的辖区，请确认是否由本机构受理。`}
                    />
                  )}
                  <Row gutter={12} style={{ marginTop: 12, marginBottom: -16 }}>
                    <Col span={13}>
                      <Form.Item label="坐落" required validateStatus={shown(u.key, 'address') && problems.address ? 'error' : undefined} help={shown(u.key, 'address') ? problems.address : undefined}>
                        <Input
                          value={u.address}
                          maxLength={200}
                          placeholder="省、市、区（县）、街道门牌、幢、单元、室"
                          onChange={(e) => update(u.key, { address: e.target.value })}
                          onBlur={() => touch(u.key, 'address')}
                          aria-invalid={shown(u.key, 'address') && problems.address ? true : undefined}
                          aria-label={`第 ${i + 1} 个不动产单元坐落`}
                        />
                      </Form.Item>
                    </Col>
                    <Col span={6}>
                      <Form.Item label="用途（决定登记费）" required>
                        <Select<UnitUse> value={u.use} onChange={(use) => update(u.key, { use })} options={USE_OPTIONS} aria-label={`第 ${i + 1} 个不动产单元用途`} />
                      </Form.Item>
                    </Col>
                    <Col span={5}>
                      <Form.Item label="面积" required validateStatus={shown(u.key, 'areaM2') && problems.areaM2 ? 'error' : undefined} help={shown(u.key, 'areaM2') ? problems.areaM2 : undefined}>
                        <InputNumber<number>
                          value={u.areaM2}
                          min={0.01}
                          max={1_000_000}
                          precision={2}
                          suffix={AREA_UNIT_OPTIONS[u.extra.areaUnit]}
                          style={{ width: '100%' }}
                          onChange={(v) => update(u.key, { areaM2: typeof v === 'number' && v > 0 ? v : null })}
                          onBlur={() => touch(u.key, 'areaM2')}
                          aria-invalid={shown(u.key, 'areaM2') && problems.areaM2 ? true : undefined}
                          aria-label={`第 ${i + 1} 个不动产单元面积`}
                        />
                      </Form.Item>
                    </Col>
                  </Row>
                  <UnitMoreFields extra={u.extra} ordinal={i + 1} onChange={(patch) => update(u.key, { extra: { ...u.extra, ...patch } })} />
                </Form>
              </Card>
            )}
          </RegisterLookup>
        );
      })}
      <Button type="dashed" icon={<PlusOutlined />} block onClick={() => onChange((f) => ({ ...f, units: [...f.units, emptyUnit()] }))}>
        添加不动产单元
      </Button>
      {form.units.length > 1 && (
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          登记费按“件”收取（同一宗地上多个单元一并抵押为一件），按规划用途区分住宅与非住宅，金额见“收费”一步。
        </Typography.Text>
      )}
    </Space>
  );
}

function describe(d: Extract<ReturnType<typeof validateUnitCode>, { valid: true }>['decoded']): string {
  const place = `${d.provinceName} ${d.countyCode}，宗地 ${d.parcelCode.slice(12)}`;
  return d.building ? `${place}，第 ${Number(d.building)} 幢 ${d.unit} 户` : `${place}，${d.fixtureLabel}`;
}
