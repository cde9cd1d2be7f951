import { z } from 'zod';
import { method } from '../define';
import type { Role } from '../roles';
import { caseStatusSchema } from './cases';

const COUNTER: readonly Role[] = ['clerk', 'supervisor', 'admin'];

/** One case in a work-queue list: enough to recognise it and open it with one click. */
export const workQueueItemSchema = z.object({
  id: z.number().int(),
  caseNumber: z.string().nullable(),
  businessType: z.string(),
  status: caseStatusSchema,
  names: z.string(),
  addresses: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  acceptedAt: z.string().nullable(),
  promisedDate: z.string().nullable(),
  statusReason: z.string().nullable(),
});
export type WorkQueueItem = z.infer<typeof workQueueItemSchema>;

export const WORK_QUEUE_LISTS = ['myDrafts', 'awaitingCorrection', 'readyToCollect', 'acceptedToday', 'nearDue'] as const;
export type WorkQueueList = (typeof WORK_QUEUE_LISTS)[number];

export const workQueueSchema = z.object({
  /** The Asia/Shanghai calendar day the lists were made for. */
  today: z.string(),
  /** Each list newest first, at most `limit` items; `totals` counts all. */
  lists: z.object({
    myDrafts: z.array(workQueueItemSchema),
    awaitingCorrection: z.array(workQueueItemSchema),
    readyToCollect: z.array(workQueueItemSchema),
    acceptedToday: z.array(workQueueItemSchema),
    nearDue: z.array(workQueueItemSchema),
  }),
  totals: z.object({
    myDrafts: z.number().int(),
    awaitingCorrection: z.number().int(),
    readyToCollect: z.number().int(),
    acceptedToday: z.number().int(),
    nearDue: z.number().int(),
  }),
});
export type WorkQueue = z.infer<typeof workQueueSchema>;

export const workQueueMethods = {
  'workqueue.get': method({
    description:
      "The counter's work on 工作台: the user's own drafts, cases waiting for 补正, cases ready to collect (缮证 done), the user's cases accepted today, and open cases due within the next working days",
    input: z.object({ limit: z.number().int().min(1).max(50).default(8), nearDueDays: z.number().int().min(0).max(10).default(2) }).strict(),
    output: workQueueSchema,
    access: COUNTER,
    passive: true,
  }),
};
