// Builds what the hosts run: the renderer (Vite) into dist/renderer, and the Node side (esbuild)
// into single files: dist/web-host.mjs, dist/electron-main.mjs, dist/preload.cjs.
// Native modules stay external: they are loaded from node_modules (or app.asar.unpacked).
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const STAMP = join(dist, '.build-stamp');
const SOURCES = ['electron', 'native', 'renderer', 'package.json', 'vite.config.ts'];
const NATIVE_EXTERNALS = ['better-sqlite3', 'serialport', '@serialport/*', 'electron'];
const ESM_REQUIRE_BANNER =
  "import { createRequire as __bdcCreateRequire } from 'node:module'; const require = __bdcCreateRequire(import.meta.url);";

/** Newest modification time under the source folders (ms). */
function newestSource() {
  let newest = 0;
  const walk = (p) => {
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const e of readdirSync(p)) if (e !== 'node_modules') walk(join(p, e));
    } else newest = Math.max(newest, st.mtimeMs);
  };
  for (const s of SOURCES) if (existsSync(join(root, s))) walk(join(root, s));
  return newest;
}

export function isBuildFresh() {
  return existsSync(STAMP) && statSync(STAMP).mtimeMs >= newestSource();
}

export async function build({ quiet = false } = {}) {
  const { build: viteBuild } = await import('vite');
  const esbuild = await import('esbuild');
  mkdirSync(dist, { recursive: true });
  // Always a production build, whoever calls: under Vitest NODE_ENV is 'test', and Vite would
  // then bundle React's development runtime (larger and slower) into the app `npm start` serves.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await viteBuild({ configFile: join(root, 'vite.config.ts'), mode: 'production', logLevel: quiet ? 'warn' : 'info' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
    external: NATIVE_EXTERNALS,
    absWorkingDir: root,
  };
  // Both hosts in one build with code splitting: what is imported lazily (documents with pdf-lib and
  // fontkit, the SM2 curve, the training stand-in) goes to dist/chunks and is read only when first
  // used, so a cold start compiles a fraction of the code.
  const hasElectronHost = existsSync(join(root, 'electron/hosts/electron/main.ts'));
  rmSync(join(dist, 'chunks'), { recursive: true, force: true });
  await esbuild.build({
    ...common,
    entryPoints: { 'web-host': 'electron/hosts/web/main.ts', ...(hasElectronHost ? { 'electron-main': 'electron/hosts/electron/main.ts' } : {}) },
    outdir: 'dist',
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    splitting: true,
    format: 'esm',
    banner: { js: ESM_REQUIRE_BANNER },
  });
  if (hasElectronHost) {
    // Sandboxed preloads cannot be ES modules.
    await esbuild.build({
      ...common,
      entryPoints: ['electron/hosts/electron/preload.ts'],
      outfile: 'dist/preload.cjs',
      format: 'cjs',
    });
  }
  writeFileSync(STAMP, new Date().toISOString());
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await build();
}
