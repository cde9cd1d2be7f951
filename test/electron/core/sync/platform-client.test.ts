import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backoffMs } from '../../../../electron/core/sync/backoff';
import { apiBase, PlatformClient, type RequestOutcome } from '../../../../electron/core/sync/platform-client';
import { answerFailure, PlatformError, transportFailure } from '../../../../electron/core/sync/platform-error';
import { ensureDevCertificates, type PlatformCertificates } from '../../../platform/index';
import { acceptSeizure } from '../../../support/sync-cases';
import { makeTempDir } from '../../../support/temp-dir';
import { makeWorkstation } from '../../../support/workstation';
import { until } from '../../../support/cases';

describe('platform errors: what is retried and what is refused', () => {
  it('classifies HTTP answers by status and platform code', () => {
    const kind = (status: number, code?: string) => answerFailure(status, code ? { code, message: '…' } : null, null).kind;
    for (const s of [408, 429, 500, 502, 503, 504]) expect(kind(s), String(s)).toBe('transient');
    expect(kind(409, 'IDEMPOTENCY_IN_PROGRESS')).toBe('transient');
    for (const [s, code] of [[400, 'BAD_REQUEST'], [404, 'CASE_NOT_FOUND'], [409, 'CASE_EXISTS'], [409, 'CASE_STATE_CONFLICT'], [422, 'IDEMPOTENCY_KEY_REUSED'], [403, undefined]] as const) {
      expect(kind(s, code), `${s} ${code}`).toBe('permanent');
    }
    const refused = answerFailure(409, { code: 'CASE_EXISTS', message: '案件已由另一请求提交' }, null);
    expect(refused).toMatchObject({ code: '409', platformCode: 'CASE_EXISTS', answered: true, message: '平台拒绝：案件已由另一请求提交（CASE_EXISTS）' });
  });

  it('classifies transport failures: network, timeout, and which side refused the certificate', () => {
    const ctx = { hasClientCert: true, timeoutMs: 5000 };
    const fail = (code: string, message = '') => transportFailure({ code, message }, ctx);
    expect(fail('ECONNREFUSED')).toMatchObject({ kind: 'transient', code: 'ECONNREFUSED', answered: false });
    expect(fail('ECONNRESET', 'socket hang up')).toMatchObject({ kind: 'transient', code: 'ECONNRESET' });
    expect(fail('ECONNABORTED', 'timeout of 5000ms exceeded')).toMatchObject({ kind: 'transient', code: 'ETIMEDOUT', message: expect.stringContaining('5000 毫秒') });
    expect(fail('UNABLE_TO_VERIFY_LEAF_SIGNATURE')).toMatchObject({ kind: 'tls', message: '平台证书不受信任：不是由配置的平台 CA 签发' });
    expect(fail('SELF_SIGNED_CERT_IN_CHAIN').message).toBe('平台证书不受信任：不是由配置的平台 CA 签发');
    expect(fail('ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED')).toMatchObject({ kind: 'tls', message: '平台拒绝了本机的客户端证书（缺失或不是平台 CA 签发）' });
    expect(fail('ERR_SSL_TLSV1_ALERT_UNKNOWN_CA').kind).toBe('tls');
    expect(fail('ERR_TLS_CERT_ALTNAME_INVALID').message).toContain('platform.url');
    expect(fail('CERT_HAS_EXPIRED').message).toContain('过期');
    // The cause axios wraps carries the precise code.
    expect(transportFailure({ code: 'ERR_NETWORK', cause: { code: 'EHOSTUNREACH' } }, ctx).code).toBe('EHOSTUNREACH');
    // Without any client certificate, a reset right after the handshake is the platform refusing us.
    expect(transportFailure({ code: 'ECONNRESET' }, { ...ctx, hasClientCert: false }).kind).toBe('tls');
  });

  it('backs off with full jitter, capped', () => {
    expect(backoffMs(0, 1000, 300_000, () => 1)).toBe(1000);
    expect(backoffMs(3, 1000, 300_000, () => 0.5)).toBe(4000);
    expect(backoffMs(20, 1000, 300_000, () => 1)).toBe(300_000);
    expect(backoffMs(5000, 1000, 300_000, () => 0.999)).toBe(299_700);
    expect(backoffMs(4, 1000, 300_000, () => 0)).toBe(0);
  });

  it('finds the API base under the configured address', () => {
    expect(apiBase('https://platform.hunan.gov.cn')).toBe('https://platform.hunan.gov.cn/api/v1');
    expect(apiBase('https://10.1.2.3:8443/')).toBe('https://10.1.2.3:8443/api/v1');
    expect(apiBase('https://10.1.2.3:8443/yc/api/v1/')).toBe('https://10.1.2.3:8443/yc/api/v1');
  });
});

/**
 * A platform that answers nonsense: a malformed answer is a transient error with a clear message —
 * never a crash, never a wrong write, never a dead letter.
 */
describe('platform client against a misbehaving platform', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let certs: PlatformCertificates;
  let server: https.Server;
  let url: string;
  const answers: Record<string, { status: number; body: string; headers?: Record<string, string> }> = {};

  beforeAll(async () => {
    dir = makeTempDir('bdc-bad-platform-');
    certs = await ensureDevCertificates(join(dir.path, 'certs'));
    server = https.createServer({ key: certs.serverKeyPem, cert: certs.serverCertPem, ca: certs.caPem, requestCert: true, rejectUnauthorized: true }, (req, res) => {
      req.resume();
      req.on('end', () => {
        const a = answers[`${req.method} ${req.url?.split('?')[0]}`] ?? { status: 404, body: '{"error":{"code":"NOT_FOUND","message":"没有"}}' };
        res.writeHead(a.status, { 'Content-Type': 'application/json', ...a.headers });
        res.end(a.body);
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    dir.remove();
  });

  function client(outcomes: RequestOutcome[] = []) {
    return new PlatformClient({ url, ca: certs.caPem, cert: certs.clientCertPem, key: certs.clientKeyPem }, { timeoutMs: 2000, onOutcome: (o) => outcomes.push(o) });
  }

  it('answers that do not match the API are transient errors naming what was wrong, yet prove the link is up', async () => {
    answers['POST /api/v1/cases'] = { status: 201, body: '{"platformCaseId": 42}' };
    answers['GET /api/v1/changes'] = { status: 200, body: '<html>维护中</html>' };
    answers['HEAD /api/v1/blobs/' + 'a'.repeat(64)] = { status: 200, body: '' };
    const outcomes: RequestOutcome[] = [];
    const c = client(outcomes);
    try {
      const submit = await c.submitCase('k'.repeat(16), '{}').catch((e: unknown) => e);
      expect(submit).toBeInstanceOf(PlatformError);
      expect(submit).toMatchObject({ kind: 'transient', code: 'MALFORMED_ANSWER', answered: true, message: expect.stringMatching(/^省级平台的应答格式不正确（提交业务：platformCaseId/) });
      expect(await c.changes(null, 100).catch((e: unknown) => e)).toMatchObject({ code: 'MALFORMED_ANSWER', message: expect.stringContaining('不是 JSON') });
      expect(await c.blobState('a'.repeat(64)).catch((e: unknown) => e)).toMatchObject({ code: 'MALFORMED_ANSWER', message: expect.stringContaining('Upload-Offset') });
      expect(outcomes.every((o) => o.answered)).toBe(true);
    } finally {
      c.close();
    }
  });

  it('honours Retry-After on a busy answer', async () => {
    answers['GET /api/v1/health'] = { status: 503, body: '{"error":{"code":"BUSY","message":"繁忙"}}', headers: { 'Retry-After': '7' } };
    const c = client();
    try {
      expect(await c.health().catch((e: unknown) => e)).toMatchObject({ kind: 'transient', code: '503', retryAfterMs: 7000, platformCode: 'BUSY' });
    } finally {
      c.close();
    }
  });

  it('a workstation whose platform answers nonsense keeps the case queued and says why', async () => {
    answers['GET /api/v1/health'] = { status: 200, body: '{"ok":true,"time":"2026-11-28T00:00:00Z"}' };
    answers['POST /api/v1/cases'] = { status: 201, body: '{"platformCaseId":"P1","receivedAt":"x","missingBlobs":["not-a-hash"]}' };
    const t = makeWorkstation({
      config: { workstationId: 'A7', training: false, platform: { url, caFile: certs.files.ca, certFile: certs.files.clientCert, keyFile: certs.files.clientKey, retryBaseMs: 20, retryMaxMs: 50 } },
      sync: { probeMs: 100 },
    });
    try {
      await t.setup();
      const c = await acceptSeizure(t, 'admin');
      const row = await until(async () => {
        const r = t.ws.services.db().prepare('SELECT * FROM outbox WHERE case_id = ?').get(c.id) as { attempts: number; state: string; last_error: string; last_error_code: string };
        return r.attempts >= 2 ? r : undefined;
        // Milliseconds apart when idle; a loaded CI machine (every worker busy) has taken over 8 s.
      }, 'two attempts', 20_000);
      expect(row).toMatchObject({ state: 'pending', last_error_code: 'MALFORMED_ANSWER', last_error: expect.stringContaining('missingBlobs') });
      expect((await t.ok('admin', 'status.get', {})).platform.state).toBe('online');
    } finally {
      await t.close();
    }
  });
});
