/**
 * Full-jitter exponential back-off (AWS Architecture Blog, "Exponential Backoff And Jitter"): a
 * random wait between 0 and min(max, base × 2^attempts). The jitter spreads the retries of many
 * workstations of a province, so a platform coming back after an outage is not hit by all of
 * them at the same moment. `attempts` is the number of failures before this one.
 */
export function backoffMs(attempts: number, baseMs: number, maxMs: number, random: () => number): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(attempts, 30));
  return Math.floor(Math.min(Math.max(random(), 0), 1) * ceiling);
}
