import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import pkg from '../../../package.json';
import { ConfigFileError, loadConfig } from '../../core/config/config-file';
import { KeyRingError } from '../../core/crypto/data-keys';
import { defaultDataDir } from '../../core/config/data-dir';
import { startWorkstation } from '../../core/workstation';
import { maskConsoleOutput } from '../masked-console';
import { afterFirstScreen, needsTrainingPlatform, startTrainingPlatform } from '../training-platform';
import { startWebHost } from './web-host';

export const DEFAULT_PORT = 17380;

/**
 * Web host entry: `node dist/web-host.mjs`. Environment:
 *   BDC_DATA_DIR   data folder (default: the OS user-data folder)
 *   BDC_PORT       port on 127.0.0.1 (default 17380; 0 = any free port)
 *   BDC_OPEN_BROWSER=0  do not open a browser
 */
async function main(): Promise<void> {
  // Everything this process prints is masked: stdout/stderr are the web host's log.
  maskConsoleOutput();
  // Every file this process creates in the data folder is owner-only from the start (the training
  // platform's database, logs, temporary files); core also tightens what it finds at start.
  if (process.platform !== 'win32') process.umask(0o077);
  // Node prints a crash by itself, unmasked: print it through the masked console instead.
  const crash = (err: unknown) => {
    console.error(err);
    process.exit(1);
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  const dataDir = resolve(defaultDataDir());
  // Bundled as dist/web-host.mjs, next to dist/renderer.
  const besideBundle = fileURLToPath(new URL('./renderer/', import.meta.url));
  const rendererDir = resolve(
    process.env.BDC_RENDERER_DIR || (existsSync(besideBundle) ? besideBundle : join(process.cwd(), 'dist', 'renderer')),
  );
  const explicitPort = process.env.BDC_PORT !== undefined && process.env.BDC_PORT !== '';
  const port = explicitPort ? Number(process.env.BDC_PORT) : DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`BDC_PORT 应为 0–65535 的整数，当前为 ${process.env.BDC_PORT}`);

  let workstation;
  let deferred: ReturnType<typeof afterFirstScreen>;
  try {
    const config = loadConfig(dataDir).config;
    // The login screen first: the training stand-in and the devices start after it (afterFirstScreen).
    workstation = startWorkstation({ dataDir, host: 'web', platform: needsTrainingPlatform(config) ? null : undefined, startDevices: false });
    deferred = afterFirstScreen(() => startTrainingPlatform(dataDir, config), workstation, (m) => console.log(m));
  } catch (err) {
    if (err instanceof ConfigFileError) fail(err.message, 78);
    if (err instanceof KeyRingError) fail(err.message, 78);
    throw err;
  }

  let host;
  try {
    host = await startWebHost({ workstation, rendererDir, port, version: pkg.version, onCall: deferred.trigger });
  } catch (err) {
    // The default port is taken (a second copy running?): any free port is better than failing.
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE' && !explicitPort) {
      host = await startWebHost({ workstation, rendererDir, port: 0, version: pkg.version, onCall: deferred.trigger });
    } else {
      fail(`无法在 127.0.0.1:${port} 上启动：${(err as Error).message}`);
    }
  }

  console.log(`不动产登记窗口工作站（浏览器版）已启动，数据目录：${dataDir}`);
  console.log(`请在浏览器中打开：${host.url}`);
  if (process.env.BDC_OPEN_BROWSER !== '0' && !process.env.CI) openBrowser(host.url);
  offerFreshLinks(host);

  const stop = () => {
    void host
      .close()
      .then(() => workstation.close())
      .then(() => deferred.stop())
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/**
 * The launch link works once. The operator gets a fresh one by pressing Enter in this terminal
 * or by sending SIGUSR2 to the process (`kill -USR2 <pid>`; the pid is in workstation.lock).
 */
function offerFreshLinks(host: { newLaunchLink(): string }): void {
  const print = () => console.log(`新的一次性链接：${host.newLaunchLink()}`);
  console.log('链接只能打开一次；需要新链接时，在此终端按回车键（或 kill -USR2 ' + process.pid + '）。');
  if (process.platform !== 'win32') process.on('SIGUSR2', print);
  if (process.stdin.isTTY) {
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (text: string) => {
      if (text.includes('\n') || text.includes('\r')) print();
    });
  }
}

function openBrowser(url: string): void {
  const command = process.platform === 'win32' ? 'explorer' : process.platform === 'darwin' ? 'open' : 'xdg-open';
  const child = spawn(command, [url], { stdio: 'ignore', detached: true });
  child.on('error', () => undefined); // no desktop: the printed URL is enough
  child.unref();
}

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

void main();
