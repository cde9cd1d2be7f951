import { describe, expect, it } from 'vitest';
import { APP_HOME_URL } from '../../../../electron/hosts/electron/app-origin';
import { createMainWindow, WINDOW_TITLE, type MainWindowOptions } from '../../../../electron/hosts/electron/window-factory';
import { fakeEvent, FakeBrowserWindow } from './fakes';

function makeWindow(overrides: Partial<MainWindowOptions> = {}): FakeBrowserWindow {
  createMainWindow(
    { BrowserWindow: FakeBrowserWindow.asConstructor() },
    { preloadPath: '/opt/bdc/resources/app.asar/dist/preload.cjs', mode: 'counter', isPackaged: true, allowCamera: () => false, ...overrides },
  );
  const win = FakeBrowserWindow.created.at(-1);
  if (!win) throw new Error('no window was constructed');
  return win;
}

describe('createMainWindow', () => {
  it('gives the page every security setting: isolated, sandboxed, no Node, web security on', () => {
    const prefs = makeWindow().options.webPreferences;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    });
  });

  it('uses the given preload script', () => {
    expect(makeWindow().options.webPreferences?.preload).toBe('/opt/bdc/resources/app.asar/dist/preload.cjs');
  });

  it('has no developer tools in a packaged build, and has them in development', () => {
    expect(makeWindow({ isPackaged: true }).options.webPreferences?.devTools).toBe(false);
    expect(makeWindow({ isPackaged: false }).options.webPreferences?.devTools).toBe(true);
  });

  it('is titled 不动产登记窗口工作站 and hidden until the page has painted', () => {
    const win = makeWindow();
    expect(win.options.title).toBe(WINDOW_TITLE);
    expect(WINDOW_TITLE).toBe('不动产登记窗口工作站');
    expect(win.options.show).toBe(false);
    expect(win.visible).toBe(false);
    win.emit('ready-to-show');
    expect(win.visible).toBe(true);
  });

  it('loads the home page from the app protocol, not file://', () => {
    expect(makeWindow().loadedUrls).toEqual([APP_HOME_URL]);
    expect(APP_HOME_URL).toBe('app://bdc/index.html');
  });

  it('opens full screen in kiosk mode and normally at the counter', () => {
    expect(makeWindow({ mode: 'kiosk' }).options).toMatchObject({ kiosk: true, fullscreen: true });
    const counter = makeWindow({ mode: 'counter' }).options;
    expect(counter.kiosk).toBeUndefined();
    expect(counter.fullscreen).toBeUndefined();
  });

  it('blocks reload and developer shortcuts only in kiosk mode', () => {
    const kiosk = makeWindow({ mode: 'kiosk' });
    const f5 = fakeEvent();
    kiosk.webContents.emit('before-input-event', f5, { key: 'F5', control: false, meta: false, alt: false, shift: false });
    expect(f5.defaultPrevented).toBe(true);
    expect(makeWindow({ mode: 'counter' }).webContents.listenerCount('before-input-event')).toBe(0);
  });

  it('installs the navigation and window-open rules on its own webContents', () => {
    const win = makeWindow();
    expect(win.webContents.navigate('will-navigate', 'https://example.com/').defaultPrevented).toBe(true);
    expect(win.webContents.windowOpenHandler?.({ url: 'https://example.com/' } as never)).toEqual({ action: 'deny' });
  });

  it('installs the permission policy on the window session', async () => {
    const win = makeWindow();
    await expect(win.webContents.session.request('notifications', {})).resolves.toBe(false);
    expect(win.webContents.session.headersListener).not.toBeNull();
  });
});
