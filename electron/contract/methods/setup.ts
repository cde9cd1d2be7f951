import { z } from 'zod';
import { method } from '../define';
import { displayNameSchema, passwordInput, sessionSchema, usernameSchema } from './shared';

export const setupMethods = {
  'setup.initialize': method({
    description: 'First start: set the office code and create the administrator, then log in',
    input: z
      .object({
        officeCode: z.string().trim(),
        officeName: z.string().trim().min(1).max(60),
        adminUsername: usernameSchema,
        adminDisplayName: displayNameSchema,
        password: passwordInput,
      })
      .strict(),
    output: sessionSchema,
    access: 'public',
  }),
};
