import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../../electron/core/config/config-file';
import { appPaths, dataDirFrom } from '../../../../electron/hosts/electron/app-paths';
import { focusWindow } from '../../../../electron/hosts/electron/focus-window';
import { describeStartupFailure, EXIT_CONFIG_ERROR } from '../../../../electron/hosts/electron/startup-failure';
import { FakeBrowserWindow } from './fakes';

describe('describeStartupFailure', () => {
  it('names the config file and the field, in Chinese, and exits with 78', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'bdc-startup-'));
    try {
      writeFileSync(join(dataDir, 'config.json'), JSON.stringify({ mode: 'museum' }));
      let failure;
      try {
        loadConfig(dataDir);
        throw new Error('a bad config file was accepted');
      } catch (err) {
        failure = describeStartupFailure(err);
      }
      expect(failure.exitCode).toBe(EXIT_CONFIG_ERROR);
      expect(EXIT_CONFIG_ERROR).toBe(78);
      expect(failure.title).toBe('配置文件有误，工作站无法启动');
      expect(failure.message).toContain(join(dataDir, 'config.json'));
      expect(failure.message).toContain('mode');
      expect(failure.message).toContain('联系信息技术人员');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('reports any other failure with a different exit code', () => {
    const failure = describeStartupFailure(new Error('EACCES: permission denied'));
    expect(failure.exitCode).not.toBe(78);
    expect(failure.exitCode).not.toBe(0);
    expect(failure.message).toContain('EACCES');
  });
});

describe('appPaths', () => {
  it('finds the preload and the renderer under dist/ of the app path (asar when packaged)', () => {
    const root = join('/opt', 'bdc', 'resources', 'app.asar');
    expect(appPaths(root)).toEqual({ preload: join(root, 'dist', 'preload.cjs'), renderer: join(root, 'dist', 'renderer') });
  });
});

describe('dataDirFrom', () => {
  it('uses BDC_DATA_DIR when set, else the user data folder', () => {
    expect(dataDirFrom({ BDC_DATA_DIR: '/tmp/bdc-test-1' }, '/home/clerk/.config/bdc')).toBe('/tmp/bdc-test-1');
    expect(dataDirFrom({}, '/home/clerk/.config/bdc')).toBe('/home/clerk/.config/bdc');
    expect(dataDirFrom({ BDC_DATA_DIR: '  ' }, '/home/clerk/.config/bdc')).toBe('/home/clerk/.config/bdc');
  });
});

describe('focusWindow', () => {
  it('restores, shows and focuses the running window for a second start', () => {
    const win = new FakeBrowserWindow({});
    win.minimized = true;
    focusWindow(win.asElectron());
    expect(win).toMatchObject({ minimized: false, visible: true, focused: true });
  });

  it('does nothing without a live window', () => {
    const win = new FakeBrowserWindow({});
    win.destroyed = true;
    focusWindow(win.asElectron());
    expect(win.focused).toBe(false);
    expect(() => focusWindow(null)).not.toThrow();
  });
});
