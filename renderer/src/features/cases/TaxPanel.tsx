import { Table, Tag, Typography } from 'antd';
import type { CaseView } from '../../../../electron/contract';
import { formatYuan, trackStatus } from './case-labels';
import { taxAssessedFen, taxItems } from './payment-split';

type Timeline = ReadonlyArray<{ action: string; detail: Record<string, unknown> }> | undefined;

/**
 * 税款: what 税务 assessed and whether it is paid, apart from the registration fees and never
 * added to them (the office does not collect tax; 税务 does, through the parallel 税务 track).
 */
export function TaxPanel({ view, timeline }: { view: CaseView; timeline: Timeline }) {
  if (view.tracks.tax === 'not_applicable') {
    return (
      <Typography.Text type="secondary" data-testid="tax-panel">
        本业务不涉及税款。
      </Typography.Text>
    );
  }
  const items = taxItems(timeline);
  const total = taxAssessedFen(timeline);
  const status = trackStatus(view.tracks.tax);
  return (
    <div data-testid="tax-panel">
      <div style={{ marginBottom: 8 }}>
        税务办理：<Tag color={status.color}>{status.label}</Tag>
        <Typography.Text type="secondary">税款由税务部门核定征收，不计入登记费合计。</Typography.Text>
      </div>
      {total === null ? (
        <Typography.Text type="secondary">税务部门尚未核税。</Typography.Text>
      ) : (
        <>
          <Table
            rowKey={(i) => i.name}
            size="small"
            pagination={false}
            dataSource={items}
            columns={[
              { title: '税种', dataIndex: 'name' },
              { title: '金额', dataIndex: 'amountFen', width: 140, align: 'right', render: (f: number) => formatYuan(f) },
            ]}
          />
          <div style={{ marginTop: 8 }}>
            税款合计：<b data-testid="tax-total">{formatYuan(total)}</b>
          </div>
        </>
      )}
    </div>
  );
}
