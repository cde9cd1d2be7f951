import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TLS_CLIENT_REFUSED, TLS_SERVER_UNTRUSTED } from '../../../../electron/core/sync/platform-error';
import { createCertificateAuthority, ensureDevCertificates, issueCertificate } from '../../../platform/index';
import { until } from '../../../support/cases';
import { acceptSeizure } from '../../../support/sync-cases';
import { makeTempDir } from '../../../support/temp-dir';
import { outboxOf, syncWorld, type SyncWorld } from './sync-fixture';

/**
 * Mutual TLS as an office meets it when a certificate is wrong: the link says which side refused
 * and why, in Chinese, in `status.get`; the commands wait (retried, never dead letters) until the
 * configuration is fixed.
 */
describe('sync: mutual TLS failures are named in the status', () => {
  let w: SyncWorld;
  afterEach(() => w?.close());

  async function expectRefused(detail: string) {
    const status = await until(async () => {
      const s = await w.t.ok('clerk', 'status.get', {});
      return s.platform.detail === detail ? s : undefined;
    }, `status detail ${detail}`);
    expect(status.platform).toMatchObject({ state: 'offline', detail });
    const c = await acceptSeizure(w.t, 'clerk');
    await until(async () => (outboxOf(w.t, c.id)[0].attempts > 0 ? true : undefined), 'an attempt');
    expect(outboxOf(w.t, c.id)[0]).toMatchObject({ state: 'pending', last_error: detail });
    expect(w.platform.admin.cases()).toEqual([]);
  }

  it('no client certificate: the platform refuses the workstation', async () => {
    w = await syncWorld({ connection: (p) => ({ url: p.url, ca: p.certs.caPem }) });
    await expectRefused(TLS_CLIENT_REFUSED);
  });

  it('a client certificate from another CA: the platform refuses the workstation', async () => {
    const other = await createCertificateAuthority('Some Other CA');
    const client = await issueCertificate(other, { cn: '430102-A7', kind: 'client' });
    w = await syncWorld({ connection: (p) => ({ url: p.url, ca: p.certs.caPem, cert: client.certPem, key: client.keyPem }) });
    await expectRefused(TLS_CLIENT_REFUSED);
  });

  it('a platform certificate from another CA: the workstation refuses the platform (the CA is pinned)', async () => {
    const dir = makeTempDir('bdc-pki-');
    try {
      const dev = await ensureDevCertificates(join(dir.path, 'certs'));
      const other = await createCertificateAuthority('Impostor CA');
      const server = await issueCertificate(other, { cn: 'platform.localhost', kind: 'server' });
      w = await syncWorld({
        platformOptions: { certificates: { ...dev, serverCertPem: server.certPem, serverKeyPem: server.keyPem } },
        connection: (p) => ({ url: p.url, ca: dev.caPem, cert: dev.clientCertPem, key: dev.clientKeyPem }),
      });
      await expectRefused(TLS_SERVER_UNTRUSTED);
    } finally {
      dir.remove();
    }
  });
});
