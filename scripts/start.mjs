// `npm start`: the Electron app where its runtime is available (fetched on first start where the
// network allows; set ELECTRON_MIRROR to a domestic mirror in China), otherwise the same app on
// the web host. Environment: BDC_DATA_DIR, BDC_PORT, BDC_NO_ELECTRON=1, BDC_OPEN_BROWSER=0.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, isBuildFresh } from './build.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const electronDir = join(root, 'node_modules', 'electron');
const DOWNLOAD_BUDGET_MS = 8000; // the fallback line must appear within 10 s

function electronBinary() {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const bin = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(bin) ? bin : null;
}

function tryFetchElectron() {
  if (!existsSync(join(electronDir, 'install.js'))) return false;
  const r = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    cwd: electronDir,
    stdio: 'ignore',
    timeout: DOWNLOAD_BUDGET_MS,
  });
  return r.status === 0 && electronBinary() !== null;
}

let electron = null;
if (process.env.BDC_NO_ELECTRON !== '1') {
  electron = electronBinary() ?? (tryFetchElectron() ? electronBinary() : null);
  if (!electron) {
    console.log('未找到 Electron 运行时且无法下载（可设置 ELECTRON_MIRROR 使用国内镜像），改为在浏览器中运行同一应用。');
  }
}

if (!isBuildFresh()) {
  console.log('正在构建界面与后端……');
  await build({ quiet: true });
}

if (electron) {
  const child = spawn(electron, [root], { stdio: 'inherit', env: process.env });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  await import(pathToFileURL(join(root, 'dist', 'web-host.mjs')).href);
}
