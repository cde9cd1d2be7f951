import { z } from 'zod';
import { actorSchema } from './review-schemas';
import { SM3_HEX } from './wire-schemas';

/** Bodies of the 发证 commands (API.md "发证"). */
const text = (max: number) => z.string().trim().min(1).max(max);
const sm3 = z.object({ sm3: z.string().regex(SM3_HEX, { message: '应为64位小写十六进制的SM3杂凑值' }) });

export const issuanceSchema = z.object({
  method: z.enum(['counter', 'courier', 'electronic']),
  actor: actorSchema,
  at: z.iso.datetime({ offset: true }),
  workstation: text(40).optional(),
  collector: z.object({ role: z.enum(['holder', 'agent']), name: text(100), idNumber: text(40) }).optional(),
  signature: sm3.optional(),
  powerOfAttorney: sm3.optional(),
  courier: z
    .object({ recipient: text(60), address: text(200), phone: text(30), carrier: z.enum(['ems', 'sf']).nullable(), waybill: z.string().max(40).nullable() })
    .optional(),
});
export type IssuanceBody = z.infer<typeof issuanceSchema>;

export const shippedSchema = z.object({ carrier: z.enum(['ems', 'sf']), waybill: text(40), actor: actorSchema, at: z.iso.datetime({ offset: true }) });
export const deliveredSchema = z.object({ actor: actorSchema, at: z.iso.datetime({ offset: true }) });

/** The platform's one stand-in table for 发证 (created with the rest of its schema). */
export const ISSUANCE_SCHEMA = `
CREATE TABLE IF NOT EXISTS issuances (
  case_number TEXT PRIMARY KEY REFERENCES cases(case_number),
  method TEXT NOT NULL,
  state TEXT NOT NULL,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  workstation TEXT NOT NULL,
  body TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
`;
