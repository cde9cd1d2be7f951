import { describe, expect, it } from 'vitest';
import { APP_HOME_URL } from '../../../../electron/hosts/electron/app-origin';
import { crashBudget, reloadOnCrash } from '../../../../electron/hosts/electron/crash-reload';
import { FakeWebContents } from './fakes';

function crashing() {
  const contents = new FakeWebContents(9);
  let now = 0;
  const events: string[] = [];
  reloadOnCrash(contents.asElectron(), {
    now: () => now,
    onReload: () => events.push('reload'),
    onGiveUp: () => events.push('give-up'),
  });
  const crash = (reason = 'crashed') => contents.emit('render-process-gone', {}, { reason, exitCode: 139 });
  return { contents, events, crash, advance: (ms: number) => (now += ms) };
}

describe('reloadOnCrash', () => {
  it('reloads the home page when the renderer crashes', () => {
    const { contents, events, crash } = crashing();
    crash();
    expect(contents.loadedUrls).toEqual([APP_HOME_URL]);
    expect(events).toEqual(['reload']);
  });

  it('ignores a clean exit', () => {
    const { contents, events, crash } = crashing();
    crash('clean-exit');
    expect(contents.loadedUrls).toEqual([]);
    expect(events).toEqual([]);
  });

  it('gives up at the third crash within a minute, and stays given up', () => {
    const { contents, events, crash, advance } = crashing();
    crash('crashed');
    advance(10_000);
    crash('oom');
    advance(10_000);
    crash('killed');
    expect(contents.loadedUrls).toHaveLength(2);
    expect(events).toEqual(['reload', 'reload', 'give-up']);
    advance(120_000);
    crash();
    expect(events).toEqual(['reload', 'reload', 'give-up']);
  });

  it('keeps reloading when crashes are more than a minute apart', () => {
    const { contents, events, crash, advance } = crashing();
    for (let i = 0; i < 6; i++) {
      crash();
      advance(31_000);
    }
    expect(events).toEqual(Array(6).fill('reload'));
    expect(contents.loadedUrls).toHaveLength(6);
  });
});

describe('crashBudget', () => {
  it('forgets crashes older than the window', () => {
    let t = 0;
    const record = crashBudget(3, 60_000, () => t);
    expect(record()).toBe(true);
    t = 59_999;
    expect(record()).toBe(true);
    t = 60_000; // the first crash has left the window
    expect(record()).toBe(true);
    t = 60_001;
    expect(record()).toBe(false);
  });
});
