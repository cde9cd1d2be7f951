import { afterEach, describe, expect, it } from 'vitest';
import { makeWorkstation, type TestWorkstation } from '../../../support/workstation';

const PASSPHRASE = 'pfx-Secret-8843';

describe('config.get never hands out secrets', () => {
  let t: TestWorkstation;
  afterEach(() => t.close());

  it('a clerk and an administrator see the configuration without the PFX passphrase; only the administrator learns it is set', async () => {
    t = makeWorkstation({
      config: { officeCode: '430102', workstationId: 'A7', platform: { url: 'https://127.0.0.1:1', caFile: 'ca.pem', pfxFile: 'ws.p12', pfxPassphrase: PASSPHRASE } },
      platform: null,
    });
    await t.setup();
    await t.userWithRole('clerk1', 'clerk');
    const asClerk = await t.call('clerk1', 'config.get', {});
    const asAdmin = await t.call('admin', 'config.get', {});
    expect(JSON.stringify(asClerk)).not.toContain(PASSPHRASE);
    expect(JSON.stringify(asAdmin)).not.toContain(PASSPHRASE);
    expect(asClerk).toMatchObject({ ok: true, value: { effective: { platform: { pfxFile: 'ws.p12', pfxPassphrase: null } } } });
    expect((asClerk as { value: { secrets?: unknown } }).value.secrets).toBeUndefined();
    expect(asAdmin).toMatchObject({ ok: true, value: { secrets: { platformPfxPassphrase: true } } });
    // A settings change audits field changes: never the secret.
    await t.ok('admin', 'config.update', { officeName: '芙蓉区不动产登记中心（新）' });
    const audit = await t.ok('admin', 'audit.list', { limit: 50 });
    expect(JSON.stringify(audit)).not.toContain(PASSPHRASE);
  });
});
