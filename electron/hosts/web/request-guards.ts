import type { IncomingMessage } from 'node:http';

/**
 * DNS rebinding: a page on evil.example can resolve its own name to 127.0.0.1 and then talk to
 * us with `Host: evil.example`. Only our own loopback names are accepted.
 */
export function isAllowedHost(hostHeader: string | undefined, port: number): boolean {
  if (!hostHeader) return false;
  return hostHeader === `127.0.0.1:${port}` || hostHeader === `localhost:${port}`;
}

/**
 * Cross-site requests: a browser always sends Origin on POST and on cross-origin fetches. A
 * request with a foreign Origin, or a cross-site Sec-Fetch-Site, is refused even if it carries
 * our cookie (SameSite=Strict already withholds it; this is the second lock).
 */
export function isAllowedOrigin(req: IncomingMessage, port: number): boolean {
  const origin = req.headers.origin;
  if (origin !== undefined) {
    return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
  }
  const site = req.headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin' || site === 'none';
}

/** Parses the Cookie header into a map (no dependency for one header). */
export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) cookies.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return cookies;
}
