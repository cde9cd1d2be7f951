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
    /** YYYY-MM: the day would complete the masked ID number. */
    birthDate: z.string(),
    address: z.string(),
    idNumberMasked: z.string(),
    issuer: z.string(),
    validFrom: z.string(),
    validTo: z.string(),
    idNumberCheck: z.object({ valid: z.boolean(), reasons: z.array(z.string()) }),
    /**
     * Stands for the full card data, held by the back end for a few minutes: an intake form passes
     * it instead of the ID number, so the full number never travels to the screen.
     */
    cardToken: z.string(),
    photo: z.object({ format: z.enum(['wlt', 'png']), bytes: z.number().int(), decoded: z.boolean(), pngDataUrl: z.string().optional() }),
  }),
  z.object({
    supported: z.literal(false),
    cardType: z.string(),
    message: z.string(),
  }),
]);
export type IdCardView = z.infer<typeof idCardViewSchema>;

export const printerViewSchema = z.object({
  name: z.string(),
  description: z.string(),
  state: z.enum(['idle', 'printing', 'stopped']),
  acceptingJobs: z.boolean(),
  isDefault: z.boolean(),
  reasons: z.array(z.string()),
  message: z.string(),
  calibration: z.object({ x: z.number(), y: z.number() }).nullable(),
});
export type PrinterView = z.infer<typeof printerViewSchema>;

/** CUPS queue names or Windows printer names; each printing backend checks its own rules. */
const printerName = z.string().min(1).max(127).regex(/^[^\u0000-\u001f]+$/, '打印机名称不能包含控制字符');
const offsetMm = z.number().min(-20).max(20);

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
  'devices.printers': method({
    description: 'Printers known to the system, the one documents go to, and calibration offsets',
    input: z.object({}).strict(),
    output: z.object({
      printers: z.array(printerViewSchema),
      selected: z.string().nullable(),
      error: z.object({ code: z.string(), message: z.string() }).nullable(),
    }),
    access: 'any',
  }),
  'devices.printTestPage': method({
    description: 'Print the A4 calibration test page (with the printer calibration applied); audited',
    input: z.object({ printer: printerName.optional() }).strict(),
    output: z.object({ jobId: z.number().int(), printer: z.string() }),
    access: 'any',
  }),
  'devices.setCalibration': method({
    description: "Store a printer's calibration offsets in millimetres (x right, y down); audited",
    input: z.object({ printer: printerName, xMm: offsetMm, yMm: offsetMm }).strict(),
    output: okOutput,
    access: ['admin'],
  }),
  'devices.captureSignature': method({
    description: 'Show the prompt on the signature pad and wait for the signer to confirm; audited',
    input: z
      .object({ prompt: z.string().trim().min(1).max(64).default('请在签名板上签名'), timeoutSeconds: z.number().int().min(5).max(300).default(60) })
      .strict(),
    output: z.object({
      strokes: z.number().int(),
      points: z.number().int(),
      lostPoints: z.number().int(),
      svg: z.string(),
      pngDataUrl: z.string(),
    }),
    access: CARD_READERS,
  }),
  'devices.cancelSignature': method({
    description: 'Stop the signature capture in progress',
    input: z.object({}).strict(),
    output: okOutput,
    access: CARD_READERS,
  }),
  'devices.simulation': method({
    description: 'What the simulated devices hold (training mode panel)',
    input: z.object({}).strict(),
    output: z.object({
      sigpad: z
        .object({
          signing: z.boolean(),
          prompt: z.string(),
          area: z.object({ width: z.number(), height: z.number() }),
          samples: z.array(z.object({ id: z.string(), label: z.string() })),
        })
        .nullable(),
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
  'devices.simulateSign': method({
    description: "Play the signer on the simulated pad: a sample signature or the trainee's mouse strokes, then 确认",
    /** `forPrompt`: the prompt the trainee saw while writing; refused (SIGNATURE_TURN_CHANGED) when the pad shows another by now. */
    input: z.union([
      z.object({ sample: z.string().min(1).max(40), forPrompt: z.string().max(200).optional() }).strict(),
      z
        .object({
          forPrompt: z.string().max(200).optional(),
          strokes: z
            .array(z.array(z.object({ x: z.number().int().min(0).max(65535), y: z.number().int().min(0).max(65535), pressure: z.number().int().min(0).max(4095), t: z.number().int().min(0) }).strict()).min(1).max(5000))
            .min(1)
            .max(200),
        })
        .strict(),
    ]),
    output: okOutput,
    access: 'any',
  }),
  'devices.simulateSignerCancel': method({
    description: 'The simulated signer presses 取消',
    input: z.object({}).strict(),
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
