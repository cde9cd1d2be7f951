import type { Services } from '../services';
import { purgeFinishedCases } from './case-retention';

const FIRST_RUN_MS = 5 * 60_000;
const EVERY_MS = 24 * 3_600_000;

/**
 * Runs the local purge of finished cases (config `retention.purgeFinishedCasesAfterDays`) five
 * minutes after start and then daily. A failure is logged and tried again the next day; nothing
 * runs while the database is in recovery mode.
 */
export function startRetentionDuty(services: Services, log: (m: string) => void, timers: { setTimeout: typeof setTimeout; clearTimeout: typeof clearTimeout } = { setTimeout, clearTimeout }): { stop(): void; runNow(): void } {
  let handle: ReturnType<typeof setTimeout> | null = null;
  const runNow = () => {
    const days = services.config.value.retention.purgeFinishedCasesAfterDays;
    if (days === null || services.recovery) return;
    try {
      const r = purgeFinishedCases(services.db(), services.blobs, { olderThanDays: days, now: services.clock() });
      if (r.cases > 0) log(`retention: ${r.cases} finished case(s) older than ${days} days purged with ${r.blobs} file(s)`);
    } catch (err) {
      log(`retention purge failed: ${(err as Error).message}`);
    }
  };
  const schedule = (ms: number) => {
    handle = timers.setTimeout(() => {
      runNow();
      schedule(EVERY_MS);
    }, ms);
    (handle as { unref?: () => void }).unref?.();
  };
  schedule(FIRST_RUN_MS);
  return {
    stop: () => {
      if (handle) timers.clearTimeout(handle);
      handle = null;
    },
    runNow,
  };
}
