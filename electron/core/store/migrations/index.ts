import { migration0001 } from './0001-accounts-and-audit';
import type { Migration } from './migration';

/** Every migration, in order. Never edit a released one: add the next number. */
export const MIGRATIONS: readonly Migration[] = [migration0001];
export type { Migration } from './migration';
