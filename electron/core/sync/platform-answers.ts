import { z } from 'zod';

/**
 * The platform's answers as test/platform/API.md specifies them. Every answer is parsed with these
 * before it is used: the platform is another system on another network, and a malformed answer
 * must become a clear, retried error rather than a crash or a wrong write.
 */
const sm3Hash = z.string().regex(/^[0-9a-f]{64}$/);

export const errorAnswerSchema = z.object({ error: z.object({ code: z.string().min(1), message: z.string() }) });

/** POST /audit-records: how many were new, and the highest seq the platform holds for us. */
export const auditAnswerSchema = z.object({ stored: z.number().int().min(0), highestSeq: z.number().int().min(0).nullable() });
export const auditReceiptSchema = z.object({ highestSeq: z.number().int().min(1).nullable(), hash: z.string().regex(/^[0-9a-f]{64}$/).nullable() });
export type AuditReceipt = z.infer<typeof auditReceiptSchema>;

export const submitAnswerSchema = z.object({
  platformCaseId: z.string().min(1),
  receivedAt: z.string(),
  missingBlobs: z.array(sm3Hash),
});
export type SubmitAnswer = z.infer<typeof submitAnswerSchema>;

export const withdrawAnswerSchema = z.object({ caseNumber: z.string(), status: z.literal('withdrawn') });
export type WithdrawAnswer = z.infer<typeof withdrawAnswerSchema>;

export const healthAnswerSchema = z.object({ ok: z.literal(true), time: z.string() });

export const feedChangeSchema = z.object({
  cursor: z.string().min(1),
  caseNumber: z.string().min(1),
  kind: z.string().min(1),
  at: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export type FeedChange = z.infer<typeof feedChangeSchema>;

export const changesAnswerSchema = z.object({ changes: z.array(feedChangeSchema), cursor: z.string().nullable() });
export type ChangesAnswer = z.infer<typeof changesAnswerSchema>;

const nullableText = z.string().nullable().optional().transform((v) => v ?? null);

export const unitAnswerSchema = z.object({
  unitCode: z.string(),
  address: z.string(),
  use: z.enum(['residential', 'nonResidential', 'parking']),
  areaM2: z.number().nullable().optional().transform((v) => v ?? null),
  asOf: z.string().optional(),
  rights: z.array(z.object({ kind: z.string(), holders: z.array(z.string()), certificateNumber: nullableText, registeredAt: nullableText })),
  restrictions: z.array(
    z.object({ kind: z.enum(['mortgage', 'seizure', 'objection', 'preRegistration']), holder: nullableText, since: nullableText, until: nullableText, note: nullableText }),
  ),
});
export type UnitAnswer = z.infer<typeof unitAnswerSchema>;

/** The state of one file on the platform (HEAD /blobs/{hash}). */
export interface BlobState {
  offset: number;
  length: number | null;
  complete: boolean;
}

/** What became of one PATCH of a file's bytes. */
export type ChunkOutcome =
  | { kind: 'accepted'; offset: number; complete: boolean }
  | { kind: 'offsetMismatch'; offset: number | null }
  | { kind: 'hashMismatch' };
