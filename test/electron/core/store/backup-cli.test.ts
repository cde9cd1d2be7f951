import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../support/web-host-process';
import { ADMIN, makeWorkstation, type TestWorkstation } from '../../../support/workstation';

const CLI = join(PROJECT_ROOT, 'electron/core/store/backup-cli.ts');

/** The CLI as `npm run backup` runs it, in its own process (so the lock names another, live process). */
function cli(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('npm run backup', () => {
  let t: TestWorkstation;
  afterEach(async () => {
    await t?.close();
  });

  it('lists while the app runs, refuses create and restore beside it, then backs up and restores once it has quit', async () => {
    t = makeWorkstation();
    await t.setup();
    const { file: first } = await t.ok('admin', 'backups.create', {});
    const dir = ['--data-dir', t.dataDir];

    const listed = cli('list', ...dir);
    expect(listed.code).toBe(0);
    expect(listed.out).toContain(first);
    expect(listed.out).toContain('已校验、已加密');

    const refused = cli('create', ...dir);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/工作站正在使用该数据目录（进程 \d+/);
    expect(cli('restore', first, ...dir)).toMatchObject({ code: 1, err: expect.stringMatching(/正在使用/) });

    await t.ok('admin', 'users.create', { username: 'later', displayName: '后来者', role: 'clerk', temporaryPassword: 'Temp#2026ab' });
    await t.ws.close();

    const created = cli('create', ...dir);
    expect(created.code, created.err).toBe(0);
    expect(created.out).toMatch(/已备份：bdc-\d{8}-\d{6}-manual(-2)?\.bdcbak/);
    expect(readdirSync(join(t.dataDir, 'backups')).filter((f) => f.endsWith('.bdcbak'))).toHaveLength(2);

    const restored = cli('restore', first, ...dir);
    expect(restored.code, restored.err).toBe(0);
    expect(restored.out).toMatch(/原数据库已保留为 bdc\.sqlite\.before-restore-/);
    t.restart();
    await t.ok('admin', 'auth.login', ADMIN);
    expect((await t.ok('admin', 'users.list', {})).map((u) => u.username)).toEqual(['admin']);
    const [audit] = (await t.ok('admin', 'audit.list', { limit: 1, action: 'backups.restore' })).records;
    expect(audit).toMatchObject({ actor: 'cli', result: 'success' });
  }, 60_000);

  it('list verifies every backup: a tampered or truncated one is never labelled 已校验', async () => {
    t = makeWorkstation();
    await t.setup();
    const { file: good } = await t.ok('admin', 'backups.create', {});
    await t.ok('admin', 'users.create', { username: 'later', displayName: '后来者', role: 'clerk', temporaryPassword: 'Temp#2026ab' });
    const { file: flipped } = await t.ok('admin', 'backups.create', {});
    const { file: cut } = await t.ok('admin', 'backups.create', {});
    const backups = join(t.dataDir, 'backups');
    const bytes = readFileSync(join(backups, flipped));
    bytes[bytes.length - 40] ^= 0x01; // one bit inside the last chunk's ciphertext
    writeFileSync(join(backups, flipped), bytes);
    const whole = readFileSync(join(backups, cut));
    writeFileSync(join(backups, cut), whole.subarray(0, whole.length - 100));
    const listed = cli('list', '--data-dir', t.dataDir);
    const line = (file: string) => listed.out.split('\n').find((l) => l.startsWith(file)) ?? '';
    expect(line(good)).toContain('已校验、已加密');
    expect(line(flipped)).not.toContain('已校验');
    expect(line(flipped)).toContain('校验失败');
    expect(line(cut)).not.toContain('已校验');
    expect(line(cut)).toContain('截断');
    expect(listed.code).toBe(1);
    // The app's list says the same.
    const inApp = await t.ok('admin', 'backups.list', {});
    expect(inApp.find((b) => b.file === good)).toMatchObject({ verified: true, problem: null });
    expect(inApp.find((b) => b.file === flipped)).toMatchObject({ verified: false, problem: expect.stringContaining('校验失败') });
    expect(inApp.find((b) => b.file === cut)).toMatchObject({ verified: false, problem: expect.stringContaining('截断') });
  });

  it('refuses a tampered backup, an unknown file and bad arguments, leaving the database alone', async () => {
    t = makeWorkstation();
    await t.setup();
    const { file } = await t.ok('admin', 'backups.create', {});
    await t.ws.close();
    const path = join(t.dataDir, 'backups', file);
    const bytes = readFileSync(path);
    bytes[bytes.length - 10] ^= 0xff;
    writeFileSync(path, bytes);
    const r = cli('restore', file, '--data-dir', t.dataDir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/无法恢复该备份：备份文件第 \d+ 块校验失败/);
    expect(cli('restore', '../bdc.sqlite', '--data-dir', t.dataDir)).toMatchObject({ code: 1, err: expect.stringMatching(/找不到备份文件/) });
    expect(cli('explode', '--data-dir', t.dataDir).code).toBe(2);
    expect(readdirSync(t.dataDir).filter((f) => f.startsWith('bdc.sqlite.'))).toEqual([]);
    expect(existsSync(join(t.dataDir, 'bdc.sqlite'))).toBe(true);
    t.restart();
  }, 60_000);
});
