import type { PlatformConfig } from '../../contract';
import type { BlobStore } from '../blobs/blob-store';
import type { PersonalDataKeys } from '../crypto/personal-data';
import type { EventHub } from '../events';
import type { Db } from '../store/database';
import { backoffMs } from './backoff';
import { ChangeBatcher } from './change-batcher';
import { deliverCommand } from './command-delivery';
import { judgeFailure, recordDeadLetter } from './delivery-failure';
import { realTimers, type EngineTimers } from './engine-timers';
import { FeedReader } from './feed-reader';
import { outboxReads, outboxWrites, type OutboxCommand } from './outbox-repository';
import type { UnitAnswer } from './platform-answers';
import { PlatformClient, RequestCancelled, type RequestOutcome } from './platform-client';
import type { PlatformConnection } from './platform-connection';
import { PlatformError } from './platform-error';
import { PlatformLink, type LinkState } from './platform-link';
import { writeReplayable } from './replayable-write';
import { syncState } from './sync-state';
import { UploadTracker, type UploadProgress } from './upload-tracker';

/** What tests (and only tests) change about the engine's behaviour in time. */
export interface SyncEngineHooks {
  /** For the back-off jitter; Math.random by default. */
  random?: () => number;
  timers?: EngineTimers;
  /** How often an offline or degraded link is probed with GET /health (ms, default 2000). */
  probeMs?: number;
}

export interface SyncEngineOptions extends SyncEngineHooks {
  /** The open database (services.db: throws while the database is in recovery). */
  db: () => Db;
  blobs: BlobStore;
  /** Opens the sealed outbox bodies (personal data at rest). */
  keys: PersonalDataKeys;
  connection: PlatformConnection;
  config: PlatformConfig;
  /** Record timestamps (sent_at, received_at, audit); scheduling uses `timers`. */
  clock: () => Date;
  events: EventHub;
  log: (message: string) => void;
}

class EngineStopped extends Error {}

/**
 * Delivers the outbox to the provincial platform and pulls its decisions back.
 *
 * Commands: up to `concurrency` cases at a time; within a case strictly in order (only the oldest
 * command still pending or dead is eligible, so a dead letter holds back the commands after it).
 * A transient or TLS failure reschedules the command with full-jitter back-off; a refusal makes
 * it a dead letter with an audit record. Every database change is one synchronous transaction
 * between two awaits, so stopping — or the process dying — at any await leaves a consistent
 * state, and the next start simply continues (the same idempotency key makes a resent command
 * harmless, the platform's offsets make a resent file resume).
 *
 * Link: online after any answer, offline (with the reason) after a request that got none; while
 * offline /health is probed every `probeMs`. Back online, every pending command is tried at once
 * and the feed is read.
 *
 * Degraded: the platform answers but a command failed as in an outage (5xx, 429, 408, a timeout):
 * the link still counts as online, so /health is probed every `probeMs` too. On the first healthy
 * answer a few waiting commands (one per parallel slot) are released at once; when one of them is
 * delivered, every waiting command is. A platform that answers /health but still fails commands
 * thus gets a handful of retries per probe, not the whole queue.
 *
 * Feed: while online, every `pollSeconds` and right after a delivery; each change is applied in
 * one transaction with the cursor.
 */
export class SyncEngine {
  readonly url: string;
  private readonly client: PlatformClient;
  private readonly link: PlatformLink;
  private readonly tracker: UploadTracker;
  private readonly batcher: ChangeBatcher;
  private readonly feed: FeedReader;
  private readonly timers: EngineTimers;
  private readonly random: () => number;
  private readonly probeMs: number;
  private readonly abort = new AbortController();
  private readonly inFlight = new Map<number, Promise<void>>();
  private started = false;
  private stopped = false;
  private wakeTimer: unknown = null;
  private probeTimer: unknown = null;
  private probing: Promise<void> | null = null;
  /** A command failed as in an outage while the link answered: probe until /health is healthy. */
  private degraded = false;
  /** Canaries were released after a healthy probe: the first delivery releases every waiting command. */
  private releaseAllOnDelivery = false;
  private sent = 0;
  private dbUnavailableLogged = false;

  constructor(private readonly options: SyncEngineOptions) {
    this.timers = options.timers ?? realTimers;
    this.random = options.random ?? Math.random;
    this.probeMs = options.probeMs ?? 2000;
    this.url = options.connection.url;
    this.client = new PlatformClient(options.connection, {
      timeoutMs: options.config.timeoutMs,
      maxSockets: options.config.concurrency + 2,
      onOutcome: (o) => this.outcome(o),
    });
    this.batcher = new ChangeBatcher((caseIds) => options.events.broadcast('sync.changed', { caseIds }), this.timers);
    this.tracker = new UploadTracker((caseId) => this.batcher.changed([caseId]));
    this.link = new PlatformLink(hostOf(this.url), options.clock, {
      changed: () => options.events.broadcast('status.changed', {}),
      online: () => this.backOnline(),
      offline: () => this.persistLastContact(),
    });
    this.feed = new FeedReader({
      client: this.client,
      signal: this.abort.signal,
      timers: this.timers,
      pollMs: options.config.pollSeconds * 1000,
      clock: options.clock,
      log: options.log,
      online: () => this.link.state === 'online',
      read: (fn) => this.read(fn),
      write: (fn) => this.write(fn),
      keys: options.keys as PersonalDataKeys,
      changed: (caseIds) => this.batcher.changed(caseIds),
    });
  }

  /** Begins work: every pending command is due (a restart is a fresh attempt), the link is probed. */
  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    this.link.restore(this.read((db) => syncState.get(db, 'last_contact_at')) ?? null);
    this.feed.lastPullAt = this.read((db) => syncState.get(db, 'last_pull_at')) ?? null;
    this.tryWrite((db) => outboxWrites.makeAllDue(db));
    this.pump();
    void this.probe();
  }

  /**
   * Stops at once: no new work, requests in flight aborted, timers cleared, no database write after
   * this call returns. The promise settles when the aborted work has unwound.
   */
  stop(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.stopped = true;
    this.abort.abort();
    for (const t of [this.wakeTimer, this.probeTimer]) if (t !== null) this.timers.clearTimeout(t);
    this.wakeTimer = this.probeTimer = null;
    this.batcher.close();
    const work = [...this.inFlight.values(), this.feed.stop(), this.probing];
    this.client.close();
    return Promise.allSettled(work).then(() => undefined);
  }

  /** A command was written: look for work now. */
  notify(): void {
    this.pump();
  }

  /** sync.now: every pending command due now, the link probed (offline) or the feed read (online). */
  kick(): void {
    if (this.stopped) return;
    this.tryWrite((db) => outboxWrites.makeAllDue(db));
    this.pump();
    if (this.link.state === 'offline') void this.probe();
    else void this.feed.read();
  }

  /**
   * For tests: resolves when no command is in flight and none is due — everything delivered, dead,
   * or waiting out a back-off. Retries that come due while draining are made.
   */
  async drain(): Promise<void> {
    for (;;) {
      if (this.stopped || !this.started) return;
      this.pump();
      const running = [...this.inFlight.values()];
      if (running.length === 0) return;
      await Promise.race(running);
    }
  }

  /** For tests: drain, then wait for a feed read in progress (or start one when online). */
  async idle(): Promise<void> {
    await this.drain();
    await this.feed.inProgress;
  }

  /** Reads the change feed now (online or not: an unreachable platform just fails the read). */
  pullNow(): Promise<void> {
    return this.feed.read();
  }

  /** For tests and diagnostics: how many cases have a command in flight now. */
  get casesInFlight(): number {
    return this.inFlight.size;
  }

  linkStatus(): { state: LinkState; detail: string } {
    return { state: this.link.state, detail: this.link.detail };
  }

  info(): { url: string; lastContactAt: string | null; lastPullAt: string | null; sentSinceStart: number } {
    return { url: this.url, lastContactAt: this.link.lastContactAt, lastPullAt: this.feed.lastPullAt, sentSinceStart: this.sent };
  }

  uploads(): UploadProgress[] {
    return this.tracker.list();
  }

  /** A case's commands were cancelled: its uploads are no longer shown. */
  forgetCase(caseId: number): void {
    this.tracker.forgetCase(caseId);
    this.batcher.changed([caseId]);
  }

  /**
   * The register's answer for a unit, or 'unreachable' when the platform cannot answer now
   * (offline, failing, malformed): the caller falls back to the cache. Offline, no request is
   * made — the clerk should not wait a timeout for an answer the link status already predicts.
   */
  async lookupUnit(unitCode: string): Promise<{ answer: UnitAnswer | null } | 'unreachable'> {
    if (this.stopped || this.link.state !== 'online') return 'unreachable';
    try {
      return { answer: await this.client.unit(unitCode, this.abort.signal) };
    } catch (err) {
      if (!(err instanceof PlatformError)) this.options.log(`unit look-up failed: ${(err as Error).stack ?? String(err)}`);
      return 'unreachable';
    }
  }

  /**
   * An office review command sent now (claims, 登簿): 'offline' without a request when the link is
   * down (the desk says so at once), or when the request gets no answer; else the platform's answer.
   * The feed is read right after, so the office cache shows the new stage or claim.
   */
  async officeCommand(path: string, key: string, body: string): Promise<{ status: number; body: Record<string, unknown> } | 'offline'> {
    if (this.stopped || this.link.state !== 'online') return 'offline';
    try {
      const answer = await this.client.officeCommand(path, key, body, this.abort.signal);
      void this.feed.read();
      return answer;
    } catch (err) {
      if (err instanceof PlatformError || err instanceof RequestCancelled) return 'offline';
      throw err;
    }
  }

  /** The grown register record of a unit (review workspace, 登簿 basis), or 'unreachable'. */
  async registerRecord(unitCode: string): Promise<{ record: unknown | null } | 'unreachable'> {
    if (this.stopped || this.link.state !== 'online') return 'unreachable';
    try {
      return { record: await this.client.registerRecord(unitCode, this.abort.signal) };
    } catch (err) {
      if (!(err instanceof PlatformError) && !(err instanceof RequestCancelled)) this.options.log(`register look-up failed: ${(err as Error).stack ?? String(err)}`);
      return 'unreachable';
    }
  }

  /** A material's bytes from the platform (not yet verified), null when it does not hold them, or 'unreachable'. */
  async fetchFile(sm3: string): Promise<{ file: { bytes: Buffer; mediaType: string } | null } | 'unreachable'> {
    if (this.stopped || this.link.state !== 'online') return 'unreachable';
    try {
      return { file: await this.client.file(sm3, this.abort.signal) };
    } catch (err) {
      if (!(err instanceof PlatformError) && !(err instanceof RequestCancelled)) this.options.log(`file download failed: ${(err as Error).stack ?? String(err)}`);
      return 'unreachable';
    }
  }

  // ---- commands --------------------------------------------------------------------------

  private pump(): void {
    if (this.stopped || !this.started) return;
    const free = this.options.config.concurrency - this.inFlight.size;
    const heads = free > 0 ? (this.read((db) => outboxReads.dueHeads(db, this.nowIso(), [...this.inFlight.keys()], free)) ?? []) : [];
    for (const cmd of heads) {
      const run = this.run(cmd).finally(() => {
        this.inFlight.delete(cmd.caseId);
        this.pump();
      });
      this.inFlight.set(cmd.caseId, run);
    }
    this.scheduleWake();
  }

  /** Sleeps until the earliest back-off ends (at most a minute, in case the wall clock jumps). */
  private scheduleWake(): void {
    if (this.wakeTimer !== null) this.timers.clearTimeout(this.wakeTimer);
    this.wakeTimer = null;
    if (this.stopped || this.inFlight.size >= this.options.config.concurrency) return;
    const next = this.read((db) => outboxReads.nextAttemptAfter(db, this.nowIso()));
    if (!next) return;
    const delay = Math.min(60_000, Math.max(0, Date.parse(next) - this.timers.now()));
    this.wakeTimer = this.timers.setTimeout(() => {
      this.wakeTimer = null;
      this.pump();
    }, delay);
  }

  private async run(cmd: OutboxCommand): Promise<void> {
    try {
      const answer = await deliverCommand(cmd, {
        client: this.client,
        blobs: this.options.blobs,
        keys: this.options.keys,
        chunkBytes: this.options.config.chunkBytes,
        signal: this.abort.signal,
        uploads: this.tracker,
        write: (fn) => this.write(fn),
      });
      this.write((db) => outboxWrites.markDone(db, cmd.id, answer, this.options.clock()));
      this.sent += 1;
      if (this.releaseAllOnDelivery) {
        // The platform delivers again: what waited out a back-off because of the outage goes now.
        this.releaseAllOnDelivery = false;
        this.tryWrite((db) => outboxWrites.makeAllDue(db));
      }
      this.batcher.changed([cmd.caseId]);
      // What the platform did with it (the official number first of all) is in the feed now.
      void this.feed.read();
    } catch (err) {
      if (this.stopped || err instanceof RequestCancelled || err instanceof EngineStopped) return;
      try {
        this.failed(cmd, err);
      } catch (inner) {
        if (!(inner instanceof EngineStopped)) this.options.log(`outbox ${cmd.id}: recording the failure failed: ${(inner as Error).stack ?? String(inner)}`);
      }
    }
  }

  /** Transient and TLS failures wait a back-off; refusals and damaged local files become dead letters. */
  private failed(cmd: OutboxCommand, err: unknown): void {
    const { config, clock, log } = this.options;
    const verdict = judgeFailure(err);
    if (verdict.unexpected) log(`outbox ${cmd.id} (${cmd.kind}) failed: ${(err as Error)?.stack ?? String(err)}`);
    if (verdict.dead) {
      if (this.writeDurably((db) => recordDeadLetter(db, cmd, verdict, clock()))) log(`outbox ${cmd.id} (${cmd.kind}) is a dead letter: ${verdict.code}`);
    } else {
      const jitter = backoffMs(cmd.attempts, config.retryBaseMs, config.retryMaxMs, this.random);
      const delay = Math.min(config.retryMaxMs, Math.max(jitter, verdict.retryAfterMs));
      const nextAttemptAt = new Date(this.timers.now() + delay).toISOString();
      this.write((db) => outboxWrites.markRetry(db, cmd.id, { nextAttemptAt, error: verdict.message, code: verdict.code }));
      if (isOutage(err)) {
        this.degraded = true;
        this.scheduleProbe();
      }
    }
    this.batcher.changed([cmd.caseId]);
  }

  // ---- link ------------------------------------------------------------------------------

  private outcome(o: RequestOutcome): void {
    if (this.stopped) return;
    if (o.answered) this.link.answered();
    else {
      this.link.unreachable(o.error);
      this.scheduleProbe();
    }
  }

  private backOnline(): void {
    if (this.stopped) return;
    if (this.probeTimer !== null) this.timers.clearTimeout(this.probeTimer);
    this.probeTimer = null;
    this.persistLastContact();
    // The platform is back: what waited out a back-off because of the outage goes now.
    this.tryWrite((db) => outboxWrites.makeAllDue(db));
    this.pump();
    void this.feed.read();
  }

  /** Offline, or online but failing commands as in an outage. */
  private needsProbe(): boolean {
    return this.link.state === 'offline' || this.degraded;
  }

  private scheduleProbe(): void {
    if (this.stopped || this.probeTimer !== null || !this.needsProbe()) return;
    this.probeTimer = this.timers.setTimeout(() => {
      this.probeTimer = null;
      void this.probe();
    }, this.probeMs);
  }

  private probe(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.probing ??= this.client
      .health(this.abort.signal)
      .then(
        () => this.healthy(),
        () => {
          // The outcome listener has already updated the link; a malformed health answer still proves it is up.
        },
      )
      .finally(() => {
        this.probing = null;
        if (this.needsProbe()) this.scheduleProbe();
      });
    return this.probing;
  }

  /** /health answered 200: after an outage, release one waiting command per parallel slot at once. */
  private healthy(): void {
    if (this.stopped || !this.degraded) return;
    this.degraded = false;
    this.releaseAllOnDelivery = true;
    this.tryWrite((db) => outboxWrites.makeEarliestDue(db, this.options.config.concurrency));
    this.pump();
  }

  private persistLastContact(): void {
    const at = this.link.lastContactAt;
    if (at) this.tryWrite((db) => syncState.set(db, 'last_contact_at', at));
  }

  // ---- database access -------------------------------------------------------------------

  /** A read, or undefined while the database is unavailable (recovery mode, closing). */
  private read<T>(fn: (db: Db) => T): T | undefined {
    if (this.stopped) return undefined;
    let db: Db;
    try {
      db = this.options.db();
    } catch {
      this.logDbUnavailable();
      return undefined;
    }
    return fn(db);
  }

  /**
   * A write of what the platform can give back (see replayable-write.ts: committed without an
   * fsync); throws EngineStopped once stop() was called, so nothing is written after it.
   */
  private write<T>(fn: (db: Db) => T): T {
    if (this.stopped) throw new EngineStopped();
    return writeReplayable(this.options.db(), fn);
  }

  /** A write that must survive a power cut at once (a dead letter and its audit record). */
  private writeDurably<T>(fn: (db: Db) => T): T {
    if (this.stopped) throw new EngineStopped();
    return fn(this.options.db());
  }

  private tryWrite(fn: (db: Db) => void): void {
    try {
      this.write(fn);
    } catch (err) {
      if (!(err instanceof EngineStopped)) this.logDbUnavailable();
    }
  }

  private logDbUnavailable(): void {
    if (this.dbUnavailableLogged) return;
    this.dbUnavailableLogged = true;
    this.options.log('sync engine: database unavailable (recovery mode?), sync paused');
  }

  private nowIso(): string {
    return new Date(this.timers.now()).toISOString();
  }
}

/** A failure that says the platform (or the way to it) is down or overloaded, not that this command is wrong. */
function isOutage(err: unknown): boolean {
  if (!(err instanceof PlatformError) || err.kind !== 'transient') return false;
  return !err.answered || err.code === '408' || err.code === '429' || /^5\d\d$/.test(err.code);
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
