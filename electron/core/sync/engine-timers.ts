/**
 * The clock and timers the engine schedules with. Real wall-clock time by default (a test's manual
 * `services.clock` is for record timestamps only); tests inject their own to drive back-off.
 */
export interface EngineTimers {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: EngineTimers = {
  now: () => Date.now(),
  setTimeout(fn, ms) {
    const handle = setTimeout(fn, ms);
    // A pending retry must not keep a finished process (a CLI, a test worker) alive.
    handle.unref();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};
