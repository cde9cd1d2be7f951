import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CupsBackend } from '../../../native/printer/cups-backend';
import { runCommand, type CommandRunner } from '../../../native/printer/run-command';
import { isDeviceError } from '../../../native/serial/device-error';
import { createCupsPdfQueue, cupsAdmin, ensureCupsRunning, type CupsPdfQueue } from './cups-pdf-queue';

const run = promisify(execFile);

/**
 * The faults a counter meets, through the real CUPS: a paused or rejecting queue, a printer that
 * is not there, CUPS itself down, a driver that cannot write, a printer that never finishes.
 * Every one must come back as a coded error with a Chinese message, quickly, and leave no job
 * waiting in a queue to print by surprise later.
 */
describe('CupsBackend faults through a real CUPS', () => {
  const backend = new CupsBackend({ jobTimeoutMs: 15_000 });
  const queues: CupsPdfQueue[] = [];
  let pdf: Uint8Array;

  async function queue(options?: Parameters<typeof createCupsPdfQueue>[0]): Promise<CupsPdfQueue> {
    const q = await createCupsPdfQueue(options);
    queues.push(q);
    return q;
  }
  const options = (printer: string) => ({ printer, copies: 1, media: 'A4', title: 'fault-test' });

  beforeAll(async () => {
    await ensureCupsRunning();
    const doc = await PDFDocument.create();
    doc.addPage().drawText('fault test', { x: 100, y: 700, size: 14, font: await doc.embedFont(StandardFonts.Helvetica) });
    pdf = await doc.save();
  });
  afterEach(async () => {
    await Promise.all(queues.splice(0).map((q) => q.remove()));
  });

  it('refuses a disabled queue with PRINTER_STOPPED and its reason, without queueing a job', async () => {
    const q = await queue();
    await cupsAdmin('cupsdisable', ['-r', 'paper jam', q.name]);
    const started = Date.now();
    const result = await backend.print(pdf, options(q.name));
    expect(result).toMatchObject({ ok: false, jobId: null, state: 'not-submitted', error: { code: 'PRINTER_STOPPED' } });
    expect(!result.ok && result.error.message).toBe(
      `打印机“${q.name}”已暂停（paper jam），请检查打印机是否缺纸、卡纸或脱机，在打印管理中恢复打印机后重新打印。`,
    );
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await activeJobs(q.name)).toBe('');
  });

  it('cancels a job whose queue was stopped after it was sent: PRINTER_STOPPED, never a hang', async () => {
    // The check before sending passed, then the queue stopped (someone paused it, the driver
    // stopped it): CUPS holds the job ("Paused") until the queue is resumed. Reproduce that by
    // sending straight to a disabled queue with lp, then follow the job as print() would.
    const q = await queue();
    await cupsAdmin('cupsdisable', ['-r', 'offline', q.name]);
    const jobId = await submitWithLp(q.name, pdf);
    const started = Date.now();
    const result = await backend.waitForJob(jobId, { printer: q.name, timeoutMs: 10_000 });
    expect(result).toMatchObject({ ok: false, jobId, state: 'cancelled', error: { code: 'PRINTER_STOPPED' } });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(await backend.jobState(jobId)).toMatchObject({ state: 'cancelled' });
    // Resuming the queue must not print the abandoned job.
    await cupsAdmin('cupsenable', [q.name]);
    expect(await activeJobs(q.name)).toBe('');
  });

  it('refuses a rejecting queue with PRINTER_NOT_ACCEPTING', async () => {
    const q = await queue();
    await cupsAdmin('cupsreject', ['-r', 'maintenance', q.name]);
    const result = await backend.print(pdf, options(q.name));
    expect(result).toMatchObject({ ok: false, jobId: null, state: 'not-submitted', error: { code: 'PRINTER_NOT_ACCEPTING' } });
    expect(!result.ok && result.error.message).toContain('当前不接受打印任务（maintenance）');
  });

  it('reports a printer that does not exist as PRINTER_NOT_FOUND, naming it', async () => {
    const name = `bdc-absent-${randomBytes(4).toString('hex')}`;
    const result = await backend.print(pdf, options(name));
    expect(result).toMatchObject({ ok: false, jobId: null, state: 'not-submitted', error: { code: 'PRINTER_NOT_FOUND' } });
    expect(!result.ok && result.error.message).toBe(`找不到打印机“${name}”，请在设备检测页确认打印机名称。`);
  });

  it('reports a printer deleted between the check and lp as PRINTER_NOT_FOUND (lpstat -r says CUPS is up)', async () => {
    const q = await queue();
    const deletingRunner: CommandRunner = async (file, args, opts) => {
      if (file === 'lp') await run('lpadmin', ['-x', q.name]);
      return runCommand(file, args, opts);
    };
    const result = await new CupsBackend({ run: deletingRunner }).print(pdf, options(q.name));
    expect(result).toMatchObject({ ok: false, state: 'not-submitted', error: { code: 'PRINTER_NOT_FOUND' } });
  });

  it('reports CUPS down as CUPS_UNAVAILABLE, not as a missing printer', async () => {
    // A scheduler socket nobody listens on: the real tools behave as with cupsd stopped (lpstat -r
    // says "scheduler is not running", lpstat -e prints nothing and exits 0), without stopping the
    // cupsd other tests use.
    const down = new CupsBackend({ cupsServer: join('/tmp', `bdc-no-cupsd-${randomBytes(4).toString('hex')}.sock`) });
    const listError = await down.list().catch((e: unknown) => e);
    expect(isDeviceError(listError) && listError.code).toBe('CUPS_UNAVAILABLE');
    expect((listError as Error).message).toBe('打印服务（CUPS）未运行或无响应，请重新启动打印服务或联系管理员后重试。');
    const result = await down.print(pdf, options('cert-A4'));
    expect(result).toMatchObject({ ok: false, state: 'not-submitted', error: { code: 'CUPS_UNAVAILABLE' } });
    await expect(down.jobState(1)).rejects.toMatchObject({ code: 'CUPS_UNAVAILABLE' });
  });

  it('tells CUPS going down between the check and lp from a missing printer (lp says "does not exist" either way)', async () => {
    const q = await queue();
    const deadSocket = join('/tmp', `bdc-no-cupsd-${randomBytes(4).toString('hex')}.sock`);
    let cupsGone = false;
    const failingRunner: CommandRunner = (file, args, opts) => {
      if (file === 'lp') cupsGone = true;
      return runCommand(file, args, cupsGone ? { ...opts, env: { ...opts?.env, CUPS_SERVER: deadSocket } } : opts);
    };
    const result = await new CupsBackend({ run: failingRunner }).print(pdf, options(q.name));
    expect(result).toMatchObject({ ok: false, state: 'not-submitted', error: { code: 'CUPS_UNAVAILABLE' } });
  });

  it('reports a job the driver cancelled because it could not write as PRINT_FAILED, with no file', async () => {
    // cups-pdf cannot create its output folder under /dev/null: the backend exits 5 ("cancel
    // job"), the job disappears from `lpstat -o`, and only its job-state says what happened.
    const q = await queue({ confOverride: { out: '/dev/null/cannot-create' } });
    const result = await backend.print(pdf, options(q.name));
    expect(result).toMatchObject({ ok: false, state: 'cancelled', error: { code: 'PRINT_FAILED' } });
    if (result.ok || result.jobId === null) throw new Error('expected a submitted, failed job');
    expect(result.error.message).toBe(`打印任务 ${result.jobId} 失败（任务被打印系统取消，没有输出），请检查打印机后重新打印。`);
    expect(q.outputFiles()).toEqual([]);
    expect(q.log()).toMatch(/\[ERROR\] failed to create user output directory: \/dev\/null\/cannot-create/);
  });

  it('cancels a job that does not finish by the deadline: PRINT_TIMEOUT, nothing left queued', async () => {
    // A socket printer on a port nobody listens on: the socket backend keeps retrying and the job
    // stays "processing" for ever.
    const port = await closedPort();
    const q = await queue({ deviceUri: `socket://127.0.0.1:${port}` });
    const started = Date.now();
    const result = await backend.print(pdf, { ...options(q.name), timeoutMs: 1500 });
    const elapsed = Date.now() - started;
    expect(result).toMatchObject({ ok: false, state: 'timed-out', error: { code: 'PRINT_TIMEOUT' } });
    expect(!result.ok && result.error.message).toMatch(/^打印任务 \d+ 在 1\.5 秒内未完成，已取消该任务/);
    expect(elapsed).toBeGreaterThanOrEqual(1500);
    expect(elapsed).toBeLessThan(4000);
    expect(await activeJobs(q.name)).toBe('');
  });

  // A CUPS/cups-pdf behaviour the backend cannot see, pinned down so nobody relies on job-state
  // alone for cups-pdf output: if the job's owner cannot write the existing output folder, the
  // copy fails inside cups-pdf, which still exits 0 — the job is "completed" and no file appears.
  // (Why the fixture gives the folder to the submitting user.) Needs root to submit as `nobody`.
  it.skipIf(process.getuid?.() !== 0)(
    'documents a cups-pdf quirk: a job whose owner cannot write the folder "completes" with no file',
    async () => {
      const q = await queue();
      chmodSync(q.outDir, 0o700); // root's, not nobody's
      const source = join(q.outDir, '..', 'readable.pdf');
      writeFileSync(source, pdf);
      chmodSync(source, 0o644);
      const { stdout } = await run('runuser', ['-u', 'nobody', '--', 'lp', '-d', q.name, '-t', 'as-nobody', source], {
        env: { ...process.env, LC_ALL: 'C' },
      });
      const jobId = Number(/request id is \S+-(\d+) /.exec(stdout)?.[1]);
      const result = await backend.waitForJob(jobId, { printer: q.name, timeoutMs: 10_000 });
      expect(result).toMatchObject({ ok: true, state: 'completed' });
      expect(q.outputFiles()).toEqual([]);
      expect(q.log()).toMatch(/failed to set file mode for PDF file: .*as-nobody-job_\d+\.pdf/);
    },
  );
});

async function submitWithLp(printer: string, pdf: Uint8Array): Promise<number> {
  const result = await runCommand('lp', ['-d', printer, '-t', 'direct', '-'], { input: pdf, env: { LC_ALL: 'C' } });
  const id = /request id is \S+-(\d+) /.exec(result.stdout);
  if (!id) throw new Error(`lp did not queue the job: ${result.stderr}`);
  return Number(id[1]);
}

/** `lpstat -o NAME`: the jobs still waiting or printing on the queue ('' when none). */
async function activeJobs(printer: string): Promise<string> {
  const result = await runCommand('lpstat', ['-o', printer], { env: { LC_ALL: 'C' } });
  return result.stdout.trim();
}

/** A TCP port on 127.0.0.1 with nothing listening (bound, then closed again). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}
