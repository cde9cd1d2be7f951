import { z } from 'zod';
import { BUSINESS_TYPE_IDS } from '../../electron/contract/validation/business-types';
import { businessTypeKeySchema } from '../../electron/contract/validation/registration-catalog';
import { registrationTypeIdSchema } from '../../electron/contract/validation/registration-types';
import { rightTypeIdSchema } from '../../electron/contract/validation/right-types';
import { validateUnitCode } from '../../electron/contract/validation/unit-code';
import { zodIssueReasons } from '../../electron/contract/validation/zod-reasons';
import { PlatformError } from './http-io';

/**
 * The request bodies of API.md as zod schemas. The platform checks what it relies on (numbers,
 * hashes, the blob list) and keeps the body as sent; unknown fields are tolerated so a newer
 * workstation does not break an older platform.
 */
export const SM3_HEX = /^[0-9a-f]{64}$/;
/** Largest file the platform accepts (a case's longest scanned PDF is far below). */
export const MAX_BLOB_BYTES = 128 * 1024 * 1024;

const sm3Hex = z.string().regex(SM3_HEX, { message: '应为64位小写十六进制的SM3杂凑值' });
const isoTime = z.iso.datetime({ offset: true, message: '应为ISO 8601时间，例如 2026-11-27T08:00:00.000Z' });
const isoDate = z.iso.date({ message: '应为日期 YYYY-MM-DD' });

export const CASE_NUMBER = /^\d{6}-\d{8}-[0-9A-Z]{2}-\d{4}$/;
const caseNumber = z.string().regex(CASE_NUMBER, { message: '应为受理编号，例如 430102-20261127-A7-0001' });

const unitSchema = z.object({
  unitCode: z.string().refine((code) => validateUnitCode(code).valid, { message: '不是有效的28位不动产单元代码（GB/T 37346）' }),
  address: z.string().min(1).max(200),
  use: z.enum(['residential', 'nonResidential', 'parking']),
  areaM2: z.number().positive().max(1_000_000).nullable(),
});

const partySchema = z.object({
  ordinal: z.number().int().min(1),
  role: z.enum(['holder', 'obligor', 'agent']),
  name: z.string().min(1).max(100),
  idType: z.string().min(1).max(40),
  idNumber: z.string().min(1).max(40),
  phone: z.string().max(40).nullable(),
  share: z.string().max(40).nullable(),
  signatureHash: sm3Hex.nullable(),
});

const materialSchema = z.object({
  materialId: z.string().min(1).max(48),
  name: z.string().min(1).max(100),
  copies: z.number().int().min(0).max(999),
  files: z.array(z.object({ hash: sm3Hex, fileName: z.string().min(1).max(255) })),
});

const blobSchema = z.object({
  hash: sm3Hex,
  size: z.number().int().min(0).max(MAX_BLOB_BYTES),
  mediaType: z.string().min(1).max(100),
});

export const submissionSchema = z
  .object({
    caseNumber,
    officeCode: z.string().regex(/^\d{6}$/, { message: '应为6位县级行政区划代码' }),
    workstationId: z.string().min(1).max(8),
    // A first-release id (`transfer`) or a catalogue key (`first.homestead`: 登记类型.权利类型); offices
    // add catalogue entries in configuration, so the key is checked by form, its parts below.
    businessType: z.union([z.enum(BUSINESS_TYPE_IDS), businessTypeKeySchema]),
    /** The catalogue's 登记类型 and 权利类型 of the case (what 登簿 writes depends on them). */
    registrationType: registrationTypeIdSchema.optional(),
    rightType: rightTypeIdSchema.optional(),
    acceptedAt: isoTime,
    acceptedBy: z.string().min(1).max(100),
    promisedDate: isoDate.nullable(),
    coOwnership: z.enum(['sole', 'joint', 'shares']).nullable(),
    tracks: z.object({ registration: z.string().min(1), transaction: z.string().min(1), tax: z.string().min(1) }),
    parties: z.array(partySchema).max(100),
    units: z.array(unitSchema).min(1).max(500),
    materials: z.array(materialSchema).max(200),
    fees: z.array(z.object({ code: z.string().min(1).max(20), name: z.string().min(1).max(60), amountFen: z.number().int().min(0) })),
    feeTotalFen: z.number().int().min(0),
    blobs: z.array(blobSchema).max(2000),
  })
  .superRefine((body, ctx) => {
    // API.md: `blobs` lists every file the case refers to, each once; that list is what may be uploaded.
    const listed = new Set<string>();
    body.blobs.forEach((blob, i) => {
      if (listed.has(blob.hash)) ctx.addIssue({ code: 'custom', path: ['blobs', i, 'hash'], message: '同一文件在 blobs 中列出了两次' });
      listed.add(blob.hash);
    });
    body.materials.forEach((material, m) =>
      material.files.forEach((file, f) => {
        if (!listed.has(file.hash)) ctx.addIssue({ code: 'custom', path: ['materials', m, 'files', f, 'hash'], message: '该文件未列入 blobs' });
      }),
    );
    body.parties.forEach((party, p) => {
      if (party.signatureHash && !listed.has(party.signatureHash)) {
        ctx.addIssue({ code: 'custom', path: ['parties', p, 'signatureHash'], message: '该签名文件未列入 blobs' });
      }
    });
  });
export type Submission = z.infer<typeof submissionSchema>;

export const withdrawalSchema = z.object({ reason: z.string().trim().min(1).max(200), at: isoTime });
export type Withdrawal = z.infer<typeof withdrawalSchema>;

/** Parses or throws 400 BAD_REQUEST whose message names the first fields at fault. */
export function parseBody<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const reasons = zodIssueReasons(result.error, '');
  throw new PlatformError(400, 'BAD_REQUEST', `${what}不符合接口规范：${reasons.slice(0, 5).join('；')}`);
}

/** A JSON body from raw bytes (commands are hashed over these exact bytes, so parsing comes after). */
export function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new PlatformError(400, 'BAD_REQUEST', '请求体不是有效的 JSON（UTF-8）。');
  }
}
