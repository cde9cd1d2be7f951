import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron';
import type { Log } from './security-policy';
import { SECURE_WEB_PREFERENCES } from './secure-web-preferences';

/**
 * The in-memory session hidden print windows run in (no `persist:` prefix: nothing of a document
 * is cached on disk). Separate from the UI's default session on purpose: installSessionPolicy puts
 * the app's Content-Security-Policy (`object-src 'none'`, `frame-ancestors 'none'`) on every
 * response of its session, and on the PDF it would block Chromium's PDF viewer frame, so the
 * document would never become ready to print (or would print blank).
 */
export const PRINT_PARTITION = 'bdc-print';

export interface PrintWindowDeps<W> {
  /** Electron's BrowserWindow, injected so that tests can record what the window is given. */
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => W;
  /** `session.fromPartition(PRINT_PARTITION)`. */
  session: Session;
  log?: Log;
}

/**
 * A hidden window to load one PDF into and print it from. Same security settings as the main
 * window (window-factory.ts) with no preload (the page needs no bridge), plus `plugins`, which
 * Chromium's PDF viewer needs. Its contents get the print policy and its session denies every
 * permission request.
 */
export function createPrintWindow<W extends { webContents: WebContents }>(deps: PrintWindowDeps<W>): W {
  const log = deps.log ?? (() => {});
  lockDownPrintSession(deps.session, log);
  const win = new deps.BrowserWindow(printWindowOptions(deps.session));
  hardenPrintContents(win.webContents, log);
  return win;
}

export function printWindowOptions(session: Session): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 800,
    height: 1000,
    skipTaskbar: true,
    webPreferences: {
      session,
      plugins: true,
      ...SECURE_WEB_PREFERENCES,
      devTools: false,
    },
  };
}

const hardened = new WeakSet<WebContents>();

/**
 * hardenWebContents (security-policy.ts) keeps a page on app://bdc, which a print window never is:
 * it shows a local PDF, and the PDF viewer lives in subframes of its own (chrome-extension://…)
 * that a frame-navigation rule for the app origin would cancel. So print windows get this policy
 * instead: the top frame stays on the document it was given (the page cannot navigate or be
 * redirected away), subframes are the viewer's, and no window or <webview> ever opens.
 * main.ts routes web contents of the print session here. A second call is a no-op.
 */
export function hardenPrintContents(contents: WebContents, log: Log = () => {}): void {
  if (hardened.has(contents)) return;
  hardened.add(contents);

  const keepTopFrame = (kind: string) => (event: { isMainFrame: boolean; preventDefault(): void }) => {
    if (!event.isMainFrame) return;
    event.preventDefault();
    log(`print window: blocked ${kind}`);
  };
  contents.on('will-navigate', keepTopFrame('navigation'));
  contents.on('will-frame-navigate', keepTopFrame('navigation'));
  contents.on('will-redirect', keepTopFrame('redirect'));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('print window: blocked webview');
  });
  contents.setWindowOpenHandler(() => {
    log('print window: blocked window.open');
    return { action: 'deny' };
  });
}

const lockedSessions = new WeakSet<Session>();

/** Electron grants every permission by default; a page that only shows a PDF needs none. */
function lockDownPrintSession(session: Session, log: Log): void {
  if (lockedSessions.has(session)) return;
  lockedSessions.add(session);
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log(`print window: denied permission ${permission}`);
    callback(false);
  });
  session.setDevicePermissionHandler(() => false);
}
