import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { GENESIS_HASH, recordHash, type AuditRow } from '../../../../electron/core/audit/audit-log';
import type { Db } from '../../../../electron/core/store/database';
import { PROJECT_ROOT } from '../../../support/web-host-process';
import { makeWorkstation, type TestWorkstation } from '../../../support/workstation';

function verifyCli(dataDir: string) {
  const r = spawnSync('npm', ['run', '--silent', 'audit', '--', 'verify', '--data-dir', dataDir, '--json'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
  return { status: r.status, result: JSON.parse(r.stdout || '{}') as { ok: boolean; keyed?: boolean; firstBroken: { seq: number; reason: string } | null } };
}

/** What someone who can write the database file (and knows the code) does: SM3 is public. */
function recomputeChain(db: Db): void {
  db.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;');
  let prev = GENESIS_HASH;
  let last: AuditRow | undefined;
  for (const row of db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as AuditRow[]) {
    const { hash: _old, mac: _mac, ...rest } = row;
    const base = { ...rest, prev_hash: prev };
    const hash = recordHash(base);
    db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?').run(prev, hash, row.seq);
    prev = hash;
    last = { ...base, hash };
  }
  if (last) db.prepare("UPDATE meta SET value = ? WHERE key = 'audit_head'").run(`${last.seq}:${last.hash}`);
}

describe('the keyed audit chain: tampering by someone with the file but without the key', () => {
  let t: TestWorkstation;
  afterEach(() => t.close());

  async function withHistory(): Promise<Db> {
    t = makeWorkstation();
    await t.setup();
    await t.ok('admin', 'users.create', { username: 'clerk1', displayName: '张受理', role: 'clerk', temporaryPassword: 'Temp#2026ab' });
    await t.ok('admin', 'users.create', { username: 'clerk2', displayName: '李受理', role: 'clerk', temporaryPassword: 'Temp#2026ab' });
    await t.ok('admin', 'users.create', { username: 'clerk3', displayName: '赵受理', role: 'clerk', temporaryPassword: 'Temp#2026ab' });
    expect(await t.ok('admin', 'audit.verify', {})).toMatchObject({ ok: true, keyed: true });
    return t.ws.services.db();
  }

  it('an untouched log verifies, keyed, through the CLI', async () => {
    await withHistory();
    expect(verifyCli(t.dataDir)).toMatchObject({ status: 0, result: { ok: true, keyed: true } });
  });

  it('a record altered and the SM3 chain recomputed is detected', async () => {
    const db = await withHistory();
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare('UPDATE audit_log SET detail = ? WHERE seq = 2').run(JSON.stringify({ role: 'admin' }));
    recomputeChain(db);
    const { status, result } = verifyCli(t.dataDir);
    expect(status).toBe(1);
    expect(result).toMatchObject({ ok: false, keyed: true, firstBroken: { seq: 2, reason: expect.stringContaining('密钥校验值不符') } });
    expect(await t.ok('admin', 'audit.verify', {})).toMatchObject({ ok: false, keyed: true, firstBroken: { seq: 2 } });
  });

  it('the last records deleted and the head rewritten is detected', async () => {
    const db = await withHistory();
    db.exec('DROP TRIGGER audit_log_no_delete');
    const last = (db.prepare('SELECT max(seq) AS n FROM audit_log').get() as { n: number }).n;
    db.prepare('DELETE FROM audit_log WHERE seq >= ?').run(last - 1);
    const head = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string };
    db.prepare("UPDATE meta SET value = ? WHERE key = 'audit_head'").run(`${head.seq}:${head.hash}`);
    const { status, result } = verifyCli(t.dataDir);
    expect(status).toBe(1);
    expect(result).toMatchObject({ ok: false, firstBroken: { seq: head.seq, reason: expect.stringContaining('链头') } });
  });

  it('records with their MAC stripped (to pass as unkeyed ones) are detected', async () => {
    const db = await withHistory();
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare('UPDATE audit_log SET mac = NULL').run();
    expect(verifyCli(t.dataDir)).toMatchObject({ status: 1, result: { ok: false, firstBroken: { reason: expect.stringContaining('缺少密钥校验值') } } });
  });

  it('a backup restore records the discarded head (seq and hash) in the restored log', async () => {
    await withHistory();
    const { file } = await t.ok('admin', 'backups.create', {});
    await t.ok('admin', 'users.create', { username: 'clerk4', displayName: '钱受理', role: 'clerk', temporaryPassword: 'Temp#2026ab' });
    const before = t.ws.services.db().prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string };
    await t.ok('admin', 'backups.restore', { file });
    await t.ok('admin', 'auth.login', { username: 'admin', password: 'Office#2026x' });
    const [restore] = (await t.ok('admin', 'audit.list', { limit: 1, action: 'backups.restore' })).records;
    // The restore's own record in the old log is the head it discards.
    expect(restore.detail).toMatchObject({ discardedHead: { seq: before.seq + 1 } });
    expect((restore.detail as { discardedHead: { hash: string } }).discardedHead.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await t.ok('admin', 'audit.verify', {})).toMatchObject({ ok: true, keyed: true });
  });
});
