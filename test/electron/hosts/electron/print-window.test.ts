import { describe, expect, it } from 'vitest';
import { createPrintWindow, hardenPrintContents, printWindowOptions } from '../../../../electron/hosts/electron/print-window';
import { mainWindowOptions } from '../../../../electron/hosts/electron/window-factory';
import { fakeEvent, FakeSession, FakeWebContents } from './fakes';
import { FakeElectronPrinting } from './print-fakes';

describe('the hidden print window', () => {
  it('has the main window security settings, no preload, and the PDF viewer plugin', () => {
    const session = new FakeSession().asElectron();
    const print = printWindowOptions(session).webPreferences ?? {};
    const main = mainWindowOptions({ preloadPath: '/p.cjs', mode: 'counter', isPackaged: true, allowCamera: () => false }).webPreferences ?? {};
    const { preload: _preload, ...mainSecurity } = main;
    expect(print).toEqual({ ...mainSecurity, plugins: true, session });
    expect(print.preload).toBeUndefined();
  });

  it('is never shown and runs in the session it is given', () => {
    const world = new FakeElectronPrinting();
    createPrintWindow({ BrowserWindow: world.BrowserWindow, session: world.session.asElectron() });
    expect(world.windows).toHaveLength(1);
    expect(world.windows[0].options.show).toBe(false);
    expect(world.windows[0].options.webPreferences?.session).toBe(world.session);
  });

  it('denies every permission request in the print session', async () => {
    const world = new FakeElectronPrinting();
    createPrintWindow({ BrowserWindow: world.BrowserWindow, session: world.session.asElectron() });
    expect(await world.session.request('media', { mediaTypes: ['video'] })).toBe(false);
    expect(await world.session.request('notifications', {})).toBe(false);
    expect(world.session.devicePermissionHandler?.({})).toBe(false);
  });

  it('pins the top frame: no navigation or redirect away, no window.open, no webview', () => {
    const contents = new FakeWebContents(1);
    hardenPrintContents(contents.asElectron());
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect'] as const) {
      const e = fakeEvent({ url: 'https://example.com/', isMainFrame: true });
      contents.emit(event, e);
      expect(e.defaultPrevented, event).toBe(true);
    }
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' } as never)).toEqual({ action: 'deny' });
    const attach = fakeEvent();
    contents.emit('will-attach-webview', attach, {}, { src: 'https://example.com/' });
    expect(attach.defaultPrevented).toBe(true);
  });

  it("lets the PDF viewer's own subframes load", () => {
    const contents = new FakeWebContents(1);
    hardenPrintContents(contents.asElectron());
    const viewer = fakeEvent({ url: 'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html', isMainFrame: false });
    contents.emit('will-frame-navigate', viewer);
    expect(viewer.defaultPrevented).toBe(false);
  });

  it('installs its rules once per webContents', () => {
    const contents = new FakeWebContents(1);
    hardenPrintContents(contents.asElectron());
    hardenPrintContents(contents.asElectron());
    expect(contents.listenerCount('will-frame-navigate')).toBe(1);
  });
});
