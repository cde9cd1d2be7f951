import { calculateFees, type CatalogEntry, type FeeSchedule } from '../../contract';
import type { FeeLine, Party, Unit } from './case-record';

/** One 件 as the case detail shows it: its units, the class that decided its fee, the fee. */
export interface CaseFeePiece {
  unitCodes: string[];
  feeClass: Unit['use'];
  amountFen: number;
}

/**
 * A case's fees from ALL its units, by 件 (the contract's calculateFees: 发改价格规〔2016〕2559号,
 * 财税〔2016〕79号): each unit's fee class is the clerk's `use`, units of one parcel under one
 * mortgage are one 件. Input the fee function cannot price yet (no unit, a unit code still wrong)
 * gives no fee lines: the acceptance rules name what to fix. The payer is the party the catalogue
 * names (权利人, for a mortgage the 抵押权人); a court's 嘱托 has none.
 */
export function caseFeeQuote(type: CatalogEntry, units: Unit[], parties: Party[], certificates: number, schedule: FeeSchedule): { lines: FeeLine[]; payer: string | null } {
  const result = calculateFees({ businessType: type, units: units.map((u) => ({ unitCode: u.unitCode, feeClass: u.use })), certificates }, schedule);
  if (!result.ok) return { lines: [], payer: type.origin === 'commission' ? null : feePayerOf(parties) };
  return {
    lines: result.quote.lines.map((l) => ({ code: l.code, name: l.name, amountFen: l.amountFen })),
    payer: result.quote.payerRole === 'holder' ? feePayerOf(parties) : null,
  };
}

/** The parties registered as 权利人 (the holder role), by name. */
export function feePayerOf(parties: Party[]): string | null {
  const holders = parties.filter((p) => p.role === 'holder').map((p) => p.name);
  return holders.length > 0 ? holders.join('、') : null;
}

/**
 * The 件 of a case as the fee function counts them now (the stored lines keep only the totals):
 * for the detail's "按件" table. Empty when the units cannot be priced yet.
 */
export function caseFeePieces(type: CatalogEntry, units: Unit[], schedule: FeeSchedule): CaseFeePiece[] {
  const result = calculateFees({ businessType: type, units: units.map((u) => ({ unitCode: u.unitCode, feeClass: u.use })), certificates: 1 }, schedule);
  return result.ok ? result.quote.pieces.map((p) => ({ unitCodes: p.unitCodes, feeClass: p.feeClass, amountFen: p.amountFen })) : [];
}
