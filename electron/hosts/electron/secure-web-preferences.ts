/**
 * The web preferences every window of ours gets (Electron's security checklist): isolated,
 * sandboxed, no Node in the page or its workers or frames, web security on, no webviews. The
 * main window adds its preload; print windows add the PDF viewer plugin.
 */
export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: false,
  safeDialogs: true,
  navigateOnDragDrop: false,
} as const;
