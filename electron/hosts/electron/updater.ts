import type { UpdatesConfig } from '../../contract/config';
import type { UpdateDecision } from '../../core/updates/update-gate';

/**
 * Updates over the extranet with electron-updater (generic provider). The policy:
 * - off unless config `updates.url` is set; only packed apps check (electron-updater's own rule);
 * - the release metadata must carry a sha512 for every file: electron-updater verifies the
 *   download against it (DigestTransform) and refuses a cached installer whose hash differs;
 * - staged rollout is electron-updater's: `stagingPercentage` in the metadata against a random id
 *   kept per installation (userData/.updaterId);
 * - a downloaded update is installed only when the app quits normally and the core says nothing is
 *   unsent and no case is open (electron/core/updates/update-gate.ts); otherwise it stays
 *   downloaded and the next quit asks again. It never restarts the app under a clerk;
 * - an older version is installed only with `updates.allowDowngrade` (the way back, README).
 * The updater object is injected, so this is tested with a fake (test/electron/hosts/electron).
 */

/** The part of electron-updater's AppUpdater used here. */
export interface UpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowDowngrade: boolean;
  allowPrerelease: boolean;
  channel: string | null;
  setFeedURL(options: { provider: 'generic'; url: string; channel: string }): void;
  checkForUpdates(): Promise<unknown>;
  downloadUpdate(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on(event: 'update-available' | 'update-downloaded', listener: (info: ReleaseInfo) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

/** What the release metadata (latest.yml) says about a release, as far as this policy reads it. */
export interface ReleaseInfo {
  version: string;
  files: ReadonlyArray<{ url: string; sha512?: string | null }>;
  stagingPercentage?: number;
}

export interface UpdatesDeps {
  /** electron-updater's autoUpdater; a function, so an install with updates off never creates it. */
  updater: () => UpdaterLike;
  config: UpdatesConfig;
  /** The core's decision (reads the outbox and the open cases). */
  mayApply: () => UpdateDecision;
  log: (message: string) => void;
  setInterval: (fn: () => void, ms: number) => unknown;
  clearInterval: (handle: unknown) => void;
}

export interface Updates {
  /** Call from app 'before-quit': installs a downloaded update if the core allows it now. */
  beforeQuit(): void;
  /** The version downloaded and waiting, or null. */
  readonly downloaded: string | null;
  stop(): void;
}

/** Every file of the release has a sha512 electron-updater can verify the download against. */
export function hasChecksums(info: ReleaseInfo): boolean {
  return info.files.length > 0 && info.files.every((f) => typeof f.sha512 === 'string' && f.sha512.length >= 64);
}

export function startUpdates(deps: UpdatesDeps): Updates | null {
  const { config, log } = deps;
  if (config.url === null) {
    log('自动更新未启用（配置 updates.url 为空）');
    return null;
  }
  const updater = deps.updater();
  // Download only after the metadata passed the checks below; install only from beforeQuit().
  updater.autoDownload = false;
  updater.autoInstallOnAppQuit = false;
  updater.allowPrerelease = false;
  updater.setFeedURL({ provider: 'generic', url: config.url, channel: config.channel });
  updater.channel = config.channel;
  // Setting `channel` turns allowDowngrade on in electron-updater: set it after, from the config.
  updater.allowDowngrade = config.allowDowngrade;

  let downloaded: string | null = null;
  let downloading: string | null = null;

  updater.on('update-available', (info) => {
    if (!hasChecksums(info)) {
      log(`更新 ${info.version} 被拒绝：发布信息缺少 sha512 校验值`);
      return;
    }
    if (downloading === info.version || downloaded === info.version) return;
    downloading = info.version;
    log(`发现更新 ${info.version}${info.stagingPercentage !== undefined ? `（分批发布 ${info.stagingPercentage}%）` : ''}，后台下载中`);
    updater.downloadUpdate().catch((err: unknown) => {
      downloading = null;
      log(`更新 ${info.version} 下载失败：${err instanceof Error ? err.message : String(err)}`);
    });
  });
  updater.on('update-downloaded', (info) => {
    downloading = null;
    downloaded = info.version;
    log(`更新 ${info.version} 已下载并通过 sha512 校验，将在退出程序且无未发送指令、无办理中案件时安装`);
  });
  updater.on('error', (err) => log(`更新检查失败：${err.message}`));

  const check = () => {
    updater.checkForUpdates().catch((err: unknown) => log(`更新检查失败：${err instanceof Error ? err.message : String(err)}`));
  };
  check();
  const timer = deps.setInterval(check, config.checkIntervalMinutes * 60_000);

  return {
    get downloaded() {
      return downloaded;
    },
    beforeQuit() {
      if (downloaded === null) return;
      let decision: UpdateDecision;
      try {
        decision = deps.mayApply();
      } catch (err) {
        // E.g. recovery mode (no database): nothing can be known, so nothing is installed.
        decision = { apply: false, reasons: [`无法确认数据状态：${err instanceof Error ? err.message : String(err)}`] };
      }
      if (!decision.apply) {
        log(`更新 ${downloaded} 暂不安装：${decision.reasons.join('；')}`);
        return;
      }
      log(`退出时安装更新 ${downloaded}`);
      // Silent, and the app is not started again by the installer: the next start is the clerk's.
      updater.quitAndInstall(true, false);
    },
    stop() {
      deps.clearInterval(timer);
    },
  };
}
