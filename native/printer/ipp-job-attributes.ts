import type { JobState, JobStatus } from './printer';

export type JobAttributesReply =
  | { kind: 'found'; status: JobStatus }
  | { kind: 'not-found' }
  /** ipptool could not reach the scheduler or the reply made no sense; `text` is for the log. */
  | { kind: 'unreachable'; text: string };

/**
 * Parses `ipptool -tv ipp://…/jobs/N get-job-attributes.test`. ipptool first echoes the request's
 * attributes, then the reply from its `status-code = …` line on, one attribute per line:
 *
 *         status-code = successful-ok (successful-ok)
 *         job-state (enum) = completed
 *         job-state-reasons (keyword) = processing-to-stop-point
 *
 * We use ipptool rather than `lpstat -W completed -o` because lpstat lists a job the backend
 * cancelled (cups-pdf could not write its file) among the "completed" ones: only job-state tells
 * completed from canceled.
 */
export function parseJobAttributes(output: string, jobId: number): JobAttributesReply {
  const lines = output.split(/\r?\n/);
  const statusAt = lines.findIndex((l) => /^\s+status-code = /.test(l));
  if (statusAt < 0) return { kind: 'unreachable', text: output.trim().slice(0, 500) };
  const statusCode = /status-code = (\S+)/.exec(lines[statusAt])?.[1] ?? '';
  if (statusCode === 'client-error-not-found') return { kind: 'not-found' };
  if (!statusCode.startsWith('successful-ok')) return { kind: 'unreachable', text: lines[statusAt].trim() };

  const attributes = new Map<string, string>();
  for (const line of lines.slice(statusAt + 1)) {
    const m = /^\s+([a-z0-9-]+) \([^)]*\) = (.*)$/.exec(line);
    if (m && !attributes.has(m[1])) attributes.set(m[1], m[2]);
  }
  const state = JOB_STATES[attributes.get('job-state') ?? ''];
  if (!state) return { kind: 'unreachable', text: `no usable job-state in reply: ${attributes.get('job-state') ?? '(missing)'}` };

  return {
    kind: 'found',
    status: {
      jobId,
      state,
      reasons: (attributes.get('job-state-reasons') ?? '')
        .split(',')
        .map((r) => r.trim())
        .filter((r) => r !== '' && r !== 'none'),
      printer: printerFromUri(attributes.get('job-printer-uri')),
      copies: integer(attributes.get('copies')),
      impressionsCompleted: integer(attributes.get('job-impressions-completed')),
      printerMessage: (attributes.get('job-printer-state-message') ?? '').trim(),
    },
  };
}

/** RFC 8011 §5.3.7 job-state keywords as ipptool prints them. */
const JOB_STATES: Record<string, JobState | undefined> = {
  pending: 'pending',
  'pending-held': 'held',
  processing: 'processing',
  'processing-stopped': 'stopped',
  canceled: 'cancelled',
  aborted: 'aborted',
  completed: 'completed',
};

function printerFromUri(uri: string | undefined): string | undefined {
  const m = /\/(?:printers|classes)\/([^/?#]+)$/.exec(uri ?? '');
  if (!m) return undefined;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return m[1];
  }
}

function integer(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value.trim());
}
