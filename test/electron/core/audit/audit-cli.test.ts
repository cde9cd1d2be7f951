import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../support/web-host-process';
import { makeWorkstation, type TestWorkstation } from '../../../support/workstation';

function runAuditCli(args: string[]) {
  return spawnSync('npm', ['run', '--silent', 'audit', '--', ...args], { cwd: PROJECT_ROOT, encoding: 'utf8' });
}

describe('npm run audit -- verify', () => {
  let t: TestWorkstation;
  afterEach(() => t.close());

  it('reports an intact chain with exit code 0', async () => {
    t = makeWorkstation();
    await t.setup();
    const r = runAuditCli(['verify', '--data-dir', t.dataDir]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('审计日志完整：已校验 1 条记录');
  });

  it('reports the first broken record with exit code 1', async () => {
    t = makeWorkstation();
    await t.setup();
    await t.ok('admin', 'users.create', { username: 'clerk1', displayName: '张受理', role: 'clerk', temporaryPassword: 'Temp#2026ab' });
    const db = t.ws.services.db();
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare("UPDATE audit_log SET detail = '{\"role\":\"admin\"}' WHERE seq = 2").run();
    const r = runAuditCli(['verify', '--data-dir', t.dataDir, '--json']);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, checked: 1, firstBroken: { seq: 2 } });
  });

  it('exits 2 when there is no database', () => {
    t = makeWorkstation();
    const r = runAuditCli(['verify', '--data-dir', join(t.dataDir, 'missing')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('找不到数据库文件');
  });
});
