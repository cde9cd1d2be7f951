import type { z } from 'zod';
import type { Access } from './roles';

/**
 * One entry of the contract. Both hosts derive everything from it: the channel / URL, input
 * validation, the role check and output validation.
 */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  description: string;
  input: I;
  output: O;
  access: Access;
  /** Passive calls (status polls) do not count as user activity for the idle lock. */
  passive?: boolean;
  /** Callable while the screen is locked (unlock, logout, session status). */
  whenLocked?: boolean;
  /** Callable while the user still has to change a reset password. */
  whenPasswordChangeRequired?: boolean;
}

export function method<I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>): MethodSpec<I, O> {
  return spec;
}
