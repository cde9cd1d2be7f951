import { z } from 'zod';
import { method } from '../define';
import type { Role } from '../roles';
import { isoDateSchema } from '../validation/calendar-date';
import { freeText } from '../validation/free-text';
import { nonRegistrationGroundIdSchema } from '../validation/legal-grounds';
import { caseStatusSchema } from './case-model';
import { maskedPartySchema } from './cases';

/**
 * Review (审核) and 登簿 at the office (issue #11). The office's cases reach every reviewer's and
 * registrar's desk through the platform's feed (`office.case`) and are cached locally, so queues and
 * the workspace work offline; claims and 登簿 need the platform online, decisions go through the
 * outbox. `caseId` is the id of the case in this workstation's office cache (the queues give it),
 * not the counter's `cases.get` id: the office's cases mostly were accepted at other counters.
 */

const REVIEW_DESKS: readonly Role[] = ['reviewer', 'registrar', 'supervisor'];
const REGISTRARS: readonly Role[] = ['registrar', 'supervisor'];
const SUPERVISORS: readonly Role[] = ['supervisor'];
const COUNTER: readonly Role[] = ['clerk', 'supervisor'];

/** Where a case is in the office's review (the platform's stage). */
/** `issued` (发证, issue #12): the case is closed. */
export const REVIEW_STAGES = ['firstReview', 'secondReview', 'registration', 'supplementing', 'registered', 'refused', 'withdrawn', 'issued'] as const;
export const reviewStageSchema = z.enum(REVIEW_STAGES);
export type ReviewStage = z.infer<typeof reviewStageSchema>;
export const REVIEW_STAGE_LABELS: Record<ReviewStage, string> = {
  firstReview: '待初审',
  secondReview: '待复审',
  registration: '待登簿',
  supplementing: '补正中',
  registered: '已登簿',
  refused: '不予登记',
  withdrawn: '已撤回',
  issued: '已发证',
};

/** The work queues of the review desks. */
export const REVIEW_QUEUES = ['firstReview', 'secondReview', 'registration', 'supplementing'] as const;
export const reviewQueueSchema = z.enum(REVIEW_QUEUES);
export type ReviewQueue = z.infer<typeof reviewQueueSchema>;

export const REVIEW_DECISIONS = ['pass', 'supplement', 'refuse', 'return'] as const;
export const reviewDecisionSchema = z.enum(REVIEW_DECISIONS);
export type ReviewDecision = z.infer<typeof reviewDecisionSchema>;
export const REVIEW_DECISION_LABELS: Record<ReviewDecision, string> = { pass: '通过', supplement: '补正', refuse: '不予登记', return: '退回上一环节' };

/** Who holds a case (granted by the platform). `workstation` is null for a supervisor's reassignment. */
export const reviewClaimSchema = z.object({ userId: z.string(), name: z.string(), workstation: z.string().nullable(), since: z.string() });
export type ReviewClaim = z.infer<typeof reviewClaimSchema>;

const caseRef = z.object({ caseId: z.number().int().positive() }).strict();

/** One line of a queue: enough to recognise the case and open it. Names and addresses masked. */
export const reviewQueueItemSchema = z.object({
  caseId: z.number().int(),
  caseNumber: z.string(),
  officialNumber: z.string().nullable(),
  businessType: z.string(),
  businessTypeLabel: z.string(),
  stage: reviewStageSchema,
  names: z.string(),
  addresses: z.string(),
  clerkName: z.string(),
  /** The counter workstation that accepted it (e.g. 430102-A7). */
  workstation: z.string(),
  acceptedAt: z.string().nullable(),
  promisedDate: z.string().nullable(),
  /** Working days from today to the promised date (negative when overdue); null without a promised date. */
  workingDaysLeft: z.number().int().nullable(),
  overdue: z.boolean(),
  claim: reviewClaimSchema.nullable(),
  /** The session's user holds the claim. */
  mine: z.boolean(),
  /** A decision made here waits in the outbox (the queue shows it as 已决定，待同步). */
  pendingDecision: reviewDecisionSchema.nullable(),
});
export type ReviewQueueItem = z.infer<typeof reviewQueueItemSchema>;

export const reviewQueuesSchema = z.object({
  /** The Asia/Shanghai calendar day the queue was made for. */
  today: z.string(),
  items: z.array(reviewQueueItemSchema),
  /** Every queue's size (unfiltered), for the tabs. */
  totals: z.record(reviewQueueSchema, z.number().int()),
  /** How many items match the filter (for paging). */
  matching: z.number().int(),
  /** When the office's feed was last read (null: never); queues are as fresh as that. */
  syncedAt: z.string().nullable(),
});
export type ReviewQueues = z.infer<typeof reviewQueuesSchema>;

/** The case as the review desks see it: the submission the counter sent, parties masked. */
export const reviewCaseSchema = z.object({
  caseId: z.number().int(),
  caseNumber: z.string(),
  officialNumber: z.string().nullable(),
  platformCaseId: z.string().nullable(),
  businessType: z.string(),
  businessTypeLabel: z.string(),
  stage: reviewStageSchema,
  /** The local lifecycle state the stage corresponds to (reviewing, supplementing, approved = 待登簿, registered, refused, withdrawn). */
  status: caseStatusSchema,
  claim: reviewClaimSchema.nullable(),
  mine: z.boolean(),
  pendingDecision: reviewDecisionSchema.nullable(),
  clerkName: z.string(),
  workstation: z.string(),
  acceptedAt: z.string().nullable(),
  promisedDate: z.string().nullable(),
  coOwnership: z.enum(['sole', 'joint', 'shares']).nullable(),
  parties: z.array(maskedPartySchema),
  units: z.array(
    z.object({
      ordinal: z.number().int(),
      unitCode: z.string(),
      address: z.string(),
      use: z.string(),
      areaM2: z.number().nullable(),
      previousCertificateNumber: z.string().nullable(),
    }),
  ),
  /** 补正 received so far (newest last). */
  supplements: z.array(z.object({ at: z.string(), note: z.string(), materials: z.array(z.object({ name: z.string(), sm3: z.string() })) })),
  certificateNumbers: z.array(z.string()),
  /** The counter's own case id (cases.get) when this workstation accepted the case; else null. */
  localCaseId: z.number().int().nullable(),
});
export type ReviewCase = z.infer<typeof reviewCaseSchema>;

export const reviewCheckSchema = z.object({
  /** Stable rule id, e.g. `seizure-blocks-disposal`; `decide`-level ids go into `acknowledgedRules`. */
  rule: z.string(),
  level: z.enum(['block', 'decide', 'info']),
  ok: z.boolean(),
  message: z.string(),
  /** The article the rule rests on, e.g. 《民法典》第四百零六条. */
  source: z.string(),
});
export type ReviewCheck = z.infer<typeof reviewCheckSchema>;

/** A unit's record in the provincial register (GET /api/v1/units, API.md "Register queries"). */
export const registerRecordSchema = z.object({
  unitCode: z.string(),
  address: z.string().optional(),
  registerVersion: z.number().int(),
  rights: z.array(
    z.object({
      id: z.number().int(),
      kind: z.string(),
      holders: z.array(z.string()),
      holderShares: z.array(z.object({ name: z.string(), idTail: z.string().nullable().optional(), share: z.string().nullable() })).optional(),
      coOwnership: z.string().nullable().optional(),
      certificateNumber: z.string().nullable().optional(),
      registeredAt: z.string().nullable().optional(),
      state: z.string(),
    }).passthrough(),
  ),
  restrictions: z.array(
    z.object({
      id: z.number().int(),
      kind: z.string(),
      holder: z.string().nullable().optional(),
      since: z.string().nullable().optional(),
      until: z.string().nullable().optional(),
      note: z.string().nullable().optional(),
      state: z.string(),
    }).passthrough(),
  ),
  history: z.array(z.record(z.string(), z.unknown())).default([]),
}).passthrough();
export type RegisterRecord = z.infer<typeof registerRecordSchema>;

export const reviewWorkspaceSchema = z.object({
  case: reviewCaseSchema,
  materials: z.array(
    z.object({
      /** Stable within the case: `${materialId}:${index}`. */
      id: z.string(),
      materialId: z.string(),
      name: z.string(),
      fileName: z.string().nullable(),
      sm3: z.string(),
      mime: z.string(),
      size: z.number().int().nullable(),
      pages: z.number().int().nullable(),
      form: z.enum(['original', 'copy']).nullable(),
      copies: z.number().int().nullable(),
      /** The bytes are on this workstation (review.material answers offline). */
      downloaded: z.boolean(),
    }),
  ),
  register: z.array(
    z.object({
      unitCode: z.string(),
      /** Null when the unit was never fetched and the platform is offline. */
      record: registerRecordSchema.nullable(),
      fetchedAt: z.string().nullable(),
      /** The record is the cached one: the platform could not be asked now. */
      offline: z.boolean(),
    }),
  ),
  checks: z.array(reviewCheckSchema),
  history: z.array(z.object({ at: z.string(), stage: reviewStageSchema.nullable(), decision: z.string().nullable(), opinion: z.string().nullable(), actor: z.string().nullable() })),
  /** The office's phrase library for 审核意见 (config review.phrases). */
  phrases: z.array(z.string()),
  /** Decisions the session may take now (stage, claim, role, separation of duties). */
  allowedDecisions: z.array(reviewDecisionSchema),
});
export type ReviewWorkspace = z.infer<typeof reviewWorkspaceSchema>;

/** What 登簿 will write, for the registrar's final look. */
export const registrationPreviewSchema = z.object({
  caseId: z.number().int(),
  units: z.array(
    z.object({
      unitCode: z.string(),
      registerVersion: z.number().int().nullable(),
      newRights: z.array(z.object({ kind: z.string(), holders: z.array(z.object({ name: z.string(), share: z.string().nullable() })), coOwnership: z.string().nullable() })),
      becomesHistoric: z.array(z.object({ id: z.number().int(), kind: z.string(), holders: z.array(z.string()), certificateNumber: z.string().nullable() })),
      restrictionsAdded: z.array(z.object({ kind: z.string(), holder: z.string().nullable() })),
      restrictionsEnded: z.array(z.object({ id: z.number().int(), kind: z.string(), holder: z.string().nullable() })),
      /** Restrictions that stay in force (e.g. a mortgage on a transfer, 民法典 第406条). */
      restrictionsKept: z.array(z.object({ id: z.number().int(), kind: z.string(), holder: z.string().nullable() })),
    }),
  ),
  /** certificate: 不动产权证书; proof: 不动产登记证明; none (cancellations, seizures). */
  issues: z.enum(['certificate', 'proof', 'none']),
  /** How many numbers the platform will issue (one per holder under 按份共有). */
  numbersToIssue: z.number().int(),
  /** Null: 登簿 may go ahead; else why not (offline, not claimed, blocking rule …). */
  blockedBy: z.string().nullable(),
});
export type RegistrationPreview = z.infer<typeof registrationPreviewSchema>;

const decideInput = z
  .object({
    caseId: z.number().int().positive(),
    decision: reviewDecisionSchema,
    opinion: freeText(z.string().trim().min(1).max(1000)),
    /** 补正: what is missing or wrong. */
    items: z.array(z.object({ material: freeText(z.string().trim().max(100)).optional(), problem: freeText(z.string().trim().min(1).max(300)) }).strict()).max(100).optional(),
    /** 补正 deadline (Asia/Shanghai calendar day). */
    deadline: isoDateSchema.optional(),
    /** 不予登记: 条例 第22条 items. */
    groundIds: z.array(nonRegistrationGroundIdSchema).max(4).optional(),
    /** `decide`-level rules (异议) the reviewer looked at and decides past. */
    acknowledgedRules: z.array(z.string().max(60)).max(20).default([]),
  })
  .strict();

export const reviewMethods = {
  'review.queues': method({
    description: "One of the office's review queues (待初审, 待复审, 待登簿, 补正中) from the local cache; works offline",
    input: z
      .object({
        queue: reviewQueueSchema,
        businessType: z.string().max(80).optional(),
        /** The accepting clerk's name (exact). */
        clerk: z.string().max(60).optional(),
        /** Accepted on or after / on or before (Asia/Shanghai days). */
        from: isoDateSchema.optional(),
        to: isoDateSchema.optional(),
        mine: z.boolean().default(false),
        limit: z.number().int().min(1).max(200).default(50),
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
    output: reviewQueuesSchema,
    access: REVIEW_DESKS,
    passive: true,
  }),
  'review.claim': method({
    description: 'Take a case to work on it (granted by the platform; needs it online); audited',
    input: caseRef,
    output: reviewCaseSchema,
    access: REVIEW_DESKS,
  }),
  'review.release': method({
    description: 'Give a claimed case back to its queue (needs the platform online); audited',
    input: caseRef,
    output: reviewCaseSchema,
    access: REVIEW_DESKS,
  }),
  'review.reassign': method({
    description: "A supervisor gives a case to another reviewer or registrar (needs the platform online); audited",
    input: z.object({ caseId: z.number().int().positive(), to: z.string().min(1).max(64) }).strict(),
    output: reviewCaseSchema,
    access: SUPERVISORS,
  }),
  'review.candidates': method({
    description: 'The users a supervisor may reassign review or 登簿 work to',
    input: z.object({}).strict(),
    output: z.array(z.object({ userId: z.string(), name: z.string(), role: z.enum(['reviewer', 'registrar', 'supervisor']) })),
    access: SUPERVISORS,
  }),
  'review.workspace': method({
    description: 'The review workspace of one case: application (masked), materials, register record, named checks, history, phrases; audited as a view',
    input: caseRef,
    output: reviewWorkspaceSchema,
    access: REVIEW_DESKS,
  }),
  'review.material': method({
    description: "One material's bytes: downloaded from the platform on first use, SM3-verified, kept sealed; offline from the cache",
    input: z.object({ caseId: z.number().int().positive(), sm3: z.string().regex(/^[0-9a-f]{64}$/) }).strict(),
    output: z.object({ mime: z.string(), base64: z.string() }),
    access: REVIEW_DESKS,
  }),
  'review.decide': method({
    description: '审核决定 (通过, 补正, 不予登记, 退回上一环节) on a claimed case; queued in the outbox (works offline); audited',
    input: decideInput,
    output: reviewCaseSchema,
    access: REVIEW_DESKS,
  }),
  'registration.preview': method({
    description: 'What 登簿 will write: new right, what becomes history, restrictions added or removed, certificate or proof',
    input: caseRef,
    output: registrationPreviewSchema,
    access: REGISTRARS,
  }),
  'registration.register': method({
    description: '登簿 (needs the platform online; a changed register sends the case back to review); audited',
    input: caseRef,
    output: reviewCaseSchema,
    access: REGISTRARS,
  }),
  'registration.undo': method({
    description: '登簿退回 before a certificate is printed: the numbers are voided, the register restored; audited',
    input: z.object({ caseId: z.number().int().positive(), reason: freeText(z.string().trim().min(1).max(500)) }).strict(),
    output: reviewCaseSchema,
    access: REGISTRARS,
  }),
  'cases.receiveSupplement': method({
    description: 'The counter received the applicant\'s 补正 for a case in 补正中 (files already attached as blobs); queued to the platform',
    input: z
      .object({
        /** The counter's own case (the cases.get id) … */
        caseId: z.number().int().positive().optional(),
        /** … or the office's case as review.queues lists it (accepted at another counter of the office). */
        officeCaseId: z.number().int().positive().optional(),
        note: freeText(z.string().trim().min(1).max(500)),
        materials: z.array(z.object({ name: z.string().trim().min(1).max(100), blobHash: z.string().regex(/^[0-9a-f]{64}$/) }).strict()).max(50).default([]),
      })
      .strict()
      .refine((v) => (v.caseId === undefined) !== (v.officeCaseId === undefined), { message: '应给出 caseId 或 officeCaseId 之一' }),
    output: reviewCaseSchema,
    access: COUNTER,
  }),
};
