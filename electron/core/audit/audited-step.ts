import { AppError } from '../../contract';
import { audit, type CallContext } from '../services';

/**
 * Runs a step and audits it, success or refusal (the refusal with its error code): claims, review
 * decisions, 登簿 and 发证 are what supervisors reconstruct afterwards, including who was turned away.
 */
export async function audited<T>(ctx: CallContext, action: string, subject: string, detail: Record<string, unknown>, fn: () => Promise<T> | T): Promise<T> {
  try {
    const value = await fn();
    audit(ctx, { action, object: subject, result: 'success', detail });
    return value;
  } catch (err) {
    const code = err instanceof AppError ? err.code : 'INTERNAL';
    audit(ctx, { action, object: subject, result: 'failure', detail: { ...detail, code } });
    throw err;
  }
}
