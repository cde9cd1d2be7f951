import type { WebFrameMain } from 'electron';
import { APP_ORIGIN, isAppUrl } from './app-origin';

export type SenderFrame = Pick<WebFrameMain, 'parent' | 'origin' | 'url'>;

/**
 * Only the top frame of a page loaded from app://bdc may call the back end. A subframe (an
 * injected iframe), a page that somehow left the app origin, or a frame already gone (null)
 * is refused before core sees the call.
 */
export function isTrustedSenderFrame(frame: SenderFrame | null | undefined): boolean {
  if (!frame) return false;
  if (frame.parent !== null) return false;
  return frame.origin === APP_ORIGIN && isAppUrl(frame.url);
}
