import { EditOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Empty, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { amountInCapitals, type CaseView } from '../../../../electron/contract';
import { formatYuan, type BusinessTypeInfo } from '../cases/case-labels';
import { FeePieces } from '../cases/FeePieces';
import { FeeOverrideModal } from './FeeOverrideModal';

/**
 * 收费: the registration fee lines the back end computed for the draft, the total in figures and in
 * capitals (大写). Taxes are 税务's: said to be apart, never added here.
 */
export function FeesStep({ type, view }: { type: BusinessTypeInfo; view: CaseView | undefined }) {
  const [adjusting, setAdjusting] = useState(false);
  if (!view) return null;
  const free = view.fees.length === 0 && type.feeRule === 'free';
  if (view.fees.length === 0 && !free && view.units.length === 0) {
    return <Empty description="填写不动产单元后自动计算收费" />;
  }
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {free ? (
        <Alert type="success" showIcon title={`${type.name}不收费`} description={`${type.name}不收取不动产登记费（发改价格规〔2016〕2559号），无需缴费。`} />
      ) : (
        <Table
          rowKey={(l) => `${l.code}-${l.name}`}
          size="small"
          pagination={false}
          dataSource={view.fees}
          columns={[
            { title: '项目编码', dataIndex: 'code', width: 120 },
            { title: '收费项目', dataIndex: 'name' },
            { title: '金额', dataIndex: 'amountFen', width: 160, align: 'right', render: (fen: number) => formatYuan(fen) },
          ]}
        />
      )}
      {view.fees.length > 0 && !view.feeOverrideReason && view.feePieces.length > 0 && <FeePieces view={view} />}
      <Descriptions bordered size="small" column={1} styles={{ label: { width: 180 } }}>
        <Descriptions.Item label="登记费合计（小写）">
          <Typography.Text strong style={{ fontSize: 18 }} data-testid="fee-total">
            {formatYuan(view.feeTotalFen)}
          </Typography.Text>
          {free && <Tag color="green" style={{ marginLeft: 8 }}>不收费</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label="登记费合计（大写）">
          <Typography.Text strong style={{ fontSize: 18 }} data-testid="fee-capitals">
            {amountInCapitals(view.feeTotalFen)}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      {view.tracks.tax !== 'not_applicable' && (
        <Alert
          type="info"
          showIcon
          data-testid="tax-apart"
          title="以上只是不动产登记费。契税等税款由税务部门另行核定征收，不计入本合计，也不在此收取。"
        />
      )}
      {view.feeOverrideReason && <Alert type="warning" showIcon title={`收费已人工调整，原因：${view.feeOverrideReason}`} />}
      {!free && (
        <div>
          <Button icon={<EditOutlined />} onClick={() => setAdjusting(true)}>
            调整
          </Button>
          <Typography.Text type="secondary" style={{ marginLeft: 12, fontSize: 13 }}>
            减免或更正收费须填写原因，调整记入审计日志。
          </Typography.Text>
        </div>
      )}
      <FeeOverrideModal open={adjusting} view={view} onClose={() => setAdjusting(false)} />
    </Space>
  );
}
