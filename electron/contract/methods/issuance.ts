import { z } from 'zod';
import { method } from '../define';
import type { Role } from '../roles';
import { freeText } from '../validation/free-text';
import { CARRIERS } from '../validation/waybill';
import { reviewStageSchema } from './review';

/**
 * 发证 (issue #12 part 5): handing the registration result to the applicant at any counter of the
 * office (现场领取), by courier (邮寄) or as the e-certificate alone (仅电子证照). The counter knows
 * the office's registered cases from the platform's `office.case` feed (the office cache), so
 * `caseId` is the office cache's id, as in review. Issuing goes to the platform through the outbox
 * (works offline); the platform closes the case (stage `issued`).
 */

/** 发证 is the counter's and the supervisor's work (roles.ts: 缮证发证). */
export const ISSUERS: readonly Role[] = ['clerk', 'supervisor'];

export const ISSUANCE_METHODS = ['counter', 'courier', 'electronic'] as const;
export const issuanceMethodSchema = z.enum(ISSUANCE_METHODS);
export type IssuanceMethod = z.infer<typeof issuanceMethodSchema>;
export const ISSUANCE_METHOD_LABELS: Record<IssuanceMethod, string> = { counter: '现场领取', courier: '邮寄', electronic: '仅电子证照' };

/** `issued`: handed over (counter, e-only); a courier issuance goes 待寄出 → 已寄出 → 已签收. */
export const ISSUANCE_STATES = ['issued', 'toShip', 'shipped', 'delivered'] as const;
export const issuanceStateSchema = z.enum(ISSUANCE_STATES);
export type IssuanceState = z.infer<typeof issuanceStateSchema>;
export const ISSUANCE_STATE_LABELS: Record<IssuanceState, string> = { issued: '已发证', toShip: '待寄出', shipped: '已寄出', delivered: '已签收' };

export const carrierSchema = z.enum(CARRIERS);

/** Where the office cache says the case is: registered cases wait for 发证, issued ones are done. */
export const issuanceStageSchema = reviewStageSchema;

export const issuanceViewSchema = z.object({
  method: issuanceMethodSchema,
  state: issuanceStateSchema,
  at: z.string(),
  actorName: z.string(),
  workstation: z.string(),
  /** 现场领取: who collected (masked), as holder or agent. */
  collector: z.object({ role: z.enum(['holder', 'agent']), name: z.string(), idNumberMasked: z.string() }).nullable(),
  /** 邮寄: recipient, masked address and phone, carrier and waybill (once shipped). */
  courier: z
    .object({ recipient: z.string(), addressMasked: z.string(), phoneMasked: z.string(), carrier: carrierSchema.nullable(), waybill: z.string().nullable() })
    .nullable(),
  /** The archived 领证单 (counter). */
  documentBlob: z.string().nullable(),
  /** Still in this workstation's outbox (not yet on the platform). */
  pending: z.boolean(),
  /** Issued here, or learnt from the platform (another counter issued it). */
  local: z.boolean(),
  events: z.array(z.object({ at: z.string(), state: issuanceStateSchema, actorName: z.string(), detail: z.string().nullable() })),
});
export type IssuanceView = z.infer<typeof issuanceViewSchema>;

export const printedCertificateSchema = z.object({ number: z.string(), formSerial: z.string().nullable(), at: z.string().nullable() });

export const issuanceQueueItemSchema = z.object({
  caseId: z.number().int(),
  caseNumber: z.string(),
  officialNumber: z.string().nullable(),
  businessTypeLabel: z.string(),
  stage: issuanceStageSchema,
  /** Applicants' names (holders and obligors), masked (张*丰). */
  names: z.string(),
  addresses: z.string(),
  certificateNumbers: z.array(z.string()),
  workstation: z.string(),
  issuance: z.object({ method: issuanceMethodSchema, state: issuanceStateSchema, at: z.string() }).nullable(),
});
export type IssuanceQueueItem = z.infer<typeof issuanceQueueItemSchema>;

export const issuanceCaseSchema = z.object({
  caseId: z.number().int(),
  caseNumber: z.string(),
  officialNumber: z.string().nullable(),
  businessTypeLabel: z.string(),
  stage: issuanceStageSchema,
  workstation: z.string(),
  holders: z.array(z.object({ ordinal: z.number().int(), name: z.string(), idNumberMasked: z.string() })),
  units: z.array(z.object({ unitCode: z.string(), address: z.string() })),
  certificateNumbers: z.array(z.string()),
  /** What the platform says was printed; null: the platform's `office.case` does not say. */
  printed: z.array(printedCertificateSchema).nullable(),
  /** A paper certificate is handed over (counter, courier) for this case in this office. */
  paperNeeded: z.boolean(),
  /** Why each method cannot be used now (null: it can). */
  blockedBy: z.record(issuanceMethodSchema, z.string().nullable()),
  issuance: issuanceViewSchema.nullable(),
});
export type IssuanceCase = z.infer<typeof issuanceCaseSchema>;

const caseRef = z.object({ caseId: z.number().int().positive() }).strict();
const cardToken = z.string().min(8).max(64);

const powerOfAttorneySchema = z
  .object({
    fileName: z.string().trim().min(1).max(120),
    mediaType: z.enum(['image/jpeg', 'image/png', 'application/pdf']),
    dataBase64: z.string().min(4).max(28_000_000),
  })
  .strict();

export const issueInputSchema = z.discriminatedUnion('method', [
  z
    .object({
      caseId: z.number().int().positive(),
      method: z.literal('counter'),
      cardToken,
      asAgent: z.boolean().default(false),
      /** 授权委托书, required when the collector is an agent. */
      powerOfAttorney: powerOfAttorneySchema.optional(),
      /** From issuance.captureSignature. */
      signatureId: z.string().regex(/^[0-9a-f]{64}$/),
    })
    .strict(),
  z
    .object({
      caseId: z.number().int().positive(),
      method: z.literal('courier'),
      recipient: freeText(z.string().trim().min(1).max(60)),
      address: freeText(z.string().trim().min(5).max(200)),
      phone: z.string().trim().min(1).max(30),
      carrier: carrierSchema.optional(),
      waybill: z.string().trim().max(40).optional(),
    })
    .strict(),
  z.object({ caseId: z.number().int().positive(), method: z.literal('electronic') }).strict(),
]);
export type IssueInput = z.input<typeof issueInputSchema>;

export const issuanceMethods = {
  'issuance.queue': method({
    description: '待领证 and issued cases of the office (from the office cache; works offline), found by case number, 统一受理编号, certificate number, name, or a collector\'s ID card',
    input: z
      .object({
        query: z.string().trim().max(80).optional(),
        /** A card read (devices.readIdCard): the cases where its holder is a 权利人. */
        cardToken: cardToken.optional(),
        issued: z.boolean().default(false),
        limit: z.number().int().min(1).max(200).default(50),
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
    output: z.object({ items: z.array(issuanceQueueItemSchema), matching: z.number().int(), syncedAt: z.string().nullable() }),
    access: ISSUERS,
    passive: true,
  }),
  'issuance.case': method({
    description: 'One case for 发证: holders (masked), certificates, what is printed, which methods are open, the issuance so far; audited as a view',
    input: caseRef,
    output: issuanceCaseSchema,
    access: ISSUERS,
  }),
  'issuance.checkCollector': method({
    description: "Checks the collector's card against the case's 权利人 (or accepts an agent); refusals audited",
    input: z.object({ caseId: z.number().int().positive(), cardToken, asAgent: z.boolean().default(false) }).strict(),
    output: z.object({ role: z.enum(['holder', 'agent']), name: z.string(), idNumberMasked: z.string() }),
    access: ISSUERS,
  }),
  'issuance.captureSignature': method({
    description: 'The collector signs the 领证 record on the pad (the pad names them); the strokes are kept as a blob',
    input: z.object({ caseId: z.number().int().positive(), cardToken, timeoutSeconds: z.number().int().min(5).max(300).default(90) }).strict(),
    output: z.object({ signatureId: z.string(), svg: z.string() }),
    access: ISSUERS,
  }),
  'issuance.issue': method({
    description: '发证: 现场领取 (card, signature, 授权委托书 for an agent), 邮寄 or 仅电子证照; queued to the platform; audited',
    input: issueInputSchema,
    output: issuanceCaseSchema,
    access: ISSUERS,
  }),
  'issuance.ship': method({
    description: '邮寄: the envelope left with the carrier (waybill checked per carrier); queued to the platform; audited',
    input: z.object({ caseId: z.number().int().positive(), carrier: carrierSchema, waybill: z.string().trim().min(1).max(40) }).strict(),
    output: issuanceCaseSchema,
    access: ISSUERS,
  }),
  'issuance.delivered': method({
    description: '邮寄: the recipient signed for it (已签收); queued to the platform; audited',
    input: caseRef,
    output: issuanceCaseSchema,
    access: ISSUERS,
  }),
  'issuance.document': method({
    description: 'The 领证单 of a counter issuance as PDF (archived sealed), to preview or save',
    input: caseRef,
    output: z.object({ fileName: z.string(), pdfBase64: z.string(), bytes: z.number().int(), blobHash: z.string() }),
    access: ISSUERS,
  }),
  'issuance.printDocument': method({
    description: 'Print the 领证单 on the office printer (A4); audited',
    input: caseRef,
    output: z.object({ jobId: z.number().int(), printer: z.string(), blobHash: z.string() }),
    access: ISSUERS,
  }),
};
