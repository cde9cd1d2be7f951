import type { IssuanceMethod, IssuanceState, IssuanceView } from '../../contract';
import { SEALED, type PersonalDataKeys } from '../crypto/personal-data';
import type { Db } from '../store/database';

/** The personal data of an issuance, sealed at rest (migration 0013). */
export interface IssuancePersonal {
  collectorIdNumber?: string;
  address?: string;
  phone?: string;
}

export interface IssuanceRow {
  id: number;
  officeCaseId: number;
  method: IssuanceMethod;
  state: IssuanceState;
  at: string;
  actor: string;
  actorName: string;
  workstation: string;
  collectorRole: 'holder' | 'agent' | null;
  collectorName: string | null;
  collectorIdMasked: string | null;
  recipientName: string | null;
  addressMasked: string | null;
  phoneMasked: string | null;
  carrier: 'ems' | 'sf' | null;
  waybill: string | null;
  signatureBlob: string | null;
  powerOfAttorneyBlob: string | null;
  documentBlob: string | null;
  local: boolean;
}

export type NewIssuance = Omit<IssuanceRow, 'id' | 'local' | 'documentBlob'> & { personal: IssuancePersonal | null; local: boolean };

const COLUMNS = `id, office_case_id AS officeCaseId, method, state, at, actor, actor_name AS actorName, workstation, collector_role AS collectorRole,
  collector_name AS collectorName, collector_id_masked AS collectorIdMasked, recipient_name AS recipientName, address_masked AS addressMasked,
  phone_masked AS phoneMasked, carrier, waybill, signature_blob AS signatureBlob, power_of_attorney_blob AS powerOfAttorneyBlob,
  document_blob AS documentBlob, local`;

export const issuances = {
  byOfficeCase(db: Db, officeCaseId: number): IssuanceRow | undefined {
    const r = db.prepare(`SELECT ${COLUMNS} FROM issuances WHERE office_case_id = ?`).get(officeCaseId) as (Omit<IssuanceRow, 'local'> & { local: number }) | undefined;
    return r ? { ...r, local: r.local === 1 } : undefined;
  },

  personal(db: Db, keys: PersonalDataKeys, id: number): IssuancePersonal | null {
    const r = db.prepare('SELECT personal_sealed FROM issuances WHERE id = ?').get(id) as { personal_sealed: Buffer | null } | undefined;
    return r?.personal_sealed ? (JSON.parse(keys.openText(SEALED.issuancePersonal, r.personal_sealed)) as IssuancePersonal) : null;
  },

  insert(db: Db, keys: PersonalDataKeys | null, n: NewIssuance, now: Date): number {
    if (n.personal && !keys) throw new Error('issuance personal data needs the data keys');
    const info = db
      .prepare(
        `INSERT INTO issuances (office_case_id, method, state, at, actor, actor_name, workstation, collector_role, collector_name, collector_id_masked,
           recipient_name, address_masked, phone_masked, carrier, waybill, personal_sealed, signature_blob, power_of_attorney_blob, local, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        n.officeCaseId,
        n.method,
        n.state,
        n.at,
        n.actor,
        n.actorName,
        n.workstation,
        n.collectorRole,
        n.collectorName,
        n.collectorIdMasked,
        n.recipientName,
        n.addressMasked,
        n.phoneMasked,
        n.carrier,
        n.waybill,
        n.personal && keys ? keys.seal(SEALED.issuancePersonal, JSON.stringify(n.personal)) : null,
        n.signatureBlob,
        n.powerOfAttorneyBlob,
        n.local ? 1 : 0,
        now.toISOString(),
      );
    return Number(info.lastInsertRowid);
  },

  /** A state change decided in one conditional UPDATE: false when the row was not in `from`. */
  moveState(db: Db, id: number, from: IssuanceState, to: IssuanceState, now: Date, shipping?: { carrier: 'ems' | 'sf'; waybill: string }): boolean {
    const info = db
      .prepare('UPDATE issuances SET state = ?, carrier = coalesce(?, carrier), waybill = coalesce(?, waybill), updated_at = ? WHERE id = ? AND state = ?')
      .run(to, shipping?.carrier ?? null, shipping?.waybill ?? null, now.toISOString(), id, from);
    return info.changes === 1;
  },

  setDocument(db: Db, id: number, blob: string): void {
    db.prepare('UPDATE issuances SET document_blob = ? WHERE id = ?').run(blob, id);
  },

  addEvent(db: Db, id: number, e: { at: string; state: IssuanceState; actorName: string; detail?: string | null }): void {
    db.prepare('INSERT INTO issuance_events (issuance_id, at, state, actor_name, detail) VALUES (?, ?, ?, ?, ?)').run(id, e.at, e.state, e.actorName, e.detail ?? null);
  },

  events(db: Db, id: number): IssuanceView['events'] {
    return db.prepare('SELECT at, state, actor_name AS actorName, detail FROM issuance_events WHERE issuance_id = ? ORDER BY id').all(id) as IssuanceView['events'];
  },

  /** Whether a command of this issuance still waits in the outbox. */
  pending(db: Db, officeCaseId: number): boolean {
    return (
      db.prepare("SELECT 1 FROM outbox WHERE office_case_id = ? AND kind LIKE 'case.issue%' AND state IN ('pending','dead') LIMIT 1").get(officeCaseId) !== undefined
    );
  },
};

/** What the platform's `office.case` says was printed (cert-paper's `printed` list); null: it does not say. */
export const printedCertificates = {
  of(db: Db, officeCaseId: number): Array<{ number: string; formSerial: string | null; at: string | null }> | null {
    const r = db.prepare('SELECT printed FROM office_case_printed WHERE office_case_id = ?').get(officeCaseId) as { printed: string } | undefined;
    return r ? (JSON.parse(r.printed) as Array<{ number: string; formSerial: string | null; at: string | null }>) : null;
  },

  set(db: Db, officeCaseId: number, printed: Array<{ number: string; formSerial: string | null; at: string | null }>): void {
    db.prepare('INSERT INTO office_case_printed (office_case_id, printed) VALUES (?, ?) ON CONFLICT(office_case_id) DO UPDATE SET printed = excluded.printed').run(
      officeCaseId,
      JSON.stringify(printed),
    );
  },
};
