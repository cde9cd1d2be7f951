import type {
  BrowserWindow,
  BrowserWindowConstructorOptions,
  IpcMain,
  IpcMainInvokeEvent,
  Session,
  WebContents,
} from 'electron';
import type { EventName, Result } from '../../../../electron/contract';
import { APP_HOME_URL, APP_ORIGIN } from '../../../../electron/hosts/electron/app-origin';
import type { SenderFrame } from '../../../../electron/hosts/electron/sender-check';

// Stand-ins for Electron's objects. They record what the host code registers and let a test
// fire the events Electron would fire. `asElectron()` is the one place a fake is passed off as
// the real type; only `import type` from 'electron' here, which is erased at run time.

type Listener = (...args: never[]) => unknown;

class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>();

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  once(event: string, listener: Listener): this {
    const wrapper = ((...args: never[]) => {
      this.removeListener(event, wrapper);
      return listener(...args);
    }) as Listener;
    return this.on(event, wrapper);
  }

  removeListener(event: string, listener: Listener): this {
    this.listeners.set(event, (this.listeners.get(event) ?? []).filter((l) => l !== listener));
    return this;
  }

  emit(event: string, ...args: unknown[]): void {
    for (const l of [...(this.listeners.get(event) ?? [])]) (l as (...a: unknown[]) => unknown)(...args);
  }

  listenerCount(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }
}

/** An Electron-style event whose preventDefault is recorded. */
export function fakeEvent<T extends object>(fields: T = {} as T): T & { defaultPrevented: boolean; preventDefault(): void } {
  return {
    ...fields,
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

export type PermissionRequestHandler = Parameters<Session['setPermissionRequestHandler']>[0];
export type PermissionCheckHandler = Parameters<Session['setPermissionCheckHandler']>[0];
export type HeadersListener = Parameters<Session['webRequest']['onHeadersReceived']>[0];

export class FakeSession {
  permissionRequestHandler: PermissionRequestHandler = null;
  permissionCheckHandler: PermissionCheckHandler = null;
  devicePermissionHandler: ((details: unknown) => boolean) | null = null;
  headersListener: HeadersListener = null;
  readonly webRequest = {
    onHeadersReceived: (...args: unknown[]) => {
      // Electron's overloads: (listener) or (filter, listener).
      this.headersListener = args[args.length - 1] as HeadersListener;
    },
  };

  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: (details: unknown) => boolean): void {
    this.devicePermissionHandler = handler;
  }

  /** Asks the request handler as Chromium would; resolves with its answer. */
  request(permission: string, details: Record<string, unknown>): Promise<boolean> {
    const handler = this.permissionRequestHandler;
    if (!handler) throw new Error('no permission request handler installed');
    return new Promise((resolve) => {
      handler(
        {} as WebContents,
        permission as Parameters<NonNullable<PermissionRequestHandler>>[1],
        resolve,
        { isMainFrame: true, requestingUrl: APP_HOME_URL, ...details } as Parameters<NonNullable<PermissionRequestHandler>>[3],
      );
    });
  }

  check(permission: string, origin: string, details: Record<string, unknown>): boolean {
    const handler = this.permissionCheckHandler;
    if (!handler) throw new Error('no permission check handler installed');
    return handler(
      null,
      permission as Parameters<NonNullable<PermissionCheckHandler>>[1],
      origin,
      { isMainFrame: true, ...details } as Parameters<NonNullable<PermissionCheckHandler>>[3],
    );
  }

  asElectron(): Session {
    return this as unknown as Session;
  }
}

export type WindowOpenHandler = Parameters<WebContents['setWindowOpenHandler']>[0];

export class FakeWebContents extends FakeEmitter {
  url = APP_HOME_URL;
  destroyed = false;
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  readonly loadedUrls: string[] = [];
  windowOpenHandler: WindowOpenHandler | null = null;

  constructor(
    readonly id: number,
    readonly session: FakeSession = new FakeSession(),
  ) {
    super();
  }

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  getURL(): string {
    return this.url;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
    return Promise.resolve();
  }

  /** Fires a navigation-type event (will-navigate, will-redirect, …) and returns it. */
  navigate(event: 'will-navigate' | 'will-redirect' | 'will-frame-navigate', url: string) {
    const e = fakeEvent({ url });
    this.emit(event, e, url);
    return e;
  }

  asElectron(): WebContents {
    return this as unknown as WebContents;
  }
}

let nextWebContentsId = 1;

/** A BrowserWindow constructor that records every window it makes and the options given. */
export class FakeBrowserWindow extends FakeEmitter {
  static readonly created: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents(nextWebContentsId++);
  readonly loadedUrls: string[] = [];
  visible = false;
  minimized = false;
  focused = false;
  destroyed = false;

  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
    FakeBrowserWindow.created.push(this);
  }

  loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
    return Promise.resolve();
  }
  show(): void {
    this.visible = true;
  }
  focus(): void {
    this.focused = true;
  }
  restore(): void {
    this.minimized = false;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }

  static asConstructor(): new (options: BrowserWindowConstructorOptions) => BrowserWindow {
    return FakeBrowserWindow as unknown as new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  }
  asElectron(): BrowserWindow {
    return this as unknown as BrowserWindow;
  }
}

type InvokeHandler = Parameters<IpcMain['handle']>[1];

/** Records `handle` registrations; like Electron, refuses a second handler on one channel. */
export class FakeIpcMain implements Pick<IpcMain, 'handle' | 'removeHandler'> {
  readonly handlers = new Map<string, InvokeHandler>();
  handleCalls = 0;

  handle(channel: string, listener: InvokeHandler): void {
    this.handleCalls += 1;
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  /** What `ipcRenderer.invoke(channel, input)` from `sender` would get back. */
  async invoke(channel: string, sender: { id: number; frame: SenderFrame | null }, input?: unknown): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    const event = { sender: { id: sender.id }, senderFrame: sender.frame } as unknown as IpcMainInvokeEvent;
    return handler(event, input);
  }
}

export const topAppFrame = (): SenderFrame => ({ parent: null, origin: APP_ORIGIN, url: APP_HOME_URL });

export function subFrameOf(parent: SenderFrame, url = APP_HOME_URL, origin = APP_ORIGIN): SenderFrame {
  return { parent: parent as SenderFrame['parent'], origin, url };
}

export type CoreEventListener = (clientId: string | null, name: EventName, payload: unknown) => void;

/** Records calls; answers with a fixed result; lets a test emit core events. */
export class FakeWorkstation {
  readonly calls: Array<{ clientId: string; method: string; input: unknown }> = [];
  readonly listeners = new Set<CoreEventListener>();
  answer: Result<unknown> = { ok: true, value: { answered: true } };
  throwOnCall: Error | null = null;

  async call(clientId: string, method: string, input: unknown): Promise<Result<unknown>> {
    this.calls.push({ clientId, method, input });
    if (this.throwOnCall) throw this.throwOnCall;
    return this.answer;
  }

  onEvent(listener: CoreEventListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  emit(clientId: string | null, name: EventName, payload: unknown): void {
    for (const l of this.listeners) l(clientId, name, payload);
  }
}
