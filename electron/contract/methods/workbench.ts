import { z } from 'zod';
import { method } from '../define';
import { roleSchema } from '../roles';
import { auditRecordSchema } from './audit';

export const workbenchSummarySchema = z.object({
  lastLoginAt: z.string().nullable(),
  passwordChangedAt: z.string(),
  passwordAgeDays: z.number().int(),
  myRecentActions: z.array(auditRecordSchema),
  /** Office-wide figures, for administrators and supervisors only. */
  office: z
    .object({
      usersByRole: z.array(z.object({ role: roleSchema, active: z.number().int(), disabled: z.number().int() })),
      lockedAccounts: z.array(z.object({ username: z.string(), until: z.string() })),
      failedLoginsToday: z.number().int(),
      auditRecords: z.number().int(),
    })
    .nullable(),
});
export type WorkbenchSummary = z.infer<typeof workbenchSummarySchema>;

export const workbenchMethods = {
  'workbench.summary': method({
    description: "The home page of the user's role: own account, own recent actions, office figures by role",
    input: z.object({}).strict(),
    output: workbenchSummarySchema,
    access: 'any',
    passive: true,
  }),
};
