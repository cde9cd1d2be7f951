import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { configSchema } from '../../../../electron/contract';
import { ConfigFileError } from '../../../../electron/core/config/config-file';
import { platformConnectionFromConfig } from '../../../../electron/core/sync/platform-connection';
import { startWorkstation } from '../../../../electron/core/workstation';
import { makeTempDir } from '../../../support/temp-dir';

/** The platform connection from config.json: certificate files relative to the data folder, errors naming the field. */
describe('platform connection from the config file', () => {
  const dirs: Array<ReturnType<typeof makeTempDir>> = [];
  afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

  function dataDir() {
    const d = makeTempDir('bdc-conn-');
    dirs.push(d);
    mkdirSync(join(d.path, 'pki'));
    writeFileSync(join(d.path, 'pki', 'ca.pem'), 'CA');
    writeFileSync(join(d.path, 'pki', 'ws.pem'), 'CERT');
    writeFileSync(join(d.path, 'pki', 'ws.key'), 'KEY');
    writeFileSync(join(d.path, 'pki', 'ws.p12'), Buffer.from([1, 2, 3]));
    return d.path;
  }
  const platform = (p: Record<string, unknown>) => configSchema.parse({ platform: { url: 'https://platform.example.cn:8443', ...p } }).platform;
  const fieldOf = (fn: () => unknown) => {
    try {
      fn();
    } catch (err) {
      if (err instanceof ConfigFileError) return { field: err.field, message: err.message };
      throw err;
    }
    return null;
  };

  it('no URL: no connection (the workstation keeps cases locally)', () => {
    expect(platformConnectionFromConfig(dataDir(), 'config.json', configSchema.parse({}).platform)).toBeNull();
  });

  it('reads the pinned CA and the client certificate, relative to the data folder', () => {
    const dir = dataDir();
    const c = platformConnectionFromConfig(dir, 'config.json', platform({ caFile: 'pki/ca.pem', certFile: 'pki/ws.pem', keyFile: join(dir, 'pki', 'ws.key') }));
    expect(c).toEqual({ url: 'https://platform.example.cn:8443', ca: Buffer.from('CA'), cert: Buffer.from('CERT'), key: Buffer.from('KEY') });
    const pfx = platformConnectionFromConfig(dir, 'config.json', platform({ caFile: 'pki/ca.pem', pfxFile: 'pki/ws.p12', pfxPassphrase: '口令' }));
    expect(pfx).toEqual({ url: 'https://platform.example.cn:8443', ca: Buffer.from('CA'), pfx: Buffer.from([1, 2, 3]), passphrase: '口令' });
  });

  it('names the field of a missing file, a missing CA, or half a certificate', () => {
    const dir = dataDir();
    expect(fieldOf(() => platformConnectionFromConfig(dir, 'config.json', platform({ caFile: 'pki/nope.pem' })))).toEqual({
      field: 'platform.caFile',
      message: expect.stringContaining('文件不存在'),
    });
    expect(fieldOf(() => platformConnectionFromConfig(dir, 'config.json', platform({ caFile: 'pki/ca.pem', certFile: 'pki/gone.pem', keyFile: 'pki/ws.key' })))?.field).toBe('platform.certFile');
    expect(fieldOf(() => platformConnectionFromConfig(dir, 'config.json', platform({})))?.field).toBe('platform.caFile');
    expect(fieldOf(() => platformConnectionFromConfig(dir, 'config.json', platform({ caFile: 'pki/ca.pem', certFile: 'pki/ws.pem' })))?.field).toBe('platform.keyFile');
    expect(fieldOf(() => platformConnectionFromConfig(dir, 'config.json', platform({ caFile: 'pki/ca.pem', keyFile: 'pki/ws.key' })))?.field).toBe('platform.certFile');
  });

  it('the workstation refuses to start with an unreadable certificate file; a connection given by the host overrides the file', async () => {
    const dir = dataDir();
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ platform: { url: 'https://127.0.0.1:9', caFile: 'pki/missing.pem' } }));
    expect(() => startWorkstation({ dataDir: dir, host: 'web', startDevices: false, log: () => {} })).toThrow(/platform\.caFile/);
    const ws = startWorkstation({ dataDir: dir, host: 'web', startDevices: false, log: () => {}, platform: null });
    expect(ws.services.sync).toBeNull();
    await ws.close();
  });
});
