import { z } from 'zod';
import { method } from '../define';
import type { Role } from '../roles';
import { okOutput } from './shared';

export const deviceStatusSchema = z.object({
  kind: z.enum(['idcard', 'sigpad', 'printer']),
  label: z.string(),
  state: z.enum(['not_configured', 'connecting', 'connected', 'disconnected', 'error']),
  detail: z.string(),
  simulated: z.boolean(),
});

/** What the screen gets from an ID card: the number masked; photo as metadata (and PNG once decoded). */
export const idCardViewSchema = z.discriminatedUnion('supported', [
  z.object({
    supported: z.literal(true),
    cardType: z.literal('resident'),
    name: z.string(),
    sex: z.string(),
    nation: z.string(),
    birthDate: z.string(),
    address: z.string(),
    idNumberMasked: z.string(),
    issuer: z.string(),
    validFrom: z.string(),
    validTo: z.string(),
    idNumberCheck: z.object({ valid: z.boolean(), reasons: z.array(z.string()) }),
    photo: z.object({ format: z.enum(['wlt', 'png']), bytes: z.number().int(), decoded: z.boolean(), pngDataUrl: z.string().optional() }),
  }),
  z.object({
    supported: z.literal(false),
    cardType: z.string(),
    message: z.string(),
  }),
]);
export type IdCardView = z.infer<typeof idCardViewSchema>;

/** Technicians (admin), and the staff who read cards at the counter and at issuing. */
const CARD_READERS: readonly Role[] = ['clerk', 'supervisor', 'admin'];

export const deviceMethods = {
  'devices.readIdCard': method({
    description: 'Read the ID card on the reader (waits for a card up to the timeout); audited',
    input: z.object({ timeoutSeconds: z.number().min(1).max(30).default(5) }).strict(),
    output: idCardViewSchema,
    access: CARD_READERS,
  }),
  'devices.samInfo': method({
    description: "The reader's SAM module status and serial",
    input: z.object({}).strict(),
    output: z.object({ status: z.string(), samId: z.string().nullable() }),
    access: ['admin'],
  }),
  'devices.simulation': method({
    description: 'What the simulated devices hold (training mode panel)',
    input: z.object({}).strict(),
    output: z.object({
      idcard: z
        .object({ placedCard: z.string().nullable(), cards: z.array(z.object({ id: z.string(), label: z.string() })) })
        .nullable(),
    }),
    access: 'any',
    passive: true,
  }),
  'devices.simulatePlaceCard': method({
    description: 'Place a sample card on the simulated reader',
    input: z.object({ card: z.string().min(1).max(40) }).strict(),
    output: okOutput,
    access: 'any',
  }),
  'devices.simulateRemoveCard': method({
    description: 'Take the card off the simulated reader',
    input: z.object({}).strict(),
    output: okOutput,
    access: 'any',
  }),
};
