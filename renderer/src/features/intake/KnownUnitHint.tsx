import { HistoryOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { UNIT_USE_LABELS } from '../../../../electron/contract';
import { useLookupUnitQuery } from '../../api/api-slice';

/**
 * A unit this workstation has seen before: one click fills its address, use and area, saving the
 * clerk the typing (and the typos) of a second time.
 */
export function KnownUnitHint(props: {
  unitCode: string;
  valid: boolean;
  onFill: (unit: { address: string; use: 'residential' | 'nonResidential' | 'parking'; areaM2: number | null }) => void;
}) {
  const { data } = useLookupUnitQuery({ unitCode: props.unitCode }, { skip: !props.valid });
  if (!props.valid || !data) return null;
  return (
    <Alert
      type="info"
      showIcon
      icon={<HistoryOutlined />}
      style={{ marginTop: 8 }}
      title={`本机已有该单元的记录：${data.address}，${UNIT_USE_LABELS[data.use]}${data.areaM2 ? `，${data.areaM2} 平方米` : ''}（${data.cases.length} 件业务）`}
      action={
        <Button size="small" onClick={() => props.onFill({ address: data.address, use: data.use, areaM2: data.areaM2 })}>
          填入
        </Button>
      }
    />
  );
}
