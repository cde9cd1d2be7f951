import { z } from 'zod';
import { method } from '../define';

export const auditRecordSchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorId: z.number().int().nullable(),
  actor: z.string().nullable(),
  action: z.string(),
  object: z.string().nullable(),
  result: z.enum(['success', 'failure']),
  detail: z.record(z.string(), z.unknown()),
  hash: z.string(),
});
export type AuditRecordView = z.infer<typeof auditRecordSchema>;

export const auditVerificationSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBroken: z.object({ seq: z.number().int(), reason: z.string() }).nullable(),
  /** The keyed MACs (HMAC-SM3, key outside the database) were checked too. */
  keyed: z.boolean().optional(),
  /**
   * The chain compared with the platform's receipt (the anchor outside this machine): `matched` —
   * the record the platform holds last is in the log with the same hash; `mismatch` — the log is
   * shorter than the receipt or that record differs; `none` — the platform holds nothing yet;
   * `offline` — not compared (no platform, or it did not answer).
   */
  anchor: z
    .object({
      state: z.enum(['matched', 'mismatch', 'none', 'offline']),
      platformSeq: z.number().int().nullable(),
      reason: z.string().nullable(),
    })
    .optional(),
});
export type AuditVerification = z.infer<typeof auditVerificationSchema>;

export const auditMethods = {
  'audit.list': method({
    description: 'Audit records, newest first',
    input: z
      .object({
        limit: z.number().int().min(1).max(500).default(50),
        beforeSeq: z.number().int().positive().optional(),
        action: z.string().max(64).optional(),
        actor: z.string().max(64).optional(),
      })
      .strict(),
    output: z.object({ records: z.array(auditRecordSchema), total: z.number().int() }),
    access: ['admin'],
  }),
  'audit.verify': method({
    description: 'Check the SM3 hash chain; report the first broken record',
    input: z.object({}).strict(),
    output: auditVerificationSchema,
    access: ['admin'],
  }),
};
