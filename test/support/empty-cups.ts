import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { poll } from './poll';
import { makeTempDir } from './temp-dir';

const run = promisify(execFile);

export interface EmptyCups {
  /** CUPS_SERVER for the tools (lpstat, lp) of a process that should see this scheduler. */
  server: string;
  stop(): Promise<void>;
}

/**
 * A CUPS scheduler of its own with no queue at all, as on a freshly installed machine: a process
 * started with CUPS_SERVER=server sees "No destinations added" and no default printer, whatever
 * queues the shared scheduler has at the time (other tests add and remove theirs). Fails unless
 * lpstat confirms the scheduler runs and lists no printer, so a test cannot pass by accident.
 */
export async function startEmptyCups(): Promise<EmptyCups> {
  const dir = makeTempDir('bdc-empty-cups-');
  const root = dir.path;
  for (const sub of ['spool', 'cache', 'state', 'tmp', 'log']) mkdirSync(join(root, sub));
  const socket = join(root, 'cups.sock');
  writeFileSync(join(root, 'cupsd.conf'), `Listen ${socket}\nLogLevel warn\nBrowsing Off\n<Location />\n  Order allow,deny\n  Allow all\n</Location>\n`);
  writeFileSync(
    join(root, 'cups-files.conf'),
    [
      `ServerRoot ${root}`,
      `RequestRoot ${join(root, 'spool')}`,
      `CacheDir ${join(root, 'cache')}`,
      `StateDir ${join(root, 'state')}`,
      `TempDir ${join(root, 'tmp')}`,
      `ErrorLog ${join(root, 'log', 'error_log')}`,
      `AccessLog ${join(root, 'log', 'access_log')}`,
      `PageLog ${join(root, 'log', 'page_log')}`,
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn('/usr/sbin/cupsd', ['-f', '-c', join(root, 'cupsd.conf'), '-s', join(root, 'cups-files.conf')], { stdio: 'ignore' });
  const env = { ...process.env, LC_ALL: 'C', CUPS_SERVER: socket };
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    dir.remove();
  };
  try {
    await poll(async () => (await run('lpstat', ['-r'], { env }).catch(() => ({ stdout: '' }))).stdout.trim() === 'scheduler is running', 'the empty CUPS scheduler', 15_000, 50);
    const { stdout, stderr } = await run('lpstat', ['-p', '-d'], { env }).catch((e: { stdout: string; stderr: string }) => e);
    if (!/no system default destination/.test(stdout + stderr) || /^printer /m.test(stdout)) {
      throw new Error(`the empty CUPS scheduler is not empty:\n${stdout}${stderr}`);
    }
  } catch (err) {
    await stop();
    throw err;
  }
  return { server: socket, stop };
}
