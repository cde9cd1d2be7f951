import { z } from 'zod';
import { method } from '../define';
import type { Role } from '../roles';
import { empty, okOutput } from './shared';

/** Everyone who works on cases may watch the queue; dead letters are a supervisor's decision. */
const STAFF: readonly Role[] = ['clerk', 'reviewer', 'registrar', 'supervisor', 'admin'];
const SUPERVISORS: readonly Role[] = ['supervisor', 'admin'];

export const platformStateSchema = z.enum(['not_configured', 'online', 'offline']);

/** The platform link as the top bar shows it. */
export const platformStatusSchema = z.object({
  state: platformStateSchema,
  /** One sentence for the tooltip: why offline (refused certificate, timeout, …) or where we are connected. */
  detail: z.string(),
  /** Commands waiting to be sent (pending, not dead). */
  queued: z.number().int(),
  /** When the oldest of them was written (ISO), so the bar can say “最早 12 分钟前”. */
  oldestQueuedAt: z.string().nullable(),
  deadLetters: z.number().int(),
});
export type PlatformStatus = z.infer<typeof platformStatusSchema>;

export const outboxKindSchema = z.enum(['case.submit', 'case.withdraw', 'review.decide', 'case.supplement', 'case.issue', 'case.issueShipped', 'case.issueDelivered', 'certificate.printed', 'ecertificate.upload']);
export const outboxStateSchema = z.enum(['pending', 'done', 'dead', 'cancelled']);

export const outboxEntrySchema = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  caseNumber: z.string().nullable(),
  kind: outboxKindSchema,
  state: outboxStateSchema,
  attempts: z.number().int(),
  createdAt: z.string(),
  nextAttemptAt: z.string().nullable(),
  sentAt: z.string().nullable(),
  /** The last failure, in Chinese, for people (e.g. “平台拒绝：案件编号重复”). */
  lastError: z.string().nullable(),
  /** The HTTP status or transport code of the last failure (e.g. 422, ECONNRESET). */
  lastErrorCode: z.string().nullable(),
});
export type OutboxEntry = z.infer<typeof outboxEntrySchema>;

export const uploadProgressSchema = z.object({
  hash: z.string(),
  caseNumber: z.string().nullable(),
  fileName: z.string().nullable(),
  bytes: z.number().int(),
  sent: z.number().int(),
  state: z.enum(['waiting', 'uploading', 'done', 'failed']),
});

export const syncMethods = {
  'sync.status': method({
    description: 'The platform link, the outbox counts, uploads in progress and the feed position',
    input: empty,
    output: z.object({
      platform: platformStatusSchema,
      url: z.string().nullable(),
      lastContactAt: z.string().nullable(),
      lastPullAt: z.string().nullable(),
      /** Commands delivered since this workstation started. */
      sentSinceStart: z.number().int(),
      uploads: z.array(uploadProgressSchema),
    }),
    access: STAFF,
    passive: true,
  }),
  'sync.queue': method({
    description: 'Outbox commands by state (pending, dead letters, done, cancelled), newest first',
    input: z
      .object({
        state: outboxStateSchema.default('pending'),
        limit: z.number().int().min(1).max(200).default(50),
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
    output: z.object({ total: z.number().int(), rows: z.array(outboxEntrySchema) }),
    access: STAFF,
    passive: true,
  }),
  'sync.now': method({
    description: 'Try the platform now (skip the back-off wait of every pending command)',
    input: empty,
    output: okOutput,
    access: STAFF,
  }),
  'sync.resend': method({
    description: 'Put a dead letter back in the queue to be sent again (same idempotency key); audited',
    input: z.object({ id: z.number().int().positive() }).strict(),
    output: outboxEntrySchema,
    access: SUPERVISORS,
  }),
  'sync.cancel': method({
    description: 'Give up a dead letter with a reason (the case stays local only); audited',
    input: z.object({ id: z.number().int().positive(), reason: z.string().trim().min(2).max(200) }).strict(),
    output: outboxEntrySchema,
    access: SUPERVISORS,
  }),
  'sync.platformUnit': method({
    description: "A unit's current rights and restrictions from the provincial register (cached for offline use); audited",
    input: z.object({ unitCode: z.string().trim().min(28).max(40) }).strict(),
    output: z
      .object({
        source: z.enum(['platform', 'cache']),
        fetchedAt: z.string(),
        unitCode: z.string(),
        address: z.string(),
        use: z.enum(['residential', 'nonResidential', 'parking']),
        areaM2: z.number().nullable(),
        rights: z.array(z.object({ kind: z.string(), holders: z.array(z.string()), certificateNumber: z.string().nullable(), registeredAt: z.string().nullable() })),
        restrictions: z.array(
          z.object({ kind: z.enum(['mortgage', 'seizure', 'objection', 'preRegistration']), holder: z.string().nullable(), since: z.string().nullable(), until: z.string().nullable(), note: z.string().nullable() }),
        ),
      })
      .nullable(),
    access: STAFF,
  }),
};
