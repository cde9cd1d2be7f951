/**
 * What `LC_ALL=C lp … -` said. On success: "request id is certA-42 (0 file(s))" (0 files because
 * the document came on stdin). On failure, the CUPS 2.x messages we tell apart:
 *
 *   lp: Destination "certA" is not accepting jobs.
 *   lp: Error - The printer or class does not exist.     ← also when cupsd is down (TOOLCHAIN.md)
 *   lp: Error - Scheduler is not running.
 */
export type LpOutcome =
  | { kind: 'submitted'; jobId: number }
  | { kind: 'not-accepting' }
  /** The printer is unknown, or the scheduler is down: only `lpstat -r` can tell which. */
  | { kind: 'no-such-printer' }
  | { kind: 'unreachable' }
  | { kind: 'failed'; text: string };

export function parseLpOutcome(exitCode: number | null, stdout: string, stderr: string): LpOutcome {
  const id = /request id is \S+-(\d+) /.exec(stdout);
  if (exitCode === 0 && id) return { kind: 'submitted', jobId: Number(id[1]) };
  const text = `${stderr}\n${stdout}`.trim();
  if (/not accepting jobs/i.test(text)) return { kind: 'not-accepting' };
  if (/printer or class does not exist|unknown destination|not found/i.test(text)) return { kind: 'no-such-printer' };
  if (/scheduler is not running|unable to connect|connection refused|bad file descriptor/i.test(text)) {
    return { kind: 'unreachable' };
  }
  return { kind: 'failed', text: text.slice(0, 500) || `lp exited with ${exitCode ?? 'a signal'}` };
}
