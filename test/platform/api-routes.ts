import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { setTimeout as sleep } from 'node:timers/promises';
import { normalizeUnitCode, validateUnitCode } from '../../electron/contract/validation/unit-code';
import { sm3Hex } from '../../electron/core/crypto/sm3';
import { DEFAULT_PAGE, MAX_PAGE, readChanges } from './change-feed';
import { auditBatchSchema, auditReceiptOf, storeAuditBatch } from './audit-records';
import { submitCase, withdrawCase, type CommandAnswer, type CommandDeps } from './case-commands';
import type { FaultSet, RequestFaults } from './faults';
import { asPlatformError, errorBody, PlatformError, requestTarget, sendBytes, sendJson, sendEmpty } from './http-io';
import { idempotencyKeyOf, REPLAYED_HEADER, type IdempotentCommands } from './idempotency';
import { officeOfCn } from './numbers';
import { lookupUnit } from './register';
import { BodyInterruptedError, readSmallBody, requestBody, type BodyOptions } from './request-body';
import { registerCase, undoCaseRegistration } from './registration-commands';
import { assertRole, assertStageRole, claimCase, decideCase, reassignClaim, receiveSupplement, releaseClaim } from './review-commands';
import { eCertificateRoutes } from './e-certificate-routes';
import { certificatePrintedSchema, claimSchema, decisionSchema, reassignSchema, registrationSchema, releaseSchema, supplementSchema, undoSchema } from './review-schemas';
import { recordCertificatePrinted } from './certificate-prints';
import { issueCase, moveCourier } from './issuance-commands';
import { deliveredSchema, issuanceSchema, shippedSchema } from './issuance-schemas';
import type { StatsCounter } from './stats';
import { CASE_NUMBER, parseBody, parseJson, SM3_HEX, submissionSchema, withdrawalSchema } from './wire-schemas';

/**
 * The provincial API of API.md: routing, the command pipeline (Idempotency-Key → body → replay or
 * execute-and-store) and the injected faults around every request. Faults apply here only; the
 * admin listener never sees them.
 */
export interface ApiDeps extends CommandDeps {
  commands: IdempotentCommands;
  faults: FaultSet;
  stats: StatsCounter;
  /** Aborted when the platform closes: waits (latency, throttle) end at once. */
  signal: AbortSignal;
  /** Over plain HTTP there is no certificate: the CN is `X-Client-Cn`, or this one. */
  insecureCn: string;
}

/** JSON commands are small: a case with hundreds of materials is far below. */
export const JSON_BODY_LIMIT = 4 * 1024 * 1024;

/** A reply to send: JSON when `body` is set, otherwise headers only. */
interface Reply {
  status: number;
  body?: unknown;
  /** Bytes to send as they are (GET /api/v1/files). */
  raw?: Buffer;
  headers?: Record<string, string>;
}

export interface RequestContext {
  req: IncomingMessage;
  params: string[];
  query: URLSearchParams;
  path: string;
  cn: string;
  body: BodyOptions;
}

export type Route =
  | { method: string; template: string; pattern: RegExp; kind: 'query'; handle(ctx: RequestContext): Promise<Reply> | Reply }
  /** prepare() validates the raw body (400 is never stored) and returns the effect to run and store. */
  | { method: string; template: string; pattern: RegExp; kind: 'command'; prepare(raw: Buffer, ctx: RequestContext): () => CommandAnswer };

export function createApiHandler(deps: ApiDeps): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const routes = apiRoutes(deps);
  return async (req, res) => {
    const method = req.method ?? 'GET';
    const { path, query } = requestTarget(req);
    const found = findRoute(routes, method, path);
    const template = found.route?.template ?? found.template;
    const faults = deps.faults.take(method, path);
    const count = (outcome: string | number): void => deps.stats.count(method, template, outcome);

    if (faults.dropBefore) {
      req.socket.destroy();
      return count('dropped');
    }
    if (faults.status !== null) {
      sendJson(res, faults.status, errorBody('INJECTED_FAULT', `平台暂时无法处理（模拟故障 ${faults.status}）。`));
      return count(faults.status);
    }

    let reply: Reply;
    try {
      if (!found.route) throw found.error;
      const ctx: RequestContext = {
        req,
        params: found.params,
        query,
        path,
        cn: clientCn(req, deps.insecureCn),
        body: { pacer: faults.pacer, cutAfterBytes: faults.cutAfterBytes, signal: deps.signal, onBytes: (n) => (deps.stats.bodyBytesReceived += n) },
      };
      reply = found.route.kind === 'command' ? await runCommand(deps, found.route, ctx, faults) : await runQuery(deps, found.route, ctx, faults);
    } catch (err) {
      if (err instanceof BodyInterruptedError) {
        req.socket.destroy();
        return count(faults.cutAfterBytes !== null ? 'cut' : 'aborted');
      }
      const error = asPlatformError(err);
      reply = { status: error.status, body: errorBody(error.code, error.message), headers: error.headers };
    }

    if (faults.dropAfter) {
      req.socket.destroy();
      return count('dropped');
    }
    // hang-after: executed and committed, never answered; close() destroys the socket.
    if (faults.hangAfter) return count('hung');
    if (reply.raw) sendBytes(res, reply.status, reply.raw, reply.headers);
    else if (reply.body === undefined) sendEmpty(res, reply.status, reply.headers);
    else sendJson(res, reply.status, reply.body, reply.headers);
    count(reply.status);
  };
}

async function runQuery(deps: ApiDeps, route: Extract<Route, { kind: 'query' }>, ctx: RequestContext, faults: RequestFaults): Promise<Reply> {
  await latency(deps, faults);
  return route.handle(ctx);
}

/** API.md "Commands and the Idempotency-Key", in that table's order. */
async function runCommand(deps: ApiDeps, route: Extract<Route, { kind: 'command' }>, ctx: RequestContext, faults: RequestFaults): Promise<Reply> {
  const key = idempotencyKeyOf(ctx.req);
  const raw = await readSmallBody(ctx.req, JSON_BODY_LIMIT, ctx.body);
  const command = { scope: ctx.cn, key, method: route.method, path: ctx.path, bodySm3: sm3Hex(raw) };
  const previous = deps.commands.previous(command);
  if (previous) return { status: previous.status, body: previous.body, headers: { [REPLAYED_HEADER]: 'true' } };
  const effect = route.prepare(raw, ctx);
  const release = deps.commands.hold(command);
  try {
    await latency(deps, faults);
    const answer = deps.commands.execute(command, deps.now(), effect);
    deps.auto.wake();
    return answer;
  } finally {
    release();
  }
}

function apiRoutes(deps: ApiDeps): Route[] {
  return [
    {
      method: 'GET',
      template: '/api/v1/health',
      pattern: /^\/api\/v1\/health$/,
      kind: 'query',
      handle: () => ({ status: 200, body: { ok: true, time: deps.now().toISOString() } }),
    },
    {
      method: 'POST',
      template: '/api/v1/cases',
      pattern: /^\/api\/v1\/cases$/,
      kind: 'command',
      prepare: (raw, ctx) => {
        const submission = parseBody(submissionSchema, parseJson(raw), '案件');
        assertCertificateOffice(ctx.cn, submission.officeCode, submission.caseNumber);
        return () => submitCase(deps, ctx.cn, submission, raw.toString('utf8'));
      },
    },
    {
      method: 'POST',
      template: '/api/v1/audit-records',
      pattern: /^\/api\/v1\/audit-records$/,
      kind: 'command',
      prepare: (raw, ctx) => {
        const batch = parseBody(auditBatchSchema, parseJson(raw), '审计记录');
        return () => storeAuditBatch(deps.db, ctx.cn, batch, deps.now());
      },
    },
    {
      method: 'GET',
      template: '/api/v1/audit-records/receipt',
      pattern: /^\/api\/v1\/audit-records\/receipt$/,
      kind: 'query',
      handle: (ctx) => ({ status: 200, body: auditReceiptOf(deps.db, ctx.cn) }),
    },
    {
      method: 'POST',
      template: '/api/v1/cases/{caseNumber}/withdrawal',
      pattern: /^\/api\/v1\/cases\/([^/]+)\/withdrawal$/,
      kind: 'command',
      prepare: (raw, ctx) => {
        const caseNumber = caseNumberParam(ctx.params[0]);
        const withdrawal = parseBody(withdrawalSchema, parseJson(raw), '撤回申请');
        return () => withdrawCase(deps, ctx.cn, caseNumber, withdrawal);
      },
    },
    ...reviewRoutes(deps),
    ...eCertificateRoutes(deps),
    {
      method: 'GET',
      template: '/api/v1/files/{sm3}',
      pattern: /^\/api\/v1\/files\/([^/]+)$/,
      kind: 'query',
      handle: (ctx) => {
        const hash = hashParam(ctx.params[0]);
        // Only the caller's office's materials, and only once they are complete and verified.
        const listed = deps.db
          .prepare('SELECT 1 FROM case_blobs JOIN cases USING (case_number) WHERE case_blobs.hash = ? AND cases.office = ? LIMIT 1')
          .get(hash, officeOfCn(ctx.cn));
        const path = listed ? deps.blobs.completePath(hash) : null;
        if (!path) throw new PlatformError(404, 'FILE_NOT_FOUND', '平台没有本机构案件的该材料文件（或尚未上传完整）。');
        const blob = deps.blobs.get(hash)!;
        return { status: 200, raw: readFileSync(path), headers: { 'Content-Type': blob.mediaType, 'Cache-Control': 'no-store' } };
      },
    },
    {
      method: 'HEAD',
      template: '/api/v1/blobs/{hash}',
      pattern: /^\/api\/v1\/blobs\/([^/]+)$/,
      kind: 'query',
      handle: async (ctx) => {
        const blob = await deps.blobs.settled(hashParam(ctx.params[0]));
        if (!blob) throw notExpected();
        return { status: 200, headers: { ...uploadHeaders(blob.offset, blob.complete), 'Upload-Length': String(blob.size), 'Cache-Control': 'no-store' } };
      },
    },
    {
      method: 'PATCH',
      template: '/api/v1/blobs/{hash}',
      pattern: /^\/api\/v1\/blobs\/([^/]+)$/,
      kind: 'query',
      handle: async (ctx) => {
        const hash = hashParam(ctx.params[0]);
        const { offset, length } = uploadRequest(ctx.req);
        const result = await deps.blobs.patch(hash, offset, length, requestBody(ctx.req, ctx.body), (n) => (deps.stats.blobBytesReceived += n));
        return { status: 204, headers: uploadHeaders(result.offset, result.complete) };
      },
    },
    {
      method: 'GET',
      template: '/api/v1/changes',
      pattern: /^\/api\/v1\/changes$/,
      kind: 'query',
      handle: (ctx) => {
        const limitText = ctx.query.get('limit');
        const limit = limitText === null ? DEFAULT_PAGE : Number(limitText);
        if (!/^\d+$/.test(limitText ?? '1') || limit < 1 || limit > MAX_PAGE) {
          throw new PlatformError(400, 'BAD_REQUEST', `limit 应为 1–${MAX_PAGE} 的整数。`);
        }
        const after = ctx.query.get('after');
        return { status: 200, body: readChanges(deps.db, officeOfCn(ctx.cn), after === '' ? null : after, limit) };
      },
    },
    {
      method: 'GET',
      template: '/api/v1/units/{unitCode}',
      pattern: /^\/api\/v1\/units\/([^/]+)$/,
      kind: 'query',
      handle: (ctx) => {
        const check = validateUnitCode(decodeParam(ctx.params[0]));
        if (!check.valid) throw new PlatformError(400, 'BAD_REQUEST', check.reasons.join('；'));
        return { status: 200, body: lookupUnit(deps.db, normalizeUnitCode(check.normalized), deps.now()) };
      },
    },
  ];
}

/** The office-review commands (API.md "Office review and 登簿"); role checks refuse before execution (403, not stored). */
function reviewRoutes(deps: ApiDeps): Route[] {
  const caseCommand = (
    suffix: string,
    template: string,
    prepare: (raw: Buffer, caseNumber: string, ctx: RequestContext) => () => CommandAnswer,
  ): Route => ({
    method: 'POST',
    template: `/api/v1/cases/{caseNumber}/${template}`,
    pattern: new RegExp(`^/api/v1/cases/([^/]+)/${suffix}$`),
    kind: 'command',
    prepare: (raw, ctx) => prepare(raw, caseNumberParam(ctx.params[0]), ctx),
  });
  return [
    caseCommand('claim', 'claim', (raw, caseNumber, ctx) => {
      const body = parseBody(claimSchema, parseJson(raw), '认领');
      assertStageRole(body.actor, body.stage);
      return () => claimCase(deps, ctx.cn, caseNumber, body.stage, body.actor);
    }),
    caseCommand('claim/release', 'claim/release', (raw, caseNumber, ctx) => {
      const body = parseBody(releaseSchema, parseJson(raw), '释放认领');
      return () => releaseClaim(deps, ctx.cn, caseNumber, body.actor);
    }),
    caseCommand('claim/reassign', 'claim/reassign', (raw, caseNumber, ctx) => {
      const body = parseBody(reassignSchema, parseJson(raw), '改派');
      assertRole(body.actor, ['supervisor'], '改派案件');
      return () => reassignClaim(deps, ctx.cn, caseNumber, body.actor, body.to);
    }),
    caseCommand('review-decisions', 'review-decisions', (raw, caseNumber, ctx) => {
      const body = parseBody(decisionSchema, parseJson(raw), '审核决定');
      assertStageRole(body.actor, body.stage);
      return () => decideCase(deps, ctx.cn, caseNumber, body);
    }),
    caseCommand('supplements', 'supplements', (raw, caseNumber, ctx) => {
      const body = parseBody(supplementSchema, parseJson(raw), '补正材料');
      assertRole(body.actor, ['clerk', 'supervisor'], '接收补正材料');
      return () => receiveSupplement(deps, ctx.cn, caseNumber, body);
    }),
    caseCommand('registration', 'registration', (raw, caseNumber, ctx) => {
      const body = parseBody(registrationSchema, parseJson(raw), '登簿');
      assertRole(body.actor, ['registrar', 'supervisor'], '登簿');
      const basis = body.basis.map((b) => ({ unitCode: normalizeUnitCode(b.unitCode), registerVersion: b.registerVersion }));
      return () => registerCase(deps, ctx.cn, caseNumber, body.actor, basis);
    }),
    caseCommand('registration/undo', 'registration/undo', (raw, caseNumber, ctx) => {
      const body = parseBody(undoSchema, parseJson(raw), '登簿退回');
      assertRole(body.actor, ['registrar', 'supervisor'], '登簿退回');
      return () => undoCaseRegistration(deps, ctx.cn, caseNumber, body.actor, body.reason);
    }),
    caseCommand('certificates/printed', 'certificates/printed', (raw, caseNumber, ctx) => {
      const body = parseBody(certificatePrintedSchema, parseJson(raw), '证书打印登记');
      assertRole(body.actor, ['supervisor'], '缮证');
      return () => recordCertificatePrinted(deps, ctx.cn, caseNumber, body);
    }),
    // 发证 (API.md "发证"): the counter and the supervisor.
    caseCommand('issuance', 'issuance', (raw, caseNumber, ctx) => {
      const body = parseBody(issuanceSchema, parseJson(raw), '发证');
      assertRole(body.actor, ['clerk', 'supervisor'], '发证');
      return () => issueCase(deps, ctx.cn, caseNumber, body);
    }),
    caseCommand('issuance/shipped', 'issuance/shipped', (raw, caseNumber, ctx) => {
      const body = parseBody(shippedSchema, parseJson(raw), '证书寄出');
      assertRole(body.actor, ['clerk', 'supervisor'], '登记证书寄出');
      return () => moveCourier(deps, ctx.cn, caseNumber, 'shipped', body.actor, { carrier: body.carrier, waybill: body.waybill });
    }),
    caseCommand('issuance/delivered', 'issuance/delivered', (raw, caseNumber, ctx) => {
      const body = parseBody(deliveredSchema, parseJson(raw), '证书签收');
      assertRole(body.actor, ['clerk', 'supervisor'], '登记证书签收');
      return () => moveCourier(deps, ctx.cn, caseNumber, 'delivered', body.actor);
    }),
  ];
}

function findRoute(routes: Route[], method: string, path: string): { route: Route; params: string[]; template: string } | { route: null; params: string[]; template: string; error: PlatformError } {
  const onPath = routes.filter((r) => r.pattern.test(path));
  const route = onPath.find((r) => r.method === method);
  if (route) return { route, params: (route.pattern.exec(path) ?? []).slice(1), template: route.template };
  if (onPath.length > 0) {
    const allow = [...new Set(onPath.map((r) => r.method))].join(', ');
    return { route: null, params: [], template: onPath[0].template, error: new PlatformError(405, 'METHOD_NOT_ALLOWED', `该地址不支持 ${method}。`, { Allow: allow }) };
  }
  return { route: null, params: [], template: '(unknown)', error: new PlatformError(404, 'NOT_FOUND', `没有接口 ${path}。`) };
}

async function latency(deps: ApiDeps, faults: RequestFaults): Promise<void> {
  if (faults.latencyMs > 0) await sleep(faults.latencyMs, undefined, { signal: deps.signal });
}

/**
 * A workstation certificate is bound to its office (CN `<office>-<workstation>`, e.g. 430102-A7):
 * a case of another office is refused, never filed under the certificate's office. 403 with a
 * reason the workstation shows; like every 4xx before execution, not stored.
 */
function assertCertificateOffice(cn: string, officeCode: string, caseNumber: string): void {
  const office = /^(\d{6})-/.exec(cn)?.[1];
  if (!office) throw new PlatformError(403, 'CERTIFICATE_OFFICE_MISMATCH', `客户端证书 ${cn} 未绑定办理机构（应为“机构代码-窗口号”），平台不受理。`);
  if (office !== officeCode || !caseNumber.startsWith(`${office}-`)) {
    throw new PlatformError(
      403,
      'CERTIFICATE_OFFICE_MISMATCH',
      `工作站证书属于机构 ${office}（${cn}），不能提交机构 ${officeCode} 的案件：请为本工作站申领机构 ${officeCode} 的证书。`,
    );
  }
}

/** The client certificate's CN (mutual TLS); over plain HTTP, X-Client-Cn or the configured one. */
function clientCn(req: IncomingMessage, insecureCn: string): string {
  const socket = req.socket as Partial<TLSSocket>;
  if (typeof socket.getPeerCertificate === 'function') {
    const cn = socket.getPeerCertificate().subject?.CN;
    const name = Array.isArray(cn) ? cn[0] : cn;
    if (!name) throw new PlatformError(403, 'FORBIDDEN', '客户端证书缺少 CN（工作站名称），平台不受理。');
    return name;
  }
  const header = req.headers['x-client-cn'];
  return typeof header === 'string' && /^[\w.-]{1,64}$/.test(header) ? header : insecureCn;
}

function uploadRequest(req: IncomingMessage): { offset: number; length: number | null } {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/offset+octet-stream') {
    throw new PlatformError(400, 'BAD_REQUEST', 'PATCH 的 Content-Type 应为 application/offset+octet-stream。');
  }
  const offsetText = req.headers['upload-offset'];
  if (typeof offsetText !== 'string' || !/^\d{1,15}$/.test(offsetText)) {
    throw new PlatformError(400, 'BAD_REQUEST', 'PATCH 须带 Upload-Offset（非负整数）。');
  }
  const lengthText = req.headers['content-length'];
  return { offset: Number(offsetText), length: lengthText === undefined ? null : Number(lengthText) };
}

function uploadHeaders(offset: number, complete: boolean): Record<string, string> {
  return { 'Upload-Offset': String(offset), 'Upload-Complete': complete ? '?1' : '?0' };
}

export function hashParam(raw: string): string {
  const hash = decodeParam(raw);
  if (!SM3_HEX.test(hash)) throw new PlatformError(400, 'BAD_REQUEST', '文件名应为64位小写十六进制的SM3杂凑值。');
  return hash;
}

function caseNumberParam(raw: string): string {
  const caseNumber = decodeParam(raw);
  if (!CASE_NUMBER.test(caseNumber)) throw new PlatformError(400, 'BAD_REQUEST', `${caseNumber} 不是受理编号（例如 430102-20261127-A7-0001）。`);
  return caseNumber;
}

export function decodeParam(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new PlatformError(400, 'BAD_REQUEST', '地址中的参数编码不正确。');
  }
}

function notExpected(): PlatformError {
  return new PlatformError(404, 'BLOB_NOT_EXPECTED', '没有案件列出该文件，平台不接收。');
}
