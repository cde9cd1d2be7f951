import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import type { WorkstationConfig } from '../../contract';
import { APP_HOME_URL } from './app-origin';
import { blockKioskShortcuts } from './kiosk-shortcuts';
import { hardenWebContents, installSessionPolicy, type Log } from './security-policy';
import { SECURE_WEB_PREFERENCES } from './secure-web-preferences';

export const WINDOW_TITLE = '不动产登记窗口工作站';

export interface MainWindowDeps {
  /** Electron's BrowserWindow, injected so that tests can record what the window is given. */
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  log?: Log;
}

export interface MainWindowOptions {
  preloadPath: string;
  mode: WorkstationConfig['mode'];
  /** Packaged builds get no developer tools. */
  isPackaged: boolean;
  allowCamera: () => boolean;
}

/**
 * The ONLY place a window is made, so every window has the same security settings: the page
 * runs sandboxed and isolated from the preload, sees no Node, loads only from app://bdc and is
 * kept there. Shown once painted, so the clerk never sees a white flash.
 */
export function createMainWindow(deps: MainWindowDeps, options: MainWindowOptions): BrowserWindow {
  const log = deps.log ?? (() => {});
  const win = new deps.BrowserWindow(mainWindowOptions(options));
  hardenWebContents(win.webContents, log);
  installSessionPolicy(win.webContents.session, { allowCamera: options.allowCamera, log });
  if (options.mode === 'kiosk') blockKioskShortcuts(win.webContents);
  win.once('ready-to-show', () => win.show());
  win.loadURL(APP_HOME_URL).catch((err: unknown) => log(`loading ${APP_HOME_URL} failed: ${String(err)}`));
  return win;
}

export function mainWindowOptions(options: MainWindowOptions): BrowserWindowConstructorOptions {
  const kiosk = options.mode === 'kiosk';
  return {
    title: WINDOW_TITLE,
    show: false,
    width: 1366,
    height: 800,
    minWidth: 1024,
    minHeight: 700,
    autoHideMenuBar: true,
    backgroundColor: '#ffffff',
    ...(kiosk ? { kiosk: true, fullscreen: true } : {}),
    webPreferences: {
      preload: options.preloadPath,
      ...SECURE_WEB_PREFERENCES,
      devTools: !options.isPackaged,
    },
  };
}
