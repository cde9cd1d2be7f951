import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

// build/ is plain CommonJS for electron-builder; load it (and electron-builder's own validator)
// the way electron-builder does, with require.
const require = createRequire(import.meta.url);
const ROOT = join(import.meta.dirname, '..', '..', '..', '..');

interface FusesModule {
  FUSES: Record<string, boolean>;
  fuseConfig(platform: string): Record<string, unknown>;
  electronBinaryPath(context: object): string;
  afterPack(context: object): Promise<void>;
}
const fuses = require(join(ROOT, 'build', 'fuses.cjs')) as FusesModule;
const electronFuses = require('@electron/fuses') as {
  FuseV1Options: Record<string, number>;
  getCurrentFuseWire(path: string): Promise<Record<string, unknown>>;
};
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

const builderConfig = JSON.parse(readFileSync(join(ROOT, 'build', 'electron-builder.json'), 'utf8')) as Record<string, unknown>;

describe('build/fuses.cjs', () => {
  it('turns off every way to run the binary as something else, and locks the app to its asar', () => {
    expect(fuses.FUSES).toMatchObject({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      GrantFileProtocolExtraPrivileges: false,
    });
  });

  it('maps each named fuse to its index in the fuse wire', () => {
    const config = fuses.fuseConfig('linux');
    const { FuseV1Options } = electronFuses;
    expect(config[FuseV1Options.RunAsNode]).toBe(false);
    expect(config[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(config.version).toBe('1');
    expect(config.resetAdHocDarwinSignature).toBe(false);
    expect(fuses.fuseConfig('darwin').resetAdHocDarwinSignature).toBe(true);
  });

  it('finds the executable where electron-builder puts it', () => {
    const packager = { executableName: 'bdc-workstation', appInfo: { productFilename: '不动产登记窗口工作站' } };
    expect(fuses.electronBinaryPath({ appOutDir: '/out/linux-unpacked', electronPlatformName: 'linux', packager })).toBe(
      join('/out/linux-unpacked', 'bdc-workstation'),
    );
    expect(fuses.electronBinaryPath({ appOutDir: '/out/win-unpacked', electronPlatformName: 'win32', packager })).toBe(
      join('/out/win-unpacked', '不动产登记窗口工作站.exe'),
    );
  });

  describe('afterPack on a stand-in binary', () => {
    let dir = '';
    afterEach(() => {
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it("flips the fuses in the executable's fuse wire and leaves unknown newer fuses alone", async () => {
      dir = mkdtempSync(join(tmpdir(), 'bdc-fuses-'));
      const binary = join(dir, 'bdc-workstation');
      // Electron's layout: sentinel, wire version (1), wire length, one byte per fuse ('0'/'1').
      // Start from the opposite of every wanted value; the 9th fuse is one this library predates.
      const start = '101100011';
      writeFileSync(
        binary,
        Buffer.concat([Buffer.from('ELF…padding…'), Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'), Buffer.from([1, start.length]), Buffer.from(start), Buffer.from('…rest')]),
      );
      await fuses.afterPack({
        appOutDir: dir,
        electronPlatformName: 'linux',
        packager: { executableName: 'bdc-workstation', appInfo: { productFilename: 'x' } },
      });
      const wire = await electronFuses.getCurrentFuseWire(binary);
      const state = (name: string) => String.fromCharCode(wire[electronFuses.FuseV1Options[name]] as number);
      expect(state('RunAsNode')).toBe('0');
      expect(state('EnableCookieEncryption')).toBe('1');
      expect(state('EnableNodeOptionsEnvironmentVariable')).toBe('0');
      expect(state('EnableNodeCliInspectArguments')).toBe('0');
      expect(state('EnableEmbeddedAsarIntegrityValidation')).toBe('1');
      expect(state('OnlyLoadAppFromAsar')).toBe('1');
      expect(state('GrantFileProtocolExtraPrivileges')).toBe('0');
      expect(String.fromCharCode(wire[8] as number)).toBe('1');
    });
  });
});

describe('build/electron-builder.json', () => {
  it('is accepted by electron-builder 26', async () => {
    await expect(validateConfiguration(builderConfig, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('would be refused with an unknown key (so the check above means something)', async () => {
    await expect(validateConfiguration({ ...builderConfig, asarUnpak: ['**/*.node'] }, new DebugLogger(false))).rejects.toThrow(
      /configuration/i,
    );
  });

  it('packs the built app, unpacks native modules and flips fuses after packing', () => {
    expect(builderConfig).toMatchObject({
      appId: 'cn.gov.bdc.workstation',
      productName: '不动产登记窗口工作站',
      asar: true,
      asarUnpack: ['**/*.node'],
      afterPack: './build/fuses.cjs',
      linux: { target: [{ target: 'deb', arch: ['x64', 'arm64'] }, { target: 'AppImage', arch: ['x64', 'arm64'] }] },
      win: { target: [{ target: 'nsis', arch: ['x64'] }] },
    });
    // The built app and package.json; never its source maps (they carry every source file).
    expect((builderConfig.files as string[]).slice(0, 4)).toEqual(['dist/**', '!dist/**/*.map', '!dist/.build-stamp', 'package.json']);
    // electron-builder's default output folder is dist/, which `files` packs: it must go elsewhere.
    expect((builderConfig.directories as { output: string }).output).not.toMatch(/^dist\b/);
  });
});
