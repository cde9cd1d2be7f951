import type { Session, WebContents } from 'electron';
import { APP_ORIGIN, isAppUrl } from './app-origin';
import { CONTENT_SECURITY_POLICY } from '../content-security-policy';

export type Log = (message: string) => void;

const hardened = new WeakSet<WebContents>();

/**
 * Keeps a webContents on the app origin: navigations and redirects elsewhere are cancelled, no
 * new window opens (not even an outside http(s) link: this is an extranet workstation, and a
 * browser window would bypass the kiosk), and no <webview> is ever attached. Installed by the
 * window factory and again for every webContents the app creates; the second call is a no-op.
 */
export function hardenWebContents(contents: WebContents, log: Log = () => {}): void {
  if (hardened.has(contents)) return;
  hardened.add(contents);

  const keepOnAppOrigin = (kind: string) => (event: { url: string; preventDefault(): void }) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    log(`blocked ${kind} to ${originOf(event.url)}`);
  };
  contents.on('will-navigate', keepOnAppOrigin('navigation'));
  contents.on('will-frame-navigate', keepOnAppOrigin('frame navigation'));
  contents.on('will-redirect', keepOnAppOrigin('redirect'));

  // Denied even for the app origin: webviewTag is off and the app has none, and a guest page at
  // app://bdc would pass the IPC sender check as a top frame of its own webContents.
  contents.on('will-attach-webview', (event, _webPreferences, params) => {
    event.preventDefault();
    log(`blocked webview for ${originOf(params.src ?? '')}`);
  });

  contents.setWindowOpenHandler((details) => {
    log(`blocked window.open to ${originOf(details.url)}`);
    return { action: 'deny' };
  });
}

export interface SessionPolicyOptions {
  /** Read on every request, so a config change applies without a restart. */
  allowCamera: () => boolean;
  log?: Log;
}

/**
 * Denies every browser permission (notifications, geolocation, clipboard, HID/serial/USB from
 * the page, …) except the camera, and only where configured: devices are driven from the main
 * process, never from the renderer. Also sets the CSP on every response as a second line behind
 * the one the app protocol sends.
 */
export function installSessionPolicy(session: Session, options: SessionPolicyOptions): void {
  const log = options.log ?? (() => {});

  session.setPermissionRequestHandler((_webContents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? details.mediaTypes : undefined;
    const granted =
      permission === 'media' &&
      options.allowCamera() &&
      details.isMainFrame &&
      isAppUrl(details.requestingUrl) &&
      isCameraOnly(mediaTypes);
    if (!granted) log(`denied permission ${permission}`);
    callback(granted);
  });

  session.setPermissionCheckHandler((_webContents, permission, requestingOrigin, details) => {
    return (
      permission === 'media' &&
      options.allowCamera() &&
      requestingOrigin === APP_ORIGIN &&
      details.mediaType === 'video'
    );
  });

  // WebHID / Web Serial / WebUSB: the ID card reader and signature pad belong to the main process.
  session.setDevicePermissionHandler(() => false);

  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
  });
}

/** Replaces any CSP header (whatever its case) with ours. */
export function withContentSecurityPolicy(headers: Record<string, string[]> | undefined): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') result[name] = value;
  }
  result['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return result;
}

/** Camera, yes; a microphone request (alone or with the camera) is not part of any feature. */
function isCameraOnly(mediaTypes: ReadonlyArray<'video' | 'audio'> | undefined): boolean {
  return mediaTypes !== undefined && mediaTypes.length > 0 && mediaTypes.every((t) => t === 'video');
}

/** Log lines carry only the origin: a full URL could carry a query with personal data. */
function originOf(url: string): string {
  try {
    const { protocol, host } = new URL(url);
    return host ? `${protocol}//${host}` : protocol;
  } catch {
    return '(invalid URL)';
  }
}
