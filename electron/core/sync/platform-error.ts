/**
 * How a platform request failed, which decides what the engine does next:
 * - transient: the network, a timeout, 408/429/5xx, a command still running, a malformed answer:
 *   retry the same bytes with the same key after a back-off;
 * - tls: a certificate problem on either side: retried too (IT staff can fix the configuration
 *   without anyone touching the queue), but the reason is shown as the link status;
 * - permanent: the platform understood and refused (other 4xx): a dead letter for a supervisor.
 * `answered` says whether the platform answered at all (the link is up even when it refuses).
 */
export type PlatformFailureKind = 'transient' | 'tls' | 'permanent';

export class PlatformError extends Error {
  readonly kind: PlatformFailureKind;
  /** The HTTP status ("503") or the transport code ("ECONNRESET") for the outbox row. */
  readonly code: string;
  readonly answered: boolean;
  /** The platform's own error code (CASE_EXISTS …) when it sent one. */
  readonly platformCode: string | null;
  /** Seconds the platform asked us to wait (Retry-After), if any. */
  readonly retryAfterMs: number | null;

  constructor(
    kind: PlatformFailureKind,
    code: string,
    message: string,
    options: { answered: boolean; platformCode?: string | null; retryAfterMs?: number | null },
  ) {
    super(message);
    this.name = 'PlatformError';
    this.kind = kind;
    this.code = code;
    this.answered = options.answered;
    this.platformCode = options.platformCode ?? null;
    this.retryAfterMs = options.retryAfterMs ?? null;
  }
}

/** A file of this workstation cannot be sent as it is (missing or changed on disk): no retry helps. */
export class LocalBlobError extends Error {
  readonly hash: string;
  constructor(hash: string, message: string) {
    super(message);
    this.name = 'LocalBlobError';
    this.hash = hash;
  }
}

export const TLS_SERVER_UNTRUSTED = '平台证书不受信任：不是由配置的平台 CA 签发';
export const TLS_CLIENT_REFUSED = '平台拒绝了本机的客户端证书（缺失或不是平台 CA 签发）';

/** OpenSSL verify codes for a server certificate that does not chain to the pinned CA. */
const UNTRUSTED_SERVER = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_SIGNATURE_FAILURE',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'INVALID_CA',
]);
const NETWORK = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'ECONNABORTED', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN', 'EAI_AGAIN', 'ENOTFOUND', 'ERR_SOCKET_CONNECTION_TIMEOUT']);

/**
 * A request that got no HTTP answer. `hasClientCert` matters for one ambiguity: in TLS 1.3 the
 * server checks our certificate after the client considers the handshake done, so a refusal
 * usually arrives as an alert (ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED, …UNKNOWN_CA) but can
 * also look like a plain reset; a reset when we have no certificate at all is read as the refusal.
 */
export function transportFailure(err: unknown, context: { hasClientCert: boolean; timeoutMs: number }): PlatformError {
  const e = err as { code?: string; message?: string; cause?: { code?: string } };
  // axios wraps the socket's error: its `cause` carries the precise code (the TLS alert, the errno).
  const code = e.cause?.code ?? e.code ?? 'ENETWORK';
  const message = `${e.message ?? ''} ${(e.cause as { message?: string } | undefined)?.message ?? ''}`;
  const opts = { answered: false } as const;
  if (UNTRUSTED_SERVER.has(code)) return new PlatformError('tls', code, TLS_SERVER_UNTRUSTED, opts);
  if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID') return new PlatformError('tls', code, '平台证书已过期或尚未生效：请联系省级平台核实证书', opts);
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return new PlatformError('tls', code, '平台证书与配置的平台地址不符：请核对 platform.url', opts);
  if (/^ERR_SSL_.*ALERT/.test(code) || /alert (certificate required|unknown ca|bad certificate|handshake failure|access denied|certificate unknown)/i.test(message)) {
    return new PlatformError('tls', code, TLS_CLIENT_REFUSED, opts);
  }
  if (/^ERR_SSL_|^ERR_TLS_|^ERR_OSSL_/.test(code)) return new PlatformError('tls', code, `与省级平台建立安全连接失败（${code}）：请检查证书配置`, opts);
  const reset = code === 'ECONNRESET' || code === 'EPIPE' || /socket hang up/i.test(message);
  if (reset && !context.hasClientCert) return new PlatformError('tls', code, TLS_CLIENT_REFUSED, opts);
  if (code === 'ECONNABORTED' || code === 'ETIMEDOUT' || /timeout/i.test(message)) {
    return new PlatformError('transient', code === 'ECONNABORTED' ? 'ETIMEDOUT' : code, `省级平台在 ${context.timeoutMs} 毫秒内没有应答：稍后自动重试`, opts);
  }
  if (code === 'ECONNREFUSED') return new PlatformError('transient', code, '无法连接省级平台（连接被拒绝）：平台服务未运行或地址有误，稍后自动重试', opts);
  if (NETWORK.has(code) || reset) return new PlatformError('transient', code, `与省级平台的连接中断（${code}）：请检查网络，稍后自动重试`, opts);
  return new PlatformError('transient', code, `无法连接省级平台（${code}）：请检查网络，稍后自动重试`, opts);
}

/** An HTTP answer that is not a success: transient or permanent by status (and the platform's code). */
export function answerFailure(status: number, body: { code: string; message: string } | null, retryAfterMs: number | null): PlatformError {
  const code = String(status);
  const platformCode = body?.code ?? null;
  const said = body ? `${body.message}（${body.code}）` : `HTTP ${status}`;
  const opts = { answered: true, platformCode, retryAfterMs };
  if (status === 409 && platformCode === 'IDEMPOTENCY_IN_PROGRESS') return new PlatformError('transient', code, '平台仍在处理同一指令：稍后自动重试', opts);
  if (status === 408) return new PlatformError('transient', code, `省级平台等待请求超时（HTTP 408）：稍后自动重试`, opts);
  if (status === 429) return new PlatformError('transient', code, `省级平台繁忙（HTTP 429）：稍后自动重试`, opts);
  if (status >= 500) return new PlatformError('transient', code, `省级平台暂时不可用（HTTP ${status}）：稍后自动重试`, opts);
  if (status >= 400) return new PlatformError('permanent', code, `平台拒绝：${said}`, opts);
  return new PlatformError('transient', code, `省级平台返回了意外的应答（HTTP ${status}）：稍后自动重试`, opts);
}

/** A 2xx answer whose body is not what API.md says: never trusted, never a crash, retried. */
export function malformedAnswer(what: string, detail: string): PlatformError {
  return new PlatformError('transient', 'MALFORMED_ANSWER', `省级平台的应答格式不正确（${what}：${detail}）：稍后自动重试`, { answered: true });
}
