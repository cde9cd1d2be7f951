/**
 * The workstation process that sync-sigkill.test.ts kills: it opens the data folder given in
 * argv[2], logs in, and either accepts 查封 cases one after another (printing `ACK <case number>`
 * once `cases.accept` has returned, i.e. once the clerk would see it) while the sync engine
 * delivers them, or, with `drain`, only waits until the queue is empty and prints `DRAINED`.
 */
import { acceptSeizure, fakeScan } from '../../../support/sync-cases';
import { ADMIN, makeWorkstation } from '../../../support/workstation';

const [dataDir, mode] = process.argv.slice(2);
const t = makeWorkstation({ dataDir });
await t.ok('admin', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
process.stdout.write('READY\n');
if (mode === 'drain') {
  for (let round = 0; ; round++) {
    await t.ok('admin', 'sync.now', {});
    const s = await t.ok('admin', 'sync.status', {});
    if (s.platform.queued === 0 && s.uploads.every((u) => u.state === 'done')) break;
    // What is still waiting, for the parent's report if this never ends.
    if (round % 40 === 0) process.stdout.write(`WAITING ${JSON.stringify({ platform: s.platform, uploads: s.uploads })}\n`);
    await new Promise((r) => setTimeout(r, 50));
  }
  process.stdout.write('DRAINED\n');
  await t.ws.close();
  process.exit(0);
} else {
  for (let i = 0; ; i++) {
    const c = await acceptSeizure(t, 'admin', i % 2 === 0 ? [fakeScan(40_000 + i * 997)] : []);
    process.stdout.write(`ACK ${c.caseNumber}\n`);
  }
}
