import type { PlatformCase } from './case-repository';
import type { Db } from './database';
import { cancelSuperseded, undoECertificates } from './e-certificates';
import { bumpRegisterVersion, insertRestriction, insertRight, insertUnit, registerVersionOf, type EntryState, type HolderShare, type RestrictionKind } from './register';

/**
 * 登簿: what a registered case writes in the register, by registration type, and 登簿退回: undoing
 * exactly that. Called inside the transaction that appends the `registered` change. The effects are
 * stored with the registration (table `registrations`), so an undo restores the register as it was.
 *
 * The type is the submission's `registrationType` (the catalogue's id, e.g. `seizureRelease` 解封,
 * `objectionCancellation` 异议注销, `preRegistrationCancellation`) when it sent one, else its
 * `businessType`; `rightType: "residence"` on a first registration writes a 居住权.
 */
export interface RegisterEffects {
  units: string[];
  insertedRights: number[];
  insertedRestrictions: number[];
  /** Entries this registration ended, with the state they had. */
  ended: Array<{ table: 'rights' | 'restrictions'; id: number; previous: EntryState }>;
  /** Each unit's registerVersion right after this registration (absent in rows written before it was kept). */
  versions?: Record<string, number>;
  /** E-certificates this registration set to 注销 (restored by 登簿退回). */
  cancelledECertificates?: string[];
}

export function registrationTypeOf(c: PlatformCase): string {
  const body = c.body as unknown as { registrationType?: unknown; rightType?: unknown };
  // A catalogue key names both parts (`first.residence`); a first-release id is the 登记类型 alone.
  const [keyRegistration, keyRight] = c.businessType.split('.');
  const registration = typeof body.registrationType === 'string' ? body.registrationType : keyRegistration;
  const right = typeof body.rightType === 'string' ? body.rightType : keyRight;
  if (right === 'residence' && registration === 'first') return 'residence';
  return registration;
}

/** Restrictions a registration type cancels (抵押注销, 解封, 异议注销, 预告注销). */
const CANCELS: Record<string, RestrictionKind> = {
  mortgageCancellation: 'mortgage',
  seizureRelease: 'seizure',
  objectionCancellation: 'objection',
  preRegistrationCancellation: 'preRegistration',
};
/** Restrictions a registration type writes. */
const WRITES: Record<string, RestrictionKind> = {
  mortgageFirst: 'mortgage',
  preRegistration: 'preRegistration',
  objection: 'objection',
  seizure: 'seizure',
  residence: 'residence',
};
const OWNERSHIP = new Set(['first', 'transfer', 'change', 'correction']);

export function applyRegistration(db: Db, c: PlatformCase, certificateNumbers: string[], registeredAt: string): RegisterEffects {
  const day = registeredAt.slice(0, 10);
  const type = registrationTypeOf(c);
  const holderParties = c.body.parties.filter((p) => p.role === 'holder');
  const holders = holderParties.map((p) => p.name);
  const shares: HolderShare[] = holderParties.map((p) => ({ name: p.name, idTail: p.idNumber.slice(-4), share: p.share }));
  const holderText = holders.join('、') || null;
  const number = certificateNumbers[0] ?? null;
  const effects: RegisterEffects = { units: [], insertedRights: [], insertedRestrictions: [], ended: [], versions: {} };
  const end = (table: 'rights' | 'restrictions', where: string, code: string, kind: string, state: EntryState): void => {
    const rows = db.prepare(`SELECT id, state FROM ${table} WHERE unit_code = ? AND kind = ? AND state IN ('current', 'provisional') ${where}`).all(code, kind) as Array<{
      id: number;
      state: EntryState;
    }>;
    for (const row of rows) {
      db.prepare(`UPDATE ${table} SET state = ?, ended_at = ?, ended_by = ? WHERE id = ?`).run(state, day, c.caseNumber, row.id);
      effects.ended.push({ table, id: row.id, previous: row.state });
    }
  };
  for (const unit of c.body.units) {
    insertUnit(db, unit);
    const code = unit.unitCode;
    effects.units.push(code);
    if (OWNERSHIP.has(type)) {
      end('rights', '', code, 'ownership', 'historic');
      // 预告 converts into the ownership it secured when the transfer is registered.
      if (type === 'transfer' || type === 'first') end('restrictions', '', code, 'preRegistration', 'terminated');
      const base = { kind: 'ownership', registeredAt: day, coOwnership: c.body.coOwnership, caseNumber: c.caseNumber };
      // 按份共有: each holder has a certificate of their own; otherwise one certificate names all holders.
      if (c.body.coOwnership === 'shares' && certificateNumbers.length === holders.length && holders.length > 1) {
        holderParties.forEach((p, i) =>
          effects.insertedRights.push(insertRight(db, code, { ...base, holders: [p.name], holderShares: [shares[i]], certificateNumber: certificateNumbers[i] })),
        );
      } else {
        effects.insertedRights.push(insertRight(db, code, { ...base, holders, holderShares: shares, certificateNumber: number }));
      }
    } else if (type === 'cancellation') {
      end('rights', '', code, 'ownership', 'terminated');
    } else if (type === 'easement') {
      effects.insertedRights.push(insertRight(db, code, { kind: 'easement', holders, holderShares: shares, certificateNumber: number, registeredAt: day, caseNumber: c.caseNumber }));
    } else if (CANCELS[type]) {
      const named = (c.body as unknown as { cancelsRestrictionIds?: unknown }).cancelsRestrictionIds;
      const ids = Array.isArray(named) ? named.filter((n): n is number => Number.isInteger(n)) : [];
      end('restrictions', ids.length > 0 ? `AND id IN (${ids.join(',')})` : '', code, CANCELS[type], 'terminated');
    } else if (WRITES[type]) {
      const note = number && `不动产登记证明 ${number}`;
      effects.insertedRestrictions.push(insertRestriction(db, code, { kind: WRITES[type], holder: holderText, since: day, until: null, note, caseNumber: c.caseNumber }));
    }
    // mortgageChange and anything newer change no entry the stand-in shows; the version still moves.
    bumpRegisterVersion(db, code);
    effects.versions![code] = registerVersionOf(db, code)!;
  }
  effects.cancelledECertificates = cancelSuperseded(db, c.caseNumber, effects, registeredAt);
  db.prepare('INSERT INTO registrations (case_number, registered_at, certificate_numbers, effects) VALUES (?, ?, ?, ?)').run(
    c.caseNumber,
    registeredAt,
    JSON.stringify(certificateNumbers),
    JSON.stringify(effects),
  );
  return effects;
}

interface RegistrationRow {
  seq: number;
  certificate_numbers: string;
  effects: string;
}

function lastRegistration(db: Db, caseNumber: string): RegistrationRow | undefined {
  return db.prepare('SELECT seq, certificate_numbers, effects FROM registrations WHERE case_number = ? AND undone_at IS NULL ORDER BY seq DESC LIMIT 1').get(caseNumber) as
    | RegistrationRow
    | undefined;
}

/**
 * The units whose register changed after the case's last registration in a way still in force: a
 * later 登簿 of another case, or a restriction written meanwhile (a court's 查封). Undoing then would
 * restore entries over the later ones (two 现势 owners), so 登簿退回 is refused. A later registration
 * that was itself undone moved the version twice and left the register as it was, so it does not count.
 */
export function changedSinceRegistration(db: Db, caseNumber: string): Array<{ unitCode: string; registered: number | null; now: number | null }> {
  const row = lastRegistration(db, caseNumber);
  if (!row) return [];
  const effects = JSON.parse(row.effects) as RegisterEffects;
  const later = db.prepare('SELECT effects, undone_at FROM registrations WHERE seq > ? AND case_number <> ?').all(row.seq, caseNumber) as Array<{ effects: string; undone_at: string | null }>;
  const laterOf = (code: string) => later.filter((l) => (JSON.parse(l.effects) as RegisterEffects).units.includes(code));
  return effects.units
    .map((code) => ({ unitCode: code, registered: effects.versions?.[code] ?? null, now: registerVersionOf(db, code), later: laterOf(code) }))
    .filter((u) =>
      u.registered === null
        ? u.later.some((l) => l.undone_at === null) // rows from before versions were kept: later 登簿 in force only
        : u.now !== u.registered + 2 * u.later.filter((l) => l.undone_at !== null).length,
    )
    .map(({ unitCode, registered, now }) => ({ unitCode, registered, now }));
}

/** 登簿退回: removes what the case's last registration wrote and restores what it ended. */
export function undoRegistration(db: Db, caseNumber: string, at: string): { certificateNumbers: string[] } | null {
  const row = lastRegistration(db, caseNumber);
  if (!row) return null;
  const effects = JSON.parse(row.effects) as RegisterEffects;
  for (const id of effects.insertedRights) db.prepare('DELETE FROM rights WHERE id = ?').run(id);
  for (const id of effects.insertedRestrictions) db.prepare('DELETE FROM restrictions WHERE id = ?').run(id);
  for (const e of effects.ended) db.prepare(`UPDATE ${e.table} SET state = ?, ended_at = NULL, ended_by = NULL WHERE id = ?`).run(e.previous, e.id);
  for (const code of effects.units) bumpRegisterVersion(db, code);
  undoECertificates(db, caseNumber, effects.cancelledECertificates ?? [], at);
  db.prepare('UPDATE registrations SET undone_at = ? WHERE seq = ?').run(at, row.seq);
  return { certificateNumbers: JSON.parse(row.certificate_numbers) as string[] };
}
