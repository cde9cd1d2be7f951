import { recordCaseEvent } from './case-events';
import { LIFE_STEPS, type StepContext } from './case-lifecycle';
import { findCase } from './case-repository';
import { issueNumbers } from './certificate-numbers';
import type { Db } from './database';
import { yearInChina } from './numbers';

/**
 * Automatic decisions (`auto: { enabled, stepMs }`): every case submitted while they are on moves one
 * step of its life (case-lifecycle.ts) per stepMs. The next step and its due time are rows in
 * `progress`, so a restarted platform carries on; one timer is set for the earliest due row.
 * Due times are wall-clock milliseconds (Date.now()), independent of the injectable clock that
 * stamps the events, so a pinned clock still lets cases move.
 */
export interface AutoSettings {
  enabled: boolean;
  stepMs: number;
}

export class AutoDecisions {
  private settings: AutoSettings;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
    private readonly log: (message: string) => void,
    settings: AutoSettings,
  ) {
    this.settings = { ...settings };
  }

  get current(): AutoSettings {
    return { ...this.settings };
  }

  configure(settings: AutoSettings): void {
    this.settings = { ...settings };
    this.wake();
  }

  /** Puts a new case on the schedule (inside its submission's transaction); call wake() after the commit. */
  enrol(caseNumber: string): void {
    if (!this.settings.enabled) return;
    this.db.prepare('INSERT OR REPLACE INTO progress (case_number, step, due_at) VALUES (?, 0, ?)').run(caseNumber, Date.now() + this.settings.stepMs);
  }

  /** Takes a case off the schedule (withdrawn). */
  drop(caseNumber: string): void {
    this.db.prepare('DELETE FROM progress WHERE case_number = ?').run(caseNumber);
  }

  /** (Re)arms the timer for the earliest due step. */
  wake(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.stopped || !this.settings.enabled) return;
    const next = this.db.prepare('SELECT MIN(due_at) AS due FROM progress').get() as { due: number | null };
    if (next.due === null) return;
    this.timer = setTimeout(() => this.tick(), Math.max(0, next.due - Date.now()));
    this.timer.unref();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Runs every due step, one transaction per case, then re-arms. */
  private tick(): void {
    this.timer = null;
    if (this.stopped) return;
    const due = this.db.prepare('SELECT case_number, step FROM progress WHERE due_at <= ? ORDER BY due_at LIMIT 200').all(Date.now()) as Array<{
      case_number: string;
      step: number;
    }>;
    for (const row of due) {
      try {
        this.advance(row.case_number, row.step);
      } catch (err) {
        // One broken case must not stop the others: log it and take it off the schedule.
        this.log(`auto decision failed for ${row.case_number}: ${(err as Error).message}`);
        this.drop(row.case_number);
      }
    }
    this.wake();
  }

  private advance(caseNumber: string, step: number): void {
    this.db.transaction(() => {
      const c = findCase(this.db, caseNumber);
      if (!c || c.status === 'withdrawn' || c.status === 'registered' || c.status === 'rejected') {
        this.drop(caseNumber);
        return;
      }
      let index = step;
      while (index < LIFE_STEPS.length && !LIFE_STEPS[index].applies(c)) index += 1;
      if (index >= LIFE_STEPS.length) {
        this.drop(caseNumber);
        return;
      }
      const at = this.now();
      const ctx: StepContext = {
        at,
        issueNumbers: (kind, count) => issueNumbers(this.db, { office: c.office, year: yearInChina(at), kind, count, caseNumber, at: at.toISOString() }),
      };
      for (const event of LIFE_STEPS[index].events(c, ctx)) recordCaseEvent(this.db, c, event.kind, event.data, at);
      if (index + 1 >= LIFE_STEPS.length) this.drop(caseNumber);
      else this.db.prepare('UPDATE progress SET step = ?, due_at = ? WHERE case_number = ?').run(index + 1, Date.now() + this.settings.stepMs, caseNumber);
    })();
  }
}
