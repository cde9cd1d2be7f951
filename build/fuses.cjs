'use strict';
// electron-builder afterPack hook: flips Electron's fuses in the packed executable, before
// signing (afterPack runs before electron-builder signs). Fuses are compiled-in switches that no
// command-line flag or environment variable can turn back on, so a copied or tampered install
// cannot be used as a general-purpose Node runtime on a counter PC.
const path = require('node:path');
const { flipFuses, FuseVersion, FuseV1Options } = require('@electron/fuses');

/** The settings, by fuse name. Tests assert the security-relevant ones from here. */
const FUSES = Object.freeze({
  // ELECTRON_RUN_AS_NODE would turn the signed binary into a plain Node interpreter.
  RunAsNode: false,
  // Chromium's cookie store encrypted with the OS key store.
  EnableCookieEncryption: true,
  // NODE_OPTIONS could preload arbitrary code (--require) into the main process.
  EnableNodeOptionsEnvironmentVariable: false,
  // --inspect / --inspect-brk would open a debugger on the main process, with full Node access.
  EnableNodeCliInspectArguments: false,
  // app.asar is checked against the hash embedded at build time (Windows and macOS).
  EnableEmbeddedAsarIntegrityValidation: true,
  // Only app.asar is loaded: no app/ folder or loose files next to it can replace the code.
  OnlyLoadAppFromAsar: true,
  LoadBrowserProcessSpecificV8Snapshot: false,
  // The app is served over app://, file:// needs none of its old extra privileges.
  GrantFileProtocolExtraPrivileges: false,
});

/** @electron/fuses' config: fuse indexes (FuseV1Options) to booleans. */
function fuseConfig(electronPlatformName) {
  const config = {
    version: FuseVersion.V1,
    // Flipping fuses breaks the ad-hoc signature of an unsigned macOS build; re-sign it ad hoc.
    resetAdHocDarwinSignature: electronPlatformName === 'darwin' || electronPlatformName === 'mas',
  };
  for (const [name, value] of Object.entries(FUSES)) {
    const index = FuseV1Options[name];
    if (typeof index !== 'number') throw new Error(`@electron/fuses does not know the fuse ${name}`);
    config[index] = value;
  }
  return config;
}

/** Where electron-builder put the executable (the same rule it uses for its own fuse step). */
function electronBinaryPath(context) {
  const platform = context.electronPlatformName;
  const ext = { darwin: '.app', mas: '.app', win32: '.exe', linux: '' }[platform];
  if (ext === undefined) throw new Error(`fuses.cjs: unknown platform ${platform}`);
  const name = platform === 'linux' ? context.packager.executableName : context.packager.appInfo.productFilename;
  return path.join(context.appOutDir, `${name}${ext}`);
}

async function afterPack(context) {
  const binary = electronBinaryPath(context);
  await flipFuses(binary, fuseConfig(context.electronPlatformName));
}

exports.FUSES = FUSES;
exports.fuseConfig = fuseConfig;
exports.electronBinaryPath = electronBinaryPath;
exports.afterPack = afterPack;
exports.default = afterPack;
