import { request } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../../../electron/contract';
import { CLIENT_COOKIE, startWebHost, type WebHost } from '../../../../electron/hosts/web/web-host';
import { makeTempDir } from '../../../support/temp-dir';
import { PROJECT_ROOT } from '../../../support/web-host-process';
import { makeWorkstation, type TestWorkstation } from '../../../support/workstation';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so tests control every header (Host, Origin, Cookie) as an attacker would. */
function send(port: number, path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: opts.method ?? 'GET', headers: opts.headers, setHost: false, agent: false }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    // The server may close early (413) while the body is still being written.
    req.on('error', (err: NodeJS.ErrnoException) => (err.code === 'EPIPE' || err.code === 'ECONNRESET' ? undefined : reject(err)));
    req.end(opts.body);
  });
}

describe('web host: 127.0.0.1, launch secret, Host and Origin checks', () => {
  let t: TestWorkstation;
  let host: WebHost;
  let cookie: string;
  const renderer = makeTempDir('bdc-renderer-');
  const SECRET = 'test-secret-0123456789';

  const okHeaders = () => ({ Host: `127.0.0.1:${host.port}`, Origin: `http://127.0.0.1:${host.port}`, 'Content-Type': 'application/json', Cookie: cookie });
  const callApi = (method: string, body: unknown, headers: Record<string, string> = {}) =>
    send(host.port, `/api/${method}`, { method: 'POST', headers: { ...okHeaders(), ...headers }, body: JSON.stringify(body) });

  beforeAll(async () => {
    t = makeWorkstation();
    const { writeFileSync } = await import('node:fs');
    writeFileSync(`${renderer.path}/index.html`, '<!doctype html><title>bdc</title>');
    host = await startWebHost({ workstation: t.ws, rendererDir: renderer.path, port: 0, secret: SECRET, version: '9.9.9' });
    const exchange = await send(host.port, `/?s=${SECRET}`, { headers: { Host: `127.0.0.1:${host.port}` } });
    cookie = String(exchange.headers['set-cookie']).split(';')[0];
  });
  afterAll(async () => {
    await host.close();
    t.close();
    renderer.remove();
  });

  it('listens on 127.0.0.1 only', () => {
    expect(host.server.address()).toMatchObject({ address: '127.0.0.1' });
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?s=${SECRET}`);
  });

  it('exchanges the launch secret for an HttpOnly, SameSite=Strict cookie', async () => {
    const link = new URL(host.newLaunchLink());
    const r = await send(host.port, `${link.pathname}${link.search}`, { headers: { Host: `127.0.0.1:${host.port}` } });
    expect(r.status).toBe(303);
    expect(String(r.headers['set-cookie'])).toMatch(new RegExp(`^${CLIENT_COOKIE}=[\\w-]{43}; HttpOnly; SameSite=Strict; Path=/$`));
  });

  it('a launch link works once: a copy from scrollback or shell history is worthless', async () => {
    // SECRET was exchanged in beforeAll.
    const again = await send(host.port, `/?s=${SECRET}`, { headers: { Host: `127.0.0.1:${host.port}` } });
    expect(again.status).toBe(403);
    expect(again.headers['set-cookie']).toBeUndefined();
    expect(again.body).toContain('每个链接只能打开一次');
    // The browser that used it keeps its session on a reload of the link (no new cookie).
    const reload = await send(host.port, `/?s=${SECRET}`, { headers: { Host: `127.0.0.1:${host.port}`, Cookie: cookie } });
    expect(reload.status).toBe(303);
    expect(reload.headers['set-cookie']).toBeUndefined();
    // A fresh link (operator: Enter or SIGUSR2) works once, and replaces older unused ones.
    const older = new URL(host.newLaunchLink());
    const fresh = new URL(host.newLaunchLink());
    expect(fresh.search).not.toBe(older.search);
    expect((await send(host.port, `/${older.search}`, { headers: { Host: `127.0.0.1:${host.port}` } })).status).toBe(403);
    expect((await send(host.port, `/${fresh.search}`, { headers: { Host: `127.0.0.1:${host.port}` } })).status).toBe(303);
    expect((await send(host.port, `/${fresh.search}`, { headers: { Host: `127.0.0.1:${host.port}` } })).status).toBe(403);
  });

  it('a malformed percent-encoding in /api/<method> or a path is a coded 400, not a 500', async () => {
    for (const path of ['/api/%E4%B', '/api/auth.%ZZlogin', '/api/%']) {
      const r = await send(host.port, path, { method: 'POST', headers: okHeaders(), body: '{}' });
      expect(r.status, path).toBe(400);
      expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    }
    for (const path of ['/%E4%B', '/assets/%ZZ.js', '/%']) {
      const r = await send(host.port, path, { headers: { Host: `127.0.0.1:${host.port}`, Cookie: cookie } });
      expect(r.status, path).toBeGreaterThanOrEqual(400);
      expect(r.status, path).toBeLessThan(500);
    }
  });

  it('NUL bytes and lone surrogates in any string field are a coded 400 at the contract edge', async () => {
    for (const body of [{ username: 'adm\u0000in', password: 'x' }, { username: 'admin', password: 'ab\ud800cd' }]) {
      const r = await callApi('auth.login', body);
      expect(r.status).toBe(400);
      expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    }
    // A lone surrogate written as a JSON escape, exactly as an attacker would send it.
    const raw = await send(host.port, '/api/auth.login', { method: 'POST', headers: okHeaders(), body: '{"username":"a\\udc00","password":"x"}' });
    expect(raw.status).toBe(400);
  });

  it('sets server timeouts: headers, whole request and keep-alive', () => {
    expect(host.server.headersTimeout).toBe(10_000);
    expect(host.server.requestTimeout).toBe(60_000);
    expect(host.server.keepAliveTimeout).toBe(5_000);
  });

  it('drops a connection whose headers never finish (slowloris)', async () => {
    const quick = await startWebHost({ workstation: t.ws, rendererDir: renderer.path, port: 0, version: '9.9.9', timeouts: { headersMs: 300, requestMs: 600, checkEveryMs: 100 } });
    try {
      const started = Date.now();
      const outcome = await new Promise<string>((resolve) => {
        const socket = connect(quick.port, '127.0.0.1', () => socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${quick.port}\r\nX-Slow: `));
        let answer = '';
        socket.on('data', (d: Buffer) => (answer += d.toString()));
        socket.on('close', () => resolve(answer));
        socket.on('error', () => undefined);
      });
      expect(outcome).toMatch(/^HTTP\/1\.1 408/);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await quick.close();
    }
  });

  it('refuses a wrong secret', async () => {
    const r = await send(host.port, '/?s=guess', { headers: { Host: `127.0.0.1:${host.port}` } });
    expect(r.status).toBe(403);
    expect(r.headers['set-cookie']).toBeUndefined();
  });

  it('refuses the page and the API without the cookie, or with a forged one', async () => {
    expect((await send(host.port, '/', { headers: { Host: `127.0.0.1:${host.port}` } })).status).toBe(401);
    expect((await callApi('app.info', {}, { Cookie: '' })).status).toBe(401);
    expect((await callApi('app.info', {}, { Cookie: `${CLIENT_COOKIE}=forged` })).status).toBe(401);
  });

  it('serves the page and answers contract calls with the cookie', async () => {
    const page = await send(host.port, '/', { headers: { Host: `127.0.0.1:${host.port}`, Cookie: cookie } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['x-frame-options']).toBe('DENY');
    const r = await callApi('app.info', {});
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { host: 'web', initialized: false } });
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    for (const h of ['evil.example', `evil.example:${host.port}`, `127.0.0.1:${host.port + 1}`, '']) {
      expect((await callApi('app.info', {}, { Host: h })).status).toBe(421);
    }
    expect((await callApi('app.info', {}, { Host: `localhost:${host.port}`, Origin: `http://localhost:${host.port}` })).status).toBe(200);
  });

  it('refuses cross-site requests (foreign Origin or Sec-Fetch-Site)', async () => {
    expect((await callApi('app.info', {}, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await callApi('app.info', {}, { Origin: `http://127.0.0.1:${host.port + 1}` })).status).toBe(403);
    expect((await callApi('app.info', {}, { Origin: 'null' })).status).toBe(403);
    const noOrigin = { ...okHeaders(), 'Sec-Fetch-Site': 'cross-site' } as Record<string, string>;
    delete noOrigin.Origin;
    expect((await send(host.port, '/api/app.info', { method: 'POST', headers: noOrigin, body: '{}' })).status).toBe(403);
  });

  it('requires a JSON body (a form post from another site cannot be simple)', async () => {
    expect((await callApi('app.info', {}, { 'Content-Type': 'text/plain' })).status).toBe(415);
    const bad = await send(host.port, '/api/app.info', { method: 'POST', headers: okHeaders(), body: '{not json' });
    expect(bad.status).toBe(400);
    const big = await send(host.port, '/api/app.info', { method: 'POST', headers: okHeaders(), body: JSON.stringify({ x: 'a'.repeat(34_000_000) }) });
    expect(big.status).toBe(413);
  });

  it('answers an unknown method with 404 and UNKNOWN_METHOD', async () => {
    const r = await callApi('nope.nothing', {});
    expect(r.status).toBe(404);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('GET /api/health needs no cookie but still our Host', async () => {
    const r = await send(host.port, '/api/health', { headers: { Host: `127.0.0.1:${host.port}` } });
    expect(JSON.parse(r.body)).toEqual({ ok: true, version: '9.9.9' });
    expect((await send(host.port, '/api/health', { headers: { Host: 'evil.example' } })).status).toBe(421);
  });

  it('GET /api/contract lists every method with JSON Schemas and roles', async () => {
    const r = await send(host.port, '/api/contract', { headers: okHeaders() });
    const body = JSON.parse(r.body) as { methods: Array<{ name: string; access: unknown; input: { type: string }; output: object }> };
    expect(body.methods.map((m) => m.name).sort()).toEqual([...METHOD_NAMES].sort());
    expect(body.methods.find((m) => m.name === 'users.create')).toMatchObject({ access: ['admin'], input: { type: 'object' } });
  });

  it('does not serve files outside the renderer folder', async () => {
    for (const p of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/assets/..%5c..%5cpackage.json']) {
      const r = await send(host.port, p, { headers: { Host: `127.0.0.1:${host.port}`, Cookie: cookie } });
      expect(r.body).not.toContain('bdc-workstation');
    }
    expect(PROJECT_ROOT).toBeTruthy();
  });

  it('pushes events to the right client over server-sent events', async () => {
    await t.setup(); // client 'admin' (core-side id) is the administrator
    const login = await callApi('auth.login', { username: 'admin', password: 'Office#2026x' });
    expect(JSON.parse(login.body)).toMatchObject({ ok: true });
    const received = await new Promise<string>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: host.port, path: '/api/events', headers: okHeaders(), setHost: false },
        (res) => {
          let text = '';
          res.on('data', (d: Buffer) => {
            text += d.toString();
            if (text.includes('event: session.changed')) {
              resolve(text);
              req.destroy();
            }
          });
          // Once the stream is open, lock this client's session: its stream must hear about it.
          void callApi('auth.lock', {}).then(() => t.ws.services.events.emitTo(cookie.split('=')[1], 'session.changed', { reason: 'locked' }));
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(received).toContain('data: {"reason":"locked"}');
  });
});
