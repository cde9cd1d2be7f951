import { z } from 'zod';
import { ROLES } from '../../electron/contract/roles';
import { SM3_HEX } from './wire-schemas';

/**
 * Bodies of the office-review commands (API.md "Office review and 登簿"). Every command names the
 * acting user; the workstation is the client certificate's CN.
 */
export const REVIEW_STAGES = ['firstReview', 'secondReview', 'registration'] as const;
export type ClaimableStage = (typeof REVIEW_STAGES)[number];
export type OfficeStage = ClaimableStage | 'supplementing' | 'registered' | 'refused' | 'withdrawn' | 'issued';

const text = (max: number) => z.string().trim().min(1).max(max);
export const actorSchema = z.object({ userId: text(64), name: text(100), role: z.enum(ROLES) });
export type Actor = z.infer<typeof actorSchema>;

export const claimSchema = z.object({ stage: z.enum(REVIEW_STAGES), actor: actorSchema });
export const releaseSchema = z.object({ actor: actorSchema });
export const reassignSchema = z.object({ actor: actorSchema, to: z.object({ userId: text(64), name: text(100) }) });

export const decisionSchema = z.object({
  stage: z.enum(REVIEW_STAGES),
  decision: z.enum(['pass', 'supplement', 'refuse', 'return']),
  opinion: z.string().trim().max(2000),
  items: z.array(z.object({ material: z.string().max(100).optional(), problem: text(500) })).max(100).optional(),
  deadline: z.iso.date({ message: '应为日期 YYYY-MM-DD' }).optional(),
  grounds: z.array(z.object({ id: text(64), citation: text(200), text: z.string().max(1000) })).max(20).optional(),
  actor: actorSchema,
});
export type Decision = z.infer<typeof decisionSchema>;

export const supplementSchema = z.object({
  materials: z
    .array(
      z.object({
        name: text(100),
        sm3: z.string().regex(SM3_HEX, { message: '应为64位小写十六进制的SM3杂凑值' }),
        size: z.number().int().min(0).optional(),
        mediaType: z.string().min(1).max(100).optional(),
      }),
    )
    .max(200),
  note: z.string().trim().max(2000),
  actor: actorSchema,
});
export type Supplement = z.infer<typeof supplementSchema>;

export const registrationSchema = z.object({
  actor: actorSchema,
  basis: z.array(z.object({ unitCode: z.string().min(1).max(40), registerVersion: z.number().int().min(0) })).max(500),
});
export const undoSchema = z.object({ actor: actorSchema, reason: text(500) });
export const certificatePrintedSchema = z.object({ actor: actorSchema, number: z.string().min(1).max(60), formSerial: z.string().regex(/^\d{6,15}$/) });
