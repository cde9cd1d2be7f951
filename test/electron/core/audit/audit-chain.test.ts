import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../../electron/core/audit/audit-chain';
import { appendAudit, recordHash, type AuditRow } from '../../../../electron/core/audit/audit-log';
import { openDatabase, type Db } from '../../../../electron/core/store/database';
import { migrate } from '../../../../electron/core/store/migrate';
import { MIGRATIONS } from '../../../../electron/core/store/migrations';
import { makeTempDir } from '../../../support/temp-dir';

/**
 * Tampering happens behind SQLite's triggers (someone with the file): tests drop the triggers to
 * play that person, then check that the hash chain still catches every kind of change.
 */
describe('audit log: SM3 hash chain', () => {
  let db: Db;
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    dir = makeTempDir();
    db = openDatabase(join(dir.path, 'bdc.sqlite'));
    migrate(db, MIGRATIONS, join(dir.path, 'backups'));
    for (let i = 1; i <= 5; i++) {
      appendAudit(db, { actorId: 1, actor: 'admin', action: 'users.create', object: `user:${i}`, result: 'success', detail: { i } });
    }
  });
  afterEach(() => {
    db.close();
    dir.remove();
  });
  const asAttacker = () => db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');

  it('an untouched log verifies', () => {
    expect(verifyAuditChain(db)).toEqual({ ok: true, checked: 5, firstBroken: null, keyed: false });
  });

  it('links each record to the previous one', () => {
    const rows = db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as AuditRow[];
    expect(rows[0].prev_hash).toBe('0'.repeat(64));
    rows.slice(1).forEach((r, i) => expect(r.prev_hash).toBe(rows[i].hash));
  });

  it('detects an altered record and names it', () => {
    asAttacker();
    db.prepare("UPDATE audit_log SET actor = 'someone' WHERE seq = 3").run();
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, checked: 2, firstBroken: { seq: 3, reason: expect.stringContaining('篡改') } });
  });

  it('detects an altered record even when its own hash was recomputed', () => {
    asAttacker();
    const row = db.prepare('SELECT * FROM audit_log WHERE seq = 2').get() as AuditRow;
    const forged = { ...row, result: 'failure' as const };
    db.prepare('UPDATE audit_log SET result = ?, hash = ? WHERE seq = 2').run('failure', recordHash(forged));
    expect(verifyAuditChain(db).firstBroken?.seq).toBe(3);
  });

  it('detects a removed record', () => {
    asAttacker();
    db.prepare('DELETE FROM audit_log WHERE seq = 2').run();
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, firstBroken: { seq: 3, reason: expect.stringContaining('序号不连续') } });
  });

  it('detects records cut off the end', () => {
    asAttacker();
    db.prepare('DELETE FROM audit_log WHERE seq >= 4').run();
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, firstBroken: { seq: 4, reason: expect.stringContaining('截断') } });
  });

  it('detects a record inserted in the middle', () => {
    asAttacker();
    const rows = db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as AuditRow[];
    db.exec('DELETE FROM audit_log');
    for (const r of rows) {
      const seq = r.seq >= 3 ? r.seq + 1 : r.seq;
      db.prepare('INSERT INTO audit_log (seq, at, actor_id, actor, action, object, result, detail, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?)').run(seq, r.at, r.actor_id, r.actor, r.action, r.object, r.result, r.detail, r.prev_hash, r.hash);
    }
    const base = { seq: 3, at: rows[2].at, actor_id: null, actor: 'x', action: 'x', object: null, result: 'success' as const, detail: '{}', prev_hash: rows[1].hash };
    db.prepare('INSERT INTO audit_log (seq, at, actor_id, actor, action, object, result, detail, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?)').run(3, base.at, null, 'x', 'x', null, 'success', '{}', base.prev_hash, recordHash(base));
    expect(verifyAuditChain(db).firstBroken?.seq).toBe(4);
  });
});
