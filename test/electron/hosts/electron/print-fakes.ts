import { readFileSync, statSync } from 'node:fs';
import type { BrowserWindow, BrowserWindowConstructorOptions, WebContentsPrintOptions } from 'electron';
import { PDF_READY_EVENT, type PrintWindow } from '../../../../electron/hosts/electron/print-in-window';
import { FakeSession, FakeWebContents } from './fakes';

// Stand-ins for the Electron objects ElectronPrinterBackend and createPrintWindow use. Each test
// makes its own `FakeElectronPrinting`, so no state is shared between tests.

export interface PrintCall {
  options: WebContentsPrintOptions;
  /** Answers as Electron's callback would. */
  respond(success: boolean, failureReason?: string): void;
}

/** What the fake PDF viewer does once a file is loaded. */
export type LoadBehaviour = 'ready' | 'never-ready' | 'fail-load' | 'reject-load';

export class FakePrintContents extends FakeWebContents {
  readonly printCalls: PrintCall[] = [];
  private printWaiters: Array<(call: PrintCall) => void> = [];

  print(options: WebContentsPrintOptions, callback: (success: boolean, failureReason: string) => void): void {
    const call: PrintCall = { options, respond: (success, reason = '') => callback(success, reason) };
    this.printCalls.push(call);
    for (const wake of this.printWaiters.splice(0)) wake(call);
  }

  /** Resolves with the first print call (already made or still to come). */
  printRequested(): Promise<PrintCall> {
    const made = this.printCalls[0];
    if (made) return Promise.resolve(made);
    return new Promise((resolve) => this.printWaiters.push(resolve));
  }

  getPrintersAsync(): Promise<unknown[]> {
    return Promise.resolve([]);
  }
}

export interface LoadedFile {
  path: string;
  bytes: Uint8Array;
  mode: number;
}

export class FakeElectronPrinting {
  readonly session = new FakeSession();
  readonly windows: FakePrintWindow[] = [];
  loadBehaviour: LoadBehaviour = 'ready';
  private windowWaiters: Array<() => void> = [];

  /** A BrowserWindow constructor bound to this fake world. */
  get BrowserWindow(): new (options: BrowserWindowConstructorOptions) => BrowserWindow {
    const world = this;
    class BoundWindow extends FakePrintWindow {
      constructor(options: BrowserWindowConstructorOptions) {
        super(options, world);
        world.windows.push(this);
        for (const wake of world.windowWaiters.splice(0)) wake();
      }
    }
    return BoundWindow as unknown as new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  }

  /** Resolves with the window made `index`-th (0 = first), already or still to come. */
  async windowCreated(index = 0): Promise<FakePrintWindow> {
    while (!this.windows[index]) await new Promise<void>((resolve) => this.windowWaiters.push(resolve));
    return this.windows[index];
  }
}

let nextId = 1000;

export class FakePrintWindow {
  readonly webContents: FakePrintContents;
  readonly loaded: LoadedFile[] = [];
  destroyed = false;

  constructor(
    readonly options: BrowserWindowConstructorOptions,
    private readonly world: FakeElectronPrinting,
  ) {
    this.webContents = new FakePrintContents(nextId++, world.session);
  }

  /** Reads the file at load time, as Chromium would: the test sees exactly what was printed. */
  loadFile(path: string): Promise<void> {
    this.loaded.push({ path, bytes: new Uint8Array(readFileSync(path)), mode: statSync(path).mode & 0o777 });
    switch (this.world.loadBehaviour) {
      case 'ready':
        queueMicrotask(() => this.webContents.emit(PDF_READY_EVENT));
        return Promise.resolve();
      case 'never-ready':
        return Promise.resolve();
      case 'fail-load':
        queueMicrotask(() => this.webContents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', `file://${path}`, true));
        return Promise.resolve();
      case 'reject-load':
        return Promise.reject(new Error("ERR_FAILED (-2) loading 'file:///…'"));
    }
  }

  destroy(): void {
    this.destroyed = true;
    this.webContents.destroyed = true;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }

  asPrintWindow(): PrintWindow {
    return this;
  }
}
