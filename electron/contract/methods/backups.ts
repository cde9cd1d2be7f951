import { z } from 'zod';
import { method } from '../define';

export const backupViewSchema = z.object({
  file: z.string(),
  createdAt: z.string(),
  bytes: z.number().int(),
  /** daily, manual, before-migration-N, before-restore, … */
  reason: z.string(),
  /** SM4-sealed; false for a plaintext backup of an older release. */
  encrypted: z.boolean(),
  /** Checked (integrity, row counts) when it was written. */
  verified: z.boolean(),
  keyId: z.string().nullable(),
  /** Why the file cannot be used, or a warning; null when fine. */
  problem: z.string().nullable(),
});
export type BackupView = z.infer<typeof backupViewSchema>;

/** Only our own file names: no path, no other folder. */
export const backupFileSchema = z.string().max(200).regex(/^bdc-[\w-]+\.(bdcbak|sqlite)$/, '不是备份文件名');

export const backupMethods = {
  'backups.list': method({
    description: 'The backups in the data folder, newest first (encrypted ones, and plaintext ones of older releases marked)',
    input: z.object({}).strict(),
    output: z.array(backupViewSchema),
    access: ['admin'],
  }),
  'backups.create': method({
    description: 'Take an encrypted, verified backup now and prune old generations (audited)',
    input: z.object({}).strict(),
    output: backupViewSchema,
    access: ['admin'],
  }),
  'backups.restore': method({
    description:
      'Replace the live database with a backup: decrypted and verified first, the live file kept aside as *.before-restore-*, every session ends (audited)',
    input: z.object({ file: backupFileSchema }).strict(),
    output: z.object({ restored: z.string(), keptAs: z.string().nullable() }),
    access: ['admin'],
  }),
};
