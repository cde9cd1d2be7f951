import type { ContractError, EventName, MethodInput, MethodName, MethodOutput } from '../../../electron/contract';
import { pickTransport, type Transport } from './transport';

/** A contract error thrown by `call`: `code` is stable, `message` is for the user. */
export class ApiError extends Error {
  readonly code: ContractError['code'];
  readonly details?: Record<string, unknown>;
  constructor(error: ContractError) {
    super(error.message);
    this.name = 'ApiError';
    this.code = error.code;
    this.details = error.details;
  }
}

let transport: Transport | null = null;
function current(): Transport {
  transport ??= pickTransport();
  return transport;
}

/** Calls a contract method; typed by the contract, throws ApiError on `{ ok: false }`. */
export async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await current().call(method, input);
  if (!result.ok) throw new ApiError(result.error);
  return result.value as MethodOutput<M>;
}

export function onEvent(event: EventName, listener: (payload: unknown) => void): () => void {
  return current().on(event, listener);
}

export function hostKind(): 'electron' | 'web' {
  return current().host;
}
