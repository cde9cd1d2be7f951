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
