/**
 * How every technician command answers: with --json, stdout carries exactly one JSON value and a
 * failure is one JSON object `{ code, message }` on stderr; without it, Chinese text for a person.
 * Exit codes: 0 ok, 1 failure, 2 no card / nothing to read, 3 device error, 64 usage.
 */
export const EXIT = { ok: 0, failure: 1, noCard: 2, device: 3, usage: 64 } as const;

export class CliFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

export interface Output {
  json: boolean;
  result(value: unknown, human: () => string): void;
  failure(err: CliFailure): number;
}

export function makeOutput(json: boolean): Output {
  return {
    json,
    result(value, human) {
      process.stdout.write(json ? `${JSON.stringify(value)}\n` : `${human()}\n`);
    },
    failure(err) {
      process.stderr.write(json ? `${JSON.stringify({ code: err.code, message: err.message })}\n` : `错误（${err.code}）：${err.message}\n`);
      return err.exitCode;
    },
  };
}
