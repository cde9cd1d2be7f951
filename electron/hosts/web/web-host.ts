import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Workstation } from '../../core/workstation';
import { describeContract } from './contract-description';
import { isAllowedHost, isAllowedOrigin, parseCookies } from './request-guards';
import { SECURITY_HEADERS } from './security-headers';
import { readStatic, resolveStaticPath } from './static-files';

export const CLIENT_COOKIE = 'bdc_client';
/** Material scans travel as base64 in one call (cases.attachFile: 20 MB of file). */
const MAX_BODY_BYTES = 32 * 1024 * 1024;

/**
 * Connection limits, so idle or half-sent connections cannot pile up (slowloris): the headers must
 * arrive within 10 s, the whole request (a 32 MB scan on loopback included) within 60 s, and an
 * idle keep-alive connection is closed after 5 s. The event stream is a response, not a request:
 * these limits do not cut it.
 */
export const DEFAULT_TIMEOUTS = { headersMs: 10_000, requestMs: 60_000, keepAliveMs: 5_000, checkEveryMs: 1_000 };
export type WebHostTimeouts = typeof DEFAULT_TIMEOUTS;

export interface WebHostOptions {
  workstation: Workstation;
  rendererDir: string;
  port: number;
  /** The first launch link's secret; generated when absent. */
  secret?: string;
  version: string;
  /** Each contract call, before it runs (the host starts deferred work on the first one). */
  onCall?: () => void;
  timeouts?: Partial<WebHostTimeouts>;
}

export interface WebHost {
  port: number;
  /** The first launch link: carries a single-use secret, exchanged once for an HttpOnly cookie. */
  url: string;
  /** A fresh single-use launch link (the operator asked for one: Enter in the terminal, SIGUSR2). */
  newLaunchLink(): string;
  server: Server;
  close(): Promise<void>;
}

/**
 * Serves the renderer and the contract on 127.0.0.1 only:
 *   GET  /?s=<secret>      exchanges a single-use launch secret for an HttpOnly, SameSite=Strict
 *                          cookie (a used link is worthless: scrollback and shell history leak nothing)
 *   POST /api/<method>     a contract call (JSON body = input; answer = Result)
 *   GET  /api/events       server-sent events for this client
 *   GET  /api/contract     methods with JSON Schemas and roles
 *   GET  /api/health       { ok: true, version } (no cookie needed)
 * Every request must carry our Host (DNS rebinding) and, for calls, our Origin (cross-site).
 */
export function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const unusedSecrets = new Set<string>([options.secret ?? newSecret()]);
  const firstSecret = [...unusedSecrets][0];
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const clients = new Set<string>();
  const eventStreams = new Map<ServerResponse, string>();
  let port = 0;

  const unsubscribe = options.workstation.onEvent((clientId, name, payload) => {
    for (const [res, id] of eventStreams) {
      if (clientId === null || clientId === id) res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
    }
  });
  const heartbeat = setInterval(() => {
    for (const res of eventStreams.keys()) res.write(': keep-alive\n\n');
  }, 15_000);
  heartbeat.unref();

  const server = createServer(
    {
      headersTimeout: timeouts.headersMs,
      requestTimeout: timeouts.requestMs,
      keepAliveTimeout: timeouts.keepAliveMs,
      connectionsCheckingInterval: timeouts.checkEveryMs,
    },
    (req, res) => {
      handle(req, res).catch(() => {
        if (!res.headersSent) send(res, 500, { ok: false, error: { code: 'INTERNAL', message: '系统内部错误' } });
        else res.end();
      });
    },
  );

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    if (!isAllowedHost(req.headers.host, port)) return sendText(res, 421, 'Misdirected request');
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    } catch {
      return send(res, 400, { ok: false, error: { code: 'BAD_REQUEST', message: '请求地址格式不正确。' } });
    }

    if (url.pathname === '/api/health' && req.method === 'GET') {
      return send(res, 200, { ok: true, version: options.version });
    }

    const offered = url.searchParams.get('s');
    if (offered !== null && req.method === 'GET') {
      const used = takeSecret(offered);
      if (!used) {
        // The browser that already used the link (a reload, a bookmark) keeps its session.
        const known = parseCookies(req.headers.cookie).get(CLIENT_COOKIE);
        if (known && clients.has(known)) {
          res.setHeader('Location', '/');
          res.writeHead(303).end();
          return;
        }
        return sendText(res, 403, '链接无效或已使用：每个链接只能打开一次。请在工作站终端中按回车键（或向进程发送 SIGUSR2）获取新链接。');
      }
      const clientId = randomBytes(32).toString('base64url');
      clients.add(clientId);
      res.setHeader('Set-Cookie', `${CLIENT_COOKIE}=${clientId}; HttpOnly; SameSite=Strict; Path=/`);
      res.setHeader('Location', '/');
      res.writeHead(303).end();
      return;
    }

    const clientId = parseCookies(req.headers.cookie).get(CLIENT_COOKIE);
    if (!clientId || !clients.has(clientId)) {
      return sendText(res, 401, '未授权：请使用工作站启动时在终端中显示的链接打开本页面。');
    }

    if (url.pathname.startsWith('/api/')) {
      if (!isAllowedOrigin(req, port)) return send(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: '跨站请求已拒绝。' } });
      res.setHeader('Cache-Control', 'no-store');
      if (url.pathname === '/api/events' && req.method === 'GET') return openEventStream(res, clientId);
      if (url.pathname === '/api/contract' && req.method === 'GET') return send(res, 200, describeContract());
      if (req.method !== 'POST') return send(res, 405, { ok: false, error: { code: 'BAD_REQUEST', message: '请求方法不正确。' } });
      // A JSON content type makes a cross-origin fetch need a CORS preflight, which we never grant.
      if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) {
        return send(res, 415, { ok: false, error: { code: 'BAD_REQUEST', message: '请求格式应为 JSON。' } });
      }
      const body = await readJson(req);
      if (body === TOO_LARGE) {
        // Stop reading the rest: close the connection once the answer is out.
        res.setHeader('Connection', 'close');
        res.on('finish', () => req.socket?.destroy());
        return send(res, 413, { ok: false, error: { code: 'BAD_REQUEST', message: '请求内容过大。' } });
      }
      if (body === INVALID) return send(res, 400, { ok: false, error: { code: 'BAD_REQUEST', message: '请求内容不是有效的 JSON。' } });
      const method = decodePath(url.pathname.slice('/api/'.length));
      if (method === null) return send(res, 400, { ok: false, error: { code: 'BAD_REQUEST', message: '请求地址格式不正确。' } });
      options.onCall?.();
      const result = await options.workstation.call(clientId, method, body);
      return send(res, statusOf(result), result);
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed');
    const path = resolveStaticPath(url.pathname, options.rendererDir);
    const file = path ? await readStatic(path) : null;
    if (!file) return sendText(res, 404, '未找到');
    res.setHeader('Content-Type', file.type);
    res.setHeader('Cache-Control', url.pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    res.writeHead(200).end(req.method === 'HEAD' ? undefined : file.body);
  }

  function takeSecret(offered: string): boolean {
    for (const secret of unusedSecrets) {
      if (secretMatches(offered, secret)) {
        unusedSecrets.delete(secret);
        return true;
      }
    }
    return false;
  }

  function linkFor(secret: string): string {
    return `http://127.0.0.1:${port}/?s=${secret}`;
  }

  function openEventStream(res: ServerResponse, clientId: string): void {
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    eventStreams.set(res, clientId);
    res.on('close', () => eventStreams.delete(res));
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      port = (server.address() as AddressInfo).port;
      resolve({
        port,
        url: linkFor(firstSecret),
        newLaunchLink() {
          // Older unused links stop working: only the newest printed link opens the app.
          unusedSecrets.clear();
          const secret = newSecret();
          unusedSecrets.add(secret);
          return linkFor(secret);
        },
        server,
        close: () =>
          new Promise<void>((done) => {
            clearInterval(heartbeat);
            unsubscribe();
            for (const res of eventStreams.keys()) res.end();
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

function newSecret(): string {
  return randomBytes(24).toString('base64url');
}

/** Percent-decoding that answers null for a malformed escape (%E4%B, %ZZ) instead of throwing. */
function decodePath(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

/** Coded refusals of the request itself get a 4xx status too; other results travel as 200. */
function statusOf(result: { ok: boolean; error?: { code: string } }): number {
  if (result.ok) return 200;
  if (result.error?.code === 'UNKNOWN_METHOD') return 404;
  if (result.error?.code === 'BAD_REQUEST') return 400;
  return 200;
}

function secretMatches(offered: string, secret: string): boolean {
  const a = Buffer.from(offered);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

const TOO_LARGE = Symbol('too large');
const INVALID = Symbol('invalid');

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return TOO_LARGE;
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return INVALID;
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(text);
}
