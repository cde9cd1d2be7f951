import { z } from 'zod';
import { method } from '../define';
import type { Role } from '../roles';
import { freeText } from '../validation/free-text';

/**
 * 缮证 (issue #12 part 4): the office's stock of blank certificate forms (印制号) and printing
 * registered certificates on them. The print queue is the office's (the platform's `office.case`
 * feed, whichever counter accepted the case); `caseId` is the office cache's id, as in review.
 */

/** 缮证 is the supervisor's desk (roles.ts: 缮证发证/统计). */
export const CERTIFIERS: readonly Role[] = ['supervisor'];

export const FORM_STATE_VALUES = ['unused', 'issued', 'used', 'void', 'lost', 'destroyed'] as const;
export const formStateSchema = z.enum(FORM_STATE_VALUES);
export type FormStateValue = z.infer<typeof formStateSchema>;
export const FORM_STATE_TEXT: Record<FormStateValue, string> = { unused: '未使用', issued: '已领用', used: '已使用', void: '作废', lost: '遗失', destroyed: '销毁' };

export const formTypeSchema = z.enum(['certificate', 'proof']);
export type FormTypeValue = z.infer<typeof formTypeSchema>;
export const FORM_TYPE_TEXT: Record<FormTypeValue, string> = { certificate: '不动产权证书', proof: '不动产登记证明' };

/** 印制号 as typed or scanned: digits only (a scanner may add a newline; trimmed). */
export const formSerialSchema = z
  .string()
  .trim()
  .regex(/^\d{6,15}$/, '印制号应为 6～15 位数字');

const countsSchema = z.object({
  unused: z.number().int(),
  issued: z.number().int(),
  used: z.number().int(),
  void: z.number().int(),
  lost: z.number().int(),
  destroyed: z.number().int(),
  total: z.number().int(),
});

export const formBatchViewSchema = z.object({
  id: z.number().int(),
  year: z.number().int(),
  countyCode: z.string(),
  formType: formTypeSchema,
  firstSerial: z.string(),
  lastSerial: z.string(),
  count: z.number().int(),
  receivedAt: z.string(),
  receivedBy: z.string(),
});

export const formViewSchema = z.object({
  serial: z.string(),
  formType: formTypeSchema,
  state: formStateSchema,
  holder: z.string().nullable(),
  caseNumber: z.string().nullable(),
  certificateNumber: z.string().nullable(),
  updatedAt: z.string(),
});

export const formEventViewSchema = z.object({
  fromState: formStateSchema.nullable(),
  toState: formStateSchema,
  at: z.string(),
  actor: z.string(),
  reason: z.string().nullable(),
  holder: z.string().nullable(),
  caseNumber: z.string().nullable(),
  certificateNumber: z.string().nullable(),
});

export const printQueueItemSchema = z.object({
  caseId: z.number().int(),
  caseNumber: z.string(),
  number: z.string(),
  kind: formTypeSchema,
  /** 权利人, masked. */
  holders: z.string(),
  registeredAt: z.string().nullable(),
  /** Printed on a sheet (here or at another desk of the office), with the sheet's 印制号. */
  printed: z.boolean(),
  formSerial: z.string().nullable(),
});
export type PrintQueueItem = z.infer<typeof printQueueItemSchema>;

export const printResultSchema = z.object({
  caseId: z.number().int(),
  number: z.string(),
  formSerial: z.string(),
  printer: z.string(),
  jobId: z.number().int(),
  /** SM3 of the archived PDF as printed (calibration applied). */
  pdfHash: z.string(),
});

const printItemSchema = z.object({ caseId: z.number().int().positive(), number: z.string().min(1).max(60), formSerial: formSerialSchema }).strict();
const printerSchema = z.string().min(1).max(127).optional();

export const certificatePrintMethods = {
  'certificatePrint.stock': method({
    description: '证书印制号库存: counts per state (per form type and all) and the batches received',
    input: z.object({}).strict(),
    output: z.object({ all: countsSchema, certificate: countsSchema, proof: countsSchema, batches: z.array(formBatchViewSchema) }),
    access: CERTIFIERS,
  }),
  'certificatePrint.receiveBatch': method({
    description: 'Book a delivery of blank forms (印制号 range); an overlap with any earlier range is refused (FORM_BATCH_OVERLAP); audited',
    input: z
      .object({
        year: z.number().int().min(2015).max(2100),
        countyCode: z.string().regex(/^\d{6}$/, '县级行政区划代码应为 6 位数字'),
        formType: formTypeSchema,
        firstSerial: formSerialSchema,
        lastSerial: formSerialSchema,
      })
      .strict(),
    output: formBatchViewSchema,
    access: CERTIFIERS,
  }),
  'certificatePrint.forms': method({
    description: 'Blank forms, by state and type, in 印制号 order',
    input: z.object({ state: formStateSchema.optional(), formType: formTypeSchema.optional(), limit: z.number().int().min(1).max(200).default(50), offset: z.number().int().min(0).default(0) }).strict(),
    output: z.object({ rows: z.array(formViewSchema), total: z.number().int() }),
    access: CERTIFIERS,
  }),
  'certificatePrint.formHistory': method({
    description: "One form's history: every state change with person, time, reason and case",
    input: z.object({ serial: formSerialSchema }).strict(),
    output: z.object({ form: formViewSchema, events: z.array(formEventViewSchema) }),
    access: CERTIFIERS,
  }),
  'certificatePrint.changeForm': method({
    description: '领用 (to a printer or person), 作废, 遗失, 销毁 of a blank form, with the reason; decided in one transaction; audited',
    input: z
      .object({ serial: formSerialSchema, action: z.enum(['issue', 'void', 'lose', 'destroy']), reason: freeText(z.string().trim().max(200)).optional(), holder: z.string().trim().max(60).optional() })
      .strict(),
    output: formViewSchema,
    access: CERTIFIERS,
  }),
  'certificatePrint.queue': method({
    description: "The office's registered certificates to print (from the office.case feed), printed or not",
    input: z.object({ printed: z.boolean().optional() }).strict(),
    output: z.array(printQueueItemSchema),
    access: CERTIFIERS,
  }),
  'certificatePrint.print': method({
    description:
      'Print certificates on the pre-printed forms in the tray, in order (one 印制号 each, checked against the stock), through CUPS with the printer calibration; each archived with its 印制号 and told to the platform; stops at the first failure',
    input: z.object({ items: z.array(printItemSchema).min(1).max(100), printer: printerSchema }).strict(),
    output: z.object({ printed: z.array(printResultSchema) }),
    access: CERTIFIERS,
  }),
  'certificatePrint.spoil': method({
    description: 'A print came out spoiled: its form is voided with the reason, and the certificate returns to the queue for a reprint on a new form; audited',
    input: z.object({ number: z.string().min(1).max(60), formSerial: formSerialSchema, reason: freeText(z.string().trim().min(1, '请填写作废原因').max(200)) }).strict(),
    output: z.object({ ok: z.literal(true) }),
    access: CERTIFIERS,
  }),
  'certificatePrint.printGrid': method({
    description: 'Print the calibration grid of the certificate form (mm rulers and the field boxes), with or without the printer calibration',
    input: z.object({ printer: printerSchema, withCalibration: z.boolean().default(false) }).strict(),
    output: z.object({ printer: z.string(), jobId: z.number().int() }),
    access: CERTIFIERS,
  }),
};
