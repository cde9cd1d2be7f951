import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const PROJECT_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * A virtual PDF printer of its own for one test: a CUPS queue on the cups-pdf backend whose output
 * lands in a fresh folder (TOOLCHAIN.md, "Printing through a real CUPS"). `remove()` deletes the
 * queue, its cups-pdf configuration and the folder.
 *
 * Ownership of the output folder matters. cups-pdf runs as root, then writes the PDF in a child
 * that has switched to the job's owner (the user who ran lp; `nobody` for a user unknown to this
 * machine), with umask 0077. It creates a missing folder with the right owner, but uses an
 * existing one as it is — and when that user cannot write there, `cp` fails, the backend still
 * exits 0, and the job is reported *completed* with no file (seen here: a job submitted as
 * `nobody` into a root-only folder). So the folder belongs to the user that runs the tests and
 * submits the jobs, and its parent can be traversed by anyone.
 */
export interface CupsPdfQueue {
  name: string;
  /** Where cups-pdf writes `<title>-job_<N>.pdf`. */
  outDir: string;
  /** /etc/cups/cups-pdf-NAME.conf */
  confPath: string;
  /** The output file of job `jobId`, once it exists (polls with a deadline). */
  waitForOutput(jobId: number, timeoutMs?: number): Promise<string>;
  /** The one output file that is not in `before`, once it is complete (polls with a deadline). */
  waitForNewOutput(before: ReadonlySet<string>, timeoutMs?: number): Promise<string>;
  outputFiles(): string[];
  /** cups-pdf's own log for this queue (its errors never reach the job state). */
  log(): string;
  remove(): Promise<void>;
}

export interface CupsPdfQueueOptions {
  /** printer-info, e.g. '证书打印机（测试）'. */
  description?: string;
  /** Another output folder for cups-pdf (e.g. one it cannot create, to break the queue on purpose). */
  confOverride?: { out: string };
  /**
   * Another device instead of cups-pdf, e.g. `socket://127.0.0.1:PORT` with nothing listening:
   * the socket backend keeps retrying, so the job stays "processing" — a printer that never finishes.
   */
  deviceUri?: string;
}

/**
 * cups-pdf creates the output file and then writes it: a file that merely exists may still be
 * empty (seen in CI: pdftotext read it at that moment, "Document stream is empty"). A PDF is
 * complete once its last bytes carry the %%EOF marker.
 */
function isCompletePdf(path: string): boolean {
  try {
    const size = statSync(path).size;
    if (size < 64) return false;
    const tail = Buffer.alloc(Math.min(1024, size));
    const fd = openSync(path, 'r');
    try {
      readSync(fd, tail, 0, tail.length, size - tail.length);
    } finally {
      closeSync(fd);
    }
    return tail.toString('latin1').includes('%%EOF');
  } catch {
    return false;
  }
}

let cupsReady: Promise<void> | null = null;

/** Runs scripts/ci/start-cups.sh once per test process, so tests pass when run by hand too. */
export function ensureCupsRunning(): Promise<void> {
  cupsReady ??= run('bash', [join(PROJECT_ROOT, 'scripts/ci/start-cups.sh')], { timeout: 30_000 }).then(
    () => undefined,
    (error: Error & { stdout?: string; stderr?: string }) => {
      cupsReady = null;
      throw new Error(`scripts/ci/start-cups.sh failed: ${error.stderr ?? ''}${error.stdout ?? ''}${error.message}`);
    },
  );
  return cupsReady;
}

export async function createCupsPdfQueue(options: CupsPdfQueueOptions = {}): Promise<CupsPdfQueue> {
  await ensureCupsRunning();
  const name = `bdc-test-${process.pid}-${randomBytes(4).toString('hex')}`;
  const base = mkdtempSync(join(tmpdir(), 'bdc-cups-pdf-'));
  chmodSync(base, 0o755);
  const outDir = join(base, 'out');
  mkdirSync(outDir, { mode: 0o700 });
  chownSync(outDir, process.getuid?.() ?? 0, process.getgid?.() ?? 0);
  const confPath = `/etc/cups/cups-pdf-${name}.conf`;
  const out = options.confOverride?.out ?? outDir;
  // Log into the temporary folder rather than /var/log/cups, so nothing is left behind.
  writeFileSync(confPath, `Out ${out}\nAnonDirName ${out}\nLog ${base}\nLogType 3\n`);

  const queue: CupsPdfQueue = {
    name,
    outDir,
    confPath,
    outputFiles: () => (existsSync(outDir) ? readdirSync(outDir).filter((f) => f.endsWith('.pdf')).sort() : []),
    waitForOutput: async (jobId, timeoutMs = 10_000) => {
      const suffix = `-job_${jobId}.pdf`;
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const file = queue.outputFiles().find((f) => f.endsWith(suffix));
        if (file && isCompletePdf(join(outDir, file))) return join(outDir, file);
        if (Date.now() > deadline) {
          throw new Error(`no complete output for job ${jobId} in ${outDir} after ${timeoutMs} ms; cups-pdf log:\n${queue.log()}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    waitForNewOutput: async (before, timeoutMs = 20_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const fresh = queue.outputFiles().filter((f) => !before.has(f));
        if (fresh.length > 1) throw new Error(`expected one new output in ${outDir}, found ${fresh.join(', ')}`);
        if (fresh.length === 1 && isCompletePdf(join(outDir, fresh[0]))) return join(outDir, fresh[0]);
        if (Date.now() > deadline) {
          throw new Error(`no complete new output in ${outDir} after ${timeoutMs} ms; cups-pdf log:\n${queue.log()}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    log: () => {
      const file = join(base, `cups-pdf-${name}_log`);
      return existsSync(file) ? readFileSync(file, 'utf8') : '(no cups-pdf log)';
    },
    remove: async () => {
      // lpadmin -x also cancels whatever is still queued on the printer.
      await run('lpadmin', ['-x', name]).catch(() => undefined);
      rmSync(confPath, { force: true });
      rmSync(base, { recursive: true, force: true });
    },
  };

  try {
    const ppd = 'lsb/usr/cups-pdf/CUPS-PDF_opt.ppd';
    // "Printer drivers are deprecated" on stderr is only a warning (TOOLCHAIN.md).
    await run('lpadmin', [
      '-p', name,
      '-v', options.deviceUri ?? `cups-pdf:/${name}`,
      '-m', ppd,
      '-D', options.description ?? name,
      '-o', 'PageSize=A4',
      '-o', 'pdftops-renderer-default=pdftocairo',
      '-o', 'TitlePref=1',
    ]);
    await run('cupsenable', [name]);
    await run('cupsaccept', [name]);
  } catch (error) {
    await queue.remove();
    throw error;
  }
  return queue;
}

/** Runs a CUPS admin command on a test queue (cupsdisable, cupsreject, …) in the C locale. */
export async function cupsAdmin(command: 'cupsenable' | 'cupsdisable' | 'cupsaccept' | 'cupsreject', args: string[]): Promise<void> {
  await run(command, args, { env: { ...process.env, LC_ALL: 'C' } });
}
