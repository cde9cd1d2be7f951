import type { Db } from '../store/database';

/**
 * Commits a sync-engine write without waiting for the disk (synchronous=NORMAL for this commit;
 * the connection stays FULL for everything else). The database is as safe as before against a
 * crash or a kill of the process (WAL: the commit is in the file the moment it returns); only a
 * power cut or an OS crash can lose it, until the next FULL commit syncs the log it follows.
 *
 * Only for what the platform gives back when it is lost: a command marked done (resent with the
 * same idempotency key, the platform replays its stored answer, nothing happens twice), a retry
 * time, the answer of a submission, changes applied from the feed with their cursor (read again
 * from the same cursor). An accepted case, an audit record or a dead letter is never written
 * this way. With 10,000 commands delivered after an outage, this is 10,000+ fsyncs saved.
 */
export function writeReplayable<T>(db: Db, fn: (db: Db) => T): T {
  // Inside a caller's transaction the pragma cannot apply to this part alone: leave it as it is.
  if (db.inTransaction) return fn(db);
  db.pragma('synchronous = NORMAL');
  try {
    return fn(db);
  } finally {
    db.pragma('synchronous = FULL');
  }
}
