import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import { APP_SCHEME, isAppUrl } from './app-origin';
import { CONTENT_SECURITY_POLICY } from '../content-security-policy';

/**
 * `standard` gives app://bdc a real origin (so relative URLs, localStorage and the CSP's 'self'
 * work as on http), `secure` makes it a secure context, `supportFetchAPI` lets the page fetch its
 * own assets. Deliberately no `corsEnabled` and no `bypassCSP`: other origins cannot read it and
 * the CSP applies.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

/** Must run before the app's `ready` event: Chromium fixes its scheme list at start-up. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}

/** Serves the built renderer (dist/renderer) on app://bdc/. */
export function installAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererRoot: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererRoot));
}

export type ReadAsset = (path: string) => Promise<Uint8Array>;

export function createAppProtocolHandler(
  rendererRoot: string,
  read: ReadAsset = (path) => readFile(path),
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method Not Allowed');
    const file = resolveAppAsset(request.url, rendererRoot);
    if (!file) return plain(404, 'Not Found');
    let body: Uint8Array;
    try {
      body = await read(file);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      return code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR' ? plain(404, 'Not Found') : plain(500, 'Internal Error');
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'Content-Type': contentTypeOf(file), 'Cache-Control': 'no-cache' },
    });
  };
}

/**
 * Maps an app:// URL to a file under `rendererRoot`, or null when it must not be served.
 * Pure, so every traversal trick is tested without Electron. The path is read as written (before
 * a URL parser resolves `..` away): only host `bdc`; no backslash; no percent-encoded dot, slash,
 * backslash or NUL (the built assets have none); no `.`/`..`, hidden, empty, drive-letter or NUL
 * segment. A last segment without an extension is a route of the single-page UI: index.html.
 */
export function resolveAppAsset(url: string, rendererRoot: string): string | null {
  if (!isAppUrl(url) || url.includes('\\')) return null;
  const rawPath = rawPathOf(url);
  if (/%(2e|2f|5c|00)/i.test(rawPath)) return null;

  let segments: string[];
  try {
    segments = rawPath.replace(/^\//, '').split('/').map(decodeURIComponent);
  } catch {
    return null; // malformed percent-encoding
  }
  const last = segments.pop() ?? '';
  if (!segments.every(isSafeSegment)) return null;

  const root = resolve(rendererRoot);
  const index = join(root, 'index.html');
  if (last === '') return index; // the root, or a route written with a trailing slash
  if (!isSafeSegment(last)) return null;
  if (!last.includes('.')) return index;

  const file = join(root, ...segments, last);
  const rel = relative(root, file);
  return rel.startsWith('..') || isAbsolute(rel) ? null : file;
}

function isSafeSegment(segment: string): boolean {
  return segment !== '' && !segment.startsWith('.') && !/[\\/:\0]/.test(segment);
}

/** The path part of the URL exactly as written, without query or fragment. */
function rawPathOf(url: string): string {
  const afterScheme = url.slice(url.indexOf('//') + 2);
  const slash = afterScheme.search(/[/?#]/);
  if (slash < 0 || afterScheme[slash] !== '/') return '/';
  return afterScheme.slice(slash).split(/[?#]/, 1)[0];
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
};

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}
