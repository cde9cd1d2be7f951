import { z } from 'zod';
import { method } from '../define';
import type { Role } from '../roles';
import { businessTypeIdSchema } from '../validation/business-types';
import { businessTypeKeySchema } from '../validation/registration-catalog';
import { refusalGroundIdSchema } from '../validation/legal-grounds';
import {
  applicationInput,
  applicationView,
  areaSchema,
  caseActionSchema,
  caseStatusSchema,
  legalGroundView,
  materialReceivedInput,
  partySigningSchema,
  partyV2Input,
  previousCertificateCheckSchema,
  realEstateTypeSchema,
  sealView,
  unitV2Input,
} from './case-model';

export { caseStatusSchema } from './case-model';
import { freeText } from '../validation/free-text';

const CLERKS: readonly Role[] = ['clerk', 'supervisor', 'admin'];
/**
 * Who may see a party's full ID number or phone (an explicit, audited "show"): the counter
 * (clerk, supervisor, admin) that talks to the applicant, and the reviewer (审核), who checks the
 * number against the scanned ID card. The registrar (登簿) works from the reviewed case and the
 * provincial register, and sees masked numbers only.
 */
const REVEALERS: readonly Role[] = ['clerk', 'reviewer', 'supervisor', 'admin'];
/** Everyone who works on cases may look them up. */
const STAFF: readonly Role[] = ['clerk', 'reviewer', 'registrar', 'supervisor', 'admin'];

const partyInput = z
  .object({
    role: z.enum(['holder', 'obligor', 'agent']),
    name: z.string().trim().min(1).max(60),
    /** resident_id: 居民身份证; organization: 统一社会信用代码 (a bank as mortgagee); other: checked by the clerk. */
    idType: z.enum(['resident_id', 'organization', 'other']).default('resident_id'),
    /**
     * The ID number as typed; or, for a party already saved, the masked number the screen shows
     * (the stored number is kept); or empty with `cardToken` from devices.readIdCard.
     */
    idNumber: z.string().trim().max(40).default(''),
    cardToken: z.string().max(64).optional(),
    phone: z.string().trim().max(30).nullable().default(null),
    share: z.string().trim().max(20).nullable().default(null),
    ...partyV2Input,
  })
  .strict();

const unitInput = z
  .object({
    unitCode: z.string().trim().min(1).max(40),
    address: freeText(z.string().trim().min(1).max(200)),
    use: z.enum(['residential', 'nonResidential', 'parking']),
    areaM2: z.number().positive().max(1_000_000).nullable().default(null),
    ...unitV2Input,
  })
  .strict();

/** A party as screens see it: numbers masked per the policy (the case view adds signing and contacts). */
export const maskedPartySchema = z.object({
  ordinal: z.number().int(),
  role: z.enum(['holder', 'obligor', 'agent']),
  name: z.string(),
  idType: z.string(),
  idNumberMasked: z.string(),
  phoneMasked: z.string().nullable(),
  share: z.string().nullable(),
});

export const caseViewSchema = z.object({
  id: z.number().int(),
  caseNumber: z.string().nullable(),
  /** 告知书编号 of a 补正 or 不予受理 notice given before acceptance (no case number yet), or null. */
  noticeNumber: z.string().nullable(),
  /** 统一受理编号 from the provincial platform, once it has received the case. */
  officialNumber: z.string().nullable(),
  /** Where the case is on its way to the platform: local only, queued, delivered, or stuck as a dead letter. */
  sync: z.enum(['local', 'queued', 'sent', 'dead', 'cancelled']),
  /** Certificate numbers after 登簿. */
  certificateNumbers: z.array(z.string()),
  businessType: z.string(),
  businessTypeName: z.string(),
  /** 登记类型 and 权利类型 of the registration catalogue (null until the catalogue names them). */
  registrationType: z.string().nullable(),
  rightType: z.string().nullable(),
  status: caseStatusSchema,
  statusReason: z.string().nullable(),
  /** What the session's role may do to this case now (core/cases/lifecycle.ts); screens offer these and nothing else. */
  allowedActions: z.array(caseActionSchema),
  coOwnership: z.enum(['sole', 'joint', 'shares']).nullable(),
  tracks: z.object({ registration: z.string(), transaction: z.string(), tax: z.string() }),
  parties: z.array(
    maskedPartySchema.extend({
      /** Signed by hand, or sealed (an organisation's e-seal). */
      signed: z.boolean(),
      /** How this party's application is signed: by hand, by the agent they appointed (授权委托书), by e-seal, or not yet. */
      signing: partySigningSchema,
      address: z.string().nullable(),
      postalCode: z.string().nullable(),
      legalRepresentative: z.object({ title: z.enum(['legalRepresentative', 'responsiblePerson']), name: z.string(), idNumberMasked: z.string() }).nullable(),
      actsFor: z.array(z.number().int()),
      agency: z.object({ name: z.string(), creditCode: z.string().nullable() }).nullable(),
      seal: sealView.nullable(),
    }),
  ),
  units: z.array(
    z.object({
      ordinal: z.number().int(),
      unitCode: z.string(),
      address: z.string(),
      use: z.string(),
      /** In square metres (converted from `area` when given in 亩 or 公顷). */
      areaM2: z.number().nullable(),
      area: areaSchema.nullable(),
      realEstateType: realEstateTypeSchema.nullable(),
      plannedUse: z.string().nullable(),
      previousCertificateNumber: z.string().nullable(),
      previousCertificateCheck: previousCertificateCheckSchema,
    }),
  ),
  materials: z.array(
    z.object({
      materialId: z.string(),
      name: z.string(),
      required: z.boolean(),
      received: z.boolean(),
      copies: z.number().int(),
      files: z.number().int(),
      form: z.enum(['original', 'copy']).nullable(),
      pages: z.number().int().nullable(),
    }),
  ),
  application: applicationView,
  fees: z.array(z.object({ code: z.string(), name: z.string(), amountFen: z.number().int() })),
  feeTotalFen: z.number().int(),
  /**
   * The 件 the registration fee counts (发改价格规〔2016〕2559号: one unit × one right × one
   * registration type; units of one parcel under one mortgage are one 件), as priced now.
   */
  feePieces: z.array(z.object({ unitCodes: z.array(z.string()), feeClass: z.string(), amountFen: z.number().int() })),
  /** Who pays (the party registered as 权利人; for a mortgage the 抵押权人): the 缴费通知书 is addressed to them. */
  feePayer: z.string().nullable(),
  /** Why no fee is charged although the quote is kept (a case that ended before acceptance), or null. */
  feeNotCharged: z.string().nullable(),
  /** 补正 deadline (working days from the notice). */
  requisitionDeadline: z.string().nullable(),
  /** The legal grounds of a 不予受理 / 不予登记 decision, with their articles. */
  decisionGrounds: z.array(legalGroundView),
  feeOverrideReason: z.string().nullable(),
  promisedDate: z.string().nullable(),
  /** The 承诺办结日期 受理 would set if pressed now (while the session may accept the case); null otherwise. */
  promisedDateIfAcceptedNow: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  acceptedAt: z.string().nullable(),
  acceptedBy: z.string().nullable(),
  /** The accepting clerk's display name (张受理), as screens and documents name them; null before 受理. */
  acceptedByName: z.string().nullable(),
  /** The acceptance rules, checked now: what still stands between this draft and 受理. */
  acceptance: z.array(z.object({ rule: z.string(), passed: z.boolean(), reasons: z.array(z.string()) })),
});
export type CaseView = z.infer<typeof caseViewSchema>;

const caseId = z.object({ id: z.number().int().positive() }).strict();

/** A business type: a catalogue key (登记类型.权利类型, e.g. transfer.stateLandHouse) or a first-release id (transfer). */
const caseBusinessTypeSchema = z.union([businessTypeIdSchema, businessTypeKeySchema]);

export const caseDocumentKindSchema = z.enum(['applicationForm', 'acceptanceReceipt', 'paymentNotice', 'requisitionNotice', 'rejectionNotice']);

export const caseMethods = {
  'cases.document': method({
    description: 'Produce one of the case’s documents as PDF (archived as a blob); audited',
    input: z.object({ id: z.number().int().positive(), kind: caseDocumentKindSchema }).strict(),
    output: z.object({ kind: caseDocumentKindSchema, title: z.string(), fileName: z.string(), pdfBase64: z.string(), bytes: z.number().int(), blobHash: z.string() }),
    access: STAFF,
  }),
  'cases.printDocument': method({
    description: 'Print one of the case’s documents on the office printer (A4); audited',
    input: z.object({ id: z.number().int().positive(), kind: caseDocumentKindSchema, copies: z.number().int().min(1).max(9).default(1) }).strict(),
    output: z.object({ jobId: z.number().int(), printer: z.string(), blobHash: z.string() }),
    access: CLERKS,
  }),
  'documents.verify': method({
    description: "Check a receipt's verification code (the QR text) against this office's public key",
    input: z.object({ text: z.string().trim().min(1).max(1000) }).strict(),
    output: z.object({
      ok: z.boolean(),
      reason: z.string().nullable(),
      facts: z.object({ kind: z.string(), officeCode: z.string(), caseNumber: z.string(), issuedDate: z.string() }).nullable(),
      publicKeyHex: z.string(),
      /** The document's title (不动产登记受理凭证 …) when the code names a known kind. */
      kindTitle: z.string().nullable(),
      /**
       * The case the code names, as this workstation holds it (staff only; null for a code of
       * another office, a case this workstation does not hold, or a caller without a staff role).
       */
      case: z
        .object({
          id: z.number().int(),
          status: caseStatusSchema,
          businessTypeName: z.string(),
          parties: z.array(z.object({ role: z.enum(['holder', 'obligor', 'agent']), name: z.string(), idNumberMasked: z.string() })),
          unitCodes: z.array(z.string()),
          /** When this workstation produced that kind of document for the case (printed or saved), newest first. */
          producedAt: z.array(z.string()),
        })
        .nullable(),
    }),
    access: 'any',
  }),
  'cases.businessTypes': method({
    description: "The office's business types: roles, materials, fee rule, tracks",
    input: z.object({}).strict(),
    output: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        enabled: z.boolean(),
        coOwnership: z.boolean(),
        signaturesRequired: z.boolean(),
        roles: z.record(z.string(), z.string()),
        roleLabels: z.record(z.string(), z.string()),
        materials: z.array(z.object({ id: z.string(), name: z.string(), requirement: z.string() })),
        feeRule: z.string(),
        promisedWorkingDays: z.number().int(),
      }),
    ),
    access: STAFF,
  }),
  'cases.catalog': method({
    description: "The office's registration catalogue: 登记类型 × 权利类型 entries with roles, materials (with their legal basis), fee rule, tracks",
    input: z.object({}).strict(),
    output: z.array(
      z.object({
        id: z.string(),
        registrationType: z.string(),
        rightType: z.string(),
        registrationTypeName: z.string(),
        rightTypeName: z.string(),
        name: z.string(),
        enabled: z.boolean(),
        origin: z.enum(['application', 'commission']),
        coOwnership: z.boolean(),
        signaturesRequired: z.boolean(),
        roles: z.record(z.string(), z.string()),
        roleLabels: z.record(z.string(), z.string()),
        materials: z.array(z.object({ id: z.string(), name: z.string(), requirement: z.string(), basis: z.string().nullable(), mortgageKinds: z.array(z.string()).nullable() })),
        feeRule: z.string(),
        promisedWorkingDays: z.number().int(),
        issues: z.string(),
        unitKind: z.string(),
        mortgageKinds: z.array(z.string()),
        legacyId: z.string().nullable(),
        basis: z.string(),
      }),
    ),
    access: STAFF,
  }),
  'cases.createDraft': method({
    description: 'Start an intake of a business type (a draft case): a catalogue key or a first-release id',
    input: z.object({ businessType: caseBusinessTypeSchema }).strict(),
    output: caseViewSchema,
    access: CLERKS,
  }),
  'cases.get': method({
    description: 'One case with its parties (numbers masked), units, materials, fees and acceptance check',
    input: caseId,
    output: caseViewSchema,
    access: STAFF,
  }),
  'cases.revealParty': method({
    description: "Show one party's full ID number or phone (the screens show them masked); audited, the value never is",
    input: z.object({ id: z.number().int().positive(), ordinal: z.number().int().min(1), field: z.enum(['idNumber', 'phone']) }).strict(),
    output: z.object({ value: z.string().nullable() }),
    access: REVEALERS,
  }),
  'cases.saveDraft': method({
    description: 'Save the intake form of a draft: co-ownership, parties, units, materials received',
    input: z
      .object({
        id: z.number().int().positive(),
        coOwnership: z.enum(['sole', 'joint', 'shares']).nullable(),
        parties: z.array(partyInput).max(50),
        units: z.array(unitInput).max(200),
        materialsReceived: z.array(materialReceivedInput).max(100),
        certificates: z.number().int().min(0).max(50).default(1),
        /** The case-level parts of the 申请书 (登记原因, mortgage, 领证方式 …); absent keeps what is stored. */
        application: applicationInput.optional(),
      })
      .strict(),
    output: caseViewSchema,
    access: CLERKS,
  }),
  'cases.attachFile': method({
    description: 'Attach a scan or photo (JPEG, PNG or PDF, at most 20 MB) to a material; stored by its SM3 hash; audited',
    input: z
      .object({
        id: z.number().int().positive(),
        materialId: z.string().min(1).max(48),
        fileName: z.string().trim().min(1).max(120),
        mediaType: z.enum(['image/jpeg', 'image/png', 'application/pdf']),
        /** The file's bytes in base64 (20 MB of file ≈ 27 MB of text). */
        dataBase64: z.string().min(4).max(28_000_000),
      })
      .strict(),
    output: caseViewSchema,
    access: CLERKS,
  }),
  'cases.signParty': method({
    description: "Capture a party's signature on the signature pad and attach it to the case",
    input: z.object({ id: z.number().int().positive(), ordinal: z.number().int().min(1), timeoutSeconds: z.number().int().min(5).max(300).default(90) }).strict(),
    output: caseViewSchema,
    access: CLERKS,
  }),
  'cases.applySeal': method({
    description:
      "An organisation's electronic seal on the application: its agent presents the e-seal file and PIN; the seal key signs (SM2) the application's SM3 digest; the key stays in memory for the call only; audited",
    input: z
      .object({
        id: z.number().int().positive(),
        /** The organisation's party ordinal. */
        ordinal: z.number().int().min(1),
        /** The e-seal file (JSON, see core/cases/e-seal.ts) in base64. */
        sealFileBase64: z.string().min(4).max(2_000_000),
        pin: z.string().min(4).max(64),
      })
      .strict(),
    output: caseViewSchema,
    access: CLERKS,
  }),
  'cases.overrideFees': method({
    description: 'Change the fee lines by hand; a reason is required and audited',
    input: z
      .object({
        id: z.number().int().positive(),
        lines: z.array(z.object({ code: z.string().min(1).max(20), name: z.string().min(1).max(40), amountFen: z.number().int().min(0).max(100_000_000) }).strict()).max(20),
        reason: freeText(z.string().trim().min(2).max(200)),
      })
      .strict(),
    output: caseViewSchema,
    access: CLERKS,
  }),
  'cases.accept': method({
    description: '受理: check every acceptance rule, assign the case number and promised date; audited',
    input: caseId,
    output: caseViewSchema,
    access: CLERKS,
  }),
  'cases.requisition': method({
    description: '补正: record what is missing (one-time notice); the case waits for the applicant',
    input: z
      .object({
        id: z.number().int().positive(),
        missing: z.array(freeText(z.string().trim().min(1).max(100))).min(1).max(50),
        note: freeText(z.string().max(500)).optional(),
        /** Working days the applicant has to bring what is missing (the notice prints the date); default: the office's `supplementWorkingDays`. */
        deadlineWorkingDays: z.number().int().min(1).max(30).optional(),
      })
      .strict(),
    output: caseViewSchema,
    access: CLERKS,
  }),
  'cases.reject': method({
    description: '不予受理: the grounds of 条例 第17条 (REFUSAL_GROUNDS ids), with reasons in words; at least one of them',
    input: z
      .object({
        id: z.number().int().positive(),
        groundIds: z.array(refusalGroundIdSchema).max(10).default([]),
        reasons: z.array(freeText(z.string().trim().min(2).max(200))).max(20).default([]),
      })
      .strict(),
    output: caseViewSchema,
    access: CLERKS,
  }),
  'cases.withdraw': method({
    description: '撤回 at the applicant’s request, with the reason',
    input: z.object({ id: z.number().int().positive(), reason: freeText(z.string().trim().min(2).max(200)) }).strict(),
    output: caseViewSchema,
    access: CLERKS,
  }),
  'cases.search': method({
    description:
      'Search cases by name, unit code, case number or address (substring), or exactly by a party\'s ID number or phone (lookup tags), by a party\'s name with the last 4–6 digits of their ID number, or a certificate/proof number (原证号 or issued; tolerant parser), with filters',
    input: z
      .object({
        text: z.string().max(100).optional(),
        status: z.array(caseStatusSchema).max(20).optional(),
        businessType: caseBusinessTypeSchema.optional(),
        from: z.string().max(30).optional(),
        to: z.string().max(30).optional(),
        limit: z.number().int().min(1).max(200).default(50),
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
    output: z.object({
      total: z.number().int(),
      /** More matches than `total` (the count stops at 1000). */
      totalCapped: z.boolean(),
      /** What the text was taken for: free text, or an ID number / phone / certificate number looked up exactly. */
      searchedBy: z.enum(['text', 'idNumber', 'phone', 'certificate', 'nameAndIdTail']),
      rows: z.array(
        z.object({
          id: z.number().int(),
          caseNumber: z.string().nullable(),
          businessType: z.string(),
          status: caseStatusSchema,
          names: z.string(),
          unitCodes: z.string(),
          addresses: z.string(),
          createdAt: z.string(),
          acceptedAt: z.string().nullable(),
          promisedDate: z.string().nullable(),
        }),
      ),
    }),
    access: STAFF,
  }),
  'cases.lookupUnit': method({
    description: 'A unit this workstation already knows (from earlier cases): address, use, area, and which cases',
    input: z.object({ unitCode: z.string().trim().min(28).max(40) }).strict(),
    output: z
      .object({
        unitCode: z.string(),
        address: z.string(),
        use: z.enum(['residential', 'nonResidential', 'parking']),
        areaM2: z.number().nullable(),
        cases: z.array(z.object({ id: z.number().int(), caseNumber: z.string().nullable(), businessType: z.string(), status: caseStatusSchema })),
      })
      .nullable(),
    access: STAFF,
  }),
  'cases.timeline': method({
    description: "The case's history from the audit log",
    input: caseId,
    /** Local actions (from the audit log) and platform events (actor 省级平台, action `platform.<kind>`), in time order. */
    output: z.array(z.object({ at: z.string(), actor: z.string().nullable(), action: z.string(), result: z.string(), detail: z.record(z.string(), z.unknown()) })),
    access: STAFF,
  }),
};
