import { maskFreeText } from '../../../contract/validation/free-text';
import type { Migration } from './migration';

/**
 * Two hardening steps of issue #16 in one version: the audit log gets its `mac` column (the keyed
 * chain, audit-key.ts), and free text typed before the contract masked it (validation/free-text.ts) may hold full ID numbers
 * and phones: unit addresses, status reasons (requisition, rejection, withdrawal, the platform's),
 * fee-override reasons, and the search index's copy of the addresses. They are masked here, in
 * place, and the old bytes leave the file and the WAL after the commit (VACUUM; secure_delete is
 * on). Outbox bodies are sealed at rest already and are sent as they were accepted.
 *
 * The audit log is not rewritten: it is append-only and chained (each record's hash covers the
 * previous one), so a masked past record would break the chain by design — which is the point of
 * the chain. Records written from this version on carry masked text (the contract masks before
 * the handler runs); older records keep what was typed. README → Security says so.
 */
export const migration0009: Migration = {
  version: 9,
  name: 'mask-free-text',
  up(db) {
    db.function('bdc_mask_free_text', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? maskFreeText(text) : text));
    db.exec(`
      UPDATE case_units SET address = bdc_mask_free_text(address) WHERE address <> bdc_mask_free_text(address);
      UPDATE cases SET status_reason = bdc_mask_free_text(status_reason) WHERE status_reason <> bdc_mask_free_text(status_reason);
      UPDATE cases SET fee_override_reason = bdc_mask_free_text(fee_override_reason) WHERE fee_override_reason <> bdc_mask_free_text(fee_override_reason);
      UPDATE case_search SET addresses = bdc_mask_free_text(addresses) WHERE addresses <> bdc_mask_free_text(addresses);

      -- The keyed audit chain (audit-key.ts): each record's HMAC-SM3 under a key kept outside this file.
      ALTER TABLE audit_log ADD COLUMN mac TEXT;
    `);
  },
  afterCommit(db) {
    db.exec('VACUUM');
    db.pragma('wal_checkpoint(TRUNCATE)');
  },
};
