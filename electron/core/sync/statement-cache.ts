import type { Statement } from 'better-sqlite3';
import type { Db } from '../store/database';

const caches = new WeakMap<Db, Map<string, Statement>>();

/**
 * A prepared statement kept per connection: the outbox is read and written a few times for every
 * command, and compiling the same SQL each time was a tenth of a 10,000-command drain.
 */
export function statement(db: Db, sql: string): Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let s = cache.get(sql);
  if (!s) {
    s = db.prepare(sql);
    cache.set(sql, s);
  }
  return s;
}
