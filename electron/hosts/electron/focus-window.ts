import type { BrowserWindow } from 'electron';

/**
 * A second start (a clerk double-clicking the icon again) must bring the running window to the
 * front, not open a second workstation on the same database.
 */
export function focusWindow(win: Pick<BrowserWindow, 'isDestroyed' | 'isMinimized' | 'restore' | 'show' | 'focus'> | null): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}
