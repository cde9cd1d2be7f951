import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVENT_CHANNEL, METHOD_NAMES } from '../../../../electron/contract';
import { startWorkstation } from '../../../../electron/core/workstation';
import { bindContract, forwardEvents } from '../../../../electron/hosts/electron/ipc-binding';
import { isTrustedSenderFrame } from '../../../../electron/hosts/electron/sender-check';
import { FakeIpcMain, FakeWebContents, FakeWorkstation, subFrameOf, topAppFrame } from './fakes';

const FORBIDDEN = { ok: false, error: { code: 'FORBIDDEN_SENDER', message: '请求来源不受信任，已拒绝。' } };

function bound() {
  const ipcMain = new FakeIpcMain();
  const workstation = new FakeWorkstation();
  const binding = bindContract({ ipcMain, workstation });
  return { ipcMain, workstation, binding };
}

describe('bindContract: channels', () => {
  it('registers exactly one channel bdc:<name> per contract method, and no other', () => {
    const { ipcMain } = bound();
    expect(METHOD_NAMES.length).toBeGreaterThan(0);
    expect(ipcMain.handleCalls).toBe(METHOD_NAMES.length);
    expect([...ipcMain.handlers.keys()].sort()).toEqual(METHOD_NAMES.map((n) => `bdc:${n}`).sort());
  });

  it('unbind removes every handler, so the contract can be bound again', () => {
    const { ipcMain, binding } = bound();
    binding.unbind();
    expect(ipcMain.handlers.size).toBe(0);
    expect(() => bindContract({ ipcMain, workstation: new FakeWorkstation() })).not.toThrow();
    expect(ipcMain.handlers.size).toBe(METHOD_NAMES.length);
  });
});

describe('bindContract: sender check', () => {
  it('passes a call from the app top frame to core as client wc:<webContents id>', async () => {
    const { ipcMain, workstation } = bound();
    const input = { username: 'zhang.san', password: 'Correct-Horse-9' };
    const result = await ipcMain.invoke('bdc:auth.login', { id: 42, frame: topAppFrame() }, input);
    expect(result).toEqual({ ok: true, value: { answered: true } });
    expect(workstation.calls).toEqual([{ clientId: 'wc:42', method: 'auth.login', input }]);
  });

  it('refuses a call from a subframe, even one on the app origin, without calling core', async () => {
    const { ipcMain, workstation } = bound();
    for (const frame of [subFrameOf(topAppFrame()), subFrameOf(topAppFrame(), 'https://example.com/', 'https://example.com')]) {
      expect(await ipcMain.invoke('bdc:app.info', { id: 1, frame })).toEqual(FORBIDDEN);
    }
    expect(workstation.calls).toEqual([]);
  });

  it('refuses a top frame on a foreign origin without calling core', async () => {
    const { ipcMain, workstation } = bound();
    const foreign = [
      { parent: null, origin: 'https://example.com', url: 'https://example.com/' },
      { parent: null, origin: 'file://', url: 'file:///tmp/evil.html' },
      { parent: null, origin: 'app://evil', url: 'app://evil/index.html' },
      { parent: null, origin: 'null', url: 'data:text/html,x' },
      // origin and URL must both be the app's
      { parent: null, origin: 'app://bdc', url: 'https://example.com/' },
      { parent: null, origin: 'https://example.com', url: 'app://bdc/index.html' },
    ];
    for (const frame of foreign) {
      expect(await ipcMain.invoke('bdc:app.info', { id: 1, frame }), frame.url).toEqual(FORBIDDEN);
    }
    expect(workstation.calls).toEqual([]);
  });

  it('refuses a call whose frame is already gone (senderFrame null) without calling core', async () => {
    const { ipcMain, workstation } = bound();
    expect(await ipcMain.invoke('bdc:app.info', { id: 1, frame: null })).toEqual(FORBIDDEN);
    expect(workstation.calls).toEqual([]);
  });

  it('uses an injected frame check', async () => {
    const ipcMain = new FakeIpcMain();
    const workstation = new FakeWorkstation();
    bindContract({ ipcMain, workstation, isTrustedFrame: () => false });
    expect(await ipcMain.invoke('bdc:app.info', { id: 1, frame: topAppFrame() })).toEqual(FORBIDDEN);
    expect(workstation.calls).toEqual([]);
  });

  it('turns an exception from core into INTERNAL without its message', async () => {
    const { ipcMain, workstation } = bound();
    workstation.throwOnCall = new Error('身份证号 110101199003074514 not found');
    const result = (await ipcMain.invoke('bdc:app.info', { id: 3, frame: topAppFrame() })) as { ok: boolean; error: { code: string; message: string } };
    expect(result.ok).toBe(false);
    expect(result.error.code).toBe('INTERNAL');
    expect(result.error.message).not.toContain('110101199003074514');
  });
});

describe('isTrustedSenderFrame', () => {
  it('trusts only the top frame of app://bdc', () => {
    expect(isTrustedSenderFrame(topAppFrame())).toBe(true);
    expect(isTrustedSenderFrame({ parent: null, origin: 'app://bdc', url: 'app://bdc/index.html#/cases' })).toBe(true);
    expect(isTrustedSenderFrame(subFrameOf(topAppFrame()))).toBe(false);
    expect(isTrustedSenderFrame(null)).toBe(false);
    expect(isTrustedSenderFrame(undefined)).toBe(false);
  });
});

describe('forwardEvents', () => {
  function windows() {
    const a = new FakeWebContents(1);
    const b = new FakeWebContents(2);
    const gone = new FakeWebContents(3);
    gone.destroyed = true;
    const foreign = new FakeWebContents(4);
    foreign.url = 'https://example.com/';
    return { a, b, gone, foreign, all: [a, b, gone, foreign] };
  }

  it("sends a client's event only to that client's window", () => {
    const workstation = new FakeWorkstation();
    const w = windows();
    forwardEvents(workstation, () => w.all);
    workstation.emit('wc:2', 'session.changed', { reason: 'locked' });
    expect(w.a.sent).toEqual([]);
    expect(w.b.sent).toEqual([{ channel: EVENT_CHANNEL, args: [{ name: 'session.changed', payload: { reason: 'locked' } }] }]);
  });

  it('sends a broadcast to every live app window, not to destroyed or foreign ones', () => {
    const workstation = new FakeWorkstation();
    const w = windows();
    forwardEvents(workstation, () => w.all);
    workstation.emit(null, 'status.changed', {});
    const expected = [{ channel: 'bdc:event', args: [{ name: 'status.changed', payload: {} }] }];
    expect(w.a.sent).toEqual(expected);
    expect(w.b.sent).toEqual(expected);
    expect(w.gone.sent).toEqual([]);
    expect(w.foreign.sent).toEqual([]);
  });

  it('stops forwarding once unsubscribed', () => {
    const workstation = new FakeWorkstation();
    const w = windows();
    const stop = forwardEvents(workstation, () => w.all);
    stop();
    workstation.emit(null, 'status.changed', {});
    expect(w.a.sent).toEqual([]);
  });
});

describe('bindContract with the real core', () => {
  it('answers app.info for the app window and refuses a subframe', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'bdc-ipc-'));
    const workstation = startWorkstation({ dataDir, host: 'electron', log: () => {} });
    try {
      const ipcMain = new FakeIpcMain();
      bindContract({ ipcMain, workstation });
      const info = (await ipcMain.invoke('bdc:app.info', { id: 5, frame: topAppFrame() }, {})) as { ok: boolean; value: { host: string } };
      expect(info.ok).toBe(true);
      expect(info.value.host).toBe('electron');
      expect(await ipcMain.invoke('bdc:app.info', { id: 5, frame: subFrameOf(topAppFrame()) }, {})).toEqual(FORBIDDEN);
    } finally {
      workstation.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
