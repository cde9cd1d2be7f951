import { z } from 'zod';
import { method } from '../define';
import type { Role } from '../roles';

/**
 * E-certificates (电子证照) produced at 登簿 on this desk (issue #12): the list with production and
 * platform state, the sealed files, a retry of a failed production, and verification of any OFD/PDF.
 */
const VIEWERS: readonly Role[] = ['registrar', 'supervisor', 'clerk'];
const REGISTRARS: readonly Role[] = ['registrar', 'supervisor'];

export const eCertificateViewSchema = z.object({
  id: z.number().int(),
  officeCaseId: z.number().int(),
  caseNumber: z.string(),
  number: z.string(),
  kind: z.enum(['certificate', 'proof']),
  identifier: z.string().nullable(),
  /** pending: not produced yet (retried); produced: sealed files stored; voided: 登簿退回 before production. */
  production: z.enum(['pending', 'produced', 'voided']),
  /** The platform's state once known (现势 / 注销). */
  state: z.enum(['现势', '注销']).nullable(),
  stateAt: z.string().nullable(),
  /** The upload's outbox state (null before production). */
  upload: z.enum(['pending', 'done', 'dead', 'cancelled']).nullable(),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  /** Why the last production failed (masked). */
  lastError: z.string().nullable(),
  producedAt: z.string().nullable(),
  holders: z.array(z.string()),
});
export type ECertificateView = z.infer<typeof eCertificateViewSchema>;

export const certificateMethods = {
  'certificates.list': method({
    description: "The e-certificates this desk's 登簿 produced (of one office case, or the latest 500): production, upload and platform state",
    input: z.object({ officeCaseId: z.number().int().positive().optional() }).strict(),
    output: z.array(eCertificateViewSchema),
    access: VIEWERS,
  }),
  'certificates.file': method({
    description: 'The sealed OFD or its PDF rendition of one e-certificate (from the local blob store); audited',
    input: z.object({ identifier: z.string().min(10).max(120), format: z.enum(['ofd', 'pdf']) }).strict(),
    output: z.object({ fileName: z.string(), mime: z.string(), base64: z.string() }),
    access: VIEWERS,
  }),
  'certificates.retry': method({
    description: 'Produces now the pending e-certificates of an office case whose production failed (renderer or seal); audited',
    input: z.object({ officeCaseId: z.number().int().positive() }).strict(),
    output: z.array(eCertificateViewSchema),
    access: REGISTRARS,
  }),
  'certificates.verify': method({
    description: 'Verifies an OFD or PDF e-certificate (structure, digests, the seal, the signer against the trust root, the identifier)',
    input: z.object({ base64: z.string().min(4).max(40_000_000) }).strict(),
    output: z.object({ ok: z.boolean() }).passthrough(),
    access: VIEWERS,
  }),
};
