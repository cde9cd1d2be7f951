import type { Db } from '../store/database';
import type { DataKeyRing } from './data-keys';

/**
 * Personal data at rest (DOMAIN.md §8): which columns are sealed, under which stable `where` label
 * (the SM4-GCM associated data, so a value copied to another column does not open), and how the
 * exact-match lookup tags are computed. The labels never change: stored values depend on them.
 */
export const SEALED = {
  partyIdNumber: 'case_parties.id_number',
  partyPhone: 'case_parties.phone',
  outboxBody: 'outbox.body',
  /** An organisation's 法定代表人 / 负责人 ID number (migration 0008). */
  legalRepIdNumber: 'case_parties.legal_rep_id_number',
  /** The phone of the person who receives a certificate by post (migration 0008). */
  collectionPhone: 'cases.collection_phone',
  /** An office case's application as the platform's feed gave it (migration 0010). */
  officeCaseBody: 'office_cases.body',
  /** 发证: the collector's ID number, the courier address and phone (migration 0013). */
  issuancePersonal: 'issuances.personal',
  /** An e-certificate's facts (full ID numbers) and the 登簿 answer they are built from (migration 0011). */
  eCertificateFacts: 'e_certificates.facts',
  eCertificateAnswer: 'e_certificates.answer',
} as const;

/** The key ring operations personal-data code needs (a DataKeyRing in production). */
export type PersonalDataKeys = Pick<DataKeyRing, 'seal' | 'open' | 'openText' | 'lookupTag' | 'keyIdOf' | 'currentKeyId'>;

/** ID numbers are compared upper-case without surrounding blanks (a trailing x is an X). */
export function normaliseIdNumber(idNumber: string): string {
  return idNumber.trim().toUpperCase();
}

/** Phones are compared without blanks and dashes ("0731-8400 1234" = "073184001234"). */
export function normalisePhone(phone: string): string {
  return phone.replace(/[\s-]/g, '');
}

/** The HMAC-SM3 lookup tag of an ID number ("which parties have this ID number"). */
export function idNumberTag(keys: PersonalDataKeys, idNumber: string): string {
  return keys.lookupTag(SEALED.partyIdNumber, normaliseIdNumber(idNumber));
}

export function phoneTag(keys: PersonalDataKeys, phone: string): string {
  return keys.lookupTag(SEALED.partyPhone, normalisePhone(phone));
}

/** The sealed columns of one party row. */
export interface SealedPartyColumns {
  id_number_sealed: Buffer;
  id_number_tag: string;
  phone_sealed: Buffer | null;
  phone_tag: string | null;
}

export function sealParty(keys: PersonalDataKeys, p: { idNumber: string; phone: string | null }): SealedPartyColumns {
  return {
    id_number_sealed: keys.seal(SEALED.partyIdNumber, p.idNumber),
    id_number_tag: idNumberTag(keys, p.idNumber),
    phone_sealed: p.phone === null ? null : keys.seal(SEALED.partyPhone, p.phone),
    phone_tag: p.phone === null ? null : phoneTag(keys, p.phone),
  };
}

export function openParty(keys: PersonalDataKeys, row: { id_number_sealed: Uint8Array; phone_sealed: Uint8Array | null }): { idNumber: string; phone: string | null } {
  return {
    idNumber: keys.openText(SEALED.partyIdNumber, row.id_number_sealed),
    phone: row.phone_sealed === null ? null : keys.openText(SEALED.partyPhone, row.phone_sealed),
  };
}

/**
 * Re-seals every sealed column whose key is not the current one and recomputes every lookup tag
 * (tags are keyed by the current MAC key), in one transaction. Returns how many values changed.
 * Used by key rotation; safe to run again after a crash (already re-sealed values are skipped,
 * tags are recomputed from the plaintext).
 */
export function resealDatabase(db: Db, keys: PersonalDataKeys): { parties: number; outbox: number } {
  const current = keys.currentKeyId;
  let parties = 0;
  let outbox = 0;
  db.transaction(() => {
    const rows = db.prepare('SELECT id, id_number_sealed, phone_sealed, id_number_tag, phone_tag FROM case_parties').all() as Array<{
      id: number;
      id_number_sealed: Buffer;
      phone_sealed: Buffer | null;
      id_number_tag: string;
      phone_tag: string | null;
    }>;
    const update = db.prepare('UPDATE case_parties SET id_number_sealed = ?, id_number_tag = ?, phone_sealed = ?, phone_tag = ? WHERE id = ?');
    for (const r of rows) {
      const plain = openParty(keys, r);
      const stale = keys.keyIdOf(r.id_number_sealed) !== current || (r.phone_sealed !== null && keys.keyIdOf(r.phone_sealed) !== current);
      const tags = { id: idNumberTag(keys, plain.idNumber), phone: plain.phone === null ? null : phoneTag(keys, plain.phone) };
      if (!stale && tags.id === r.id_number_tag && tags.phone === r.phone_tag) continue;
      const sealed = stale ? sealParty(keys, plain) : { ...r, id_number_tag: tags.id, phone_tag: tags.phone };
      update.run(sealed.id_number_sealed, sealed.id_number_tag, sealed.phone_sealed, sealed.phone_tag, r.id);
      parties++;
    }
    const bodies = db.prepare('SELECT id, body_sealed FROM outbox').all() as Array<{ id: number; body_sealed: Buffer }>;
    const updateBody = db.prepare('UPDATE outbox SET body_sealed = ? WHERE id = ?');
    for (const r of bodies) {
      if (keys.keyIdOf(r.body_sealed) === current) continue;
      // The exact bytes: a command retried after rotation must send what it sent before.
      updateBody.run(keys.seal(SEALED.outboxBody, keys.open(SEALED.outboxBody, r.body_sealed)), r.id);
      outbox++;
    }
    // Sealed values without lookup tags (case model v2): re-sealed under the current key.
    for (const c of SEALED_ONLY_COLUMNS) {
      if (!tableHasColumn(db, c.table, c.column)) continue;
      const sealedRows = db.prepare(`SELECT id, ${c.column} AS v FROM ${c.table} WHERE ${c.column} IS NOT NULL`).all() as Array<{ id: number; v: Buffer }>;
      const updateValue = db.prepare(`UPDATE ${c.table} SET ${c.column} = ? WHERE id = ?`);
      for (const r of sealedRows) {
        if (keys.keyIdOf(r.v) === current) continue;
        updateValue.run(keys.seal(c.where, keys.open(c.where, r.v)), r.id);
        parties++;
      }
    }
  })();
  return { parties, outbox };
}

/** Every key id still used by a sealed value in the database (rotation retires the others). */
export function keyIdsInDatabase(db: Db, keys: Pick<DataKeyRing, 'keyIdOf'>): Set<string> {
  const used = new Set<string>();
  const add = (v: Uint8Array | null) => {
    if (v) used.add(keys.keyIdOf(v));
  };
  const hasColumn = (table: string, column: string) => tableHasColumn(db, table, column);
  for (const c of SEALED_ONLY_COLUMNS) {
    if (!hasColumn(c.table, c.column)) continue;
    for (const r of db.prepare(`SELECT ${c.column} AS v FROM ${c.table} WHERE ${c.column} IS NOT NULL`).iterate() as Iterable<{ v: Buffer }>) add(r.v);
  }
  if (hasColumn('case_parties', 'id_number_sealed')) {
    for (const r of db.prepare('SELECT id_number_sealed, phone_sealed FROM case_parties').iterate() as Iterable<{ id_number_sealed: Buffer; phone_sealed: Buffer | null }>) {
      add(r.id_number_sealed);
      add(r.phone_sealed);
    }
  }
  if (hasColumn('outbox', 'body_sealed')) {
    for (const r of db.prepare('SELECT body_sealed FROM outbox').iterate() as Iterable<{ body_sealed: Buffer }>) add(r.body_sealed);
  }
  return used;
}

/** Sealed columns without a lookup tag, by table (key rotation re-seals them). */
const SEALED_ONLY_COLUMNS = [
  { table: 'case_parties', column: 'legal_rep_id_sealed', where: SEALED.legalRepIdNumber },
  { table: 'cases', column: 'collection_phone_sealed', where: SEALED.collectionPhone },
  { table: 'office_cases', column: 'body_sealed', where: SEALED.officeCaseBody },
  { table: 'issuances', column: 'personal_sealed', where: SEALED.issuancePersonal },
  { table: 'e_certificates', column: 'facts_sealed', where: SEALED.eCertificateFacts },
  { table: 'e_certificates', column: 'answer_sealed', where: SEALED.eCertificateAnswer },
] as const;

function tableHasColumn(db: Db, table: string, column: string): boolean {
  return (db.prepare(`SELECT 1 FROM pragma_table_info(?) WHERE name = ?`).get(table, column) as unknown) !== undefined;
}
