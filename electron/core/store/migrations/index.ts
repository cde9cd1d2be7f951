import { migration0001 } from './0001-accounts-and-audit';
import { migration0002 } from './0002-printer-calibration';
import { migration0003 } from './0003-cases';
import { migration0004 } from './0004-case-documents';
import { migration0005 } from './0005-sync';
import { migration0006 } from './0006-personal-data-at-rest';
import { migration0007 } from './0007-password-history';
import { migration0008 } from './0008-case-model-v2';
import { migration0009 } from './0009-mask-free-text';
import { migration0010 } from './0010-office-review';
import { migration0011 } from './0011-e-certificates';
import { migration0012 } from './0012-certificate-forms';
import { migration0013 } from './0013-issuance';
import { migration0014 } from './0014-notice-numbers';
import type { Migration } from './migration';

/** Every migration, in order. Never edit a released one: add the next number. */
export const MIGRATIONS: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005, migration0006, migration0007, migration0008, migration0009, migration0010, migration0011, migration0012, migration0013, migration0014];
export type { Migration } from './migration';
