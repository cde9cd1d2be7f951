import { uploadBlob } from '../sync/blob-upload';
import type { DeliveryContext } from '../sync/command-delivery';
import { openBody, type OutboxCommand } from '../sync/outbox-repository';
import { PlatformError } from '../sync/platform-error';
import type { Db } from '../store/database';
import { eCertificates, type ECertificateState } from './e-certificate-repository';
import type { ECertificateUploadBody } from './e-certificate-upload';

/**
 * `ecertificate.upload`: POST /api/v1/e-certificates under the command's key, then the files the
 * platform is missing (the resumable blob upload cases use), then the platform's state on the row.
 * A number the platform refuses because a 登簿退回 voided it while the upload waited is done, not a
 * dead letter: the e-certificate is 注销 here too.
 */
export async function deliverECertificate(cmd: OutboxCommand, ctx: DeliveryContext): Promise<Record<string, unknown>> {
  const text = openBody(ctx.keys, cmd);
  const body = JSON.parse(text) as ECertificateUploadBody;
  const { status, body: answer } = await ctx.client.officeCommand('/e-certificates', cmd.idempotencyKey, text, ctx.signal);
  const error = (answer.error ?? {}) as { code?: string; message?: string };
  if (status === 409 && error.code === 'ECERTIFICATE_NUMBER_INVALID') {
    const voided = ctx.write((db) => {
      const row = eCertificates.byIdentifier(db, body.identifier);
      return row?.state === '注销';
    });
    if (voided) return answer;
  }
  if (status < 200 || status >= 300) {
    throw new PlatformError('permanent', String(status), `平台拒收电子证照：${error.message ?? `HTTP ${status}`}（${error.code ?? status}）`, { answered: true, platformCode: error.code ?? null });
  }
  const missing = Array.isArray(answer.missingBlobs) ? (answer.missingBlobs as string[]) : [];
  for (const hash of missing) {
    const file = [body.ofd, body.pdf].find((f) => f.sm3 === hash);
    if (!file) throw new PlatformError('permanent', 'UNEXPECTED_BLOB', `平台要求上传电子证照未列出的文件 ${hash.slice(0, 12)}…`, { answered: true });
    await uploadBlob({ client: ctx.client, blobs: ctx.blobs, chunkBytes: ctx.chunkBytes, signal: ctx.signal, progress: () => undefined }, hash, file.size);
  }
  const state = answer.state === '现势' || answer.state === '注销' ? (answer.state as ECertificateState) : null;
  if (state) ctx.write((db) => eCertificates.setState(db, body.identifier, state, new Date().toISOString()));
  return answer;
}

/** Feed kind `ecertificate.state` (API.md "E-certificates"): the platform's state of one of this office's e-certificates. */
export function applyECertificateState(db: Db, data: Record<string, unknown>, log: (m: string) => void): void {
  const identifier = typeof data.identifier === 'string' ? data.identifier : null;
  const state = data.state === '现势' || data.state === '注销' ? data.state : null;
  const at = typeof data.at === 'string' ? data.at : null;
  if (!identifier || !state || !at) {
    log(`ecertificate.state ignored: malformed data`);
    return;
  }
  eCertificates.setState(db, identifier, state, at);
}
