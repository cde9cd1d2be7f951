/**
 * The workstation process that sync-sigkill.test.ts kills: it opens the data folder given in
 * argv[2], logs in, and either accepts 查封 cases one after another (printing `ACK <case number>`
 * once `cases.accept` has returned, i.e. once the clerk would see it) while the sync engine
 * delivers them, or, with `drain`, only waits until the queue is empty and prints `DRAINED`.
 */
import { acceptSeizure, fakeScan, waitSyncDrained } from '../../../support/sync-cases';
import { ADMIN, makeWorkstation } from '../../../support/workstation';

const [dataDir, mode] = process.argv.slice(2);
const t = makeWorkstation({ dataDir });
await t.ok('admin', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
process.stdout.write('READY\n');
if (mode === 'drain') {
  // What is still waiting goes to the parent's report, should this never end.
  await waitSyncDrained(t, 'admin', 10 * 60_000, (status) => process.stdout.write(`WAITING ${JSON.stringify(status)}\n`));
  process.stdout.write('DRAINED\n');
  await t.ws.close();
  process.exit(0);
} else {
  for (let i = 0; ; i++) {
    const c = await acceptSeizure(t, 'admin', i % 2 === 0 ? [fakeScan(40_000 + i * 997)] : []);
    process.stdout.write(`ACK ${c.caseNumber}\n`);
  }
}
