import { z } from 'zod';
import { method } from '../define';
import { roleSchema } from '../roles';
import { displayNameSchema, passwordInput, usernameSchema } from './shared';

export const userSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  lockedUntil: z.string().nullable(),
  failedLogins: z.number().int(),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
});
export type UserView = z.infer<typeof userSchema>;

const userId = z.number().int().positive();

export const userMethods = {
  'users.list': method({
    description: 'All accounts',
    input: z.object({}).strict(),
    output: z.array(userSchema),
    access: ['admin'],
  }),
  'users.create': method({
    description: 'Create an account with a temporary password (changed at first login)',
    input: z
      .object({
        username: usernameSchema,
        displayName: displayNameSchema,
        role: roleSchema,
        temporaryPassword: passwordInput,
      })
      .strict(),
    output: userSchema,
    access: ['admin'],
  }),
  'users.update': method({
    description: "Change an account's display name or role",
    input: z.object({ id: userId, displayName: displayNameSchema.optional(), role: roleSchema.optional() }).strict(),
    output: userSchema,
    access: ['admin'],
  }),
  'users.setDisabled': method({
    description: 'Disable or re-enable an account',
    input: z.object({ id: userId, disabled: z.boolean() }).strict(),
    output: userSchema,
    access: ['admin'],
  }),
  'users.resetPassword': method({
    description: 'Set a temporary password; the user must change it at next login. Clears a lockout.',
    input: z.object({ id: userId, temporaryPassword: passwordInput }).strict(),
    output: userSchema,
    access: ['admin'],
  }),
  'users.unlock': method({
    description: 'Clear a lockout after failed logins',
    input: z.object({ id: userId }).strict(),
    output: userSchema,
    access: ['admin'],
  }),
};
