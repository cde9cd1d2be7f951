import { z } from 'zod';
import { method } from '../define';
import { okOutput } from './shared';

// Recovery methods are public because nobody can log in while the database (and so the accounts)
// is unreadable. They answer NOT_IN_RECOVERY unless the database failed its check at start.
export const recoveryMethods = {
  'recovery.restoreBackup': method({
    description: 'Replace the damaged database with a verified backup, encrypted or an older plaintext one (the damaged file is kept aside)',
    input: z.object({ file: z.string().max(200).regex(/^bdc-[\w-]+\.(bdcbak|sqlite)$/) }).strict(),
    output: okOutput,
    access: 'public',
  }),
  'recovery.startEmpty': method({
    description: 'Move the damaged database aside and start with an empty one',
    input: z.object({ confirm: z.literal('我已了解数据将不可用') }).strict(),
    output: okOutput,
    access: 'public',
  }),
};
