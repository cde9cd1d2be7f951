import { format } from 'node:util';
import { maskPersonalText } from '../contract';

/**
 * Makes the process's console output masked (DOMAIN.md §8): whatever a host, a driver or a
 * library prints — log lines, error stacks — goes through the one masking policy before it
 * reaches stdout/stderr, which the office may redirect to a log file. Idempotent.
 */
export function maskConsoleOutput(target: Console = console): void {
  const marked = target as Console & { __bdcMasked?: boolean };
  if (marked.__bdcMasked) return;
  marked.__bdcMasked = true;
  for (const level of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
    const original = target[level].bind(target);
    target[level] = (...args: unknown[]) => original(maskPersonalText(format(...args)));
  }
}
