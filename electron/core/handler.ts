import type { MethodName, MethodOutput, ParsedInput } from '../contract';
import type { CallContext } from './services';

/** The core side of one contract method. */
export type Handler<M extends MethodName> = (
  ctx: CallContext,
  input: ParsedInput<M>,
) => Promise<MethodOutput<M>> | MethodOutput<M>;

/** Exactly one handler per contract method: the compiler flags a missing or extra one. */
export type Handlers = { [M in MethodName]: Handler<M> };
