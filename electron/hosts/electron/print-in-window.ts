import type { WebContentsPrintOptions } from 'electron';
import type { Log } from './security-policy';

/** What listing printers needs: any live webContents (Chromium asks the OS, not the page). */
export interface PrinterSource {
  getPrintersAsync(): Promise<unknown[]>;
}

/** The parts of a BrowserWindow a print job uses; tests pass a fake. */
export interface PrintWindow {
  readonly webContents: PrinterSource & {
    print(options: WebContentsPrintOptions, callback: (success: boolean, failureReason: string) => void): void;
    on(event: string, listener: (...args: unknown[]) => void): unknown;
    once(event: string, listener: (...args: unknown[]) => void): unknown;
  };
  loadFile(path: string): Promise<void>;
  destroy(): void;
  isDestroyed(): boolean;
}

/**
 * Electron emits this on the webContents once its PDF viewer has loaded the document and can
 * print it. It is internal (Electron's own tests use it) but it is the only signal: printing on
 * did-finish-load, or after a fixed delay, prints blank pages when the viewer is not ready yet.
 * Should a later Electron drop it, every print ends in PRINT_TIMEOUT, never in a blank form.
 */
export const PDF_READY_EVENT = '-pdf-ready-to-print';

export type PrintOutcome = { kind: 'printed' } | { kind: 'print-failed'; reason: string } | { kind: 'load-failed'; cause: string };

/** Resolves with the first thing that happens: printed, print failed, or the document failed to load. */
export function printFromWindow(win: PrintWindow, path: string, settings: WebContentsPrintOptions, log: Log): Promise<PrintOutcome> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (outcome: PrintOutcome) => {
      if (settled) return;
      settled = true;
      resolve(outcome);
    };
    const contents = win.webContents;
    // Subscribed before loading, so the event cannot pass unseen.
    contents.once(PDF_READY_EVENT, () => {
      if (settled || win.isDestroyed()) return;
      contents.print(settings, (success, failureReason) =>
        settle(success ? { kind: 'printed' } : { kind: 'print-failed', reason: String(failureReason ?? '') }),
      );
    });
    contents.on('did-fail-load', (...args: unknown[]) => {
      const [, code, description] = args;
      // -3 ERR_ABORTED is a load cancelled because another replaced it, not a broken document;
      // anything real shows up with its own code, or at the deadline.
      if (code === -3) return;
      log(`print window: load failed ${String(code)} ${String(description)}`);
      settle({ kind: 'load-failed', cause: `${String(code)} ${String(description)}` });
    });
    contents.once('render-process-gone', (...args: unknown[]) => {
      const reason = (args[1] as { reason?: unknown } | undefined)?.reason;
      settle({ kind: 'load-failed', cause: `render process gone: ${String(reason)}` });
    });
    win.loadFile(path).catch((error: unknown) => settle({ kind: 'load-failed', cause: String(error) }));
  });
}
