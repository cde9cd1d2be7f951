import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';

// What electron-builder makes of build/electron-builder.json for the Linux and Windows targets,
// checked without the Electron binary (the installers themselves are built on release machines:
// .github/workflows/release.yml). Its own code renders the desktop entry.
const require = createRequire(import.meta.url);
const ROOT = join(import.meta.dirname, '..', '..');
const config = JSON.parse(readFileSync(join(ROOT, 'build', 'electron-builder.json'), 'utf8'));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as { validateConfiguration(c: unknown, l: unknown): Promise<void> };
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
const { LinuxTargetHelper } = require('app-builder-lib/out/targets/LinuxTargetHelper') as {
  LinuxTargetHelper: new (packager: object) => { computeDesktopEntry(options: object): Promise<string> };
};

/** The .desktop file electron-builder writes for the deb and AppImage (its own LinuxTargetHelper). */
function desktopEntry(): Promise<string> {
  const packager = {
    appInfo: { productName: config.productName, sanitizedProductName: config.productName, description: pkg.description },
    executableName: config.linux.executableName,
    info: { metadata: pkg },
    platformSpecificBuildOptions: config.linux,
    config,
    fileAssociations: [],
  };
  return new LinuxTargetHelper(packager).computeDesktopEntry({ ...config.linux, ...config.deb });
}

describe('electron-builder configuration', () => {
  it('is valid for electron-builder 26', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('builds NSIS for Windows x64, deb and AppImage for Linux x64 and arm64 (统信 UOS, 麒麟 Kylin)', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.linux.target).toEqual([
      { target: 'deb', arch: ['x64', 'arm64'] },
      { target: 'AppImage', arch: ['x64', 'arm64'] },
    ]);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: true, shortcutName: '不动产登记窗口工作站', installerLanguages: ['zh_CN'] });
  });

  it('writes a desktop entry with the Chinese name, an Office category and the window class Electron sets', async () => {
    const entry = await desktopEntry();
    const lines = entry.trim().split('\n');
    expect(lines[0]).toBe('[Desktop Entry]');
    expect(lines).toEqual(
      expect.arrayContaining([
        'Name[zh_CN]=不动产登记窗口工作站',
        'Type=Application',
        'Icon=bdc-workstation',
        'Categories=Office;',
        // Electron takes WM_CLASS / app_id from package.json desktopName: they must match.
        'StartupWMClass=bdc-workstation',
        expect.stringMatching(/^Exec=".*\/bdc-workstation" %U$/),
      ]),
    );
    expect(pkg.desktopName).toBe('bdc-workstation.desktop');
    expect(config.linux.syncDesktopName).toBe(true);
    expect(lines.filter((l) => l.startsWith('Categories='))).toHaveLength(1);
  });

  it('declares the deb dependencies: Chromium runtime libraries, a GTK, the keystore library, CUPS client', () => {
    const depends: string[] = config.deb.depends;
    for (const d of ['libnss3', 'libgtk-3-0 | libgtk-4-1', 'libsecret-1-0', 'cups-client', 'libgbm1', 'libasound2 | libasound2t64']) expect(depends).toContain(d);
    // electron-builder replaces its own default list with this one: nothing of the default may be lost.
    for (const d of ['libnotify4', 'libxss1', 'libxtst6', 'xdg-utils', 'libatspi2.0-0', 'libuuid1']) expect(depends).toContain(d);
  });

  it('has real PNG icons at every Linux size, a 512 px generic icon and a Windows .ico', () => {
    const sizes = readdirSync(join(ROOT, 'build', 'icons')).map((f) => {
      const png = PNG.sync.read(readFileSync(join(ROOT, 'build', 'icons', f)));
      expect(f).toBe(`${png.width}x${png.height}.png`);
      // Drawn, not blank: opaque pixels in the middle, transparent corners (rounded square).
      const alpha = (x: number, y: number) => png.data[(y * png.width + x) * 4 + 3];
      expect(alpha(png.width >> 1, png.height >> 1)).toBe(255);
      expect(alpha(0, 0)).toBe(0);
      return png.width;
    });
    expect(sizes.sort((a, b) => a - b)).toEqual([16, 24, 32, 48, 64, 128, 256, 512]);
    expect(config.linux.icon).toBe('build/icons');
    const ico = readFileSync(join(ROOT, 'build', 'icon.ico'));
    expect(ico.readUInt16LE(2)).toBe(1); // an icon
    expect(ico.readUInt16LE(4)).toBe(7); // 16…256 px
    expect(config.win.icon).toBe('build/icon.ico');
  });

  it('rebuilds native modules for Electron when packing, from prebuilt binaries where they exist', () => {
    expect(config).toMatchObject({ npmRebuild: true, buildDependenciesFromSource: false, asarUnpack: ['**/*.node'] });
  });

  it('writes update metadata (latest*.yml with sha512) through a generic provider; the URL comes from the workstation config', () => {
    expect(config.publish).toEqual([{ provider: 'generic', url: 'https://updates.bdc.invalid/', channel: 'latest' }]);
  });
});
