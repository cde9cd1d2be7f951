import { tmpdir } from 'node:os';
import { shiftPdf } from '../../../native/printer/calibration';
import { pdfProblem } from '../../../native/printer/pdf-bytes';
import { printError, type PrintErrorCode, type PrintErrorContext } from '../../../native/printer/print-error';
import type { JobState, JobStatus, PrintError, PrinterBackend, PrinterInfo, PrintJobResult, PrintOptions } from '../../../native/printer/printer';
import { DeviceError, isDeviceError } from '../../../native/serial/device-error';
import { electronPrintSettings, parseElectronPrintOptions, type ElectronPrintJob } from './electron-print-settings';
import { toPrinterInfos } from './electron-printer-list';
import { writeTempPdf, type TempPdf } from './pdf-temp-file';
import { printFromWindow, type PrinterSource, type PrintOutcome, type PrintWindow } from './print-in-window';
import type { Log } from './security-policy';

export interface ElectronPrinterBackendDeps {
  /** A webContents to list printers with (the main window's); null while there is none yet. */
  printerSource: () => PrinterSource | null;
  /** Makes the hidden, sandboxed window a document is printed from (createPrintWindow). */
  createWindow: () => PrintWindow;
  /** Default time from loading the document to the print callback. */
  jobTimeoutMs?: number;
  /** Limit for asking the OS for its printers (network printers can make that slow). */
  listTimeoutMs?: number;
  /** Where each job's private temp folder is made; the OS temp dir by default. */
  tempRoot?: string;
  log?: Log;
}

/**
 * Printing through Electron's own printing (Chromium → the Windows spooler), for Windows, which
 * has no CUPS. The PDF is written to a private temp file, loaded into a hidden window where
 * Chromium's PDF viewer renders it, and printed silently to the named printer.
 *
 * A file rather than a data: URL: Chromium refuses URLs over 2 MB (url::kMaxURLChars), which a
 * scanned attachment or a long document exceeds (base64 adds a third), and a size-dependent
 * second path would be the one nobody tests. The file lives only for the job (pdf-temp-file.ts).
 *
 * What Chromium does not tell: there are no job ids and no job states. `print`'s callback says the
 * document was handed to the spooler (or why not), so "completed" here means spooled; the ids are
 * synthetic, increasing per process, and `jobState` returns what this backend last saw of them.
 */
export class ElectronPrinterBackend implements PrinterBackend {
  private nextJobId = 1;
  private readonly jobs = new Map<number, JobStatus>();
  private readonly jobTimeoutMs: number;
  private readonly listTimeoutMs: number;
  private readonly log: Log;

  constructor(private readonly deps: ElectronPrinterBackendDeps) {
    this.jobTimeoutMs = deps.jobTimeoutMs ?? 60_000;
    this.listTimeoutMs = deps.listTimeoutMs ?? 15_000;
    this.log = deps.log ?? (() => {});
  }

  async list(): Promise<PrinterInfo[]> {
    const source = this.deps.printerSource();
    if (source) return this.listWith(source);
    // At start-up the device manager asks before the main window exists: a hidden print window
    // (nothing loaded) can ask just as well.
    const scratch = this.deps.createWindow();
    try {
      return await this.listWith(scratch.webContents);
    } finally {
      if (!scratch.isDestroyed()) scratch.destroy();
    }
  }

  /**
   * Checks everything before a window exists (options, PDF bytes, that the OS has the printer),
   * applies the calibration offset, then prints. Never throws: faults come back as `error`.
   */
  async print(pdf: Uint8Array, options: PrintOptions): Promise<PrintJobResult> {
    const parsed = parseElectronPrintOptions(options);
    if (!parsed.ok) return notSubmitted(parsed.error);
    const problem = pdfProblem(pdf);
    if (problem) return notSubmitted(errorValue('INVALID_PDF', { detail: problem }));
    const { printer, offsetMm } = parsed.value.options;
    let file: TempPdf;
    try {
      await this.assertPrinterReady(printer);
      const document = offsetMm ? await shiftPdf(pdf, offsetMm) : pdf;
      file = await writeTempPdf(document, this.deps.tempRoot ?? tmpdir());
    } catch (error) {
      return notSubmitted(asPrintError(error));
    }
    const jobId = this.nextJobId++;
    this.remember(jobStatus(jobId, 'processing', parsed.value));
    try {
      const result = await this.runJob(jobId, file.path, parsed.value);
      this.remember(result.ok ? result.status : (result.status ?? jobStatus(jobId, 'aborted', parsed.value)));
      return result;
    } finally {
      await file.remove();
    }
  }

  async jobState(jobId: number): Promise<JobStatus | null> {
    return this.jobs.get(jobId) ?? null;
  }

  /** Loads the document in a hidden window, waits until the PDF viewer can print it, prints. */
  private async runJob(jobId: number, path: string, job: ElectronPrintJob): Promise<PrintJobResult> {
    const timeoutMs = job.options.timeoutMs ?? this.jobTimeoutMs;
    let win: PrintWindow | null = null;
    try {
      win = this.deps.createWindow();
      const outcome = await withDeadline(printFromWindow(win, path, electronPrintSettings(job), this.log), timeoutMs);
      return this.resultOf(jobId, job, outcome === TIMED_OUT ? { kind: 'timed-out', timeoutMs } : outcome);
    } catch (error) {
      return this.resultOf(jobId, job, { kind: 'load-failed', cause: String(error) });
    } finally {
      // Also what cancels a print Chromium is still rendering when the deadline passes.
      if (win && !win.isDestroyed()) win.destroy();
    }
  }

  private resultOf(jobId: number, job: ElectronPrintJob, outcome: PrintOutcome | { kind: 'timed-out'; timeoutMs: number }): PrintJobResult {
    const printer = job.options.printer;
    switch (outcome.kind) {
      case 'printed':
        return { ok: true, jobId, state: 'completed', status: jobStatus(jobId, 'completed', job) };
      case 'timed-out': {
        const error = errorValue('PRINT_TIMEOUT', { jobId, timeoutMs: outcome.timeoutMs });
        return { ok: false, jobId, state: 'timed-out', error, status: jobStatus(jobId, 'cancelled', job) };
      }
      case 'load-failed': {
        const error = errorValue('PRINT_FAILED', { jobId, printer, detail: '无法打开要打印的文档' }, { cause: outcome.cause });
        return { ok: false, jobId, state: 'aborted', error, status: jobStatus(jobId, 'aborted', job) };
      }
      case 'print-failed': {
        const failure = describeFailure(outcome.reason);
        const error = errorValue('PRINT_FAILED', { jobId, printer, detail: failure.detail }, { reason: outcome.reason });
        return { ok: false, jobId, state: failure.state, error, status: jobStatus(jobId, failure.state, job) };
      }
    }
  }

  private async listWith(source: PrinterSource): Promise<PrinterInfo[]> {
    let reply: unknown[] | typeof TIMED_OUT;
    try {
      reply = await withDeadline(source.getPrintersAsync(), this.listTimeoutMs);
    } catch (error) {
      throw spoolerUnavailable(undefined, { cause: String(error) });
    }
    if (reply === TIMED_OUT) throw spoolerUnavailable('获取打印机列表超时');
    return toPrinterInfos(reply);
  }

  /** Same refusals as CUPS where Chromium exposes the queue state (on Windows it does not). */
  private async assertPrinterReady(printer: string): Promise<void> {
    const info = (await this.list()).find((p) => p.name === printer);
    if (!info) throw printError('PRINTER_NOT_FOUND', { printer });
    const context = { printer, detail: info.message || undefined };
    if (info.state === 'stopped') throw printError('PRINTER_STOPPED', context, { reasons: info.reasons });
    if (!info.acceptingJobs) throw printError('PRINTER_NOT_ACCEPTING', context, { reasons: info.reasons });
  }

  /** Keeps the last 200 jobs: enough to answer about recent prints, bounded for a long day. */
  private remember(status: JobStatus): void {
    this.jobs.delete(status.jobId);
    this.jobs.set(status.jobId, status);
    if (this.jobs.size > 200) this.jobs.delete(this.jobs.keys().next().value as number);
  }
}

/**
 * Electron's failure reasons are English sentences ("Print job canceled", "Print job failed",
 * "Invalid printer settings"; older versions said "cancelled" / "failed"): matched loosely, kept
 * verbatim in the error's details, never shown.
 */
function describeFailure(reason: string): { state: 'cancelled' | 'aborted'; detail: string } {
  if (/cancel/i.test(reason)) return { state: 'cancelled', detail: '任务被打印系统取消，没有输出' };
  if (/invalid/i.test(reason)) return { state: 'aborted', detail: '打印机不接受所选的纸张规格或打印设置' };
  if (/fail/i.test(reason)) return { state: 'aborted', detail: '打印机驱动报告错误' };
  return { state: 'aborted', detail: '打印系统报告了未知错误' };
}

function jobStatus(jobId: number, state: JobState, job: ElectronPrintJob): JobStatus {
  return { jobId, state, reasons: [], printer: job.options.printer, copies: job.options.copies, printerMessage: '' };
}

const TIMED_OUT = Symbol('timed out');

function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/**
 * The contract has one code for "the printing system does not answer", named after CUPS; on
 * Windows the message names the spooler instead, which is what an administrator restarts.
 */
function spoolerUnavailable(detail?: string, details?: Record<string, unknown>): DeviceError<PrintErrorCode> {
  const why = detail ? `（${detail}）` : '';
  return new DeviceError<PrintErrorCode>(
    'CUPS_UNAVAILABLE',
    `系统打印服务无响应${why}，请在 Windows“服务”中重新启动“Print Spooler（打印后台处理程序）”或联系管理员后重试。`,
    details,
  );
}

function errorValue(code: PrintErrorCode, context: PrintErrorContext, details?: Record<string, unknown>): PrintError {
  return printError(code, context, details).toJSON();
}

function asPrintError(error: unknown): PrintError {
  if (isDeviceError(error)) return (error as DeviceError<PrintErrorCode>).toJSON();
  return errorValue('PRINT_FAILED', { detail: '无法准备要打印的文档' }, { cause: String(error) });
}

function notSubmitted(error: PrintError): PrintJobResult {
  return { ok: false, jobId: null, state: 'not-submitted', error };
}
