import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { CHANNEL_PREFIX, DEFAULT_MESSAGES, EVENT_CHANNEL, METHOD_NAMES, type Result } from '../../contract';
import type { Workstation } from '../../core/workstation';
import { isAppUrl } from './app-origin';
import { clientIdFor } from './client-id';
import type { Log } from './security-policy';
import { isTrustedSenderFrame, type SenderFrame } from './sender-check';

export interface ContractBindingOptions {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  workstation: Pick<Workstation, 'call'>;
  isTrustedFrame?: (frame: SenderFrame | null) => boolean;
  log?: Log;
}

export interface ContractBinding {
  readonly channels: readonly string[];
  /** Removes every handler this binding registered. */
  unbind(): void;
}

const FORBIDDEN_SENDER: Result<never> = {
  ok: false,
  error: { code: 'FORBIDDEN_SENDER', message: DEFAULT_MESSAGES.FORBIDDEN_SENDER },
};

/**
 * One `ipcMain.handle` per contract method, channel `bdc:<name>` derived from the contract (no
 * hand-written channel names, so a new method needs no host code). The sender is checked before
 * core sees anything; core validates the input, the session and the role.
 */
export function bindContract(options: ContractBindingOptions): ContractBinding {
  const { ipcMain, workstation } = options;
  const isTrustedFrame = options.isTrustedFrame ?? isTrustedSenderFrame;
  const log = options.log ?? (() => {});
  const channels = METHOD_NAMES.map((name) => `${CHANNEL_PREFIX}${name}`);

  METHOD_NAMES.forEach((name, i) => {
    ipcMain.handle(channels[i], async (event: IpcMainInvokeEvent, input: unknown): Promise<Result<unknown>> => {
      if (!isTrustedFrame(event.senderFrame)) {
        log(`refused ${name} from an untrusted frame of webContents ${event.sender.id}`);
        return FORBIDDEN_SENDER;
      }
      try {
        return await workstation.call(clientIdFor(event.sender), name, input);
      } catch (err) {
        // Core turns its own errors into results; anything else must not reach the page as a
        // raw Error, whose message could carry personal data.
        log(`${name} threw: ${(err as Error)?.stack ?? String(err)}`);
        return { ok: false, error: { code: 'INTERNAL', message: DEFAULT_MESSAGES.INTERNAL } };
      }
    });
  });

  return {
    channels,
    unbind() {
      for (const channel of channels) ipcMain.removeHandler(channel);
    },
  };
}

export type EventReceiver = Pick<WebContents, 'id' | 'isDestroyed' | 'getURL' | 'send'>;

/**
 * Pushes core events to the windows: to the one whose client the event is for, or to every
 * window for a broadcast (clientId null). Only pages on the app origin receive them. Returns
 * the unsubscribe function.
 */
export function forwardEvents(workstation: Pick<Workstation, 'onEvent'>, getWebContents: () => readonly EventReceiver[]): () => void {
  return workstation.onEvent((clientId, name, payload) => {
    for (const contents of getWebContents()) {
      if (contents.isDestroyed() || !isAppUrl(contents.getURL())) continue;
      if (clientId !== null && clientIdFor(contents) !== clientId) continue;
      contents.send(EVENT_CHANNEL, { name, payload });
    }
  });
}
