/**
 * The renderer reports user input to the back end at most this often (and once more after the
 * last input), so the back end's idle clock lags the screen's by at most this much. The back end
 * therefore locks a session only after idle time + this interval, and the screen, which sees
 * every key press, locks first.
 */
export function activityReportIntervalMs(idleLockSeconds: number): number {
  return Math.min(30_000, (idleLockSeconds * 1000) / 4);
}

export function backendIdleLimitMs(idleLockSeconds: number): number {
  return idleLockSeconds * 1000 + activityReportIntervalMs(idleLockSeconds);
}
