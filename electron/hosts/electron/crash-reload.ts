import type { RenderProcessGoneDetails, WebContents } from 'electron';
import { APP_HOME_URL } from './app-origin';
import type { Log } from './security-policy';

export interface CrashReloadOptions {
  /** After this many crashes inside `windowMs` the window is given up. */
  maxCrashes?: number;
  windowMs?: number;
  now?: () => number;
  /** Called before each reload, e.g. to end the crashed page's back-end session. */
  onReload?: () => void;
  /** Called once the budget is spent: the caller tells the user and quits. */
  onGiveUp: () => void;
  log?: Log;
}

/**
 * A crashed renderer leaves a blank window at the counter or kiosk. Reload the home page (a
 * fresh start, which in kiosk mode also clears the previous citizen's screen) instead; but a
 * page that crashes again and again would loop forever, so after `maxCrashes` (default 3)
 * within `windowMs` (default one minute) stop and let the caller report it.
 */
export function reloadOnCrash(contents: WebContents, options: CrashReloadOptions): void {
  const shouldReload = crashBudget(options.maxCrashes ?? 3, options.windowMs ?? 60_000, options.now ?? Date.now);
  const log = options.log ?? (() => {});
  let gaveUp = false;
  contents.on('render-process-gone', (_event, details: RenderProcessGoneDetails) => {
    // clean-exit is Chromium closing the page on purpose (window closing), not a crash.
    if (details.reason === 'clean-exit' || gaveUp) return;
    log(`renderer gone (${details.reason}, exit code ${details.exitCode})`);
    if (!shouldReload()) {
      gaveUp = true;
      options.onGiveUp();
      return;
    }
    options.onReload?.();
    contents.loadURL(APP_HOME_URL).catch((err: unknown) => log(`reload after crash failed: ${String(err)}`));
  });
}

/** Records a crash; true while fewer than `max` crashes (this one included) fell within `windowMs`. */
export function crashBudget(max: number, windowMs: number, now: () => number): () => boolean {
  const crashes: number[] = [];
  return () => {
    const t = now();
    while (crashes.length > 0 && t - crashes[0] >= windowMs) crashes.shift();
    crashes.push(t);
    return crashes.length < max;
  };
}
