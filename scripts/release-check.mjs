// Checks one packed app folder (electron-builder's `linux-unpacked/`, `win-unpacked/`, …): what
// the asar holds, that no test code or dev dependency ships, that native modules are unpacked and
// built for the target's architecture and Electron's ABI, and that the fuses are flipped.
// Used by scripts/release.mjs (here and on the release machines) and by test/scripts.
import { builtinModules, createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

/** Bundled sources from test/ that ship by design: the platform stand-in training mode runs. */
export const SHIPPED_TEST_SOURCES = /^test\/platform\/(?![^/]*\.test\.)[^]*\.ts$/;

/** Native modules the app loads, and where their binary for a target lives inside node_modules. */
export const NATIVE_MODULES = [
  {
    name: 'better-sqlite3',
    // Built against one Node/Electron ABI (NODE_MODULE_VERSION): must be rebuilt for Electron.
    binary: () => 'better-sqlite3/build/Release/better_sqlite3.node',
  },
  {
    name: '@serialport/bindings-cpp',
    // N-API prebuilds (ABI-stable), one per OS and CPU; node-gyp-build picks glibc on Linux.
    binary: (platform, arch) =>
      platform === 'linux'
        ? `@serialport/bindings-cpp/prebuilds/linux-${arch}/@serialport+bindings-cpp.${arch === 'arm64' ? 'armv8.glibc' : 'glibc'}.node`
        : `@serialport/bindings-cpp/prebuilds/${platform}-${arch}/@serialport+bindings-cpp${arch === 'arm64' ? '.armv8' : ''}.node`,
  },
];

const ELF_MACHINES = { 62: 'x64', 183: 'arm64', 40: 'arm', 3: 'ia32' };
const PE_MACHINES = { 0x8664: 'x64', 0xaa64: 'arm64', 0x14c: 'ia32' };

/** Which OS and CPU a native binary is for, from its ELF or PE header. */
export function binaryTarget(buf) {
  if (buf.length > 20 && buf.readUInt32BE(0) === 0x7f454c46) {
    return { platform: 'linux', arch: ELF_MACHINES[buf.readUInt16LE(18)] ?? `elf-machine-${buf.readUInt16LE(18)}` };
  }
  if (buf.length > 0x40 && buf.toString('latin1', 0, 2) === 'MZ') {
    const pe = buf.readUInt32LE(0x3c);
    if (buf.toString('latin1', pe, pe + 4) === 'PE\0\0') {
      const m = buf.readUInt16LE(pe + 4);
      return { platform: 'win32', arch: PE_MACHINES[m] ?? `pe-machine-${m.toString(16)}` };
    }
  }
  return { platform: 'unknown', arch: 'unknown' };
}

/**
 * The ABI a native module was built for: node_register_module_v<N> (NODE_MODULE_VERSION N) or
 * N-API (napi_register_module_v1), which every Node and Electron of a sufficient version loads.
 */
export function moduleAbi(buf) {
  const text = buf.toString('latin1');
  const m = /node_register_module_v(\d+)/.exec(text);
  if (m) return { kind: 'node', version: Number(m[1]) };
  if (text.includes('napi_register_module_v1')) return { kind: 'napi', version: null };
  return { kind: 'unknown', version: null };
}

/** Infers the target from electron-builder's output folder name (linux-unpacked, linux-arm64-unpacked, win-unpacked). */
export function targetOfUnpacked(folderName) {
  const m = /^(linux|win)(?:-(ia32|arm64|armv7l))?-unpacked$/.exec(folderName);
  if (!m) return null;
  return { platform: m[1] === 'win' ? 'win32' : 'linux', arch: m[2] ?? 'x64' };
}

/**
 * name@version → whether every copy of it in package-lock.json is development-only. electron-builder
 * lays node_modules out again for the package (it hoists the production tree), so packed folders
 * are matched to the lockfile by name and version, not by path.
 */
export function lockedPackages(lock) {
  const byId = new Map();
  for (const [path, entry] of Object.entries(lock.packages ?? {})) {
    if (!path || entry.link) continue;
    const name = entry.name ?? path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
    const id = `${name}@${entry.version}`;
    byId.set(id, (byId.get(id) ?? true) && entry.dev === true);
  }
  return new Map([...byId].map(([id, devOnly]) => [id, { devOnly }]));
}

/** The node_modules package folders in an asar listing ('/node_modules/a/node_modules/@s/b/package.json' → 'node_modules/a/node_modules/@s/b'). */
export function packageFolders(entries) {
  const folders = new Set();
  for (const e of entries) {
    const m = /^\/((?:node_modules\/(?:@[^/]+\/)?[^/]+\/)+)package\.json$/.exec(e);
    if (m) folders.add(m[1].replace(/\/$/, ''));
  }
  return folders;
}

/**
 * Packages a bundle loads at run time: esbuild leaves an external as a top-level
 * `import … from "x"` (ESM) or a `require("x")` / `__require("x")` call.
 */
export function bundleImports(code) {
  const PACKAGE = /^(?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*(?:\/[\w.-]+)*$/i;
  const specs = [
    ...[...code.matchAll(/^import\s+(?:[^;'"]*?\s+from\s*)?"([^"]+)";/gm)].map((m) => m[1]),
    ...[...code.matchAll(/\b(?:__)?require\("([^"]+)"\)/g)].map((m) => m[1]),
    ...[...code.matchAll(/\bimport\("([^"]+)"\)/g)].map((m) => m[1]),
    // A package whose files are read at run time (the shipped font: native/printer/font-resolution.ts).
    ...[...code.matchAll(/\brequire\d*\.resolve\("([^"]+)"\)/g)].map((m) => m[1]),
  ];
  const names = new Set();
  for (const spec of specs) {
    if (!PACKAGE.test(spec) || spec.startsWith('node:')) continue;
    const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
    if (!builtinModules.includes(name)) names.add(name);
  }
  return names;
}

/**
 * Runs every check on one unpacked app. `devCheck`: a native module built for another ABI is a
 * warning (this machine cannot build for Electron) instead of a failure.
 * Returns findings: { level: 'ok' | 'warn' | 'fail', check, message }.
 */
export async function checkUnpacked({ appOutDir, platform, arch, root, devCheck = false }) {
  const asar = require('@electron/asar');
  const findings = [];
  const add = (level, check, message) => findings.push({ level, check, message });
  const resources = join(appOutDir, 'resources');
  const asarPath = join(resources, 'app.asar');
  if (!existsSync(asarPath)) {
    add('fail', 'asar', `no app.asar in ${resources}`);
    return findings;
  }
  const entries = asar.listPackage(asarPath, { isPack: false }).map((e) => e.replaceAll('\\', '/'));
  const read = (p) => asar.extractFile(asarPath, p.replace(/^\//, ''));

  // 1. Contents: the built app only (dist/), its package.json and production node_modules.
  const stray = entries.filter((e) => !/^\/(dist(\/|$)|package\.json$|node_modules(\/|$))/.test(e));
  if (stray.length) add('fail', 'contents', `files outside dist/ and node_modules/: ${stray.slice(0, 5).join(', ')}`);
  for (const required of ['/dist/electron-main.mjs', '/dist/preload.cjs', '/dist/renderer/index.html', '/package.json']) {
    if (!entries.includes(required)) add('fail', 'contents', `missing ${required}`);
  }
  const pkg = JSON.parse(read('package.json').toString('utf8'));
  if (pkg.main !== 'dist/electron-main.mjs') add('fail', 'contents', `package.json main is ${pkg.main}`);
  if (!stray.length && findings.every((f) => f.check !== 'contents')) {
    add('ok', 'contents', `${entries.length} entries: dist/ (${entries.filter((e) => e.startsWith('/dist/')).length}), package.json, node_modules/`);
  }

  // 2. No test code: no test folders or test files of ours, no source maps; what the bundles took
  //    from test/ (read from the build's source maps) is only the training stand-in.
  const ownTests = entries.filter((e) => /^\/(test|dist\/test)(\/|$)/.test(e) || /^\/dist\/.*\.(test|spec)\.[cm]?[jt]sx?$/.test(e));
  const maps = entries.filter((e) => e.startsWith('/dist/') && e.endsWith('.map'));
  if (ownTests.length) add('fail', 'test-code', `test files packed: ${ownTests.slice(0, 5).join(', ')}`);
  if (maps.length) add('fail', 'test-code', `source maps packed (they carry every source file): ${maps.slice(0, 3).join(', ')}`);
  const bundled = [];
  for (const bundle of ['electron-main.mjs', 'preload.cjs']) {
    const local = join(root, 'dist', bundle);
    const packed = read(`dist/${bundle}`);
    const sha = (b) => createHash('sha256').update(b).digest('hex');
    if (!existsSync(`${local}.map`) || sha(readFileSync(local)) !== sha(packed)) {
      add('fail', 'test-code', `dist/${bundle} in the asar is not the local build (cannot read its source map)`);
      continue;
    }
    const sources = JSON.parse(readFileSync(`${local}.map`, 'utf8')).sources.map((s) => s.replace(/^(\.\.\/)+/, ''));
    bundled.push(...sources.filter((s) => s.startsWith('test/')));
  }
  const unexpected = [...new Set(bundled)].filter((s) => !SHIPPED_TEST_SOURCES.test(s));
  if (unexpected.length) add('fail', 'test-code', `the bundles contain test code: ${unexpected.slice(0, 5).join(', ')}`);
  else if (!ownTests.length && !maps.length) {
    add('ok', 'test-code', `no test files; from test/ only the training-mode platform stand-in is bundled (${new Set(bundled).size} modules of test/platform)`);
  }

  // 3. No development dependencies (package-lock.json marks them dev: true).
  const locked = lockedPackages(JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')));
  const folders = [...packageFolders(entries)];
  const devPacked = [];
  const unknown = [];
  for (const folder of folders) {
    const { name, version } = JSON.parse(read(`${folder}/package.json`).toString('utf8'));
    // Package folders without a name are nested helper manifests (e.g. a "type" marker in dist/esm).
    if (!name) continue;
    const known = locked.get(`${name}@${version}`);
    if (!known) unknown.push(`${name}@${version}`);
    else if (known.devOnly) devPacked.push(`${name}@${version}`);
  }
  if (devPacked.length) add('fail', 'dependencies', `development dependencies packed: ${devPacked.slice(0, 8).join(', ')}`);
  if (unknown.length) add('fail', 'dependencies', `packages not in package-lock.json: ${unknown.slice(0, 8).join(', ')}`);
  if (!devPacked.length && !unknown.length) add('ok', 'dependencies', `${folders.length} packages, all production dependencies in package-lock.json`);

  // 3b. The dependency list tells the truth: what the bundles load at run time is exactly
  //     package.json's dependencies (everything else is bundled in, and a devDependency).
  const loaded = new Set();
  // The main process and preload, and the chunks they load lazily (scripts/build.mjs splits code).
  const bundles = ['/dist/electron-main.mjs', '/dist/preload.cjs', ...entries.filter((e) => /^\/dist\/chunks\/[^/]+\.m?js$/.test(e))];
  for (const bundle of bundles) for (const n of bundleImports(read(bundle).toString('utf8'))) loaded.add(n);
  loaded.delete('electron'); // provided by the runtime
  const declared = new Set(Object.keys(pkg.dependencies ?? {}));
  const undeclared = [...loaded].filter((n) => !declared.has(n));
  const unused = [...declared].filter((n) => !loaded.has(n));
  if (undeclared.length) add('fail', 'dependency-list', `loaded at run time but not in dependencies: ${undeclared.join(', ')}`);
  if (unused.length) add('fail', 'dependency-list', `in dependencies but bundled or unused (make them devDependencies): ${unused.join(', ')}`);
  if (!undeclared.length && !unused.length) add('ok', 'dependency-list', `run-time packages = dependencies: ${[...declared].join(', ')}`);

  // 4. Native modules: unpacked next to the asar, for this OS/CPU, for Electron's ABI.
  const electronAbi = Number(readFileSync(join(root, 'node_modules', 'electron', 'abi_version'), 'utf8').trim());
  const packedNative = entries.filter((e) => e.endsWith('.node'));
  const notUnpacked = packedNative.filter((e) => !existsSync(join(resources, 'app.asar.unpacked', e)));
  if (notUnpacked.length) add('fail', 'native', `inside the asar (cannot be loaded): ${notUnpacked.slice(0, 5).join(', ')}`);
  for (const mod of NATIVE_MODULES) {
    const rel = mod.binary(platform, arch);
    const file = join(resources, 'app.asar.unpacked', 'node_modules', rel);
    if (!existsSync(file)) {
      add('fail', 'native', `${mod.name}: no ${rel} unpacked for ${platform}-${arch}`);
      continue;
    }
    const buf = readFileSync(file);
    const target = binaryTarget(buf);
    const abi = moduleAbi(buf);
    const where = `${mod.name} (${rel})`;
    if (target.platform !== platform || target.arch !== arch) {
      const msg = `${where} is a ${target.platform}-${target.arch} binary, the target is ${platform}-${arch}: needs @electron/rebuild on a ${platform}-${arch} release machine`;
      add(devCheck ? 'warn' : 'fail', 'native', msg);
    } else if (abi.kind === 'napi') {
      add('ok', 'native', `${where}: ${platform}-${arch}, N-API (any Electron ABI)`);
    } else if (abi.kind === 'node' && abi.version === electronAbi) {
      add('ok', 'native', `${where}: ${platform}-${arch}, node_module_version ${abi.version} = Electron abi_version ${electronAbi}`);
    } else {
      const msg = `${where}: node_module_version ${abi.version ?? 'unknown'} ≠ Electron abi_version ${electronAbi}: needs @electron/rebuild on a release machine`;
      add(devCheck ? 'warn' : 'fail', 'native', msg);
    }
  }

  // 5. Fuses flipped in the executable (afterPack: build/fuses.cjs).
  const { FUSES } = require(join(root, 'build', 'fuses.cjs'));
  const exe = platform === 'win32' ? readdirSync(appOutDir).find((f) => f.endsWith('.exe')) : 'bdc-workstation';
  const exePath = exe ? join(appOutDir, exe) : null;
  if (!exePath || !existsSync(exePath)) add('fail', 'fuses', `no executable in ${appOutDir}`);
  else {
    const { getCurrentFuseWire, FuseV1Options } = require('@electron/fuses');
    try {
      const wire = await getCurrentFuseWire(exePath);
      const wrong = Object.entries(FUSES).filter(([name, want]) => {
        const state = wire[FuseV1Options[name]];
        return state !== undefined && String.fromCharCode(state) !== (want ? '1' : '0');
      });
      if (wrong.length) add('fail', 'fuses', `fuses not as build/fuses.cjs says: ${wrong.map(([n]) => n).join(', ')}`);
      else add('ok', 'fuses', `${exe}: ${Object.keys(FUSES).length} fuses as build/fuses.cjs sets them`);
    } catch (err) {
      add('fail', 'fuses', `${exe}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  // 6. The update feed description electron-updater reads (the URL itself comes from config updates.url).
  if (existsSync(join(resources, 'app-update.yml'))) add('ok', 'updates', 'resources/app-update.yml present');
  // On Windows electron-builder writes it only for an installer target (NSIS), not for `dir`.
  else if (platform === 'win32' && !readdirSync(join(appOutDir, '..')).some((f) => f.endsWith('.exe'))) {
    add('warn', 'updates', 'no resources/app-update.yml: `--win dir` does not write it (the NSIS target does)');
  } else add('fail', 'updates', 'no resources/app-update.yml (electron-updater reads its cache folder name from it)');
  return findings;
}
