/**
 * A process that opens simulator pty pairs, as the workstation does in training mode, prints
 * `PIDS <socat pids>` and then idles until orphan-socat.test.ts kills it with SIGKILL.
 */
import { join } from 'node:path';
import { IdCardSimulator } from '../../../native/sim/idcard-simulator';
import { SocatPtyPair } from '../../../native/sim/socat-pty-pair';

const [dir] = process.argv.slice(2);
const pairs = [new SocatPtyPair(join(dir, 'a'), join(dir, 'b')), new SocatPtyPair(join(dir, 'c'), join(dir, 'd'))];
for (const pair of pairs) await pair.open();
const sim = new IdCardSimulator();
await sim.start({ link: join(dir, 'ttyIDCARD0') });
process.stdout.write(`PIDS ${pairs.map((p) => p.pid).join(' ')}\n`);
setInterval(() => undefined, 60_000);
