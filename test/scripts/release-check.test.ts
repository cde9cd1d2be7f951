import { spawn } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../support/temp-dir';
import { PROJECT_ROOT } from '../support/web-host-process';

const require = createRequire(import.meta.url);
const asar = require('@electron/asar') as {
  extractAll(archive: string, dest: string): void;
  createPackage(src: string, dest: string): Promise<void>;
  listPackage(archive: string, options: { isPack: boolean }): string[];
};

interface Finding {
  level: 'ok' | 'warn' | 'fail';
  check: string;
  message: string;
}
const check = (await import(join(PROJECT_ROOT, 'scripts', 'release-check.mjs'))) as {
  checkUnpacked(o: { appOutDir: string; platform: string; arch: string; root: string; devCheck?: boolean }): Promise<Finding[]>;
  binaryTarget(buf: Buffer): { platform: string; arch: string };
  moduleAbi(buf: Buffer): { kind: string; version: number | null };
  targetOfUnpacked(name: string): { platform: string; arch: string } | null;
  bundleImports(code: string): Set<string>;
};

function runRelease(args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(PROJECT_ROOT, 'scripts', 'release.mjs'), ...args], { cwd: PROJECT_ROOT, env: process.env });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

describe('release check helpers', () => {
  it('reads OS and CPU from ELF and PE headers', () => {
    const elf = Buffer.alloc(64);
    elf.writeUInt32BE(0x7f454c46, 0);
    elf.writeUInt16LE(183, 18);
    expect(check.binaryTarget(elf)).toEqual({ platform: 'linux', arch: 'arm64' });
    elf.writeUInt16LE(62, 18);
    expect(check.binaryTarget(elf)).toEqual({ platform: 'linux', arch: 'x64' });
    const pe = Buffer.alloc(256);
    pe.write('MZ', 0, 'latin1');
    pe.writeUInt32LE(0x80, 0x3c);
    pe.write('PE\0\0', 0x80, 'latin1');
    pe.writeUInt16LE(0x8664, 0x84);
    expect(check.binaryTarget(pe)).toEqual({ platform: 'win32', arch: 'x64' });
    expect(check.binaryTarget(Buffer.from('#!/bin/sh\n'))).toEqual({ platform: 'unknown', arch: 'unknown' });
  });

  it('reads the ABI a native module was built for', () => {
    expect(check.moduleAbi(readFileSync(join(PROJECT_ROOT, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node')))).toEqual({ kind: 'node', version: 115 });
    expect(check.moduleAbi(Buffer.from('..napi_register_module_v1..'))).toEqual({ kind: 'napi', version: null });
  });

  it('knows electron-builder output folders', () => {
    expect(check.targetOfUnpacked('linux-unpacked')).toEqual({ platform: 'linux', arch: 'x64' });
    expect(check.targetOfUnpacked('linux-arm64-unpacked')).toEqual({ platform: 'linux', arch: 'arm64' });
    expect(check.targetOfUnpacked('win-unpacked')).toEqual({ platform: 'win32', arch: 'x64' });
    expect(check.targetOfUnpacked('builder-debug.yml')).toBeNull();
  });

  it('finds what a bundle loads at run time, not strings that look like it', () => {
    const code = 'import Database from "better-sqlite3";\nimport { x } from "node:fs";\nconst s = __require("serialport");\nthrow new Error("from \'alg\' argument");\nrequire("zlib");';
    expect([...check.bundleImports(code)]).toEqual(['better-sqlite3', 'serialport']);
    // A package whose file is read at run time (the shipped font), not a path.resolve of a folder.
    const font = 'const require2 = createRequire(import.meta.url);\nrequire2.resolve("@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf");\npath.resolve("dist");';
    expect([...check.bundleImports(font)]).toEqual(['@expo-google-fonts/noto-serif-sc']);
  });
});

/**
 * `npm run release:check` as far as this machine can go: packs `--linux dir` (and `--win dir`
 * with a PE stand-in) against a stand-in Electron executable and checks both packed folders.
 * Several minutes of wall time on a loaded machine; ~15 s of CPU.
 */
describe('scripts/release.mjs', () => {
  const out = makeTempDir('bdc-release-');
  let dev: { code: number | null; out: string };
  beforeAll(async () => {
    dev = await runRelease(['--dev-check', '--out', out.path]);
  }, 480_000);
  afterAll(() => out.remove());

  it('packs the app and passes every check in dev mode, saying what needs a release machine', () => {
    expect(dev.out, dev.out).toMatch(/release: all checks passed \(dev check\)/);
    expect(dev.code).toBe(0);
    for (const folder of ['linux-unpacked (linux-x64)', 'win-unpacked (win32-x64)']) expect(dev.out).toContain(`› ${folder}`);
    expect(dev.out).toContain('✓ test-code: no test files; from test/ only the training-mode platform stand-in is bundled');
    expect(dev.out).toContain('✓ dependency-list: run-time packages = dependencies: @expo-google-fonts/noto-serif-sc, better-sqlite3, serialport');
    expect(dev.out).toMatch(/! native: better-sqlite3 .*node_module_version 115 ≠ Electron abi_version 145: needs @electron\/rebuild on a release machine/);
    expect(dev.out).toMatch(/✓ native: @serialport\/bindings-cpp .*linux-x64, N-API/);
    expect(dev.out).toMatch(/✓ fuses: bdc-workstation: 8 fuses/);
  });

  it('ships the font documents use, and only its Regular weight', () => {
    const files = asar.listPackage(join(out.path, 'linux-unpacked', 'resources', 'app.asar'), { isPack: false }).map((f) => f.replaceAll('\\', '/'));
    const font = files.filter((f) => f.startsWith('/node_modules/@expo-google-fonts/noto-serif-sc/'));
    expect(font).toContain('/node_modules/@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf');
    expect(font).toContain('/node_modules/@expo-google-fonts/noto-serif-sc/LICENSE_FONT');
    expect(font.filter((f) => f.endsWith('.ttf'))).toHaveLength(1);
    expect(font.filter((f) => f.endsWith('.png'))).toEqual([]);
  });

  it('fails in release mode while a native module is built for another ABI', async () => {
    const release = await runRelease(['--check-only', out.path]);
    expect(release.code).toBe(1);
    expect(release.out).toMatch(/✗ native: better-sqlite3 .*needs @electron\/rebuild on a release machine/);
    expect(release.out).toMatch(/release: \d+ check\(s\) failed \(release check\)/);
  });

  it('fails when test code, a development dependency or a source map is packed, or the fuses are not flipped', async () => {
    const bad = join(out.path, 'tampered', 'linux-unpacked');
    cpSync(join(out.path, 'linux-unpacked'), bad, { recursive: true });
    const app = join(out.path, 'tampered', 'app');
    // Read from the original: @electron/asar caches an archive's header by path, and the copy's is rewritten below.
    asar.extractAll(join(out.path, 'linux-unpacked', 'resources', 'app.asar'), app);
    cpSync(join(PROJECT_ROOT, 'test', 'support', 'temp-dir.ts'), join(app, 'test', 'support', 'temp-dir.ts'));
    writeFileSync(join(app, 'dist', 'electron-main.mjs.map'), '{}');
    cpSync(join(PROJECT_ROOT, 'node_modules', 'vitest', 'package.json'), join(app, 'node_modules', 'vitest', 'package.json'));
    await asar.createPackage(app, join(bad, 'resources', 'app.asar'));
    // An executable whose fuses were never flipped (every fuse on).
    writeFileSync(join(bad, 'bdc-workstation'), Buffer.concat([Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'), Buffer.from([1, 9]), Buffer.from('111111111')]));
    const findings = await check.checkUnpacked({ appOutDir: bad, platform: 'linux', arch: 'x64', root: PROJECT_ROOT, devCheck: true });
    const failed = findings.filter((f) => f.level === 'fail').map((f) => `${f.check}: ${f.message}`);
    expect(failed).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^contents: files outside dist\/ and node_modules\/: \/test/),
        expect.stringMatching(/^test-code: test files packed: \/test/),
        expect.stringMatching(/^test-code: source maps packed/),
        expect.stringMatching(/^dependencies: development dependencies packed: vitest@/),
        expect.stringMatching(/^fuses: fuses not as build\/fuses\.cjs says: RunAsNode, EnableNodeOptionsEnvironmentVariable, EnableNodeCliInspectArguments/),
      ]),
    );
  });
});
