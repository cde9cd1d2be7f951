import { execFile } from 'node:child_process';

export interface CommandOptions {
  /** Bytes written to the command's stdin (then closed). */
  input?: Uint8Array;
  /** Extra environment variables, on top of this process's. */
  env?: Record<string, string>;
  timeoutMs?: number;
}

export interface CommandResult {
  /** The exit code; null when the command was killed (see `timedOut`). */
  exitCode: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/**
 * Runs a program with arguments, never through a shell, and resolves with what it printed whatever
 * its exit code. Rejects only when the program cannot be started at all (ENOENT: not installed).
 * The CUPS backend takes one of these so that tests can count what would have been spawned.
 */
export type CommandRunner = (file: string, args: readonly string[], options?: CommandOptions) => Promise<CommandResult>;

export const runCommand: CommandRunner = (file, args, options = {}) =>
  new Promise((resolve, reject) => {
    const child = execFile(
      file,
      [...args],
      {
        env: { ...process.env, ...options.env },
        timeout: options.timeoutMs ?? 15_000,
        killSignal: 'SIGKILL',
        maxBuffer: 4 * 1024 * 1024,
        encoding: 'utf8',
        windowsHide: true,
      },
      (error, stdout, stderr) => {
        if (error && typeof error.code === 'string' && !error.killed) {
          // Spawn failures (ENOENT, EACCES) carry a string code; exit failures a number.
          reject(error);
          return;
        }
        const exitCode = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ exitCode, stdout, stderr, timedOut: Boolean(error?.killed) });
      },
    );
    if (child.stdin) {
      // A program that fails before reading its input (lp with an unknown printer) closes the
      // pipe: EPIPE here is expected, the exit code tells the story.
      child.stdin.on('error', () => undefined);
      child.stdin.end(options.input ?? new Uint8Array(0));
    }
  });
