import type { BlobStore } from '../blobs/blob-store';
import { deliverECertificate } from '../certificates/e-certificate-delivery';
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
  switch (cmd.kind) {
    case 'case.submit':
      return deliverSubmission(cmd, ctx);
    case 'case.withdraw':
      return deliverWithdrawal(cmd, ctx);
    case 'review.decide':
      return deliverOfficeCommand(cmd, ctx, 'review-decisions');
    case 'case.supplement':
      return deliverSupplement(cmd, ctx);
    // 发证 (API.md "发证"): a refusal (already issued elsewhere, not printed) is a dead letter a supervisor sees.
    case 'case.issue':
      return deliverOfficeCommand(cmd, ctx, 'issuance');
    case 'case.issueShipped':
      return deliverOfficeCommand(cmd, ctx, 'issuance/shipped');
    case 'case.issueDelivered':
      return deliverOfficeCommand(cmd, ctx, 'issuance/delivered');
    // 缮证 (API.md "Certificates printed"): after it, the platform refuses 登簿退回.
    case 'certificate.printed':
      return deliverOfficeCommand(cmd, ctx, 'certificates/printed');
    case 'ecertificate.upload':
      return deliverECertificate(cmd, ctx);
  }
}

/**
 * A review decision made at this desk (queued, perhaps offline; the claim was granted online). A
 * refusal (the case moved on, the claim was taken away) is a dead letter a supervisor looks at.
 */
async function deliverOfficeCommand(cmd: OutboxCommand, ctx: DeliveryContext, tail: string): Promise<Record<string, unknown>> {
  if (!cmd.caseNumber) throw new PlatformError('permanent', 'NO_CASE_NUMBER', '该业务没有受理编号，无法发送审核决定', { answered: false });
  const { status, body } = await ctx.client.officeCommand(`/cases/${encodeURIComponent(cmd.caseNumber)}/${tail}`, cmd.idempotencyKey, openBody(ctx.keys, cmd), ctx.signal);
  if (status >= 200 && status < 300) return body;
  const error = (body.error ?? {}) as { code?: string; message?: string };
  throw new PlatformError('permanent', String(status), `平台拒绝：${error.message ?? `HTTP ${status}`}（${error.code ?? status}）`, { answered: true, platformCode: error.code ?? null });
}

/** The counter received a 补正: the command, then the files the platform is missing. */
async function deliverSupplement(cmd: OutboxCommand, ctx: DeliveryContext): Promise<unknown> {
  const answer = await deliverOfficeCommand(cmd, ctx, 'supplements');
  const body = JSON.parse(openBody(ctx.keys, cmd)) as { materials: Array<{ name: string; sm3: string; size: number }> };
  const missing = Array.isArray(answer.missingBlobs) ? (answer.missingBlobs as string[]) : [];
  for (const hash of missing) {
    const file = body.materials.find((m) => m.sm3 === hash);
    if (!file) throw new PlatformError('permanent', 'UNEXPECTED_BLOB', `平台要求上传补正未列出的文件 ${hash.slice(0, 12)}…`, { answered: true });
    await uploadBlob({ client: ctx.client, blobs: ctx.blobs, chunkBytes: ctx.chunkBytes, signal: ctx.signal, progress: () => undefined }, hash, file.size);
  }
  return answer;
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
