/**
 * The workstation process crash-safety.test.ts kills with SIGKILL: it opens the data folder in
 * argv[2] (set up by the parent; no devices, no platform), logs in and accepts 查封 cases one after
 * another, printing `ACK <case number>` once `cases.accept` has returned, i.e. once the clerk would
 * see the receipt.
 */
import { acceptSeizure } from '../../../support/sync-cases';
import { ADMIN, makeWorkstation } from '../../../support/workstation';

const [dataDir] = process.argv.slice(2);
const t = makeWorkstation({ dataDir, platform: null });
await t.ok('admin', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
process.stdout.write('READY\n');
for (;;) {
  const c = await acceptSeizure(t, 'admin');
  process.stdout.write(`ACK ${c.caseNumber}\n`);
}
