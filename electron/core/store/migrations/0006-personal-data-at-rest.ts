import { SEALED, sealParty } from '../../crypto/personal-data';
import type { Migration } from './migration';

/**
 * Personal data at rest (DOMAIN.md §8): parties' ID numbers and phones, and the outbox bodies
 * (the full case as sent to the platform, ID numbers included), are SM4-GCM sealed with the data
 * keys; `*_tag` columns hold the HMAC-SM3 of the normalised value for exact-match lookup. Rows
 * already stored are sealed here, the plaintext columns are dropped (nothing indexes them), and
 * after the commit the file is rebuilt (VACUUM; secure_delete is on) and the WAL truncated, so
 * the old bytes leave both the database file and its WAL. Blob files are sealed at start, right
 * after the migrations (files are not part of the transaction): see `sealPlaintextBlobs`.
 */
export const migration0006: Migration = {
  version: 6,
  name: 'personal-data-at-rest',
  up(db, { keys }) {
    const parties = db.prepare('SELECT id, id_number, phone FROM case_parties').all() as Array<{ id: number; id_number: string; phone: string | null }>;
    const bodies = db.prepare('SELECT id, body FROM outbox').all() as Array<{ id: number; body: string }>;
    if ((parties.length > 0 || bodies.length > 0) && !keys) throw new Error('migration 6 needs the data keys to seal stored personal data');
    db.exec(`
      ALTER TABLE case_parties ADD COLUMN id_number_sealed BLOB;
      ALTER TABLE case_parties ADD COLUMN id_number_tag TEXT;
      ALTER TABLE case_parties ADD COLUMN phone_sealed BLOB;
      ALTER TABLE case_parties ADD COLUMN phone_tag TEXT;
      ALTER TABLE outbox ADD COLUMN body_sealed BLOB;
    `);
    if (keys) {
      const update = db.prepare('UPDATE case_parties SET id_number_sealed = ?, id_number_tag = ?, phone_sealed = ?, phone_tag = ? WHERE id = ?');
      for (const p of parties) {
        const s = sealParty(keys, { idNumber: p.id_number, phone: p.phone });
        update.run(s.id_number_sealed, s.id_number_tag, s.phone_sealed, s.phone_tag, p.id);
      }
      // The exact text, sealed: a command retried after the upgrade sends the same bytes.
      const updateBody = db.prepare('UPDATE outbox SET body_sealed = ? WHERE id = ?');
      for (const b of bodies) updateBody.run(keys.seal(SEALED.outboxBody, b.body), b.id);
    }
    db.exec(`
      ALTER TABLE case_parties DROP COLUMN id_number;
      ALTER TABLE case_parties DROP COLUMN phone;
      ALTER TABLE outbox DROP COLUMN body;
      CREATE INDEX case_parties_id_number_tag ON case_parties(id_number_tag);
      CREATE INDEX case_parties_phone_tag ON case_parties(phone_tag) WHERE phone_tag IS NOT NULL;
    `);
  },
  afterCommit(db) {
    db.exec('VACUUM');
    db.pragma('wal_checkpoint(TRUNCATE)');
  },
};
