import type { IpcRendererEvent } from 'electron';
import { CHANNEL_PREFIX, DEFAULT_MESSAGES, EVENT_CHANNEL, METHOD_NAMES, type ErrorCode, type Result } from '../../contract';

/** What the page sees as `window.bdc`: one namespaced object, nothing of Electron itself. */
export interface BdcBridge {
  readonly host: 'electron';
  call(method: string, input?: unknown): Promise<Result<unknown>>;
  /** Returns the function that removes exactly this subscription. */
  on(event: string, listener: (payload: unknown) => void): () => void;
}

/** The part of ipcRenderer the bridge uses; Electron's ipcRenderer satisfies it. */
export interface BridgeIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): unknown;
}

const KNOWN_METHODS: ReadonlySet<string> = new Set(METHOD_NAMES);

/**
 * The preload's logic, separate from `contextBridge` so it is tested with a fake ipcRenderer.
 * A page can only reach `bdc:<contract method>` channels, never an arbitrary one, and never gets
 * the IpcRendererEvent (whose `sender` is ipcRenderer itself).
 */
export function createBridge(ipc: BridgeIpc): BdcBridge {
  return {
    host: 'electron',
    async call(method, input) {
      if (typeof method !== 'string' || !KNOWN_METHODS.has(method)) return failure('UNKNOWN_METHOD');
      try {
        return (await ipc.invoke(`${CHANNEL_PREFIX}${method}`, input)) as Result<unknown>;
      } catch {
        // The main process had no handler or failed outside core: still a Result for the UI.
        return failure('INTERNAL');
      }
    },
    on(event, listener) {
      if (typeof listener !== 'function') throw new TypeError('bdc.on 需要一个回调函数');
      // One wrapper per subscription, kept here so that the returned function removes this very
      // wrapper (a fresh closure at removal time would remove nothing).
      const wrapper = (_e: IpcRendererEvent, message: unknown) => {
        if (isEventMessage(message) && message.name === event) listener(message.payload);
      };
      ipc.on(EVENT_CHANNEL, wrapper);
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        ipc.removeListener(EVENT_CHANNEL, wrapper);
      };
    },
  };
}

function isEventMessage(message: unknown): message is { name: string; payload: unknown } {
  return typeof message === 'object' && message !== null && typeof (message as { name?: unknown }).name === 'string';
}

function failure(code: ErrorCode): Result<never> {
  return { ok: false, error: { code, message: DEFAULT_MESSAGES[code] } };
}
