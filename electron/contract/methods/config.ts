import { z } from 'zod';
import { method } from '../define';
import { configPatchSchema, configSchema } from '../config';

export const configViewSchema = z.object({
  path: z.string(),
  dataDir: z.string(),
  fileExists: z.boolean(),
  /** Secrets blanked (platform.pfxPassphrase is always null here): secrets never leave core. */
  effective: configSchema,
  /** Whether each secret is set: administrators only. */
  secrets: z.object({ platformPfxPassphrase: z.boolean() }).optional(),
});

export const configMethods = {
  'config.get': method({
    description: 'The effective configuration and where it comes from',
    input: z.object({}).strict(),
    output: configViewSchema,
    access: 'any',
  }),
  'config.update': method({
    description: 'Change the settings an administrator may change from the UI (audited)',
    input: configPatchSchema,
    output: configViewSchema,
    access: ['admin'],
  }),
};
