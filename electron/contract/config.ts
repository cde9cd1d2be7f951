import { z } from 'zod';

/**
 * The workstation configuration file (`config.json` in the data folder). Every key has a
 * default, so a missing file means training mode with simulators. `.strict()` makes a typo an
 * error that names the field instead of a silently ignored key.
 */
export const officeCodeSchema = z.string().regex(/^\d{6}$/);

export const securityConfigSchema = z
  .object({
    /** Lock the screen after this many seconds without user input (等保: at most 10 minutes). */
    idleLockSeconds: z.number().int().min(5).max(600).default(600),
    maxFailedLogins: z.number().int().min(3).max(10).default(5),
    lockoutMinutes: z.number().int().min(10).max(1440).default(10),
  })
  .strict();

export const configSchema = z
  .object({
    /** 6-digit county code (GB/T 2260) of the registration office; set at first start. */
    officeCode: officeCodeSchema.nullable().default(null),
    officeName: z.string().min(1).max(60).nullable().default(null),
    mode: z.enum(['counter', 'kiosk', 'bank']).default('counter'),
    /** 培训模式: simulated devices and the local platform stand-in. The default on a fresh install. */
    training: z.boolean().default(true),
    security: securityConfigSchema.default({ idleLockSeconds: 600, maxFailedLogins: 5, lockoutMinutes: 10 }),
  })
  .strict();

export type WorkstationConfig = z.infer<typeof configSchema>;

/** What the settings page may change; everything else is edited in the file by IT staff. */
export const configPatchSchema = z
  .object({
    officeName: z.string().trim().min(1).max(60).optional(),
    training: z.boolean().optional(),
    security: securityConfigSchema.partial().optional(),
  })
  .strict();
export type ConfigPatch = z.infer<typeof configPatchSchema>;
