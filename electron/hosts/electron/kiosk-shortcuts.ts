import type { Input, WebContents } from 'electron';

/**
 * In kiosk mode a citizen must not reload, close, print, zoom or leave the page with the
 * keyboard (a reload would show the previous citizen's query again from history; a close would
 * expose the desktop). The application menu is removed too, so these are the keys Chromium
 * itself still reacts to.
 */
export function blockKioskShortcuts(contents: WebContents): void {
  contents.on('before-input-event', (event, input) => {
    if (isBlockedKioskShortcut(input)) event.preventDefault();
  });
}

const BLOCKED_KEYS = new Set(['F3', 'F5', 'F7', 'F11', 'F12', 'BrowserBack', 'BrowserForward', 'BrowserRefresh', 'BrowserHome']);
const BLOCKED_WITH_CTRL = new Set(['r', 'w', 'p', 'o', 's', 'n', 't', 'q', 'f', 'g', 'u', 'i', 'j', 'c', '+', '-', '=', '0']);
const BLOCKED_WITH_ALT = new Set(['ArrowLeft', 'ArrowRight', 'Home', 'F4']);
/** Developer-tool letters, blocked only with Shift so that Ctrl+C (copy) still works in fields. */
const NEED_SHIFT = new Set(['c', 'i', 'j']);

export function isBlockedKioskShortcut(input: Pick<Input, 'key' | 'control' | 'meta' | 'alt' | 'shift'>): boolean {
  if (BLOCKED_KEYS.has(input.key)) return true;
  if (input.alt && BLOCKED_WITH_ALT.has(input.key)) return true;
  if (input.control || input.meta) {
    const key = input.key.toLowerCase();
    if (!BLOCKED_WITH_CTRL.has(key)) return false;
    return NEED_SHIFT.has(key) ? input.shift : true;
  }
  return false;
}
