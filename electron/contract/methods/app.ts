import { z } from 'zod';
import { method } from '../define';
import { empty } from './shared';
import { officeCodeSchema } from '../config';
import { deviceStatusSchema } from './devices';
import { platformStatusSchema } from './sync';

export const backupSchema = z.object({ file: z.string(), createdAt: z.string(), bytes: z.number() });

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  host: z.enum(['web', 'electron']),
  training: z.boolean(),
  mode: z.enum(['counter', 'kiosk', 'bank']),
  officeCode: officeCodeSchema.nullable(),
  officeName: z.string().nullable(),
  officeRegion: z.string().nullable(),
  initialized: z.boolean(),
  recovery: z
    .object({
      reason: z.string(),
      databasePath: z.string(),
      details: z.array(z.string()),
      backups: z.array(backupSchema),
    })
    .nullable(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const appMethods = {
  'app.info': method({
    description: 'Version, mode, office and whether first-start setup or recovery is needed',
    input: empty,
    output: appInfoSchema,
    access: 'public',
    passive: true,
    whenLocked: true,
    whenPasswordChangeRequired: true,
  }),
  'status.get': method({
    description: 'Platform link and device status for the top bar',
    input: empty,
    output: z.object({
      platform: platformStatusSchema,
      devices: z.array(deviceStatusSchema),
    }),
    access: 'any',
    passive: true,
  }),
};
