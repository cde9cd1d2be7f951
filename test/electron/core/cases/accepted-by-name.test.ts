import { afterEach, describe, expect, it } from 'vitest';
import { acceptSeizure } from '../../../support/sync-cases';
import { makeWorkstation, type TestWorkstation } from '../../../support/workstation';

/** Case detail names the accepting clerk by display name (issue #17), not by login name. */
describe('case view: 受理人 by display name', () => {
  let t: TestWorkstation;
  afterEach(() => t.close());

  it('gives the display name of the clerk who accepted, and none before 受理', async () => {
    t = makeWorkstation({ config: { workstationId: 'A7', devices: { idcard: 'none', printer: 'none-printer' } } });
    await t.setup();
    await t.ok('admin', 'users.create', { username: 'clerk1', displayName: '张受理', role: 'clerk', temporaryPassword: 'Temp#2026ab' });
    await t.ok('clerk1', 'auth.login', { username: 'clerk1', password: 'Temp#2026ab' });
    await t.ok('clerk1', 'auth.changePassword', { currentPassword: 'Temp#2026ab', newPassword: 'Clerk#2026ok' });
    const draft = await t.ok('clerk1', 'cases.createDraft', { businessType: 'transfer' });
    expect(await t.ok('clerk1', 'cases.get', { id: draft.id })).toMatchObject({ acceptedBy: null, acceptedByName: null });
    const { id } = await acceptSeizure(t, 'clerk1');
    expect(await t.ok('admin', 'cases.get', { id })).toMatchObject({ acceptedBy: 'clerk1', acceptedByName: '张受理' });
  });
});
