import { z } from 'zod';
import { roleSchema } from '../roles';

export const empty = z.object({}).strict();
export const okOutput = z.object({ ok: z.literal(true) });
export const isoTime = z.string();

export const usernameSchema = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_.-]{2,31}$/, '用户名为 3–32 位小写字母、数字、点、下划线或连字符，以字母开头');
export const displayNameSchema = z.string().trim().min(1).max(40);
/** Length bound only: the password policy is checked in core so it can answer WEAK_PASSWORD. */
export const passwordInput = z.string().min(1).max(128);

export const sessionUserSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
});

export const sessionSchema = z
  .object({
    user: sessionUserSchema,
    locked: z.boolean(),
    mustChangePassword: z.boolean(),
    /** Why the change is required: true = the password is older than security.passwordMaxAgeDays; false = set by an administrator. */
    passwordExpired: z.boolean(),
    idleLockSeconds: z.number().int(),
  })
  .nullable();
export type SessionView = z.infer<typeof sessionSchema>;
