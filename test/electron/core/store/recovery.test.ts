import { closeSync, existsSync, openSync, readdirSync, readSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createVerifiedBackup, writeVerifiedBackup } from '../../../../electron/core/store/backup';
import { openDatabase } from '../../../../electron/core/store/database';
import { ADMIN, makeWorkstation, type TestWorkstation } from '../../../support/workstation';

/** Overwrites bytes in the middle of the file, as a failing disk or a bad copy would. */
function flipBytes(path: string, offset: number, length: number): void {
  const fd = openSync(path, 'r+');
  const buf = Buffer.alloc(length);
  readSync(fd, buf, 0, length, offset);
  for (let i = 0; i < length; i++) buf[i] ^= 0xa5;
  writeSync(fd, buf, 0, length, offset);
  closeSync(fd);
}

describe('damaged database → recovery mode, never a crash loop', () => {
  let t: TestWorkstation;
  afterEach(() => t.close());

  async function damagedWorkstation(withBackup: boolean | 'plaintext') {
    t = makeWorkstation();
    await t.setup();
    for (let i = 0; i < 40; i++) {
      await t.ok('admin', 'users.create', { username: `clerk${i}`, displayName: `受理员${i}`, role: 'clerk', temporaryPassword: 'Temp#2026ab' });
    }
    const db = t.ws.services.db();
    if (withBackup === 'plaintext') writeVerifiedBackup(db, t.ws.services.paths.backups, 'daily');
    else if (withBackup) createVerifiedBackup(db, t.ws.services.paths.backups, t.ws.services.keys, 'daily');
    db.pragma('wal_checkpoint(TRUNCATE)');
    t.ws.close();
    const path = join(t.dataDir, 'bdc.sqlite');
    // Page 2 onwards holds the tables; flip bytes in the middle of the file.
    flipBytes(path, 4096 + 100, 2000);
    flipBytes(path, Math.floor(statSync(path).size / 2), 3000);
    t.restart();
  }

  it('opens in recovery mode with the reason and the file, and refuses business calls', async () => {
    await damagedWorkstation(false);
    const info = await t.ok('x', 'app.info', {});
    expect(info.recovery).toMatchObject({ databasePath: join(t.dataDir, 'bdc.sqlite'), backups: [] });
    expect(info.recovery?.details.length).toBeGreaterThan(0);
    expect(await t.call('x', 'auth.login', ADMIN)).toMatchObject({ ok: false, error: { code: 'RECOVERY_MODE' } });
    expect(t.logs.join('\n')).toMatch(/recovery mode/);
  });

  it('restores a verified backup, keeps the damaged file aside, and audits the recovery', async () => {
    await damagedWorkstation(true);
    const info = await t.ok('x', 'app.info', {});
    expect(info.recovery?.backups).toHaveLength(1);
    await t.ok('x', 'recovery.restoreBackup', { file: info.recovery!.backups[0].file });
    expect((await t.ok('x', 'app.info', {})).recovery).toBeNull();
    await t.ok('admin', 'auth.login', ADMIN);
    expect((await t.ok('admin', 'users.list', {})).length).toBe(41);
    expect(readdirSync(t.dataDir).some((f) => f.startsWith('bdc.sqlite.damaged-'))).toBe(true);
    const [last] = (await t.ok('admin', 'audit.list', { limit: 1, action: 'recovery' })).records;
    expect(last).toMatchObject({ action: 'recovery.restoreBackup' });
    expect(await t.call('x', 'recovery.startEmpty', { confirm: '我已了解数据将不可用' })).toMatchObject({ ok: false, error: { code: 'NOT_IN_RECOVERY' } });
  });

  it('still restores a plaintext backup of an older release (listed, and marked as such)', async () => {
    await damagedWorkstation('plaintext');
    const info = await t.ok('x', 'app.info', {});
    expect(info.recovery?.backups).toHaveLength(1);
    expect(info.recovery!.backups[0].file).toMatch(/\.sqlite$/);
    expect(t.ws.services.listBackups()[0]).toMatchObject({ encrypted: false, verified: false, problem: expect.stringContaining('明文') });
    await t.ok('x', 'recovery.restoreBackup', { file: info.recovery!.backups[0].file });
    await t.ok('admin', 'auth.login', ADMIN);
    expect((await t.ok('admin', 'users.list', {})).length).toBe(41);
  });

  it('can start empty: the damaged file is kept and setup runs again', async () => {
    await damagedWorkstation(false);
    await t.ok('x', 'recovery.startEmpty', { confirm: '我已了解数据将不可用' });
    expect(await t.ok('x', 'app.info', {})).toMatchObject({ recovery: null, initialized: false });
    expect(readdirSync(t.dataDir).some((f) => f.startsWith('bdc.sqlite.damaged-'))).toBe(true);
  });

  it('refuses a backup file name that leaves the backup folder', async () => {
    await damagedWorkstation(false);
    expect(await t.call('x', 'recovery.restoreBackup', { file: '../bdc.sqlite' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await t.call('x', 'recovery.restoreBackup', { file: 'bdc-nope.sqlite' })).toMatchObject({ ok: false, error: { code: 'BACKUP_NOT_FOUND' } });
  });

  it('a file that is not a database at all also opens recovery mode', async () => {
    t = makeWorkstation();
    t.ws.close();
    const fd = openSync(join(t.dataDir, 'bdc.sqlite'), 'w');
    writeSync(fd, Buffer.from('this is not an SQLite file'.repeat(200)));
    closeSync(fd);
    t.restart();
    expect((await t.ok('x', 'app.info', {})).recovery).not.toBeNull();
  });

  it('a verified backup is a complete, readable copy', async () => {
    t = makeWorkstation();
    await t.setup();
    const b = writeVerifiedBackup(t.ws.services.db(), t.ws.services.paths.backups, 'manual');
    expect(existsSync(b.path)).toBe(true);
    const copy = openDatabase(b.path, { readonly: true });
    expect(copy.prepare('SELECT count(*) AS n FROM users').get()).toEqual({ n: 1 });
    copy.close();
  });
});
