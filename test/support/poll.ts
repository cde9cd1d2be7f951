/**
 * THE poll helper of the tests: calls `probe` until it returns a value (anything but undefined or
 * false) and returns it, or fails after `ms` naming `what`. Tests wait on conditions, never on
 * fixed sleeps; the other helpers (`until`, `waitFor`) are this one with their own argument order.
 */
export async function poll<T>(probe: () => T | Promise<T>, what: string, ms = 8000, everyMs = 10): Promise<Exclude<T, false | undefined>> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value as Exclude<T, false | undefined>;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
