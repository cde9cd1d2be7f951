/**
 * The one origin the UI is served from. Everything the host trusts (navigation, IPC senders,
 * permission requests, events) is checked against it, so it is defined once here.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'bdc';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_HOME_URL = `${APP_ORIGIN}/index.html`;

/**
 * True when `url` is a page or resource of the app origin. Parsed rather than prefix-matched so
 * that `app://bdc.evil/`, `app://bdc@evil/` or `app://bdc:8080/` do not pass as ours.
 */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
