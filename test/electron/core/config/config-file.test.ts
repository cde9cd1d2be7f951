import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigFileError, loadConfig, writeConfig } from '../../../../electron/core/config/config-file';
import { makeTempDir } from '../../../support/temp-dir';

describe('config file', () => {
  const dirs: Array<{ remove(): void }> = [];
  const dir = () => {
    const d = makeTempDir();
    dirs.push(d);
    return d.path;
  };
  afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

  function errorFor(json: string): ConfigFileError {
    const d = dir();
    writeFileSync(join(d, 'config.json'), json);
    try {
      loadConfig(d);
    } catch (err) {
      if (err instanceof ConfigFileError) return err;
      throw err;
    }
    throw new Error('expected a ConfigFileError');
  }

  it('a missing file means training mode with the defaults', () => {
    const loaded = loadConfig(dir());
    expect(loaded.exists).toBe(false);
    expect(loaded.config).toMatchObject({ training: true, mode: 'counter', officeCode: null, security: { idleLockSeconds: 600, maxFailedLogins: 5, lockoutMinutes: 10 } });
  });

  it('names the file and the field of a wrong type', () => {
    const err = errorFor('{"security": {"idleLockSeconds": "ten"}}');
    expect(err.field).toBe('security.idleLockSeconds');
    expect(err.message).toContain('config.json');
    expect(err.message).toContain('security.idleLockSeconds');
  });

  it('names a misspelt key instead of ignoring it', () => {
    const err = errorFor('{"trainig": false}');
    expect(err.field).toBe('trainig');
    expect(err.message).toContain('不认识的字段');
  });

  it('names an out-of-range value (idle lock longer than 10 minutes)', () => {
    const err = errorFor('{"security": {"idleLockSeconds": 3600}}');
    expect(err.field).toBe('security.idleLockSeconds');
    expect(err.message).toContain('最大为 600');
  });

  it('names a value outside an enumeration', () => {
    expect(errorFor('{"mode": "desk"}').field).toBe('mode');
  });

  it('reports a file that is not JSON', () => {
    expect(errorFor('{ training: yes').message).toContain('不是有效的 JSON');
  });

  it('accepts a UTF-8 BOM (Windows Notepad writes one)', () => {
    const d = dir();
    writeFileSync(join(d, 'config.json'), '\uFEFF{"officeName": "芙蓉区"}');
    expect(loadConfig(d).config.officeName).toBe('芙蓉区');
  });

  it('writes atomically and reads back what it wrote', () => {
    const d = dir();
    const config = { ...loadConfig(d).config, officeCode: '430102', officeName: '芙蓉区' };
    writeConfig(d, config);
    expect(loadConfig(d).config).toEqual(config);
    expect(JSON.parse(readFileSync(join(d, 'config.json'), 'utf8'))).toEqual(config);
  });
});
