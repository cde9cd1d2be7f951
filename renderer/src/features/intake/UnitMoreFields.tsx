import { Col, Form, Input, Row, Select, Typography } from 'antd';
import { REAL_ESTATE_TYPE_LABELS } from '../../../../electron/contract';
import { AREA_UNIT_OPTIONS, previousCertificateMessage, type AreaUnit, type RealEstateType, type UnitExtra } from './application-form';
import { FieldReasons } from './FieldReasons';

const TYPE_OPTIONS = (Object.keys(REAL_ESTATE_TYPE_LABELS) as RealEstateType[]).map((t) => ({ value: t, label: REAL_ESTATE_TYPE_LABELS[t] }));
/** The 规划用途 offices write most; any other wording can be typed. */
const PLANNED_USES = ['住宅', '成套住宅', '商业', '办公', '商服', '工业', '仓储', '车库', '车位', '储藏室', '宅基地', '农用地', '林地', '其他'];

/**
 * The 申请书's unit rows beyond code, 坐落 and fee class: 不动产类型, 规划用途 (as the planning
 * documents say it — separate from the fee class), 面积单位 and 原不动产权证书号 with the tolerant
 * parser's live reading. The message line under each field is reserved: typing never moves a field.
 */
export function UnitMoreFields(props: { extra: UnitExtra; ordinal: number; onChange: (patch: Partial<UnitExtra>) => void }) {
  const { extra, ordinal } = props;
  const certificate = previousCertificateMessage(extra.previousCertificateNumber);
  const which = `第 ${ordinal} 个不动产单元`;
  return (
    <Row gutter={12} style={{ marginBottom: -16 }}>
      <Col span={4}>
        <Form.Item label="不动产类型" help={<span />}>
          <Select<RealEstateType>
            value={extra.realEstateType ?? undefined}
            placeholder="选择"
            onChange={(realEstateType) => props.onChange({ realEstateType })}
            options={TYPE_OPTIONS}
            aria-label={`${which}不动产类型`}
            allowClear
            onClear={() => props.onChange({ realEstateType: null })}
          />
        </Form.Item>
      </Col>
      <Col span={5}>
        <Form.Item label="规划用途" help={<span />}>
          <Select
            showSearch
            value={extra.plannedUse || undefined}
            placeholder="如 成套住宅"
            onChange={(plannedUse: string) => props.onChange({ plannedUse })}
            onSearch={(text) => text && props.onChange({ plannedUse: text })}
            options={[...new Set([...(extra.plannedUse ? [extra.plannedUse] : []), ...PLANNED_USES])].map((u) => ({ value: u, label: u }))}
            aria-label={`${which}规划用途`}
            allowClear
            onClear={() => props.onChange({ plannedUse: '' })}
          />
        </Form.Item>
      </Col>
      <Col span={3}>
        <Form.Item label="面积单位" help={<span />}>
          <Select<AreaUnit>
            value={extra.areaUnit}
            onChange={(areaUnit) => props.onChange({ areaUnit })}
            options={(Object.keys(AREA_UNIT_OPTIONS) as AreaUnit[]).map((u) => ({ value: u, label: AREA_UNIT_OPTIONS[u] }))}
            aria-label={`${which}的面积单位`}
          />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item
          label="原不动产权证书号（选填）"
          validateStatus={certificate && !certificate.ok ? 'error' : certificate?.ok ? 'success' : undefined}
          help={
            <div style={{ minHeight: 20 }} data-testid={`previous-certificate-message-${ordinal}`}>
              {certificate && !certificate.ok ? (
                <FieldReasons reasons={certificate.reasons} />
              ) : certificate?.ok ? (
                <Typography.Text type="success" style={{ fontSize: 12 }}>
                  ✓ 可识别：{certificate.text}
                </Typography.Text>
              ) : null}
            </div>
          }
        >
          <Input
            value={extra.previousCertificateNumber}
            maxLength={80}
            placeholder="如 湘(2019)长沙市不动产权第0012345号"
            onChange={(e) => props.onChange({ previousCertificateNumber: e.target.value })}
            aria-invalid={certificate && !certificate.ok ? true : undefined}
            aria-label={`${which}原不动产权证书号`}
          />
        </Form.Item>
      </Col>
    </Row>
  );
}
