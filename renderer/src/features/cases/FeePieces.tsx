import { UNIT_USE_LABELS, type CaseView, type UnitUse } from '../../../../electron/contract';
import { formatYuan } from './case-labels';

/**
 * The 件 the registration fee counts (发改价格规〔2016〕2559号): which units each is, its class and fee,
 * so a clerk can tell an applicant why three mortgaged flats on one parcel cost one 件.
 */
export function FeePieces({ view }: { view: CaseView }) {
  // 工本费-only and free types charge no 登记费: there is no 件 to explain.
  if (!view.feePieces.some((p) => p.amountFen > 0)) return null;
  const ordinalOf = (code: string) => view.units.find((u) => u.unitCode === code)?.ordinal;
  return (
    <div data-testid="fee-pieces" style={{ marginTop: 8, fontSize: 13, color: '#59667a' }}>
      <div>登记费按件收取（共 {view.feePieces.length} 件）：</div>
      {view.feePieces.map((p, i) => (
        <div key={p.unitCodes.join()}>
          第 {i + 1} 件：{p.unitCodes.map((c) => `单元 ${ordinalOf(c) ?? c}`).join('、')}（{UNIT_USE_LABELS[p.feeClass as UnitUse] ?? p.feeClass}）{formatYuan(p.amountFen)}
        </div>
      ))}
    </div>
  );
}
