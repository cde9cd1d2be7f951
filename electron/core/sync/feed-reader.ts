import type { PersonalDataKeys } from '../crypto/personal-data';
import type { Db } from '../store/database';
import { uploadAuditRecords } from './audit-upload';
import { applyChangesPage } from './change-application';
import type { EngineTimers } from './engine-timers';
import { RequestCancelled, type PlatformClient } from './platform-client';
import { PlatformError } from './platform-error';
import { syncState } from './sync-state';

/** Changes a feed page holds at most (API.md allows 1–500). */
const FEED_PAGE = 100;

export interface FeedReaderContext {
  client: PlatformClient;
  signal: AbortSignal;
  timers: EngineTimers;
  pollMs: number;
  clock: () => Date;
  log: (message: string) => void;
  /** Polls only while the link is up (offline, the engine probes instead). */
  online(): boolean;
  read<T>(fn: (db: Db) => T): T | undefined;
  write<T>(fn: (db: Db) => T): T;
  /** To seal the office's cases (office.case) at rest. */
  keys?: PersonalDataKeys;
  /** Local cases a page changed. */
  changed(caseIds: number[]): void;
}

/**
 * Reads the platform's change feed from the stored cursor, page after page, applying each page in
 * one transaction with the cursor after it (change-application.ts). One read at a time: asking
 * while one runs makes it read once more at the end, so a change committed meanwhile is not
 * missed. While online, it reads again every `pollMs`.
 */
export class FeedReader {
  private reading: Promise<void> | null = null;
  private again = false;
  private pollTimer: unknown = null;
  private stopped = false;
  lastPullAt: string | null = null;

  constructor(private readonly ctx: FeedReaderContext) {}

  /** Reads now (or once more after the read in progress). Never rejects. */
  read(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.reading) {
      this.again = true;
      return this.reading;
    }
    this.clearPoll();
    this.reading = (async () => {
      try {
        do {
          this.again = false;
          await this.readPages();
        } while (this.again && !this.stopped);
      } catch (err) {
        if (err instanceof PlatformError) {
          // Unreachable: the link status says so. Answered but wrong: worth a line in the log.
          if (err.answered) this.ctx.log(`reading the change feed failed: ${err.code} ${err.message}`);
        } else if (!(err instanceof RequestCancelled) && !this.stopped) {
          this.ctx.log(`reading the change feed failed: ${(err as Error)?.stack ?? String(err)}`);
        }
      } finally {
        this.reading = null;
        this.schedulePoll();
      }
    })();
    return this.reading;
  }

  /** The read in progress, if any (tests wait for it). */
  get inProgress(): Promise<void> | null {
    return this.reading;
  }

  schedulePoll(): void {
    if (this.stopped || this.pollTimer !== null || !this.ctx.online()) return;
    this.pollTimer = this.ctx.timers.setTimeout(() => {
      this.pollTimer = null;
      void this.read();
    }, this.ctx.pollMs);
  }

  stop(): Promise<void> {
    this.stopped = true;
    this.clearPoll();
    return this.reading ?? Promise.resolve();
  }

  private async readPages(): Promise<void> {
    for (;;) {
      const cursor = this.ctx.read((db) => syncState.get(db, 'feed_cursor'));
      if (cursor === undefined) return;
      const page = await this.ctx.client.changes(cursor, FEED_PAGE, this.ctx.signal);
      const touched = this.ctx.write((db) => applyChangesPage(db, page, this.ctx.clock(), this.ctx.log, this.ctx.keys));
      this.lastPullAt = this.ctx.clock().toISOString();
      if (touched.length > 0) this.ctx.changed(touched);
      if (page.changes.length < FEED_PAGE) break;
    }
    // The audit trail goes up on the same rhythm as the feed comes down.
    await uploadAuditRecords(this.ctx);
  }

  private clearPoll(): void {
    if (this.pollTimer !== null) this.ctx.timers.clearTimeout(this.pollTimer);
    this.pollTimer = null;
  }
}
