import { SEALED, type PersonalDataKeys } from '../crypto/personal-data';
import type { Db } from '../store/database';
import type { CertificateFacts, CertificateKind } from './certificate-facts';
import type { RegisterAnswer } from './certificate-facts-builder';

/**
 * The e-certificates of this desk's 登簿 (migration 0011). A row exists from the 登簿's own
 * transaction on (`pending`); producing fills it (`produced`); a 登簿退回 voids what was not produced.
 * `state` is the platform's 现势/注销 once it answered or its feed told.
 */
export type ECertificateProduction = 'pending' | 'produced' | 'voided';
export type ECertificateState = '现势' | '注销';

export interface ECertificateRow {
  id: number;
  officeCaseId: number;
  number: string;
  kind: CertificateKind;
  identifier: string | null;
  production: ECertificateProduction;
  state: ECertificateState | null;
  stateAt: string | null;
  ofdHash: string | null;
  pdfHash: string | null;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  createdAt: string;
  producedAt: string | null;
}

interface Row {
  id: number;
  office_case_id: number;
  number: string;
  kind: CertificateKind;
  identifier: string | null;
  production: ECertificateProduction;
  state: ECertificateState | null;
  state_at: string | null;
  ofd_hash: string | null;
  pdf_hash: string | null;
  attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  created_at: string;
  produced_at: string | null;
}

const COLUMNS = 'id, office_case_id, number, kind, identifier, production, state, state_at, ofd_hash, pdf_hash, attempts, next_attempt_at, last_error, created_at, produced_at';

function toRow(r: Row): ECertificateRow {
  return {
    id: r.id,
    officeCaseId: r.office_case_id,
    number: r.number,
    kind: r.kind,
    identifier: r.identifier,
    production: r.production,
    state: r.state,
    stateAt: r.state_at,
    ofdHash: r.ofd_hash,
    pdfHash: r.pdf_hash,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    lastError: r.last_error,
    createdAt: r.created_at,
    producedAt: r.produced_at,
  };
}

export const eCertificates = {
  /** One pending row per number, inside the 登簿's transaction. */
  insertPending(db: Db, keys: PersonalDataKeys, c: { officeCaseId: number; number: string; kind: CertificateKind; answer: RegisterAnswer }, now: Date): number {
    const info = db
      .prepare("INSERT INTO e_certificates (office_case_id, number, kind, production, answer_sealed, created_at) VALUES (?, ?, ?, 'pending', ?, ?) ON CONFLICT(number) DO NOTHING")
      .run(c.officeCaseId, c.number, c.kind, keys.seal(SEALED.eCertificateAnswer, JSON.stringify(c.answer)), now.toISOString());
    return Number(info.lastInsertRowid);
  },

  byId(db: Db, id: number): ECertificateRow | undefined {
    const r = db.prepare(`SELECT ${COLUMNS} FROM e_certificates WHERE id = ?`).get(id) as Row | undefined;
    return r ? toRow(r) : undefined;
  },

  byIdentifier(db: Db, identifier: string): ECertificateRow | undefined {
    const r = db.prepare(`SELECT ${COLUMNS} FROM e_certificates WHERE identifier = ?`).get(identifier) as Row | undefined;
    return r ? toRow(r) : undefined;
  },

  list(db: Db, officeCaseId?: number): ECertificateRow[] {
    const rows =
      officeCaseId === undefined
        ? (db.prepare(`SELECT ${COLUMNS} FROM e_certificates ORDER BY id DESC LIMIT 500`).all() as Row[])
        : (db.prepare(`SELECT ${COLUMNS} FROM e_certificates WHERE office_case_id = ? ORDER BY id`).all(officeCaseId) as Row[]);
    return rows.map(toRow);
  },

  /** Pending rows due now (never tried, or their back-off passed). */
  due(db: Db, nowIso: string, limit = 20): ECertificateRow[] {
    const rows = db
      .prepare(`SELECT ${COLUMNS} FROM e_certificates WHERE production = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= ?) ORDER BY id LIMIT ?`)
      .all(nowIso, limit) as Row[];
    return rows.map(toRow);
  },

  answer(db: Db, keys: PersonalDataKeys, id: number): RegisterAnswer {
    const r = db.prepare('SELECT answer_sealed FROM e_certificates WHERE id = ?').get(id) as { answer_sealed: Buffer };
    return JSON.parse(keys.openText(SEALED.eCertificateAnswer, r.answer_sealed)) as RegisterAnswer;
  },

  facts(db: Db, keys: PersonalDataKeys, id: number): CertificateFacts | null {
    const r = db.prepare('SELECT facts_sealed FROM e_certificates WHERE id = ?').get(id) as { facts_sealed: Buffer | null } | undefined;
    return r?.facts_sealed ? (JSON.parse(keys.openText(SEALED.eCertificateFacts, r.facts_sealed)) as CertificateFacts) : null;
  },

  /** Returns false when the row was no longer pending (voided meanwhile: nothing is written). */
  markProduced(db: Db, keys: PersonalDataKeys, id: number, p: { identifier: string; facts: CertificateFacts; ofdHash: string; pdfHash: string }, now: Date): boolean {
    const info = db
      .prepare(
        "UPDATE e_certificates SET production = 'produced', identifier = ?, facts_sealed = ?, ofd_hash = ?, pdf_hash = ?, produced_at = ?, attempts = attempts + 1, next_attempt_at = NULL, last_error = NULL WHERE id = ? AND production = 'pending'",
      )
      .run(p.identifier, keys.seal(SEALED.eCertificateFacts, JSON.stringify(p.facts)), p.ofdHash, p.pdfHash, now.toISOString(), id);
    return info.changes > 0;
  },

  markFailed(db: Db, id: number, error: string, nextAttemptAt: string): void {
    db.prepare("UPDATE e_certificates SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ? AND production = 'pending'").run(error, nextAttemptAt, id);
  },

  /** 登簿退回: what was not produced is never produced; what was is 注销 (the platform does the same). */
  voidOfCase(db: Db, officeCaseId: number, now: Date): void {
    db.prepare("UPDATE e_certificates SET production = 'voided', next_attempt_at = NULL WHERE office_case_id = ? AND production = 'pending'").run(officeCaseId);
    db.prepare("UPDATE e_certificates SET state = '注销', state_at = ? WHERE office_case_id = ? AND production = 'produced'").run(now.toISOString(), officeCaseId);
  },

  setState(db: Db, identifier: string, state: ECertificateState, at: string): boolean {
    return db.prepare('UPDATE e_certificates SET state = ?, state_at = ? WHERE identifier = ? AND (state_at IS NULL OR state_at <= ?)').run(state, at, identifier, at).changes > 0;
  },
};
