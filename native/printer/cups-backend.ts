import { DeviceError, isDeviceError } from '../serial/device-error';
import { shiftPdf } from './calibration';
import { parseJobAttributes } from './ipp-job-attributes';
import { parseLpOutcome } from './lp-output';
import { parseLpstatPrinters, schedulerIsRunning } from './lpstat-output';
import { pdfProblem } from './pdf-bytes';
import { printError, type PrintErrorCode, type PrintErrorContext } from './print-error';
import { parsePrintOptions } from './print-options';
import type { JobStatus, PrintError, PrinterBackend, PrinterInfo, PrintJobResult, PrintOptions } from './printer';
import { runCommand, type CommandRunner } from './run-command';

export interface CupsBackendOptions {
  /** How commands are started; tests pass a recorder. */
  run?: CommandRunner;
  /**
   * CUPS_SERVER for the tools: a socket path (`/run/cups/cups.sock`) or `host[:port]`. Unset: the
   * tools' defaults, and ipptool talks to ipp://localhost.
   */
  cupsServer?: string;
  /** Default time a job may take from submission to its end state. */
  jobTimeoutMs?: number;
  /** Limit for each CUPS command (lp, lpstat, ipptool, cancel). */
  commandTimeoutMs?: number;
}

/**
 * Printing through the CUPS command-line tools (lp, lpstat, cancel, ipptool), each started with
 * execFile — never a shell — in the C locale so their wording can be parsed. Printer names are
 * checked against a strict pattern before they reach any command line.
 */
export class CupsBackend implements PrinterBackend {
  private readonly run: CommandRunner;
  private readonly env: Record<string, string>;
  private readonly ippBase: string;
  private readonly jobTimeoutMs: number;
  private readonly commandTimeoutMs: number;

  constructor(options: CupsBackendOptions = {}) {
    this.run = options.run ?? runCommand;
    this.env = { LC_ALL: 'C', ...(options.cupsServer ? { CUPS_SERVER: options.cupsServer } : {}) };
    this.ippBase = ippBaseUri(options.cupsServer);
    this.jobTimeoutMs = options.jobTimeoutMs ?? 60_000;
    this.commandTimeoutMs = options.commandTimeoutMs ?? 15_000;
  }

  async list(): Promise<PrinterInfo[]> {
    await this.assertSchedulerRunning();
    const result = await this.cups('lpstat', ['-l', '-p', '-a', '-d']);
    const printers = parseLpstatPrinters(result.stdout);
    if (result.exitCode !== 0 && printers.length === 0) {
      if (/no destinations added/i.test(result.stderr)) return [];
      // The scheduler went away between the two calls, or lpstat failed for a reason we do not know.
      throw printError('CUPS_UNAVAILABLE', {}, { stderr: result.stderr.trim().slice(0, 500) });
    }
    return printers;
  }

  async print(pdf: Uint8Array, options: PrintOptions): Promise<PrintJobResult> {
    const parsed = parsePrintOptions(options);
    if (!parsed.ok) return notSubmitted(parsed.error);
    const problem = pdfProblem(pdf);
    if (problem) return notSubmitted(errorValue('INVALID_PDF', { detail: problem }));
    let jobId: number;
    try {
      jobId = await this.submit(pdf, parsed.value);
    } catch (error) {
      return notSubmitted(asPrintError(error));
    }
    return this.waitForJob(jobId, { printer: parsed.value.printer, timeoutMs: parsed.value.timeoutMs });
  }

  async jobState(jobId: number): Promise<JobStatus | null> {
    if (!Number.isSafeInteger(jobId) || jobId <= 0) return null;
    const args = ['-tv', `${this.ippBase}/jobs/${jobId}`, 'get-job-attributes.test'];
    const result = await this.run('ipptool', args, { env: this.env, timeoutMs: this.commandTimeoutMs }).catch(
      (error: unknown) => {
        const detail = '未安装 ipptool（Debian 软件包 cups-ipp-utils）';
        throw printError('CUPS_UNAVAILABLE', { detail }, { cause: String(error) });
      },
    );
    const reply = parseJobAttributes(result.stdout, jobId);
    if (reply.kind === 'found') return reply.status;
    if (reply.kind === 'not-found') return null;
    throw printError('CUPS_UNAVAILABLE', {}, { ipptool: `${reply.text} ${result.stderr.trim()}`.slice(0, 500) });
  }

  /** Cancels a job; a job that has already ended stays as it was. */
  async cancel(jobId: number): Promise<void> {
    if (!Number.isSafeInteger(jobId) || jobId <= 0) return;
    await this.cups('cancel', [String(jobId)]);
  }

  /**
   * Follows a submitted job until it ends. A job that cannot make progress is cancelled rather than
   * left in the queue: a certificate that prints hours later, after the clerk has printed it again,
   * is worse than one that has to be resent. That covers a queue stopped under the job, a held
   * job, and the deadline.
   */
  async waitForJob(jobId: number, options: { printer: string; timeoutMs?: number }): Promise<PrintJobResult> {
    const { printer } = options;
    const timeoutMs = options.timeoutMs ?? this.jobTimeoutMs;
    const deadline = Date.now() + timeoutMs;
    let interval = 50;
    let nextPrinterCheck = Date.now() + 300;
    for (;;) {
      let status: JobStatus | null;
      try {
        status = await this.jobState(jobId);
      } catch (error) {
        return { ok: false, jobId, state: 'unknown', error: asPrintError(error) };
      }
      if (status === null) {
        const detail = '任务已从打印队列中消失，未能输出';
        return failed(jobId, 'cancelled', errorValue('PRINT_FAILED', { jobId, detail }));
      }
      switch (status.state) {
        case 'completed':
          return { ok: true, jobId, state: 'completed', status };
        case 'aborted': {
          const detail = driverSays(status) ?? '打印机驱动报告错误';
          return failed(jobId, 'aborted', errorValue('PRINT_FAILED', { jobId, detail }, { status }), status);
        }
        case 'cancelled': {
          // Nobody here cancelled it: the backend did, which is how cups-pdf reports that it could
          // not write its output (TOOLCHAIN.md), or someone cancelled it in the print manager.
          const detail = driverSays(status) ?? '任务被打印系统取消，没有输出';
          return failed(jobId, 'cancelled', errorValue('PRINT_FAILED', { jobId, detail }, { status }), status);
        }
        case 'held': {
          const detail = `任务被挂起：${status.reasons.join('，') || '原因未知'}`;
          return this.cancelAndReport(jobId, 'cancelled', errorValue('PRINT_FAILED', { jobId, detail }, { status }));
        }
        default:
          break;
      }
      if ((status.state === 'pending' || status.state === 'stopped') && Date.now() >= nextPrinterCheck) {
        nextPrinterCheck = Date.now() + 500;
        const problem = await this.printerProblemWhileWaiting(printer);
        if (problem) return this.cancelAndReport(jobId, 'cancelled', problem);
      }
      if (Date.now() >= deadline) {
        const timeout = errorValue('PRINT_TIMEOUT', { jobId, timeoutMs }, { status });
        return this.cancelAndReport(jobId, 'timed-out', timeout);
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(interval, Math.max(0, deadline - Date.now()))));
      interval = Math.min(250, interval * 2);
    }
  }

  private async cancelAndReport(
    jobId: number,
    state: 'cancelled' | 'timed-out',
    error: PrintError,
  ): Promise<PrintJobResult> {
    try {
      await this.cancel(jobId);
      // It may have completed in the meantime: then the clerk has the paper, and that is what counts.
      const after = await this.jobState(jobId);
      if (after?.state === 'completed') return { ok: true, jobId, state: 'completed', status: after };
      return failed(jobId, state, error, after ?? undefined);
    } catch {
      return failed(jobId, state, error);
    }
  }

  /**
   * Calibrates the document, checks the queue, and hands the job to lp (the PDF on stdin, so no
   * temporary file is left behind). Returns the job id; throws a `DeviceError` for whatever stops it.
   */
  private async submit(pdf: Uint8Array, options: PrintOptions): Promise<number> {
    const { printer, copies, media, title, offsetMm } = options;
    const document = offsetMm ? await shiftPdf(pdf, offsetMm) : pdf;
    await this.assertPrinterReady(printer);
    const result = await this.cups(
      'lp',
      ['-d', printer, '-n', String(copies), '-o', `media=${media}`, '-t', title, '-'],
      document,
    );
    const outcome = parseLpOutcome(result.exitCode, result.stdout, result.stderr);
    switch (outcome.kind) {
      case 'submitted':
        return outcome.jobId;
      case 'not-accepting':
        throw printError('PRINTER_NOT_ACCEPTING', { printer });
      case 'no-such-printer':
      case 'unreachable':
        // With cupsd down, lp also says the printer does not exist (TOOLCHAIN.md).
        if (await this.schedulerRunning()) throw printError('PRINTER_NOT_FOUND', { printer });
        throw printError('CUPS_UNAVAILABLE');
      case 'failed':
        throw printError('PRINT_FAILED', { detail: '打印系统拒绝了任务' }, { lp: outcome.text });
    }
  }

  /**
   * Refuses to queue a job the printer would not print now: on a paused queue CUPS keeps it and
   * prints it whenever the queue is resumed, which for a certificate means a surprise duplicate.
   */
  private async assertPrinterReady(printer: string): Promise<void> {
    const info = (await this.list()).find((p) => p.name === printer);
    if (!info) throw printError('PRINTER_NOT_FOUND', { printer });
    const context = { printer, detail: info.message || undefined };
    if (info.state === 'stopped' || info.reasons.includes('hold-new-jobs')) {
      throw printError('PRINTER_STOPPED', context, { reasons: info.reasons });
    }
    if (!info.acceptingJobs) throw printError('PRINTER_NOT_ACCEPTING', context, { reasons: info.reasons });
  }

  private async printerProblemWhileWaiting(printer: string): Promise<PrintError | null> {
    try {
      const info = (await this.list()).find((p) => p.name === printer);
      if (!info) return errorValue('PRINTER_NOT_FOUND', { printer });
      if (info.state === 'stopped') {
        return errorValue('PRINTER_STOPPED', { printer, detail: info.message || undefined }, { reasons: info.reasons });
      }
      return null;
    } catch (error) {
      return asPrintError(error);
    }
  }

  private async assertSchedulerRunning(): Promise<void> {
    if (!(await this.schedulerRunning())) throw printError('CUPS_UNAVAILABLE');
  }

  /** `lpstat -r`; with cupsd down, lpstat -e prints nothing and exits 0, so ask explicitly. */
  private async schedulerRunning(): Promise<boolean> {
    const result = await this.cups('lpstat', ['-r']);
    return schedulerIsRunning(result.stdout);
  }

  private async cups(tool: 'lp' | 'lpstat' | 'cancel', args: string[], input?: Uint8Array) {
    try {
      const result = await this.run(tool, args, { env: this.env, timeoutMs: this.commandTimeoutMs, input });
      if (result.timedOut) throw printError('CUPS_UNAVAILABLE', { detail: `${tool} 无响应` });
      return result;
    } catch (error) {
      if (isDeviceError(error)) throw error;
      throw printError('CUPS_UNAVAILABLE', { detail: `未安装 CUPS 命令 ${tool}` }, { cause: String(error) });
    }
  }
}

function ippBaseUri(cupsServer: string | undefined): string {
  if (!cupsServer) return 'ipp://localhost';
  // CUPS accepts a domain socket as a percent-encoded host name.
  if (cupsServer.startsWith('/')) return `ipp://${encodeURIComponent(cupsServer)}`;
  return `ipp://${cupsServer}`;
}

function errorValue(code: PrintErrorCode, context: PrintErrorContext, details?: Record<string, unknown>): PrintError {
  return printError(code, context, details).toJSON();
}

function asPrintError(error: unknown): PrintError {
  if (isDeviceError(error)) return (error as DeviceError<PrintErrorCode>).toJSON();
  return errorValue('PRINT_FAILED', {}, { cause: String(error) });
}

function notSubmitted(error: PrintError): PrintJobResult {
  return { ok: false, jobId: null, state: 'not-submitted', error };
}

function failed(
  jobId: number,
  state: 'aborted' | 'cancelled' | 'timed-out',
  error: PrintError,
  status?: JobStatus,
): PrintJobResult {
  return { ok: false, jobId, state, error, ...(status ? { status } : {}) };
}

function driverSays(status: JobStatus): string | undefined {
  return status.printerMessage || undefined;
}
