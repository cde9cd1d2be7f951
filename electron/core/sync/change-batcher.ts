import type { EngineTimers } from './engine-timers';

/**
 * Coalesces 'sync.changed' notifications: the first one goes out at once, the ones that follow
 * within `intervalMs` are merged (their case ids united) into one trailing event. An upload reports
 * every chunk; the screens need a few updates a second, not hundreds.
 */
export class ChangeBatcher {
  private pending: Set<number> | null = null;
  private timer: unknown = null;
  private lastEmit = -Infinity;

  constructor(
    private readonly emit: (caseIds: number[]) => void,
    private readonly timers: EngineTimers,
    private readonly intervalMs = 250,
  ) {}

  changed(caseIds: readonly number[]): void {
    this.pending ??= new Set();
    for (const id of caseIds) this.pending.add(id);
    if (this.timer !== null) return;
    const wait = this.lastEmit + this.intervalMs - this.timers.now();
    if (wait <= 0) this.flush();
    else this.timer = this.timers.setTimeout(() => this.flush(), wait);
  }

  /** Sends what is pending now and stops the timer (the engine is stopping). */
  close(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
    this.pending = null;
  }

  private flush(): void {
    this.timer = null;
    const ids = [...(this.pending ?? [])];
    this.pending = null;
    this.lastEmit = this.timers.now();
    this.emit(ids);
  }
}
