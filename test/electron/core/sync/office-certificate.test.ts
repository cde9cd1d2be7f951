import { afterEach, describe, expect, it } from 'vitest';
import { until } from '../../../support/cases';
import { acceptSeizure } from '../../../support/sync-cases';
import { outboxOf, syncWorld, type SyncWorld } from './sync-fixture';

/**
 * A workstation of office 430102 configured with a certificate the platform issued to 430104-B2:
 * the status names the mismatch, and the platform refuses the submission (403, never filed under
 * the certificate's office) with a reason the sync page shows.
 */
describe('sync: a certificate of another office', () => {
  let w: SyncWorld;
  afterEach(() => w?.close());

  it('the status names the mismatch and the platform refuses the case', async () => {
    w = await syncWorld({
      platformOptions: { clientCn: '430104-B2' },
      connection: (p) => ({ url: p.url, ca: p.certs.caPem, cert: p.certs.clientCertPem, key: p.certs.clientKeyPem }),
    });
    const status = await w.t.ok('clerk', 'status.get', {});
    expect(status.platform.detail).toContain('平台证书属于机构 430104（430104-B2），与本工作站机构 430102 不符');
    const c = await acceptSeizure(w.t, 'clerk');
    const dead = await until(async () => (outboxOf(w.t, c.id)[0].state === 'dead' ? outboxOf(w.t, c.id)[0] : undefined), 'the refusal', 20_000);
    expect(dead.last_error).toContain('430104');
    expect(w.platform.admin.cases()).toEqual([]);
  });
});
