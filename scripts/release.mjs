// `npm run release:check`: packs the app for each target that can be packed on this machine and
// checks every packed folder (scripts/release-check.mjs). On a release machine (real Electron in
// node_modules/electron/dist, internet) electron-builder builds the installers first and
//   node scripts/release.mjs --check-only release
// checks what it packed.
//
//   node scripts/release.mjs [--dev-check] [--out DIR]     pack (linux dir; win dir when a PE stand-in exists) and check
//   node scripts/release.mjs --check-only [DIR]            only check DIR/*-unpacked (default release/)
//
// --dev-check: native modules built for another ABI or CPU are reported as warnings, not failures
// (here @electron/rebuild cannot fetch Electron's headers; TOOLCHAIN.md). Without an Electron
// binary the packing uses a stand-in executable with Electron's fuse wire, so the afterPack fuse
// step runs for real; the stand-in lives in a temporary folder, never inside the packed files.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, isBuildFresh } from './build.mjs';
import { checkUnpacked, targetOfUnpacked } from './release-check.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** A fuse wire in Electron's layout: version 1, then one byte per fuse, every one "on" (the packer flips them). */
const STUB_FUSE_WIRE = Buffer.concat([Buffer.from(FUSE_SENTINEL), Buffer.from([1, 9]), Buffer.from('111111111')]);
/** A real Windows PE with version information (electron-builder edits it with rcedit), shipped by electron-winstaller. */
export const PE_STAND_IN = join(root, 'node_modules', 'electron-winstaller', 'vendor', 'Setup.exe');

function electronVersion() {
  return JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
}

/** The unpacked Electron for a target: the real one where installed (linux here), else a stand-in. */
function electronDistFor(platform, tmp) {
  const real = join(root, 'node_modules', 'electron', 'dist');
  if (platform === 'linux' && process.platform === 'linux' && existsSync(join(real, 'electron'))) return { dir: real, standIn: false };
  const dir = join(tmp, `electron-${platform}`);
  mkdirSync(dir, { recursive: true });
  if (platform === 'win32') {
    writeFileSync(join(dir, 'electron.exe'), Buffer.concat([readFileSync(PE_STAND_IN), STUB_FUSE_WIRE]));
  } else {
    writeFileSync(join(dir, 'electron'), Buffer.concat([Buffer.from('\x7fELF stand-in for packaging checks\n'), STUB_FUSE_WIRE]));
    chmodSync(join(dir, 'electron'), 0o755);
  }
  writeFileSync(join(dir, 'version'), electronVersion());
  return { dir, standIn: true };
}

/** Targets this machine can pack: always linux x64 (dir); win x64 (dir) when the PE stand-in exists. */
export function packableTargets() {
  const targets = [{ platform: 'linux', arch: 'x64', flag: '--linux' }];
  if (existsSync(PE_STAND_IN)) targets.push({ platform: 'win32', arch: 'x64', flag: '--win' });
  return targets;
}

function pack(target, out, tmp) {
  const electron = electronDistFor(target.platform, tmp);
  const args = [
    '--config', join(root, 'build', 'electron-builder.json'),
    target.flag, 'dir', `--${target.arch}`,
    `-c.electronDist=${electron.dir}`,
    `-c.electronVersion=${electronVersion()}`,
    `-c.directories.output=${out}`,
    // The rebuild needs Electron's headers from the internet; the check below reports the ABI.
    '-c.npmRebuild=false',
    '--publish', 'never',
  ];
  console.log(`› electron-builder ${target.flag} dir --${target.arch}${electron.standIn ? ' (Electron stand-in executable)' : ''}`);
  const r = spawnSync(join(root, 'node_modules', '.bin', 'electron-builder'), args, { cwd: root, encoding: 'utf8', env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' } });
  if (r.status !== 0) {
    process.stdout.write(r.stdout ?? '');
    process.stderr.write(r.stderr ?? '');
    throw new Error(`electron-builder ${target.flag} dir failed (exit ${r.status})`);
  }
}

/** Checks every *-unpacked folder under `out`; prints one line per finding; returns the failure count. */
export async function checkFolder(out, { devCheck }) {
  const folders = existsSync(out) ? readdirSync(out).filter((f) => targetOfUnpacked(f)) : [];
  if (!folders.length) {
    console.log(`✗ no packed app (*-unpacked) in ${out}`);
    return 1;
  }
  let failures = 0;
  for (const folder of folders) {
    const target = targetOfUnpacked(folder);
    console.log(`› ${folder} (${target.platform}-${target.arch})`);
    const findings = await checkUnpacked({ appOutDir: join(out, folder), ...target, root, devCheck });
    for (const f of findings) {
      console.log(`  ${{ ok: '✓', warn: '!', fail: '✗' }[f.level]} ${f.check}: ${f.message}`);
      if (f.level === 'fail') failures += 1;
    }
  }
  return failures;
}

async function main(argv) {
  const devCheck = argv.includes('--dev-check');
  const checkOnly = argv.includes('--check-only');
  const outIndex = argv.indexOf('--out');
  const positional = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--out');
  let failures;
  if (checkOnly) {
    failures = await checkFolder(resolve(root, positional[0] ?? 'release'), { devCheck });
  } else {
    const out = resolve(root, outIndex >= 0 ? argv[outIndex + 1] : join('release', 'check'));
    if (!isBuildFresh()) {
      console.log('› node scripts/build.mjs');
      await build({ quiet: true });
    }
    rmSync(out, { recursive: true, force: true });
    const tmp = mkdtempSync(join(tmpdir(), 'bdc-release-'));
    try {
      for (const target of packableTargets()) pack(target, out, tmp);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
    failures = await checkFolder(out, { devCheck });
  }
  const mode = devCheck ? 'dev check' : 'release check';
  console.log(failures ? `release: ${failures} check(s) failed (${mode})` : `release: all checks passed (${mode})`);
  return failures ? 1 : 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.exit(await main(process.argv.slice(2)));
}
