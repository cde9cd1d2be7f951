import type { BusinessType, FeeSchedule } from '../../contract';
import type { Party, Unit } from './case-record';
import { computeFees, type FeeLine } from './fees';

/**
 * A case's fees from ALL its units, per 件 (one unit × one right × one registration type;
 * 发改价格规〔2016〕2559号): each unit is a 件, except that the units of one parcel under one
 * mortgage are one 件 (宗地代码 = the first 19 characters of the unit code, GB/T 37346). A 件 of
 * several units is charged at the highest rate among them. The 工本费 of extra certificates is
 * charged once for the case. (Interim: the domain's per-件 fee function replaces the grouping.)
 */
export function caseFeeQuote(type: Pick<BusinessType, 'id' | 'name' | 'feeRule'>, units: Unit[], certificates: number, schedule: FeeSchedule): { lines: FeeLine[]; totalFen: number } {
  if (units.length === 0) return { lines: [], totalFen: 0 };
  const pieces = piecesOf(type, units);
  const lines: FeeLine[] = [];
  pieces.forEach((piece, i) => {
    const use = piece.reduce((best, u) => (schedule.registration[u.use].amountFen > schedule.registration[best].amountFen ? u.use : best), piece[0].use);
    for (const line of computeFees({ businessType: type, use, certificates: i === 0 ? certificates : 1 }, schedule).lines) {
      const same = lines.find((l) => l.code === line.code && l.name === line.name && (line.quantity === 1 ? l.amountFen / l.quantity === line.amountFen : false));
      if (same) {
        same.quantity += line.quantity;
        same.amountFen += line.amountFen;
      } else lines.push({ ...line });
    }
  });
  return { lines, totalFen: lines.reduce((n, l) => n + l.amountFen, 0) };
}

function piecesOf(type: Pick<BusinessType, 'id'>, units: Unit[]): Unit[][] {
  if (!type.id.startsWith('mortgage')) return units.map((u) => [u]);
  const byParcel = new Map<string, Unit[]>();
  for (const u of units) {
    const parcel = u.unitCode.slice(0, 19);
    byParcel.set(parcel, [...(byParcel.get(parcel) ?? []), u]);
  }
  return [...byParcel.values()];
}

/** Who pays: the parties registered as 权利人 (for a mortgage the 抵押权人, the holder role there). */
export function feePayerOf(parties: Party[]): string | null {
  const holders = parties.filter((p) => p.role === 'holder').map((p) => p.name);
  return holders.length > 0 ? holders.join('、') : null;
}
