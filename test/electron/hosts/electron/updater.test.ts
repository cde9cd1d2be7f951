import { EventEmitter } from 'node:events';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_UPDATES_CONFIG, type UpdatesConfig } from '../../../../electron/contract/config';
import type { UpdateDecision } from '../../../../electron/core/updates/update-gate';
import { hasChecksums, startUpdates, type ReleaseInfo, type UpdaterLike } from '../../../../electron/hosts/electron/updater';
import { makeTempDir } from '../../../support/temp-dir';

const SHA512 = 'q'.repeat(86) + '==';

/** electron-updater's AppUpdater as far as the host uses it, recording what is asked of it. */
class FakeUpdater extends EventEmitter implements UpdaterLike {
  autoDownload = true;
  autoInstallOnAppQuit = true;
  allowPrerelease = true;
  allowDowngrade = false;
  private ownChannel: string | null = null;
  feed: unknown = null;
  checks = 0;
  downloads = 0;
  installs: Array<[boolean | undefined, boolean | undefined]> = [];
  failDownload = false;

  get channel(): string | null {
    return this.ownChannel;
  }
  // Like electron-updater: setting a channel turns downgrades on.
  set channel(value: string | null) {
    this.ownChannel = value;
    this.allowDowngrade = true;
  }
  setFeedURL(options: unknown): void {
    this.feed = options;
  }
  async checkForUpdates(): Promise<unknown> {
    this.checks += 1;
    return null;
  }
  async downloadUpdate(): Promise<unknown> {
    this.downloads += 1;
    if (this.failDownload) throw new Error('ECONNRESET');
    return [];
  }
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void {
    this.installs.push([isSilent, isForceRunAfter]);
  }
}

function world(config: Partial<UpdatesConfig> = {}, decision: () => UpdateDecision = () => ({ apply: true })) {
  const updater = new FakeUpdater();
  const logs: string[] = [];
  const intervals: Array<{ fn: () => void; ms: number; cleared: boolean }> = [];
  const updates = startUpdates({
    updater: () => updater,
    config: { ...DEFAULT_UPDATES_CONFIG, url: 'https://yccb.example.gov.cn/updates/', ...config },
    mayApply: decision,
    log: (m) => logs.push(m),
    setInterval: (fn, ms) => {
      const t = { fn, ms, cleared: false };
      intervals.push(t);
      return t;
    },
    clearInterval: (t) => {
      (t as { cleared: boolean }).cleared = true;
    },
  });
  return { updater, logs, intervals, updates };
}

const release = (version: string, extra: Partial<ReleaseInfo> = {}): ReleaseInfo => ({
  version,
  files: [{ url: `bdc-workstation-${version}-setup.exe`, sha512: SHA512 }],
  ...extra,
});
const settle = () => new Promise((r) => setImmediate(r));

describe('updates (electron-updater, generic provider)', () => {
  it('is off without updates.url: no feed, no checks', () => {
    const updater = new FakeUpdater();
    const logs: string[] = [];
    const u = startUpdates({ updater: () => updater, config: DEFAULT_UPDATES_CONFIG, mayApply: () => ({ apply: true }), log: (m) => logs.push(m), setInterval: () => 0, clearInterval: () => undefined });
    expect(u).toBeNull();
    expect(updater.feed).toBeNull();
    expect(updater.checks).toBe(0);
    expect(logs).toEqual(['自动更新未启用（配置 updates.url 为空）']);
  });

  it('reads the configured feed and channel, never installs on its own, and refuses downgrades unless configured', () => {
    const { updater, intervals, updates } = world({ channel: 'latest', checkIntervalMinutes: 60 });
    expect(updater.feed).toEqual({ provider: 'generic', url: 'https://yccb.example.gov.cn/updates/', channel: 'latest' });
    expect(updater).toMatchObject({ autoDownload: false, autoInstallOnAppQuit: false, allowPrerelease: false, allowDowngrade: false, channel: 'latest' });
    expect(updater.checks).toBe(1);
    expect(intervals).toEqual([expect.objectContaining({ ms: 3_600_000 })]);
    intervals[0].fn();
    expect(updater.checks).toBe(2);
    updates?.stop();
    expect(intervals[0].cleared).toBe(true);
    expect(world({ allowDowngrade: true }).updater.allowDowngrade).toBe(true);
  });

  it('downloads only a release whose every file carries a sha512', async () => {
    const { updater, logs } = world();
    updater.emit('update-available', release('0.2.0', { files: [{ url: 'a.exe', sha512: SHA512 }, { url: 'a.exe.blockmap', sha512: null }] }));
    expect(updater.downloads).toBe(0);
    expect(logs).toContain('更新 0.2.0 被拒绝：发布信息缺少 sha512 校验值');
    updater.emit('update-available', release('0.2.0', { stagingPercentage: 20 }));
    updater.emit('update-available', release('0.2.0')); // a second check while downloading
    expect(updater.downloads).toBe(1);
    expect(logs).toContain('发现更新 0.2.0（分批发布 20%），后台下载中');
  });

  it('a failed download is logged and tried again at the next check', async () => {
    const { updater, logs } = world();
    updater.failDownload = true;
    updater.emit('update-available', release('0.2.0'));
    await settle();
    expect(logs).toContain('更新 0.2.0 下载失败：ECONNRESET');
    updater.failDownload = false;
    updater.emit('update-available', release('0.2.0'));
    expect(updater.downloads).toBe(2);
  });

  it('installs at quit only when the core allows it, silently and without restarting the app', () => {
    let decision: UpdateDecision = { apply: false, reasons: ['尚有 2 条指令未发送到省级平台', '尚有 1 件正在录入的案件'] };
    const { updater, logs, updates } = world({}, () => decision);
    updates?.beforeQuit();
    expect(updater.installs).toEqual([]); // nothing downloaded yet

    updater.emit('update-downloaded', release('0.2.0'));
    expect(updates?.downloaded).toBe('0.2.0');
    updates?.beforeQuit();
    expect(updater.installs).toEqual([]);
    expect(logs).toContain('更新 0.2.0 暂不安装：尚有 2 条指令未发送到省级平台；尚有 1 件正在录入的案件');

    decision = { apply: true };
    updates?.beforeQuit();
    expect(updater.installs).toEqual([[true, false]]);
    expect(logs).toContain('退出时安装更新 0.2.0');
  });

  it('installs nothing when the data state cannot be read (recovery mode)', () => {
    const { updater, logs, updates } = world({}, () => {
      throw new Error('RECOVERY_MODE');
    });
    updater.emit('update-downloaded', release('0.2.0'));
    updates?.beforeQuit();
    expect(updater.installs).toEqual([]);
    expect(logs).toContain('更新 0.2.0 暂不安装：无法确认数据状态：RECOVERY_MODE');
  });

  it('hasChecksums wants a sha512 on every file', () => {
    expect(hasChecksums(release('1.0.0'))).toBe(true);
    expect(hasChecksums({ version: '1.0.0', files: [] })).toBe(false);
    expect(hasChecksums({ version: '1.0.0', files: [{ url: 'x', sha512: 'short' }] })).toBe(false);
  });
});

/**
 * The same policy on electron-updater's own updater (NsisUpdater; its AppUpdater logic is shared by
 * the deb and AppImage updaters), with a stand-in for Electron's app: which releases it takes.
 */
describe('updates on electron-updater itself', () => {
  const dir = makeTempDir('bdc-updater-');
  afterAll(() => dir.remove());

  async function realUpdater(config: Partial<UpdatesConfig>) {
    const { NsisUpdater } = (await import('electron-updater')) as unknown as { NsisUpdater: new (options: null, app: object) => UpdaterLike & { logger: unknown; isUpdateAvailable(info: ReleaseInfo): Promise<boolean> } };
    const app = {
      version: '0.2.0',
      name: 'bdc-workstation',
      isPackaged: true,
      appUpdateConfigPath: join(dir.path, 'app-update.yml'),
      userDataPath: dir.path,
      baseCachePath: join(dir.path, 'cache'),
      whenReady: () => Promise.resolve(),
      relaunch: () => undefined,
      quit: () => undefined,
      onQuit: () => undefined,
    };
    const updater = new NsisUpdater(null, app);
    updater.logger = null;
    // The check startUpdates runs at once cannot reach Electron's net module in Node: it is logged.
    updater.checkForUpdates = async () => null;
    startUpdates({
      updater: () => updater,
      config: { ...DEFAULT_UPDATES_CONFIG, url: 'https://yccb.example.gov.cn/updates/', ...config },
      mayApply: () => ({ apply: true }),
      log: () => undefined,
      setInterval: () => 0,
      clearInterval: () => undefined,
    });
    return updater;
  }

  it('takes a newer release, refuses an older one unless allowDowngrade, even with a channel set', async () => {
    const updater = await realUpdater({ channel: 'latest' });
    expect(await updater.isUpdateAvailable(release('0.3.0'))).toBe(true);
    expect(await updater.isUpdateAvailable(release('0.1.0'))).toBe(false);
    const back = await realUpdater({ channel: 'stable-0-1', allowDowngrade: true });
    expect(await back.isUpdateAvailable(release('0.1.0'))).toBe(true);
  });

  it('honours stagingPercentage against the installation id kept in the data folder', async () => {
    writeFileSync(join(dir.path, '.updaterId'), '12345678-1234-4234-8234-123456789abc');
    const updater = await realUpdater({});
    expect(await updater.isUpdateAvailable(release('0.3.0', { stagingPercentage: 0 }))).toBe(false);
    expect(await updater.isUpdateAvailable(release('0.3.0', { stagingPercentage: 100 }))).toBe(true);
  });
});
