import type { Db } from './database';
import { PlatformError } from './http-io';
import type { PlatformCase } from './case-repository';

/**
 * The register the platform answers unit queries from (API.md "Register queries"): units, their
 * rights (所有权 …) with a state (临时/现势/历史/终止) and restrictions (限制信息: 抵押, 查封, 异议,
 * 预告, 居住权) with a state too. Nothing is deleted: 登簿 moves the previous 现势 right to 历史 and
 * ends restrictions, so the unit's history stays readable and 登簿退回 can restore it. Every change of
 * a unit increments its `registerVersion`, which a 登簿 names to prove it reviewed the current state.
 */
export type UnitUse = 'residential' | 'nonResidential' | 'parking';
export type RestrictionKind = 'mortgage' | 'seizure' | 'objection' | 'preRegistration' | 'residence';
export type EntryState = 'provisional' | 'current' | 'historic' | 'terminated';

export interface RegisterUnit {
  unitCode: string;
  address: string;
  use: UnitUse;
  areaM2: number | null;
}

export interface HolderShare {
  name: string;
  /** Last four characters of the ID number, when the register knows it. */
  idTail: string | null;
  /** "1/2" under 按份共有, else null. */
  share: string | null;
}

export interface RegisterRight {
  kind: string;
  holders: string[];
  certificateNumber: string | null;
  registeredAt: string | null;
  holderShares?: HolderShare[];
  coOwnership?: 'sole' | 'joint' | 'shares' | null;
  state?: EntryState;
  caseNumber?: string | null;
}

export interface RegisterRestriction {
  kind: RestrictionKind;
  holder: string | null;
  since: string | null;
  until: string | null;
  note: string | null;
  state?: EntryState;
  caseNumber?: string | null;
}

export interface RightView extends Required<Omit<RegisterRight, 'caseNumber'>> {
  id: number;
  caseNumber: string | null;
}
export interface RestrictionView extends Required<Omit<RegisterRestriction, 'caseNumber'>> {
  id: number;
  caseNumber: string | null;
}
export interface HistoryEntry {
  entry: 'right' | 'restriction';
  id: number;
  kind: string;
  state: EntryState;
  holders: string[];
  certificateNumber: string | null;
  since: string | null;
  endedAt: string | null;
  /** The case whose 登簿 ended it (null for seeded history). */
  endedBy: string | null;
}

export interface UnitRecord extends RegisterUnit {
  asOf: string;
  registerVersion: number;
  /** Rights in force: 现势 and 临时. */
  rights: RightView[];
  /** Restrictions in force. */
  restrictions: RestrictionView[];
  history: HistoryEntry[];
}

interface RightRow {
  id: number;
  kind: string;
  holders: string;
  certificate_number: string | null;
  registered_at: string | null;
  state: EntryState;
  shares: string | null;
  co_ownership: RegisterRight['coOwnership'];
  case_number: string | null;
  ended_at: string | null;
  ended_by: string | null;
}
interface RestrictionRow {
  id: number;
  kind: RestrictionKind;
  holder: string | null;
  since: string | null;
  until: string | null;
  note: string | null;
  state: EntryState;
  case_number: string | null;
  ended_at: string | null;
  ended_by: string | null;
}

const IN_FORCE: readonly EntryState[] = ['current', 'provisional'];

export function lookupUnit(db: Db, unitCode: string, asOf: Date): UnitRecord {
  const unit = db.prepare('SELECT unit_code, address, use, area_m2, register_version FROM units WHERE unit_code = ?').get(unitCode) as
    | { unit_code: string; address: string; use: UnitUse; area_m2: number | null; register_version: number }
    | undefined;
  if (!unit) throw new PlatformError(404, 'UNIT_NOT_FOUND', `登记簿中没有不动产单元 ${unitCode}，请核对单元代码。`);
  const rights = db.prepare('SELECT * FROM rights WHERE unit_code = ? ORDER BY id').all(unitCode) as RightRow[];
  const restrictions = db.prepare('SELECT * FROM restrictions WHERE unit_code = ? ORDER BY id').all(unitCode) as RestrictionRow[];
  const history: HistoryEntry[] = [
    ...rights.filter((r) => !IN_FORCE.includes(r.state)).map((r) => ({
      entry: 'right' as const,
      id: r.id,
      kind: r.kind,
      state: r.state,
      holders: JSON.parse(r.holders) as string[],
      certificateNumber: r.certificate_number,
      since: r.registered_at,
      endedAt: r.ended_at,
      endedBy: r.ended_by,
    })),
    ...restrictions.filter((r) => !IN_FORCE.includes(r.state)).map((r) => ({
      entry: 'restriction' as const,
      id: r.id,
      kind: r.kind,
      state: r.state,
      holders: r.holder ? [r.holder] : [],
      certificateNumber: null,
      since: r.since,
      endedAt: r.ended_at,
      endedBy: r.ended_by,
    })),
  ].sort((a, b) => (a.endedAt ?? '').localeCompare(b.endedAt ?? '') || a.id - b.id);
  return {
    unitCode: unit.unit_code,
    address: unit.address,
    use: unit.use,
    areaM2: unit.area_m2,
    asOf: asOf.toISOString(),
    registerVersion: unit.register_version,
    rights: rights.filter((r) => IN_FORCE.includes(r.state)).map(rightView),
    restrictions: restrictions.filter((r) => IN_FORCE.includes(r.state)).map(restrictionView),
    history,
  };
}

/** Every right of a unit whatever its state (admin: tests read 历史 this way). */
export function allRights(db: Db, unitCode: string): RightView[] {
  return (db.prepare('SELECT * FROM rights WHERE unit_code = ? ORDER BY id').all(unitCode) as RightRow[]).map(rightView);
}

function rightView(r: RightRow): RightView {
  const holders = JSON.parse(r.holders) as string[];
  return {
    id: r.id,
    kind: r.kind,
    holders,
    holderShares: r.shares ? (JSON.parse(r.shares) as HolderShare[]) : holders.map((name) => ({ name, idTail: null, share: null })),
    coOwnership: r.co_ownership ?? (holders.length > 1 ? 'joint' : 'sole'),
    certificateNumber: r.certificate_number,
    registeredAt: r.registered_at,
    state: r.state,
    caseNumber: r.case_number,
  };
}

function restrictionView(r: RestrictionRow): RestrictionView {
  return { id: r.id, kind: r.kind, holder: r.holder, since: r.since, until: r.until, note: r.note, state: r.state, caseNumber: r.case_number };
}

export function insertUnit(db: Db, unit: RegisterUnit): void {
  db.prepare('INSERT OR IGNORE INTO units (unit_code, address, use, area_m2) VALUES (?, ?, ?, ?)').run(unit.unitCode, unit.address, unit.use, unit.areaM2);
}

export function insertRight(db: Db, unitCode: string, right: RegisterRight): number {
  const result = db
    .prepare('INSERT INTO rights (unit_code, kind, holders, certificate_number, registered_at, state, shares, co_ownership, case_number) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
    .run(
      unitCode,
      right.kind,
      JSON.stringify(right.holders),
      right.certificateNumber,
      right.registeredAt,
      right.state ?? 'current',
      right.holderShares ? JSON.stringify(right.holderShares) : null,
      right.coOwnership ?? null,
      right.caseNumber ?? null,
    );
  return Number(result.lastInsertRowid);
}

export function insertRestriction(db: Db, unitCode: string, r: RegisterRestriction): number {
  const result = db
    .prepare('INSERT INTO restrictions (unit_code, kind, holder, since, until, note, state, case_number) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(unitCode, r.kind, r.holder, r.since, r.until, r.note, r.state ?? 'current', r.caseNumber ?? null);
  return Number(result.lastInsertRowid);
}

export function bumpRegisterVersion(db: Db, unitCode: string): void {
  db.prepare('UPDATE units SET register_version = register_version + 1 WHERE unit_code = ?').run(unitCode);
}

export function registerVersionOf(db: Db, unitCode: string): number | null {
  const row = db.prepare('SELECT register_version FROM units WHERE unit_code = ?').get(unitCode) as { register_version: number } | undefined;
  return row?.register_version ?? null;
}
