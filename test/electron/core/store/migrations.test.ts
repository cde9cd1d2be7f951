import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../../electron/core/store/database';
import { migrate } from '../../../../electron/core/store/migrate';
import { MIGRATIONS, type Migration } from '../../../../electron/core/store/migrations';
import { migration0001 } from '../../../../electron/core/store/migrations/0001-accounts-and-audit';
import { makeTempDir } from '../../../support/temp-dir';

describe('store: pragmas and migrations', () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => cleanups.splice(0).reverse().forEach((c) => c()));
  function freshDb(): { db: Db; dir: string } {
    const d = makeTempDir();
    const db = openDatabase(join(d.path, 'bdc.sqlite'));
    cleanups.push(() => d.remove(), () => db.close());
    return { db, dir: d.path };
  }

  it('opens with WAL, synchronous=FULL, foreign keys and secure_delete', () => {
    const { db } = freshDb();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('secure_delete', { simple: true })).toBe(1);
  });

  it('migration 0001 creates accounts, the audit log and meta', () => {
    const { db, dir } = freshDb();
    const report = migrate(db, [migration0001], join(dir, 'backups'));
    expect(report).toMatchObject({ from: 0, to: 1, applied: ['1-accounts-and-audit'], backup: null });
    const tables = (db.prepare("SELECT name FROM sqlite_schema WHERE type='table' ORDER BY name").all() as Array<{ name: string }>).map((r) => r.name);
    expect(tables).toEqual(['audit_log', 'meta', 'users']);
    expect(() => db.prepare("INSERT INTO users (username, display_name, role, password_hash, password_changed_at, created_at) VALUES ('a','a','janitor','h','t','t')").run()).toThrow(/CHECK/);
  });

  it('migration 0002 adds per-printer calibration within ±20 mm', () => {
    const { db, dir } = freshDb();
    migrate(db, MIGRATIONS.slice(0, 2), join(dir, 'backups'));
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    db.prepare("INSERT INTO printer_calibration (printer, x_mm, y_mm, updated_at) VALUES ('p1', 1.5, -2, 't')").run();
    expect(() => db.prepare("INSERT INTO printer_calibration (printer, x_mm, y_mm, updated_at) VALUES ('p2', 25, 0, 't')").run()).toThrow(/CHECK/);
  });

  it('migration 0003 creates cases with their parts, blobs, the number sequence and the trigram index', () => {
    const { db, dir } = freshDb();
    migrate(db, MIGRATIONS.slice(0, 3), join(dir, 'backups'));
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    const at = '2026-11-27T08:00:00Z';
    db.prepare("INSERT INTO cases (id, business_type, status, created_at, created_by, updated_at) VALUES (1, 'transfer', 'draft', ?, 'c', ?)").run(at, at);
    expect(() => db.prepare("INSERT INTO cases (business_type, status, created_at, created_by, updated_at) VALUES ('x', 'lost', ?, 'c', ?)").run(at, at)).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO case_parties (case_id, ordinal, role, name, id_number) VALUES (99, 1, 'holder', 'x', 'y')").run()).toThrow(/FOREIGN KEY/);
    db.prepare("INSERT INTO case_search (rowid, case_number, names, unit_codes, addresses) VALUES (1, '', '周晓岚', '', '湖南省长沙市芙蓉区五一大道')").run();
    expect(db.prepare("SELECT rowid FROM case_search WHERE case_search MATCH '\"芙蓉区\"'").all()).toEqual([{ rowid: 1 }]);
  });

  it('migration 0004 archives case documents by blob', () => {
    const { db, dir } = freshDb();
    migrate(db, MIGRATIONS.slice(0, 4), join(dir, 'backups'));
    expect(db.pragma('user_version', { simple: true })).toBe(4);
    expect(() => db.prepare("INSERT INTO case_documents (case_id, kind, blob_hash, created_at, created_by) VALUES (1, 'x', 'h', 't', 'c')").run()).toThrow(/FOREIGN KEY/);
  });

  it('migration 0005 adds the outbox, the feed state, platform events, the register cache and certificate numbers', () => {
    const { db, dir } = freshDb();
    migrate(db, MIGRATIONS.slice(0, 4), join(dir, 'backups'));
    const at = '2026-11-27T08:00:00Z';
    db.prepare("INSERT INTO cases (id, business_type, status, created_at, created_by, updated_at) VALUES (1, 'transfer', 'accepted', ?, 'c', ?)").run(at, at);
    migrate(db, MIGRATIONS.slice(0, 5), join(dir, 'backups'));
    expect(db.pragma('user_version', { simple: true })).toBe(5);
    // Existing cases get an empty list of certificate numbers.
    expect(db.prepare('SELECT certificate_numbers FROM cases WHERE id = 1').get()).toEqual({ certificate_numbers: '[]' });
    const insert = db.prepare('INSERT INTO outbox (case_id, kind, idempotency_key, body, created_at) VALUES (?, ?, ?, ?, ?)');
    insert.run(1, 'case.submit', '0b7c2a34-5d6e-4f70-8a91-b2c3d4e5f607', '{}', at);
    expect(db.prepare('SELECT state, attempts FROM outbox').get()).toEqual({ state: 'pending', attempts: 0 });
    expect(() => insert.run(1, 'case.submit', '0b7c2a34-5d6e-4f70-8a91-b2c3d4e5f607', '{}', at)).toThrow(/UNIQUE/);
    expect(() => insert.run(1, 'case.delete', 'another-key-1', '{}', at)).toThrow(/CHECK/);
    expect(() => insert.run(1, 'case.submit', 'short', '{}', at)).toThrow(/CHECK/);
    expect(() => insert.run(99, 'case.submit', 'another-key-2', '{}', at)).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("UPDATE outbox SET state = 'lost'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE outbox SET answer = 'not json'").run()).toThrow(/CHECK/);
    const event = db.prepare("INSERT INTO platform_events (case_id, cursor, kind, at, data, received_at) VALUES (1, ?, 'case.received', ?, '{}', ?)");
    event.run('c1', at, at);
    expect(() => event.run('c1', at, at)).toThrow(/UNIQUE/);
    db.prepare("INSERT INTO sync_state (key, value) VALUES ('feed_cursor', 'c1')").run();
    db.prepare("INSERT INTO unit_register_cache (unit_code, data, fetched_at) VALUES ('430102003004GB00123F00010203', '{}', ?)").run(at);
    // The scheduler's "oldest open command of the case" is answered by the partial index.
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT 1 FROM outbox WHERE case_id = 1 AND state IN ('pending','dead') AND id < 5").all() as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join(' ')).toContain('outbox_open_by_case');
    // …and the next back-off to end by the partial index of pending commands (SQLite refuses INDEXED BY an index it cannot use).
    expect(db.prepare("SELECT min(next_attempt_at) AS at FROM outbox INDEXED BY outbox_pending_due WHERE state = 'pending' AND next_attempt_at > ?").get(at)).toEqual({ at: null });
  });

  it('migration 0001 makes the audit log append-only', () => {
    const { db, dir } = freshDb();
    migrate(db, MIGRATIONS, join(dir, 'backups'));
    db.prepare("INSERT INTO audit_log (seq, at, action, result, detail, prev_hash, hash) VALUES (1, 't', 'x', 'success', '{}', 'p', 'h')").run();
    expect(() => db.prepare("UPDATE audit_log SET action = 'y'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });

  it('running migrate twice changes nothing the second time', () => {
    const { db, dir } = freshDb();
    migrate(db, MIGRATIONS, join(dir, 'backups'));
    expect(migrate(db, MIGRATIONS, join(dir, 'backups')).applied).toEqual([]);
  });

  it('backs up (and verifies the backup of) a database with data before a pending migration', () => {
    const { db, dir } = freshDb();
    const backups = join(dir, 'backups');
    migrate(db, [migration0001], backups);
    db.prepare("INSERT INTO meta (key, value) VALUES ('k', 'v')").run();
    const next: Migration = { version: 2, name: 'add-note', up: (d) => d.exec('CREATE TABLE note (id INTEGER PRIMARY KEY) STRICT') };
    const report = migrate(db, [migration0001, next], backups);
    expect(report.applied).toEqual(['2-add-note']);
    expect(report.backup).toMatch(/^bdc-.*-before-migration-2\.sqlite$/);
    expect(readdirSync(backups)).toEqual([report.backup]);
    const copy = openDatabase(join(backups, report.backup as string), { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(1);
    expect(copy.prepare('SELECT value FROM meta').get()).toEqual({ value: 'v' });
    copy.close();
  });

  it('a failing migration leaves the database at the previous version', () => {
    const { db, dir } = freshDb();
    migrate(db, [migration0001], join(dir, 'backups'));
    const broken: Migration = {
      version: 2,
      name: 'broken',
      up: (d) => {
        d.exec('CREATE TABLE half (id INTEGER)');
        throw new Error('boom');
      },
    };
    expect(() => migrate(db, [migration0001, broken], join(dir, 'backups'))).toThrow('boom');
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'half'").get()).toEqual({ n: 0 });
  });

  it('refuses a database from a newer version of the program', () => {
    const { db, dir } = freshDb();
    db.pragma('user_version = 99');
    expect(() => migrate(db, MIGRATIONS, join(dir, 'backups'))).toThrow(/请升级工作站程序/);
    expect(existsSync(join(dir, 'backups'))).toBe(false);
  });
});
