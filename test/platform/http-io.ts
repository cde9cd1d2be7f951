import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Answers on the wire. Every error is `{ error: { code, message } }` (API.md); messages are Chinese
 * for the clerk who may read them in a dead letter, codes are stable for the client and the tests.
 */
export class PlatformError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'PlatformError';
  }
}

/** A stored or fresh answer of a command: exactly what is replayed for a repeated key. */
export interface Answer {
  status: number;
  body: unknown;
}

/** `extra` adds fields a client may act on (e.g. `holder` of CASE_CLAIMED) beside code and message. */
export function errorBody(code: string, message: string, extra: Record<string, unknown> = {}): { error: { code: string; message: string } } {
  return { error: { code, message, ...extra } };
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  const bytes = Buffer.from(JSON.stringify(body), 'utf8');
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(bytes.length), ...headers });
  res.end(bytes);
}

export function sendBytes(res: ServerResponse, status: number, bytes: Buffer, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { 'Content-Length': String(bytes.length), ...headers });
  res.end(bytes);
}

export function sendError(res: ServerResponse, error: PlatformError): void {
  sendJson(res, error.status, errorBody(error.code, error.message), error.headers);
}

export function sendEmpty(res: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, headers);
  res.end();
}

/** The request path without its query, and the parsed query (the URL base is irrelevant). */
export function requestTarget(req: IncomingMessage): { path: string; query: URLSearchParams } {
  const url = new URL(req.url ?? '/', 'http://platform.invalid');
  return { path: url.pathname, query: url.searchParams };
}

/** Internal failures answer 500 with a code, never a stack trace. */
export function asPlatformError(err: unknown): PlatformError {
  if (err instanceof PlatformError) return err;
  return new PlatformError(500, 'INTERNAL', `平台内部错误：${err instanceof Error ? err.message : String(err)}`);
}
