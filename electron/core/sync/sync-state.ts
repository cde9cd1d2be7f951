import type { Db } from '../store/database';

/** Keys of the `sync_state` table. */
/** `audit_sent_seq`: the highest audit record the platform has confirmed (records go upward in order). */
export type SyncStateKey = 'feed_cursor' | 'last_contact_at' | 'last_pull_at' | 'audit_sent_seq';

/** The engine's small persistent facts: the feed cursor, last contact, last pull. */
export const syncState = {
  get(db: Db, key: SyncStateKey): string | null {
    const row = db.prepare('SELECT value FROM sync_state WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value ?? null;
  },

  set(db: Db, key: SyncStateKey, value: string): void {
    db.prepare('INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  },
};
