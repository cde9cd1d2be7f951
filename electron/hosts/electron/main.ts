import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session, type Session } from 'electron';
import { autoUpdater } from 'electron-updater';
import { loadConfig } from '../../core/config/config-file';
import { DataKeyRing } from '../../core/crypto/data-keys';
import { mayApplyUpdate } from '../../core/updates/update-gate';
import { startWorkstation, type Workstation } from '../../core/workstation';
import { maskConsoleOutput } from '../masked-console';
import { afterFirstScreen, needsTrainingPlatform, startTrainingPlatform } from '../training-platform';
import { appPaths, dataDirFrom } from './app-paths';
import { installAppProtocol, registerAppScheme } from './app-protocol';
import { clientIdFor } from './client-id';
import { reloadOnCrash } from './crash-reload';
import { safeStorageProtector } from './safe-storage-protector';
import { focusWindow } from './focus-window';
import { bindContract, forwardEvents } from './ipc-binding';
import { hardenWebContents } from './security-policy';
import { ElectronPrinterBackend } from './electron-printer-backend';
import { removeLeftoverTempPdfs } from './pdf-temp-file';
import { createPrintWindow, hardenPrintContents, PRINT_PARTITION } from './print-window';
import { describeStartupFailure, RENDERER_GAVE_UP } from './startup-failure';
import { startUpdates } from './updater';
import { createMainWindow } from './window-factory';

// The Electron entry (bundled to dist/electron-main.mjs). It only wires Electron's objects to
// the host modules next to it, which hold the logic and are tested with fakes.

// Whatever this process prints (its own lines, core's, drivers' stacks) goes through the masking policy.
maskConsoleOutput();
// Files this process creates (the data folder, temporary PDFs) are owner-only from the start.
if (process.platform !== 'win32') process.umask(0o077);
const log = (message: string) => console.error(`[electron] ${message}`);

// Chromium's own storage and the single-instance lock follow the data folder, so a test run with
// its own BDC_DATA_DIR shares neither with the installed workstation.
const dataDir = dataDirFrom(process.env, app.getPath('userData'));
app.setPath('userData', dataDir);

// Both must happen before `ready`.
registerAppScheme(protocol);
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // Another instance owns this data folder; it brings its window forward (second-instance).
  app.quit();
} else {
  run();
}

function run(): void {
  let workstation: Workstation | null = null;
  let mainWindow: BrowserWindow | null = null;
  let printSession: Session | null = null;
  const stopOnQuit: Array<() => void> = [];

  app.on('second-instance', () => focusWindow(mainWindow));

  // Every webContents, not only the main window's: same navigation / window.open / webview
  // rules, and its back-end session ends with it.
  app.on('web-contents-created', (_event, contents) => {
    // Hidden print windows show a local PDF, not the app: their own policy (print-window.ts). Were
    // this check ever to miss, they would get the app's stricter rules too: prints time out, nothing opens up.
    if (printSession !== null && contents.session === printSession) return hardenPrintContents(contents, log);
    hardenWebContents(contents, log);
    const clientId = clientIdFor(contents);
    contents.once('destroyed', () => workstation?.forgetClient(clientId));
  });

  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    for (const stop of stopOnQuit.splice(0)) stop();
    workstation?.close();
    workstation = null;
  });

  app
    .whenReady()
    .then(async () => {
      const config = loadConfig(dataDir).config;
      // The data keys (personal data at rest) wrapped by the OS keystore; refuses Linux's basic_text
      // fallback unless security.allowPlaintextKeystore. A ring written by the web host is re-wrapped once.
      const keyProtector = safeStorageProtector(safeStorage, { platform: process.platform, allowPlaintextKeystore: config.security.allowPlaintextKeystore, log });
      if (DataKeyRing.wrapWith(dataDir, keyProtector)) log('数据密钥已改由操作系统密钥库保护');
      const ws = startWorkstation({
        dataDir,
        host: 'electron',
        keyProtector,
        // The window first: the training stand-in and the devices start once it is shown (afterFirstScreen).
        platform: needsTrainingPlatform(config) ? null : undefined,
        startDevices: false,
        log: (m) => console.error(`[core] ${m}`),
        printerBackend: process.platform === 'win32' ? windowsPrinterBackend() : undefined,
      });
      workstation = ws;
      const deferred = afterFirstScreen(() => startTrainingPlatform(dataDir, config), ws, log);
      stopOnQuit.push(() => void deferred.stop());
      const paths = appPaths(app.getAppPath());
      const mode = ws.services.config.value.mode;

      // Updates: downloaded in the background, installed at a normal quit when nothing is unsent
      // and no case is open (before-quit comes before will-quit closes the workstation).
      const updates = startUpdates({
        updater: () => autoUpdater,
        config: ws.services.config.value.updates,
        mayApply: () => mayApplyUpdate(ws.services.db()),
        log,
        setInterval: (fn, ms) => setInterval(fn, ms),
        clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
      });
      if (updates) {
        app.on('before-quit', () => updates.beforeQuit());
        stopOnQuit.push(() => updates.stop());
      }

      // The default menu carries reload / close accelerators a clerk can hit by accident.
      if (app.isPackaged || mode === 'kiosk') Menu.setApplicationMenu(null);
      installAppProtocol(protocol, paths.renderer);
      const binding = bindContract({ ipcMain, workstation: ws, log });
      stopOnQuit.push(binding.unbind);
      stopOnQuit.push(forwardEvents(ws, () => BrowserWindow.getAllWindows().map((w) => w.webContents)));

      const win = createMainWindow(
        { BrowserWindow, log },
        // The config has no camera setting yet: until it does, the camera stays denied.
        { preloadPath: paths.preload, mode, isPackaged: app.isPackaged, allowCamera: () => false },
      );
      mainWindow = win;
      win.once('ready-to-show', deferred.trigger);
      win.on('closed', () => {
        mainWindow = null;
      });
      const clientId = clientIdFor(win.webContents);
      reloadOnCrash(win.webContents, {
        log,
        // The reloaded page starts at the login screen: a crashed renderer keeps no session.
        onReload: () => ws.forgetClient(clientId),
        onGiveUp: () => {
          dialog.showErrorBox(RENDERER_GAVE_UP.title, RENDERER_GAVE_UP.message);
          app.quit();
        },
      });
    })
    .catch((err: unknown) => {
      const failure = describeStartupFailure(err);
      log(`start-up failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      dialog.showErrorBox(failure.title, failure.message);
      workstation?.close();
      app.exit(failure.exitCode);
    });

  /**
   * Windows has no CUPS, so documents go through Chromium's printing. Elsewhere the core keeps its
   * CUPS backend: CUPS reports job states, paused queues and their reasons, which Chromium's
   * printing does not expose (electron-printer-list.ts), and its media names are native there.
   */
  function windowsPrinterBackend(): ElectronPrinterBackend {
    const ownSession = session.fromPartition(PRINT_PARTITION);
    printSession = ownSession;
    void removeLeftoverTempPdfs();
    return new ElectronPrinterBackend({
      printerSource: () => mainWindow?.webContents ?? null,
      createWindow: () => createPrintWindow({ BrowserWindow, session: ownSession, log }),
      log,
    });
  }
}
