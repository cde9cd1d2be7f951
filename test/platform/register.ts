import type { Db } from './database';
import { PlatformError } from './http-io';
import type { PlatformCase } from './case-repository';

/**
 * The register the platform answers unit queries from (API.md "Register queries"): units, their
 * rights (所有权 …) and restrictions (限制信息: 抵押, 查封, 异议, 预告). Seeded at first start
 * (register-seed.ts) and changed by every case entered in the register (登簿), so what a clerk
 * registers in training shows up in the next query.
 */
export type UnitUse = 'residential' | 'nonResidential' | 'parking';
export type RestrictionKind = 'mortgage' | 'seizure' | 'objection' | 'preRegistration';

export interface RegisterUnit {
  unitCode: string;
  address: string;
  use: UnitUse;
  areaM2: number | null;
}

export interface RegisterRight {
  kind: string;
  holders: string[];
  certificateNumber: string | null;
  registeredAt: string | null;
}

export interface RegisterRestriction {
  kind: RestrictionKind;
  holder: string | null;
  since: string | null;
  until: string | null;
  note: string | null;
}

export interface UnitRecord extends RegisterUnit {
  asOf: string;
  rights: RegisterRight[];
  restrictions: RegisterRestriction[];
}

export function lookupUnit(db: Db, unitCode: string, asOf: Date): UnitRecord {
  const unit = db.prepare('SELECT unit_code, address, use, area_m2 FROM units WHERE unit_code = ?').get(unitCode) as
    | { unit_code: string; address: string; use: UnitUse; area_m2: number | null }
    | undefined;
  if (!unit) throw new PlatformError(404, 'UNIT_NOT_FOUND', `登记簿中没有不动产单元 ${unitCode}，请核对单元代码。`);
  const rights = db
    .prepare('SELECT kind, holders, certificate_number, registered_at FROM rights WHERE unit_code = ? ORDER BY id')
    .all(unitCode) as Array<{ kind: string; holders: string; certificate_number: string | null; registered_at: string | null }>;
  const restrictions = db
    .prepare('SELECT kind, holder, since, until, note FROM restrictions WHERE unit_code = ? ORDER BY id')
    .all(unitCode) as RegisterRestriction[];
  return {
    unitCode: unit.unit_code,
    address: unit.address,
    use: unit.use,
    areaM2: unit.area_m2,
    asOf: asOf.toISOString(),
    rights: rights.map((r) => ({
      kind: r.kind,
      holders: JSON.parse(r.holders) as string[],
      certificateNumber: r.certificate_number,
      registeredAt: r.registered_at,
    })),
    restrictions,
  };
}

export function insertUnit(db: Db, unit: RegisterUnit): void {
  db.prepare('INSERT OR IGNORE INTO units (unit_code, address, use, area_m2) VALUES (?, ?, ?, ?)').run(unit.unitCode, unit.address, unit.use, unit.areaM2);
}

export function insertRight(db: Db, unitCode: string, right: RegisterRight): void {
  db.prepare('INSERT INTO rights (unit_code, kind, holders, certificate_number, registered_at) VALUES (?, ?, ?, ?, ?)').run(
    unitCode,
    right.kind,
    JSON.stringify(right.holders),
    right.certificateNumber,
    right.registeredAt,
  );
}

export function insertRestriction(db: Db, unitCode: string, r: RegisterRestriction): void {
  db.prepare('INSERT INTO restrictions (unit_code, kind, holder, since, until, note) VALUES (?, ?, ?, ?, ?, ?)').run(unitCode, r.kind, r.holder, r.since, r.until, r.note);
}

/**
 * 登簿: what a registered case changes in the register, by business type. Called inside the
 * transaction that appends the `registered` change.
 */
export function applyRegistration(db: Db, c: PlatformCase, certificateNumbers: string[], registeredAt: string): void {
  const day = registeredAt.slice(0, 10);
  const holders = c.body.parties.filter((p) => p.role === 'holder').map((p) => p.name);
  const holderText = holders.join('、') || null;
  const number = certificateNumbers[0] ?? null;
  for (const unit of c.body.units) {
    insertUnit(db, unit);
    const code = unit.unitCode;
    switch (c.businessType) {
      case 'first':
      case 'transfer':
      case 'change':
      case 'correction':
        db.prepare("DELETE FROM rights WHERE unit_code = ? AND kind = 'ownership'").run(code);
        // 按份共有: each holder has a certificate of their own; otherwise one certificate names all holders.
        if (c.body.coOwnership === 'shares' && certificateNumbers.length === holders.length) {
          holders.forEach((name, i) => insertRight(db, code, { kind: 'ownership', holders: [name], certificateNumber: certificateNumbers[i], registeredAt: day }));
        } else {
          insertRight(db, code, { kind: 'ownership', holders, certificateNumber: number, registeredAt: day });
        }
        break;
      case 'cancellation':
        db.prepare("DELETE FROM rights WHERE unit_code = ? AND kind = 'ownership'").run(code);
        break;
      case 'easement':
        insertRight(db, code, { kind: 'easement', holders, certificateNumber: number, registeredAt: day });
        break;
      case 'mortgageFirst':
        insertRestriction(db, code, { kind: 'mortgage', holder: holderText, since: day, until: null, note: number && `不动产登记证明 ${number}` });
        break;
      case 'mortgageCancellation':
        db.prepare("DELETE FROM restrictions WHERE unit_code = ? AND kind = 'mortgage'").run(code);
        break;
      case 'preRegistration':
      case 'objection':
      case 'seizure':
        insertRestriction(db, code, { kind: c.businessType, holder: holderText, since: day, until: null, note: number && `不动产登记证明 ${number}` });
        break;
      default:
        // mortgageChange and anything newer change no entry the stand-in shows.
        break;
    }
  }
}
