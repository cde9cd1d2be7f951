import axios from 'axios';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../support/temp-dir';
import { createCertificateAuthority, issueCertificate } from './certificates';
import { clientFor, command, customCertificates, startTestPlatform, submission, type TestPlatform } from './harness';
import { startPlatform } from './index';

describe('platform transport: mutual TLS', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  const platform = async (): Promise<TestPlatform> => {
    const t = await startTestPlatform();
    cleanups.push(() => t.dispose());
    return t;
  };

  it('answers a client that presents a certificate from the platform CA', async () => {
    const t = await platform();
    expect(t.platform.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const res = await t.client.get('/api/v1/health');
    expect(res.status).toBe(200);
    expect(res.data).toEqual({ ok: true, time: expect.any(String) });
  });

  it('refuses a client without a certificate: no HTTP answer at all', async () => {
    const t = await platform();
    const anonymous = clientFor(t.platform, { caPem: t.platform.certs.caPem });
    const error = await anonymous.get('/api/v1/health').then(() => null, (e: { code?: string; response?: unknown }) => e);
    expect(error).not.toBeNull();
    expect(error?.response).toBeUndefined();
    expect(t.platform.admin.stats().requests).toEqual({});
  });

  it('refuses a client certificate issued by another CA', async () => {
    const t = await platform();
    const otherCa = await createCertificateAuthority('Some Other CA');
    const foreign = await issueCertificate(otherCa, { cn: '430102-A7', kind: 'client' });
    const client = clientFor(t.platform, { caPem: t.platform.certs.caPem, clientCertPem: foreign.certPem, clientKeyPem: foreign.keyPem });
    const error = await client.get('/api/v1/health').then(() => null, (e: { response?: unknown }) => e);
    expect(error).not.toBeNull();
    expect(error?.response).toBeUndefined();
  });

  it('is refused by a workstation that pins another CA than the one that issued the server certificate', async () => {
    const temp = makeTempDir('bdc-platform-');
    cleanups.push(() => temp.remove());
    const pinned = await customCertificates(`${temp.path}/pinned`);
    // The platform accepts the pinned CA's clients but presents a server certificate from a rogue CA.
    const rogueCa = await createCertificateAuthority('Rogue CA');
    const rogueServer = await issueCertificate(rogueCa, { cn: 'platform.rogue', kind: 'server' });
    const running = await startPlatform({
      dataDir: `${temp.path}/data`,
      certificates: { ...pinned, serverCertPem: rogueServer.certPem, serverKeyPem: rogueServer.keyPem },
    });
    cleanups.push(() => running.close());
    const client = clientFor(running, pinned);
    const error = await client.get('/api/v1/health').then(() => null, (e: { code?: string; response?: unknown }) => e);
    expect(error?.response).toBeUndefined();
    expect(error?.code).toMatch(/CERT|SIGNATURE|ISSUER/);
    expect(running.admin.stats().requests).toEqual({});
  });

  it('records the client certificate CN as the submitter, and scopes keys and the feed to it', async () => {
    const temp = makeTempDir('bdc-platform-');
    cleanups.push(() => temp.remove());
    const certs = await customCertificates(`${temp.path}/certs`, '430102-A7');
    const running = await startPlatform({ dataDir: `${temp.path}/data`, certificates: certs });
    cleanups.push(() => running.close());
    const a7 = clientFor(running, certs);
    const b3 = clientFor(running, { caPem: certs.caPem, clientCertPem: certs.second.certPem, clientKeyPem: certs.second.keyPem });

    const first = submission();
    const second = submission();
    // One key, two workstations: each CN has its own key space, so both commands execute.
    expect((await command(a7, '/api/v1/cases', first, 'shared-key-0001')).status).toBe(201);
    const other = await command(b3, '/api/v1/cases', second, 'shared-key-0001');
    expect(other.status).toBe(201);
    expect(other.headers['idempotent-replayed']).toBeUndefined();
    expect(running.admin.cases().map((c) => c.submittedBy)).toEqual(['430102-A7', '430102-B3']);
    // Both are in office 430102, so both see both cases in the feed.
    const feed = await b3.get('/api/v1/changes');
    const received = feed.data.changes.filter((c: { kind: string }) => c.kind === 'case.received');
    expect(received.map((c: { caseNumber: string }) => c.caseNumber)).toEqual([first.caseNumber, second.caseNumber]);
  });

  it('serves plain HTTP only when asked (--insecure-http), still making the certificates, with the CN from X-Client-Cn', async () => {
    const t = await startTestPlatform({ insecureHttp: true });
    cleanups.push(() => t.dispose());
    expect(t.platform.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(t.platform.certs.caPem).toContain('BEGIN CERTIFICATE');
    const http = axios.create({ baseURL: t.platform.url, validateStatus: () => true });
    expect((await http.get('/api/v1/health')).status).toBe(200);
    const body = submission();
    await http.post('/api/v1/cases', JSON.stringify(body), { headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'insecure-0001', 'X-Client-Cn': '430102-Z9' } });
    await http.post('/api/v1/cases', JSON.stringify(submission()), { headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'insecure-0002' } });
    expect(t.platform.admin.cases().map((c) => c.submittedBy)).toEqual(['430102-Z9', '430102-A7']);
  });
});

