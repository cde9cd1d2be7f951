import https from 'node:https';
import axios, { type AxiosInstance, type AxiosRequestConfig, type AxiosResponse } from 'axios';
import type { z } from 'zod';
import pkg from '../../../package.json';
import {
  changesAnswerSchema,
  errorAnswerSchema,
  healthAnswerSchema,
  submitAnswerSchema,
  auditAnswerSchema,
  unitAnswerSchema,
  withdrawAnswerSchema,
  type BlobState,
  type ChangesAnswer,
  type ChunkOutcome,
  type SubmitAnswer,
  type UnitAnswer,
  type WithdrawAnswer,
} from './platform-answers';
import { hasClientCertificate, type PlatformConnection } from './platform-connection';
import { answerFailure, malformedAnswer, PlatformError, TLS_CLIENT_REFUSED, transportFailure } from './platform-error';
import { diagnoseClientCertificate } from './tls-diagnosis';

/** Every request's fate, for the link status: answered (even with an error status) or not. */
export type RequestOutcome = { answered: true } | { answered: false; error: PlatformError };

/** The request was cancelled because the engine is stopping: not a failure of the platform. */
export class RequestCancelled extends Error {
  constructor() {
    super('request cancelled');
    this.name = 'RequestCancelled';
  }
}

export interface PlatformClientOptions {
  timeoutMs: number;
  /** Sockets kept to the platform (parallel cases + the feed + a look-up). */
  maxSockets?: number;
  onOutcome?: (outcome: RequestOutcome) => void;
}

/**
 * The provincial platform API (test/platform/API.md) over mutual TLS. One keep-alive agent holds
 * the pinned CA and the client certificate: `ca` replaces Node's trust store for these
 * connections, so a certificate from any other CA — public ones included — is refused. Statuses
 * never throw inside axios (`validateStatus`); every answer is checked here, and every failure is
 * a PlatformError that says whether to retry.
 */
export class PlatformClient {
  readonly baseUrl: string;
  private readonly agent: https.Agent;
  private readonly http: AxiosInstance;
  private readonly hasClientCert: boolean;
  /** Whether the last request got an HTTP answer: then our certificate is known to be accepted. */
  private answeredLast = false;

  constructor(
    readonly connection: PlatformConnection,
    private readonly options: PlatformClientOptions,
  ) {
    this.baseUrl = apiBase(connection.url);
    this.hasClientCert = hasClientCertificate(connection);
    this.agent = new https.Agent({
      ca: connection.ca,
      cert: connection.cert,
      key: connection.key,
      pfx: connection.pfx,
      passphrase: connection.passphrase,
      keepAlive: true,
      maxSockets: options.maxSockets ?? 8,
    });
    this.http = axios.create({
      baseURL: this.baseUrl,
      httpsAgent: this.agent,
      timeout: options.timeoutMs,
      validateStatus: () => true,
      // The government extranet is reached directly; an HTTPS proxy would break the pinned mutual TLS.
      proxy: false,
      maxRedirects: 0,
      responseType: 'text',
      transformResponse: [(data: unknown) => data],
      maxContentLength: 32 * 1024 * 1024,
      headers: { Accept: 'application/json', 'User-Agent': `bdc-workstation/${pkg.version}` },
    });
  }

  async health(signal?: AbortSignal): Promise<void> {
    const res = await this.request({ method: 'GET', url: '/health' }, signal);
    if (res.status !== 200) throw this.failureOf(res);
    parseJson(res, healthAnswerSchema, '健康检查');
  }

  /** POST /cases with the stored body bytes under the command's key; a replay returns the first answer. */
  async submitCase(key: string, body: string, signal?: AbortSignal): Promise<{ answer: SubmitAnswer; replayed: boolean }> {
    const res = await this.request({ method: 'POST', url: '/cases', data: Buffer.from(body, 'utf8'), headers: commandHeaders(key) }, signal);
    if (res.status !== 201 && res.status !== 200) throw this.failureOf(res);
    return { answer: parseJson(res, submitAnswerSchema, '提交业务'), replayed: res.headers['idempotent-replayed'] === 'true' };
  }

  async withdrawCase(caseNumber: string, key: string, body: string, signal?: AbortSignal): Promise<WithdrawAnswer> {
    const res = await this.request(
      { method: 'POST', url: `/cases/${encodeURIComponent(caseNumber)}/withdrawal`, data: Buffer.from(body, 'utf8'), headers: commandHeaders(key) },
      signal,
    );
    if (res.status !== 200 && res.status !== 201) throw this.failureOf(res);
    return parseJson(res, withdrawAnswerSchema, '撤回业务');
  }

  /** HEAD /blobs/{hash}: how many bytes the platform holds and whether the file is verified. */
  async blobState(hash: string, signal?: AbortSignal): Promise<BlobState> {
    const res = await this.request({ method: 'HEAD', url: `/blobs/${hash}` }, signal);
    if (res.status !== 200) throw this.failureOf(res);
    const offset = headerInt(res, 'upload-offset');
    if (offset === null) throw malformedAnswer('文件状态', '缺少 Upload-Offset');
    return { offset, length: headerInt(res, 'upload-length'), complete: res.headers['upload-complete'] === '?1' };
  }

  /** PATCH /blobs/{hash}: the bytes from `offset`. Offset and hash mismatches are outcomes, not errors. */
  async sendChunk(hash: string, offset: number, bytes: Buffer, signal?: AbortSignal, onProgress?: (sent: number) => void): Promise<ChunkOutcome> {
    const res = await this.request(
      {
        method: 'PATCH',
        url: `/blobs/${hash}`,
        data: bytes,
        headers: { 'Content-Type': 'application/offset+octet-stream', 'Upload-Offset': String(offset) },
        onUploadProgress: onProgress ? (e) => onProgress(e.loaded) : undefined,
      },
      signal,
    );
    if (res.status === 204 || res.status === 200) {
      const next = headerInt(res, 'upload-offset');
      if (next === null) throw malformedAnswer('文件上传', '缺少 Upload-Offset');
      return { kind: 'accepted', offset: next, complete: res.headers['upload-complete'] === '?1' };
    }
    const code = errorCodeOf(res);
    if (res.status === 409 && code === 'OFFSET_MISMATCH') return { kind: 'offsetMismatch', offset: headerInt(res, 'upload-offset') };
    if (res.status === 422 && code === 'HASH_MISMATCH') return { kind: 'hashMismatch' };
    throw this.failureOf(res);
  }

  /** Sends a batch of audit records upward (a command: same key and bytes on every retry). */
  async pushAudit(key: string, body: string, signal?: AbortSignal): Promise<{ stored: number; highestSeq: number | null }> {
    const res = await this.request({ method: 'POST', url: '/audit-records', data: Buffer.from(body, 'utf8'), headers: commandHeaders(key) }, signal);
    if (res.status !== 200) throw this.failureOf(res);
    return parseJson(res, auditAnswerSchema, '审计记录上报');
  }

  async changes(after: string | null, limit: number, signal?: AbortSignal): Promise<ChangesAnswer> {
    const res = await this.request({ method: 'GET', url: '/changes', params: after === null ? { limit } : { after, limit } }, signal);
    if (res.status !== 200) throw this.failureOf(res);
    return parseJson(res, changesAnswerSchema, '变更');
  }

  /** GET /units/{code}: the register's view of a unit, or null when the register does not hold it. */
  async unit(unitCode: string, signal?: AbortSignal): Promise<UnitAnswer | null> {
    const res = await this.request({ method: 'GET', url: `/units/${encodeURIComponent(unitCode)}` }, signal);
    if (res.status === 404) return null;
    if (res.status !== 200) throw this.failureOf(res);
    return parseJson(res, unitAnswerSchema, '不动产单元');
  }

  /**
   * An office review command (claim, release, reassign, review decision, 补正, 登簿, 登簿退回) under
   * `key`: 2xx and the platform's refusals (4xx) are answers, returned with their JSON body (the
   * refusals name the holder, the stage or the changed units); transport failures, 408/429/5xx and
   * a command still in progress throw the usual transient PlatformError.
   */
  async officeCommand(path: string, key: string, body: string, signal?: AbortSignal): Promise<{ status: number; body: Record<string, unknown> }> {
    const res = await this.request({ method: 'POST', url: path, data: Buffer.from(body, 'utf8'), headers: commandHeaders(key) }, signal);
    if (res.status >= 500 || res.status === 408 || res.status === 429 || (res.status === 409 && errorCodeOf(res) === 'IDEMPOTENCY_IN_PROGRESS')) throw this.failureOf(res);
    let json: unknown;
    try {
      json = JSON.parse(res.data);
    } catch {
      throw malformedAnswer('审核指令', '不是 JSON');
    }
    if (json === null || typeof json !== 'object') throw malformedAnswer('审核指令', '不是对象');
    return { status: res.status, body: json as Record<string, unknown> };
  }

  /** GET /units/{code} as the grown register answers it (versions, states, history); null when unknown. */
  async registerRecord(unitCode: string, signal?: AbortSignal): Promise<unknown | null> {
    const res = await this.request({ method: 'GET', url: `/units/${encodeURIComponent(unitCode)}` }, signal);
    if (res.status === 404) return null;
    if (res.status !== 200) throw this.failureOf(res);
    try {
      return JSON.parse(res.data) as unknown;
    } catch {
      throw malformedAnswer('不动产单元', '不是 JSON');
    }
  }

  /** GET /files/{sm3}: a material's bytes and media type, or null when the platform does not hold it. */
  async file(sm3: string, signal?: AbortSignal): Promise<{ bytes: Buffer; mediaType: string } | null> {
    const res = await this.request({ method: 'GET', url: `/files/${sm3}`, responseType: 'arraybuffer', transformResponse: [(d: unknown) => d] }, signal);
    if (res.status === 404) return null;
    if (res.status !== 200) throw this.failureOf({ ...res, data: Buffer.from(res.data as unknown as ArrayBuffer).toString('utf8') });
    const mediaType = String(res.headers['content-type'] ?? 'application/octet-stream').split(';')[0].trim();
    return { bytes: Buffer.from(res.data as unknown as ArrayBuffer), mediaType };
  }

  /** Closes the kept-alive sockets. */
  close(): void {
    this.agent.destroy();
  }

  private async request(config: AxiosRequestConfig, signal?: AbortSignal): Promise<AxiosResponse<string>> {
    if (signal?.aborted) throw new RequestCancelled();
    let res: AxiosResponse<string>;
    try {
      res = await this.http.request<string>({ ...config, signal });
    } catch (err) {
      if (signal?.aborted || axios.isCancel(err)) throw new RequestCancelled();
      let failure = transportFailure(err, { hasClientCert: this.hasClientCert, timeoutMs: this.options.timeoutMs });
      if (failure.kind === 'transient' && (failure.code === 'ECONNRESET' || failure.code === 'EPIPE') && this.hasClientCert && !this.answeredLast) {
        // A reset with no answer since the last failure may be a refused certificate (see tls-diagnosis.ts).
        const verdict = await diagnoseClientCertificate(this.connection, Math.min(this.options.timeoutMs, 3000), signal);
        if (signal?.aborted) throw new RequestCancelled();
        if (verdict === 'refused') failure = new PlatformError('tls', failure.code, TLS_CLIENT_REFUSED, { answered: false });
      }
      this.answeredLast = false;
      this.options.onOutcome?.({ answered: false, error: failure });
      throw failure;
    }
    this.answeredLast = true;
    this.options.onOutcome?.({ answered: true });
    return res;
  }

  private failureOf(res: AxiosResponse<string>): PlatformError {
    let body: { code: string; message: string } | null = null;
    try {
      const parsed = errorAnswerSchema.safeParse(JSON.parse(res.data));
      if (parsed.success) body = parsed.data.error;
    } catch {
      // Not JSON (a proxy's HTML page, an empty HEAD answer): the status alone decides.
    }
    return answerFailure(res.status, body, retryAfterMs(res));
  }
}

/** The API base: the configured URL, with `/api/v1` added unless it already ends with it. */
export function apiBase(url: string): string {
  const trimmed = url.replace(/\/+$/, '');
  return /\/api\/v1$/.test(trimmed) ? trimmed : `${trimmed}/api/v1`;
}

function commandHeaders(key: string): Record<string, string> {
  return { 'Content-Type': 'application/json; charset=utf-8', 'Idempotency-Key': key };
}

function parseJson<S extends z.ZodType>(res: AxiosResponse<string>, schema: S, what: string): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(res.data);
  } catch {
    throw malformedAnswer(what, '不是 JSON');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw malformedAnswer(what, `${issue?.path.join('.') || '应答'} ${issue?.message ?? ''}`.trim());
  }
  return parsed.data;
}

function errorCodeOf(res: AxiosResponse<string>): string | null {
  try {
    const parsed = errorAnswerSchema.safeParse(JSON.parse(res.data));
    return parsed.success ? parsed.data.error.code : null;
  } catch {
    return null;
  }
}

function headerInt(res: AxiosResponse, name: string): number | null {
  const raw = res.headers[name] as unknown;
  if (typeof raw !== 'string' || !/^\d+$/.test(raw.trim())) return null;
  return Number(raw.trim());
}

function retryAfterMs(res: AxiosResponse): number | null {
  const raw = res.headers['retry-after'] as unknown;
  if (typeof raw !== 'string') return null;
  if (/^\d+$/.test(raw.trim())) return Number(raw.trim()) * 1000;
  const at = Date.parse(raw);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}
