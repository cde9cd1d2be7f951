import type { OffsetMm } from './calibration';
import type { PrintErrorCode } from './print-error';

/**
 * What the workstation needs from a printing system: the queues it can print to, printing a PDF and
 * following the job to its end. The CUPS implementation is `CupsBackend`; a Windows spooler or a
 * test stand-in would implement the same interface.
 */
export interface PrinterBackend {
  /** Every queue the printing system offers. Throws a `DeviceError` (CUPS_UNAVAILABLE) when it does not answer. */
  list(): Promise<PrinterInfo[]>;
  /**
   * Sends one PDF and waits until the job has finished (or the deadline passes). Never throws for
   * printing faults: they come back as `result.error` with a code and a Chinese message.
   */
  print(pdf: Uint8Array, options: PrintOptions): Promise<PrintJobResult>;
  /** The job's current state, or null when the printing system does not know the job (any more). */
  jobState(jobId: number): Promise<JobStatus | null>;
}

export type PrinterState = 'idle' | 'printing' | 'stopped';

export interface PrinterInfo {
  /** The queue name, as passed to `print({ printer })`. */
  name: string;
  /** The human name the administrator gave the queue (CUPS printer-info); may be Chinese. */
  description: string;
  state: PrinterState;
  acceptingJobs: boolean;
  isDefault: boolean;
  /** IPP printer-state-reasons keywords, e.g. `paused`, `media-empty-error`; empty when all is well. */
  reasons: string[];
  /** Free-text state message (e.g. the reason an administrator gave when disabling the queue); '' if none. */
  message: string;
}

export interface PrintOptions {
  printer: string;
  /** 1..99. */
  copies: number;
  /** A CUPS media name: `A4`, `A5`, or a custom size such as `Custom.240x170mm` (certificate forms). */
  media: string;
  /** Job title, shown in the queue (cups-pdf names its output file after it). */
  title: string;
  /** Calibration shift for pre-printed forms, in millimetres (x to the right, y downwards). */
  offsetMm?: OffsetMm;
  /** How long to wait for the job to finish; the backend's default when omitted. */
  timeoutMs?: number;
}

/**
 * How a job ended. `not-submitted`: the checks before sending failed, so no job exists.
 * `unknown`: the printing system stopped answering after the job was sent.
 */
export type JobFinalState = 'completed' | 'aborted' | 'cancelled' | 'timed-out' | 'not-submitted' | 'unknown';

export interface PrintError {
  code: PrintErrorCode;
  /** Chinese, says what the clerk should do next. */
  message: string;
  details?: Record<string, unknown>;
}

export type PrintJobResult =
  | { ok: true; jobId: number; state: 'completed'; status: JobStatus }
  | { ok: false; jobId: number | null; state: Exclude<JobFinalState, 'completed'>; error: PrintError; status?: JobStatus };

/** IPP job-state (RFC 8011 §5.3.7), named for the workstation. */
export type JobState = 'pending' | 'held' | 'processing' | 'stopped' | 'cancelled' | 'aborted' | 'completed';

export const FINAL_JOB_STATES: readonly JobState[] = ['cancelled', 'aborted', 'completed'];

export interface JobStatus {
  jobId: number;
  state: JobState;
  /** IPP job-state-reasons keywords. */
  reasons: string[];
  /** The queue the job is on, when the printing system says. */
  printer?: string;
  copies?: number;
  /** Pages (impressions) the printing system reports as done, counting copies. */
  impressionsCompleted?: number;
  /** Message from the printer driver about this job; '' if none. */
  printerMessage: string;
}
