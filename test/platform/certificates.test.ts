import { statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../support/temp-dir';
import { certificateCn, createCertificateAuthority, ensureDevCertificates, issueCertificate } from './certificates';

describe('platform certificates', () => {
  const temps: Array<{ remove(): void }> = [];
  afterEach(() => temps.splice(0).forEach((t) => t.remove()));
  const tempDir = () => {
    const t = makeTempDir('bdc-certs-');
    temps.push(t);
    return t.path;
  };

  it('makes a dev CA, a server and a client certificate on first start, with private keys readable by the owner only', async () => {
    const dir = tempDir();
    const certs = await ensureDevCertificates(dir);
    expect(certs.files.ca).toBe(`${dir}/ca.pem`);
    expect(certificateCn(certs.clientCertPem)).toBe('430102-A7');
    for (const key of ['server-key.pem', 'client-key.pem', 'ca-key.pem']) {
      expect(statSync(`${dir}/${key}`).mode & 0o777).toBe(0o600);
    }
    expect(certs.caPem).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(certs.clientKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
  });

  it('reuses the same files on a later start, and reissues only the client certificate for another CN', async () => {
    const dir = tempDir();
    const first = await ensureDevCertificates(dir);
    const again = await ensureDevCertificates(dir);
    expect(again).toEqual(first);
    const other = await ensureDevCertificates(dir, { clientCn: '430103-B2' });
    expect(other.caPem).toBe(first.caPem);
    expect(other.serverCertPem).toBe(first.serverCertPem);
    expect(certificateCn(other.clientCertPem)).toBe('430103-B2');
  });

  it('issues ECDSA P-256 certificates quickly enough for a CA per test', async () => {
    const started = performance.now();
    const ca = await createCertificateAuthority('Speed CA');
    const leaf = await issueCertificate(ca, { cn: 'x', kind: 'server', validDays: 1 });
    expect(leaf.certPem).toContain('BEGIN CERTIFICATE');
    // Generous bound (CI machines are slow); typically ~35 ms.
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
