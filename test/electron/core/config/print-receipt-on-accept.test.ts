import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeWorkstation, type TestWorkstation } from '../../../support/workstation';

/** documents.printReceiptOnAccept: an office setting the administrator changes from 系统设置. */
describe('the print-the-receipt-on-受理 setting', () => {
  let t: TestWorkstation;
  afterEach(() => t.close());

  it('is off by default, changed by an administrator only, audited, written to config.json and seen by the clerk', async () => {
    t = makeWorkstation({ config: { workstationId: 'A7' }, platform: null });
    await t.setup();
    await t.userWithRole('clerk1', 'clerk');
    expect((await t.ok('clerk1', 'config.get', {})).effective.documents.printReceiptOnAccept).toBe(false);
    expect(await t.call('clerk1', 'config.update', { documents: { printReceiptOnAccept: true } })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const view = await t.ok('admin', 'config.update', { documents: { printReceiptOnAccept: true } });
    expect(view.effective.documents).toMatchObject({ printReceiptOnAccept: true, fontPath: null });
    const [record] = (await t.ok('admin', 'audit.list', { limit: 1 })).records;
    expect(record).toMatchObject({ action: 'config.update', detail: { changes: [['documents.printReceiptOnAccept', false, true]] } });
    // Written to config.json, which the next start reads; the clerk's screens see it now.
    expect(JSON.parse(readFileSync(join(t.dataDir, 'config.json'), 'utf8'))).toMatchObject({ documents: { printReceiptOnAccept: true } });
    expect((await t.ok('clerk1', 'config.get', {})).effective.documents.printReceiptOnAccept).toBe(true);
  });
});
