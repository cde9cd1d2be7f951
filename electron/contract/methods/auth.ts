import { z } from 'zod';
import { method } from '../define';
import { empty, okOutput, passwordInput, sessionSchema, usernameSchema } from './shared';

export const authMethods = {
  'auth.session': method({
    description: 'The session of this window, or null',
    input: empty,
    output: sessionSchema,
    access: 'public',
    passive: true,
    whenLocked: true,
    whenPasswordChangeRequired: true,
  }),
  'auth.login': method({
    description: 'Log in; 5 failures lock the account for 10 minutes',
    input: z.object({ username: usernameSchema, password: passwordInput }).strict(),
    output: sessionSchema,
    access: 'public',
  }),
  'auth.logout': method({
    description: 'End the session',
    input: empty,
    output: okOutput,
    access: 'any',
    whenLocked: true,
    whenPasswordChangeRequired: true,
  }),
  'auth.lock': method({
    description: 'Lock the screen now (the work underneath is kept)',
    input: empty,
    output: sessionSchema,
    access: 'any',
    whenLocked: true,
    whenPasswordChangeRequired: true,
  }),
  'auth.activity': method({
    description: 'The user is working (keys, mouse): keeps the session from idling. Sent throttled.',
    input: empty,
    output: okOutput,
    access: 'any',
  }),
  'auth.unlock': method({
    description: "Unlock with the session user's password",
    input: z.object({ password: passwordInput }).strict(),
    output: sessionSchema,
    access: 'any',
    whenLocked: true,
    whenPasswordChangeRequired: true,
  }),
  'auth.changePassword': method({
    description: 'Change the own password (required after a reset)',
    input: z.object({ currentPassword: passwordInput, newPassword: passwordInput }).strict(),
    output: sessionSchema,
    access: 'any',
    whenPasswordChangeRequired: true,
  }),
};
