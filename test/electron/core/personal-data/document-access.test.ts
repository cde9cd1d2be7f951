import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, REVEALER_ROLES } from '../../../../electron/contract';
import { acceptTransfer } from '../../../support/cases';
import { makeWorkstation, type TestWorkstation } from '../../../support/workstation';

/** A document that prints full ID numbers is a 显示: the roles of cases.revealParty, audited as one. */
describe('documents with full identifiers follow the reveal rule', () => {
  let t: TestWorkstation;
  let id: number;
  beforeAll(async () => {
    t = makeWorkstation({ config: { workstationId: 'A7', devices: { idcard: 'none', printer: 'none-printer' } }, startDevices: true });
    await t.setup();
    await t.userWithRole('clerk', 'clerk');
    await t.userWithRole('registrar', 'registrar');
    id = await acceptTransfer(t);
  }, 60_000);
  afterAll(() => t.close());

  it('the reveal roles are exactly those of cases.revealParty', () => {
    expect([...REVEALER_ROLES].sort()).toEqual([...(contract['cases.revealParty'].access as readonly string[])].sort());
  });

  it('a registrar gets no 申请书 (full ID numbers) but may have the masked documents', async () => {
    const form = await t.call('registrar', 'cases.document', { id, kind: 'applicationForm' });
    expect(form).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(JSON.stringify(form)).not.toContain('433124199211080267');
    expect(await t.call('registrar', 'cases.revealParty', { id, ordinal: 1, field: 'idNumber' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const receipt = await t.ok('registrar', 'cases.document', { id, kind: 'acceptanceReceipt' });
    expect(receipt.bytes).toBeGreaterThan(1000);
    const denied = await t.ok('admin', 'audit.list', { limit: 5, action: 'access.denied' });
    expect(denied.records.find((r) => r.object === `case:${id}`)).toMatchObject({ actor: 'registrar', detail: { document: 'applicationForm' } });
  });

  it('a clerk gets the 申请书, and it is audited as a reveal of every party', async () => {
    await t.ok('clerk', 'cases.document', { id, kind: 'applicationForm' });
    const reveals = await t.ok('admin', 'audit.list', { limit: 5, action: 'cases.revealParty' });
    expect(reveals.records[0]).toMatchObject({ actor: 'clerk', object: `case:${id}`, detail: { document: 'applicationForm', ordinals: [1, 2, 3], fields: ['idNumber', 'phone'] } });
  });
});
