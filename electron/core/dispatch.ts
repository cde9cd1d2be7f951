import {
  AppError,
  backendIdleLimitMs,
  contract,
  DEFAULT_MESSAGES,
  findUnsafeText,
  isMethodName,
  maskPersonalData,
  maskPersonalText,
  type ContractError,
  type MethodName,
  type MethodSpec,
  type Result,
} from '../contract';
import type { Handlers } from './handler';
import { audit, type CallContext, type Services } from './services';
import type { Session } from './auth/sessions';

/** Methods that still work while the database is damaged. */
const RECOVERY_METHODS = new Set<MethodName>(['app.info', 'auth.session', 'recovery.restoreBackup', 'recovery.startEmpty']);

export type Dispatch = (clientId: string, method: string, input: unknown) => Promise<Result<unknown>>;

/**
 * The single entry point both hosts call: validate the input, check the session and the role,
 * run the handler, validate the output. Errors become `{ ok: false, error: { code, message } }`;
 * unexpected exceptions are logged without their data and reported as INTERNAL.
 */
export function createDispatch(services: Services, handlers: Handlers, log: (msg: string) => void): Dispatch {
  return async (clientId, name, rawInput) => {
    if (!isMethodName(name)) return failure(new AppError('UNKNOWN_METHOD'));
    const spec = contract[name] as MethodSpec;
    const now = services.clock();
    try {
      if (services.recovery && !RECOVERY_METHODS.has(name)) throw new AppError('RECOVERY_MODE');
      // Access first: a caller without the role learns nothing about the method's input rules.
      const session = checkAccess(services, clientId, name, spec, now);
      // NUL and lone surrogates are refused for every string field of every method, here.
      const unsafe = findUnsafeText(rawInput);
      if (unsafe) throw badRequest({ path: unsafe.field === '输入' ? [] : unsafe.field.split('.'), message: unsafe.message });
      const parsed = spec.input.safeParse(rawInput ?? {});
      if (!parsed.success) throw badRequest(parsed.error.issues[0]);
      const ctx: CallContext = { clientId, session, services, now };
      const handler = handlers[name] as (c: CallContext, i: unknown) => unknown;
      const output = await handler(ctx, parsed.data);
      if (!spec.passive) services.sessions.touch(clientId, now.getTime());
      const checked = spec.output.safeParse(output);
      if (!checked.success) {
        log(`output of ${name} does not match the contract: ${checked.error.issues[0]?.path.join('.')}`);
        return failure(new AppError('INTERNAL'));
      }
      return { ok: true, value: checked.data };
    } catch (err) {
      if (err instanceof AppError) return failure(err);
      // Never log the error's data: it may hold personal data. Name and stack are enough.
      log(`${name} failed: ${(err as Error)?.stack ?? String(err)}`);
      return failure(new AppError('INTERNAL'));
    }
  };
}

function checkAccess(services: Services, clientId: string, name: MethodName, spec: MethodSpec, now: Date): Session | null {
  const session = services.sessions.get(clientId) ?? null;
  if (spec.access === 'public') return session;
  if (!session) throw new AppError('NOT_AUTHENTICATED');
  if (!session.locked && now.getTime() - session.lastActivity >= backendIdleLimitMs(services.config.value.security.idleLockSeconds)) {
    session.locked = true;
  }
  if (session.locked && !spec.whenLocked) throw new AppError('SESSION_LOCKED');
  if (session.mustChangePassword && !spec.whenPasswordChangeRequired) throw new AppError('PASSWORD_CHANGE_REQUIRED');
  if (spec.access !== 'any' && !spec.access.includes(session.role)) {
    audit({ clientId, session, services, now }, { action: 'access.denied', object: name, result: 'failure', detail: { role: session.role } });
    throw new AppError('FORBIDDEN');
  }
  return session;
}

function badRequest(issue: { path: PropertyKey[]; message: string } | undefined): AppError {
  const field = issue?.path.map(String).join('.') ?? '';
  return new AppError('BAD_REQUEST', `${DEFAULT_MESSAGES.BAD_REQUEST}（${field || '输入'}：${issue?.message ?? ''}）`, { field });
}

/** Errors leave core masked (DOMAIN.md §8): a message or detail never carries a full ID or phone number. */
function failure(err: AppError): { ok: false; error: ContractError } {
  const error = err.toContractError();
  const masked: ContractError = { ...error, message: maskPersonalText(error.message) };
  if (error.details !== undefined) masked.details = maskPersonalData(error.details);
  return { ok: false, error: masked };
}
