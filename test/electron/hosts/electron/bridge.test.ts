import type { IpcRendererEvent } from 'electron';
import { describe, expect, it } from 'vitest';
import { EVENT_CHANNEL, METHOD_NAMES } from '../../../../electron/contract';
import { createBridge, type BridgeIpc } from '../../../../electron/hosts/electron/bridge';

type RendererListener = (event: IpcRendererEvent, ...args: unknown[]) => void;

/** ipcRenderer stand-in: records invokes, keeps listeners, and can deliver a main-process send. */
class FakeIpcRenderer implements BridgeIpc {
  readonly invoked: Array<{ channel: string; args: unknown[] }> = [];
  readonly listeners: Array<{ channel: string; listener: RendererListener }> = [];
  reply: (channel: string) => Promise<unknown> = async () => ({ ok: true, value: 'pong' });

  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push({ channel, args });
    return this.reply(channel);
  }
  on(channel: string, listener: RendererListener): this {
    this.listeners.push({ channel, listener });
    return this;
  }
  removeListener(channel: string, listener: RendererListener): this {
    const i = this.listeners.findIndex((l) => l.channel === channel && l.listener === listener);
    if (i >= 0) this.listeners.splice(i, 1);
    return this;
  }
  deliver(channel: string, message: unknown): void {
    const event = { sender: this } as unknown as IpcRendererEvent;
    for (const l of this.listeners.filter((x) => x.channel === channel)) l.listener(event, message);
  }
}

describe('window.bdc bridge', () => {
  it('says it runs in Electron', () => {
    expect(createBridge(new FakeIpcRenderer()).host).toBe('electron');
  });

  it('invokes bdc:<method> with the input for every contract method', async () => {
    const ipc = new FakeIpcRenderer();
    const bridge = createBridge(ipc);
    for (const method of METHOD_NAMES) await bridge.call(method, { n: 1 });
    expect(ipc.invoked).toEqual(METHOD_NAMES.map((m) => ({ channel: `bdc:${m}`, args: [{ n: 1 }] })));
    expect(await bridge.call('app.info')).toEqual({ ok: true, value: 'pong' });
  });

  it.each(['fs.readFile', 'event', 'bdc:app.info', '', 'constructor', '__proto__', 'toString', 'hasOwnProperty', 'app.info '])(
    'refuses %j without touching IPC',
    async (method) => {
      const ipc = new FakeIpcRenderer();
      const result = await createBridge(ipc).call(method, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
      expect(ipc.invoked).toEqual([]);
    },
  );

  it('refuses a method name that is not a string', async () => {
    const ipc = new FakeIpcRenderer();
    const result = await createBridge(ipc).call({ toString: () => 'app.info' } as unknown as string);
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(ipc.invoked).toEqual([]);
  });

  it('turns a failed invoke into a failed Result rather than a rejection', async () => {
    const ipc = new FakeIpcRenderer();
    ipc.reply = () => Promise.reject(new Error("No handler registered for 'bdc:app.info'"));
    expect(await createBridge(ipc).call('app.info')).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});

describe('window.bdc.on', () => {
  it('delivers only the payload of events with the subscribed name', () => {
    const ipc = new FakeIpcRenderer();
    const received: unknown[][] = [];
    createBridge(ipc).on('session.changed', (...args: unknown[]) => received.push(args));
    ipc.deliver(EVENT_CHANNEL, { name: 'status.changed', payload: {} });
    ipc.deliver(EVENT_CHANNEL, { name: 'session.changed', payload: { reason: 'locked' } });
    ipc.deliver(EVENT_CHANNEL, 'garbage');
    ipc.deliver(EVENT_CHANNEL, null);
    expect(received).toEqual([[{ reason: 'locked' }]]); // never the IpcRendererEvent
  });

  it('returns an unsubscribe that removes exactly that listener', () => {
    const ipc = new FakeIpcRenderer();
    const bridge = createBridge(ipc);
    const first: unknown[] = [];
    const second: unknown[] = [];
    const stopFirst = bridge.on('status.changed', (p) => first.push(p));
    bridge.on('status.changed', (p) => second.push(p));
    expect(ipc.listeners).toHaveLength(2);

    stopFirst();
    expect(ipc.listeners).toHaveLength(1);
    ipc.deliver(EVENT_CHANNEL, { name: 'status.changed', payload: { n: 1 } });
    expect(first).toEqual([]);
    expect(second).toEqual([{ n: 1 }]);

    stopFirst(); // a second call must not remove the other subscription
    expect(ipc.listeners).toHaveLength(1);
  });

  it('keeps two subscriptions of the same function independent', () => {
    const ipc = new FakeIpcRenderer();
    const bridge = createBridge(ipc);
    const seen: unknown[] = [];
    const fn = (p: unknown) => seen.push(p);
    const stop = bridge.on('status.changed', fn);
    bridge.on('status.changed', fn);
    stop();
    ipc.deliver(EVENT_CHANNEL, { name: 'status.changed', payload: 1 });
    expect(seen).toEqual([1]);
  });

  it('listens on the event channel only', () => {
    const ipc = new FakeIpcRenderer();
    createBridge(ipc).on('status.changed', () => {});
    expect(ipc.listeners.map((l) => l.channel)).toEqual(['bdc:event']);
  });

  it('throws when given no function', () => {
    expect(() => createBridge(new FakeIpcRenderer()).on('status.changed', 'x' as unknown as () => void)).toThrow(TypeError);
  });
});
