import { AppError } from '../../contract';
import type { OutboxEntry } from '../../contract/methods/sync';
import type { Handler } from '../handler';
import { audit, type CallContext } from '../services';
import { outboxReads, outboxWrites, type OutboxCommand } from './outbox-repository';
import { platformStatus } from './platform-status';
import { lookupPlatformUnit } from './unit-lookup';

const status: Handler<'sync.status'> = (ctx) => {
  const engine = ctx.services.sync;
  const info = engine?.info();
  return {
    platform: platformStatus(ctx.services),
    url: info?.url ?? null,
    lastContactAt: info?.lastContactAt ?? null,
    lastPullAt: info?.lastPullAt ?? null,
    sentSinceStart: info?.sentSinceStart ?? 0,
    uploads: engine?.uploads() ?? [],
  };
};

const queue: Handler<'sync.queue'> = (ctx, input) => {
  const { total, rows } = outboxReads.list(ctx.services.db(), input.state, input.limit, input.offset);
  return { total, rows: rows.map(toEntry) };
};

const now: Handler<'sync.now'> = (ctx) => {
  ctx.services.sync?.kick();
  return { ok: true as const };
};

/** A dead letter goes back in the queue as it was: same key, same bytes (the platform may have executed it). */
const resend: Handler<'sync.resend'> = (ctx, input) => {
  const db = ctx.services.db();
  const before = deadLetter(ctx, input.id);
  db.transaction(() => {
    outboxWrites.resend(db, before.id);
    audit(ctx, { action: 'sync.resend', object: `case:${before.caseId}`, result: 'success', detail: { outboxId: before.id, kind: before.kind, lastErrorCode: before.lastErrorCode } });
  })();
  ctx.services.sync?.notify();
  ctx.services.events.broadcast('sync.changed', { caseIds: [before.caseId] });
  return toEntry(outboxReads.byId(db, before.id) as OutboxCommand);
};

/** Gives a dead letter up (and the case's later commands with it); the reason is audited. */
const cancel: Handler<'sync.cancel'> = (ctx, input) => {
  const db = ctx.services.db();
  const before = deadLetter(ctx, input.id);
  db.transaction(() => {
    const cancelled = outboxWrites.cancel(db, before.id);
    audit(ctx, { action: 'sync.cancel', object: `case:${before.caseId}`, result: 'success', detail: { outboxId: before.id, kind: before.kind, reason: input.reason, cancelled } });
  })();
  ctx.services.sync?.forgetCase(before.caseId);
  ctx.services.events.broadcast('sync.changed', { caseIds: [before.caseId] });
  return toEntry(outboxReads.byId(db, before.id) as OutboxCommand);
};

function deadLetter(ctx: CallContext, id: number): OutboxCommand {
  const cmd = outboxReads.byId(ctx.services.db(), id);
  if (!cmd) throw new AppError('OUTBOX_NOT_FOUND');
  if (cmd.state !== 'dead') throw new AppError('OUTBOX_STATE_CONFLICT', undefined, { state: cmd.state });
  return cmd;
}

function toEntry(c: OutboxCommand): OutboxEntry {
  return {
    id: c.id,
    caseId: c.caseId,
    caseNumber: c.caseNumber,
    kind: c.kind,
    state: c.state,
    attempts: c.attempts,
    createdAt: c.createdAt,
    nextAttemptAt: c.nextAttemptAt,
    sentAt: c.sentAt,
    lastError: c.lastError,
    lastErrorCode: c.lastErrorCode,
  };
}

export const syncHandlers = {
  'sync.status': status,
  'sync.queue': queue,
  'sync.now': now,
  'sync.resend': resend,
  'sync.cancel': cancel,
  'sync.platformUnit': lookupPlatformUnit,
};
