import type { BlobStore } from '../blobs/blob-store';
import type { PersonalDataKeys } from '../crypto/personal-data';
import type { Db } from '../store/database';
import { uploadBlob } from './blob-upload';
import { blobsOfBody } from './case-submission';
import { openBody, outboxWrites, type OutboxCommand } from './outbox-repository';
import { RequestCancelled, type PlatformClient } from './platform-client';
import { PlatformError } from './platform-error';
import type { UploadTracker } from './upload-tracker';

export interface DeliveryContext {
  client: PlatformClient;
  blobs: BlobStore;
  /** Opens the sealed body: the exact text enqueued, so every retry sends the same bytes. */
  keys: Pick<PersonalDataKeys, 'openText'>;
  chunkBytes: number;
  signal: AbortSignal;
  uploads: UploadTracker;
  /** A database write guarded by the engine (refused once it is stopping). */
  write<T>(fn: (db: Db) => T): T;
}

/**
 * Sends one outbox command and returns the platform's answer; throws a PlatformError (or a
 * LocalBlobError) when it cannot be delivered now. The command is done only when this resolves:
 * for a submission, that means every file the platform was missing has arrived complete.
 */
export function deliverCommand(cmd: OutboxCommand, ctx: DeliveryContext): Promise<unknown> {
  return cmd.kind === 'case.submit' ? deliverSubmission(cmd, ctx) : deliverWithdrawal(cmd, ctx);
}

/**
 * POST the stored body under the command's key (a replay after a lost answer returns the first
 * answer, with the same list of missing files), then upload those files one after the other.
 */
async function deliverSubmission(cmd: OutboxCommand, ctx: DeliveryContext): Promise<unknown> {
  const body = openBody(ctx.keys, cmd);
  const { answer } = await ctx.client.submitCase(cmd.idempotencyKey, body, ctx.signal);
  // With files to upload, the platform's case id is kept at once (uploads can take long).
  if (answer.missingBlobs.length > 0) ctx.write((db) => outboxWrites.recordAnswer(db, cmd.id, answer));
  const files = new Map(blobsOfBody(body).map((f) => [f.hash, f]));
  const missing = answer.missingBlobs.map((hash) => {
    const file = files.get(hash);
    if (!file) throw new PlatformError('permanent', 'UNEXPECTED_BLOB', `平台要求上传本业务未列出的文件 ${hash.slice(0, 12)}…`, { answered: true });
    return file;
  });
  for (const f of missing) ctx.uploads.expect(cmd.caseId, cmd.caseNumber, f.hash, f.fileName, f.size);
  for (const f of missing) {
    try {
      await uploadBlob(
        {
          client: ctx.client,
          blobs: ctx.blobs,
          chunkBytes: ctx.chunkBytes,
          signal: ctx.signal,
          progress: (sent, state) => ctx.uploads.update(cmd.caseId, f.hash, { sent, state }),
        },
        f.hash,
        f.size,
      );
    } catch (err) {
      if (!(err instanceof RequestCancelled) && !ctx.signal.aborted) ctx.uploads.update(cmd.caseId, f.hash, { state: 'failed' });
      throw err;
    }
  }
  return answer;
}

async function deliverWithdrawal(cmd: OutboxCommand, ctx: DeliveryContext): Promise<unknown> {
  if (!cmd.caseNumber) throw new PlatformError('permanent', 'NO_CASE_NUMBER', '该业务没有受理编号，无法向平台撤回', { answered: false });
  return ctx.client.withdrawCase(cmd.caseNumber, cmd.idempotencyKey, openBody(ctx.keys, cmd), ctx.signal);
}
