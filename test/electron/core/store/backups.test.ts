import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createVerifiedBackup, listBackups, prepareRestore, pruneBackups, backupFileName } from '../../../../electron/core/store/backup';
import { BackupFormatError, openBackupFile, readBackupHeader, sealBackupFile } from '../../../../electron/core/store/backup-file';
import { startBackupScheduler, DAY_MS, RETRY_MS } from '../../../../electron/core/store/backup-scheduler';
import { DataKeyRing, ownerOnlyFileProtector } from '../../../../electron/core/crypto/data-keys';
import { acceptSeizure } from '../../../support/sync-cases';
import { BUYER, SELLER_1, UNIT } from '../../../support/cases';
import { makeTempDir } from '../../../support/temp-dir';
import { ADMIN, makeWorkstation, type TestWorkstation } from '../../../support/workstation';

function flipBytes(path: string, offset: number, length: number): void {
  const fd = openSync(path, 'r+');
  const buf = Buffer.alloc(length);
  readSync(fd, buf, 0, length, offset);
  for (let i = 0; i < length; i++) buf[i] ^= 0xa5;
  writeSync(fd, buf, 0, length, offset);
  closeSync(fd);
}

/** A workstation with a known party name in a draft and an accepted 查封 case. */
async function workstationWithData(): Promise<{ t: TestWorkstation; caseNumber: string }> {
  const t = makeWorkstation({ config: { officeCode: '430102', workstationId: 'A7' } });
  await t.setup();
  const draft = await t.ok('admin', 'cases.createDraft', { businessType: 'transfer' });
  await t.ok('admin', 'cases.saveDraft', { id: draft.id, coOwnership: 'sole', parties: [BUYER, SELLER_1], units: [UNIT], materialsReceived: [] });
  const { caseNumber } = await acceptSeizure(t, 'admin');
  return { t, caseNumber };
}

describe('encrypted, verified backups', () => {
  let t: TestWorkstation;
  afterEach(async () => {
    await t?.close();
  });

  it('are sealed: no plaintext party name, ID number or case number in the file; the header says what was verified', async () => {
    const w = await workstationWithData();
    t = w.t;
    const b = await t.ok('admin', 'backups.create', {});
    expect(b).toMatchObject({ reason: 'manual', encrypted: true, verified: true, keyId: t.ws.services.keys.currentKeyId, problem: null });
    expect(b.file).toMatch(/^bdc-\d{8}-\d{6}-manual\.bdcbak$/);
    const bytes = readFileSync(join(t.ws.services.paths.backups, b.file));
    for (const secret of [BUYER.name, SELLER_1.name, BUYER.idNumber, w.caseNumber, UNIT.address, 'SQLite format 3']) {
      expect(bytes.includes(Buffer.from(secret, 'utf8')), `"${secret}" in the backup file`).toBe(false);
    }
    const header = readBackupHeader(join(t.ws.services.paths.backups, b.file));
    expect(header.tables.cases).toBe(2);
    expect(header.tables.users).toBe(1);
    // No plaintext copy is left behind.
    expect(readdirSync(t.ws.services.paths.backups)).toEqual([b.file]);
    expect((await t.ok('admin', 'backups.list', {})).map((x) => x.file)).toEqual([b.file]);
    const [audit] = (await t.ok('admin', 'audit.list', { limit: 1, action: 'backups.create' })).records;
    expect(audit).toMatchObject({ action: 'backups.create', result: 'success' });
  });

  it('open to the same database, checked against the row counts of the header', async () => {
    const w = await workstationWithData();
    t = w.t;
    const b = await t.ok('admin', 'backups.create', {});
    const out = join(t.dataDir, 'check.sqlite');
    prepareRestore(join(t.ws.services.paths.backups, b.file), t.ws.services.keys, out);
    const copy = new Database(out, { readonly: true });
    expect(copy.prepare('SELECT case_number FROM cases WHERE case_number IS NOT NULL').all()).toEqual([{ case_number: w.caseNumber }]);
    copy.close();
  });

  it('refuse a tampered, truncated or extended file with a clear message, before touching the live database', async () => {
    const w = await workstationWithData();
    t = w.t;
    const { file } = await t.ok('admin', 'backups.create', {});
    const path = join(t.ws.services.paths.backups, file);
    const original = readFileSync(path);
    const restore = async () => t.call('admin', 'backups.restore', { file });

    flipBytes(path, original.length - 100, 1);
    let r = await restore();
    expect(r).toMatchObject({ ok: false, error: { code: 'BACKUP_INVALID', message: expect.stringMatching(/校验失败/) } });

    writeFileSync(path, original);
    truncateSync(path, original.length - 5000);
    r = await restore();
    expect(r).toMatchObject({ ok: false, error: { code: 'BACKUP_INVALID', message: expect.stringMatching(/截断|不完整/) } });

    writeFileSync(path, Buffer.concat([original, Buffer.from('extra')]));
    r = await restore();
    expect(r).toMatchObject({ ok: false, error: { code: 'BACKUP_INVALID', message: expect.stringMatching(/多余/) } });

    // The header is readable, but every chunk is bound to it: an edited header opens nothing.
    writeFileSync(path, Buffer.from(original.toString('latin1').replace('"reason":"manual"', '"reason":"daily!"'), 'latin1'));
    r = await restore();
    expect(r).toMatchObject({ ok: false, error: { code: 'BACKUP_INVALID' } });

    writeFileSync(path, Buffer.from('SQLite format 3\u0000 not really'));
    r = await restore();
    expect(r).toMatchObject({ ok: false, error: { code: 'BACKUP_INVALID', message: expect.stringMatching(/文件头/) } });

    // Still the same live data, still logged in, no partial file left.
    expect((await t.ok('admin', 'cases.get', { id: 2 })).caseNumber).toBe(w.caseNumber);
    expect(readdirSync(t.dataDir).filter((f) => f.includes('restore'))).toEqual([]);
    const failures = (await t.ok('admin', 'audit.list', { limit: 10, action: 'backups.restore' })).records;
    expect(failures.every((a) => a.result === 'failure')).toBe(true);
  });

  it('restores through the contract: the live file is kept aside, every session logs in again, audited in both files', async () => {
    const w = await workstationWithData();
    t = w.t;
    await t.userWithRole('clerk', 'clerk');
    const { file } = await t.ok('admin', 'backups.create', {});
    await t.ok('admin', 'users.create', { username: 'later', displayName: '后来者', role: 'clerk', temporaryPassword: 'Temp#2026ab' });
    await acceptSeizure(t, 'admin');
    expect((await t.ok('admin', 'users.list', {})).length).toBe(3);

    const r = await t.ok('admin', 'backups.restore', { file });
    expect(r.keptAs).toMatch(/^bdc\.sqlite\.before-restore-/);
    expect(existsSync(join(t.dataDir, r.keptAs!))).toBe(true);
    expect(await t.call('admin', 'users.list', {})).toMatchObject({ ok: false, error: { code: 'NOT_AUTHENTICATED' } });
    expect(await t.call('clerk', 'cases.get', { id: 2 })).toMatchObject({ ok: false, error: { code: 'NOT_AUTHENTICATED' } });
    await t.ok('admin', 'auth.login', ADMIN);
    expect((await t.ok('admin', 'users.list', {})).map((u) => u.username).sort()).toEqual(['admin', 'clerk']);
    const [last] = (await t.ok('admin', 'audit.list', { limit: 1, action: 'backups.restore' })).records;
    expect(last).toMatchObject({ actor: 'admin', result: 'success' });
    const aside = new Database(join(t.dataDir, r.keptAs!), { readonly: true });
    expect(aside.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'backups.restore'").get()).toEqual({ n: 1 });
    expect(aside.prepare('SELECT count(*) AS n FROM users').get()).toEqual({ n: 3 });
    aside.close();
    const check = t.ws.services.db().pragma('integrity_check', { simple: true });
    expect(check).toBe('ok');
  });

  it('end to end: backup → flip bytes in the live file → start opens recovery mode → restore → the data is back', async () => {
    const w = await workstationWithData();
    t = w.t;
    const { file } = await t.ok('admin', 'backups.create', {});
    const db = t.ws.services.db();
    db.pragma('wal_checkpoint(TRUNCATE)');
    await t.ws.close();
    const live = join(t.dataDir, 'bdc.sqlite');
    flipBytes(live, 4096 + 100, 2000);
    flipBytes(live, Math.floor(statSync(live).size / 2), 3000);
    t.restart();
    const info = await t.ok('x', 'app.info', {});
    expect(info.recovery).not.toBeNull();
    expect(info.recovery!.backups.map((b) => b.file)).toEqual([file]);
    await t.ok('x', 'recovery.restoreBackup', { file });
    expect((await t.ok('x', 'app.info', {})).recovery).toBeNull();
    await t.ok('admin', 'auth.login', ADMIN);
    const found = await t.ok('admin', 'cases.get', { id: 2 });
    expect(found.caseNumber).toBe(w.caseNumber);
    expect(found.status).toBe('accepted');
    expect(readdirSync(t.dataDir).some((f) => f.startsWith('bdc.sqlite.damaged-'))).toBe(true);
    // And it survives another restart.
    t.restart();
    expect((await t.ok('x', 'app.info', {})).recovery).toBeNull();
  });
});

describe('the chunked format', () => {
  const dirs: Array<{ remove(): void }> = [];
  afterEach(() => dirs.splice(0).forEach((d) => d.remove()));
  function fixture() {
    const d = makeTempDir('bdc-bakfmt-');
    dirs.push(d);
    const keys = DataKeyRing.open(d.path, ownerOnlyFileProtector);
    const plain = join(d.path, 'plain.bin');
    writeFileSync(plain, Buffer.from(Array.from({ length: 10_000 }, (_, i) => i % 251)));
    const sealed = join(d.path, 'x.bdcbak');
    sealBackupFile(plain, sealed, keys, { createdAt: '2026-11-27T08:00:00.000Z', reason: 'test', schemaVersion: 1, tables: {} }, 1024);
    return { d, keys, plain, sealed, out: join(d.path, 'out.bin') };
  }

  it('round-trips across many chunks', () => {
    const f = fixture();
    const h = openBackupFile(f.sealed, f.out, f.keys);
    expect(h.chunks).toBe(10);
    expect(readFileSync(f.out)).toEqual(readFileSync(f.plain));
  });

  it('detects two chunks swapped', () => {
    const f = fixture();
    const buf = readFileSync(f.sealed);
    const start = 12 + buf.readUInt32BE(8);
    const len = 4 + buf.readUInt32BE(start); // all full chunks have the same sealed length
    const a = buf.subarray(start, start + len);
    const b = buf.subarray(start + len, start + 2 * len);
    writeFileSync(f.sealed, Buffer.concat([buf.subarray(0, start), b, a, buf.subarray(start + 2 * len)]));
    expect(() => openBackupFile(f.sealed, f.out, f.keys)).toThrow(/第 1 块校验失败/);
  });

  it('detects a dropped last chunk even when the header is edited to match', () => {
    const f = fixture();
    const buf = readFileSync(f.sealed);
    const headerLength = buf.readUInt32BE(8);
    const header = JSON.parse(buf.subarray(12, 12 + headerLength).toString()) as { chunks: number; plainBytes: number };
    expect(() => openBackupFile(f.sealed, f.out, f.keys)).not.toThrow();
    // Plain truncation inside the last chunk.
    writeFileSync(f.sealed, buf.subarray(0, buf.length - 20));
    expect(() => openBackupFile(f.sealed, f.out, f.keys)).toThrow(BackupFormatError);
    // Rewrite the header to claim 9 chunks: the chunks were sealed for "i/10" and do not open as "i/9".
    const fake = Buffer.from(JSON.stringify({ ...header, chunks: 9, plainBytes: 9 * 1024 }));
    const len = Buffer.alloc(4);
    len.writeUInt32BE(fake.length);
    writeFileSync(f.sealed, Buffer.concat([buf.subarray(0, 8), len, fake, buf.subarray(12 + headerLength)]));
    expect(() => openBackupFile(f.sealed, f.out, f.keys)).toThrow(/校验失败/);
  });

  it('refuses a backup sealed by another workstation’s keys, naming the key', () => {
    const f = fixture();
    const other = makeTempDir('bdc-bakfmt-');
    dirs.push(other);
    const foreign = DataKeyRing.open(other.path, ownerOnlyFileProtector);
    expect(() => openBackupFile(f.sealed, f.out, foreign)).toThrow(/校验失败/);
  });

  it('never throws anything but BackupFormatError on arbitrary bytes', () => {
    const f = fixture();
    for (let i = 0; i < 50; i++) {
      const buf = readFileSync(f.sealed);
      const junk = Buffer.from(buf.subarray(0, Math.floor(Math.random() * buf.length)));
      if (junk.length > 0) junk[Math.floor(Math.random() * junk.length)] ^= 1 + Math.floor(Math.random() * 255);
      writeFileSync(f.sealed, junk);
      try {
        openBackupFile(f.sealed, f.out, f.keys);
      } catch (err) {
        expect(err).toBeInstanceOf(BackupFormatError);
      }
    }
  });
});

describe('generations', () => {
  let t: TestWorkstation;
  afterEach(async () => {
    await t?.close();
  });

  it('keeps the newest N, plus pre-migration backups of the last 30 days; never plaintext ones', async () => {
    t = makeWorkstation();
    await t.setup();
    const dir = t.ws.services.paths.backups;
    const db = t.ws.services.db();
    const keys = t.ws.services.keys;
    const now = new Date('2026-11-27T08:00:00Z');
    const daysAgo = (d: number) => new Date(now.getTime() - d * DAY_MS);
    for (let d = 10; d >= 1; d--) createVerifiedBackup(db, dir, keys, 'daily', daysAgo(d));
    const recentMigration = createVerifiedBackup(db, dir, keys, 'before-migration-6', daysAgo(12));
    const oldMigration = createVerifiedBackup(db, dir, keys, 'before-migration-5', daysAgo(40));
    writeFileSync(join(dir, 'bdc-20250101T000000Z-daily.sqlite'), 'legacy');
    const pruned = pruneBackups(dir, 7, now);
    expect(pruned.sort()).toEqual([backupFileName(daysAgo(10), 'daily'), backupFileName(daysAgo(9), 'daily'), backupFileName(daysAgo(8), 'daily'), oldMigration.file].sort());
    const left = listBackups(dir);
    expect(left.filter((b) => b.reason === 'daily' && b.encrypted)).toHaveLength(7);
    expect(left.map((b) => b.file)).toContain(recentMigration.file);
    expect(left.find((b) => !b.encrypted)).toMatchObject({ file: 'bdc-20250101T000000Z-daily.sqlite', verified: false, problem: expect.stringContaining('明文') });
  });

  it('the manual backup prunes by the configured number of generations', async () => {
    t = makeWorkstation({ config: { backups: { keep: 2 } } });
    await t.setup();
    for (let i = 0; i < 4; i++) {
      await t.ok('admin', 'backups.create', {});
      t.clock.advance(1000);
    }
    expect(await t.ok('admin', 'backups.list', {})).toHaveLength(2);
  });
});

describe('the daily scheduler', () => {
  let t: TestWorkstation;
  afterEach(async () => {
    await t?.close();
  });

  function fakeTimers() {
    const pending: Array<{ fn: () => void; ms: number; id: number }> = [];
    let next = 1;
    return {
      pending,
      setTimeout(fn: () => void, ms: number) {
        const id = next++;
        pending.push({ fn, ms, id });
        return id;
      },
      clearTimeout(id: unknown) {
        const i = pending.findIndex((p) => p.id === id);
        if (i >= 0) pending.splice(i, 1);
      },
      fire() {
        const p = pending.shift();
        if (!p) throw new Error('no timer');
        p.fn();
        return p.ms;
      },
    };
  }

  it('backs up soon after start when the last backup is over a day old, then every 24 h, pruning', async () => {
    t = makeWorkstation();
    await t.setup();
    const s = t.ws.services;
    const timers = fakeTimers();
    const logs: string[] = [];
    const scheduler = startBackupScheduler({ db: () => s.db(), keys: s.keys, backupDir: s.paths.backups, clock: t.clock.now, keep: () => 3, log: (m) => logs.push(m), timers, firstDelayMs: 5000 });
    expect(timers.pending.map((p) => p.ms)).toEqual([5000]);
    t.clock.advance(5000);
    timers.fire();
    expect(listBackups(s.paths.backups).map((b) => b.reason)).toEqual(['daily']);
    expect(timers.pending.map((p) => p.ms)).toEqual([DAY_MS]);
    for (let i = 0; i < 4; i++) {
      t.clock.advance(DAY_MS);
      timers.fire();
    }
    expect(listBackups(s.paths.backups)).toHaveLength(3);
    expect(logs.filter((l) => l.startsWith('daily backup'))).toHaveLength(5);
    scheduler.stop();
    expect(timers.pending).toHaveLength(0);
  });

  it('waits for the rest of the day when the last backup is recent, and moves after a manual one', async () => {
    t = makeWorkstation();
    await t.setup();
    const s = t.ws.services;
    createVerifiedBackup(s.db(), s.paths.backups, s.keys, 'manual', new Date(t.clock.now().getTime() - 3 * 3600_000));
    const timers = fakeTimers();
    startBackupScheduler({ db: () => s.db(), keys: s.keys, backupDir: s.paths.backups, clock: t.clock.now, keep: () => 7, log: () => {}, timers });
    expect(timers.pending.map((p) => p.ms)).toEqual([21 * 3600_000]);
    t.clock.advance(10 * 3600_000);
    createVerifiedBackup(s.db(), s.paths.backups, s.keys, 'manual', t.clock.now());
    t.clock.advance(11 * 3600_000);
    timers.fire();
    // The manual backup 11 h ago counts: the next is 13 h away, and nothing was written now.
    expect(timers.pending.map((p) => p.ms)).toEqual([13 * 3600_000]);
    expect(listBackups(s.paths.backups)).toHaveLength(2);
  });

  it('retries in an hour when the backup fails (recovery mode), without throwing', async () => {
    t = makeWorkstation();
    await t.setup();
    const s = t.ws.services;
    const timers = fakeTimers();
    const logs: string[] = [];
    startBackupScheduler({
      db: () => {
        throw new Error('RECOVERY_MODE');
      },
      keys: s.keys,
      backupDir: s.paths.backups,
      clock: t.clock.now,
      keep: () => 7,
      log: (m) => logs.push(m),
      timers,
      firstDelayMs: 0,
    });
    timers.fire();
    expect(timers.pending.map((p) => p.ms)).toEqual([RETRY_MS]);
    expect(logs[0]).toMatch(/failed/);
  });

  it('is started by the workstation with an unref’d timer', async () => {
    t = makeWorkstation();
    // The workstation holds the data-folder lock while it runs, and drops it on close.
    expect(existsSync(join(t.dataDir, 'workstation.lock'))).toBe(true);
    await t.ws.close();
    expect(existsSync(join(t.dataDir, 'workstation.lock'))).toBe(false);
    t.restart();
  });
});
