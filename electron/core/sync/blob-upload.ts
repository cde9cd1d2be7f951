import type { BlobStore } from '../blobs/blob-store';
import type { PlatformClient } from './platform-client';
import { LocalBlobError, malformedAnswer, PlatformError } from './platform-error';

export interface BlobUploadContext {
  client: PlatformClient;
  blobs: BlobStore;
  chunkBytes: number;
  signal: AbortSignal;
  /** Bytes the platform holds so far (and the state when it changes). */
  progress(sent: number, state?: 'uploading' | 'done'): void;
}

/** HEAD round trips one attempt may take (offset conflicts with a parallel upload of the same file) before backing off. */
const MAX_ROUNDS = 20;

/**
 * Uploads one file the platform said it is missing (API.md "the missing-blob protocol"): ask the
 * platform how much it holds (HEAD), send the rest in chunks from there (PATCH with the offset),
 * and when an offset conflicts (another upload of the same file, a chunk whose answer was lost)
 * ask again. A cut connection loses nothing: the next attempt starts from the platform's offset.
 * The local file is checked against its SM3 name before sending, and again when the platform
 * says the whole file does not match: a file damaged on this disk is a dead letter, not a retry.
 */
export async function uploadBlob(ctx: BlobUploadContext, hash: string, size: number): Promise<void> {
  let bytes = readVerified(ctx.blobs, hash, size);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const state = await ctx.client.blobState(hash, ctx.signal);
    if (state.complete) return ctx.progress(size, 'done');
    if (state.offset > size) throw malformedAnswer('文件状态', `平台持有 ${state.offset} 字节，超过文件大小 ${size}`);
    let offset = state.offset;
    ctx.progress(offset, 'uploading');
    while (offset < size) {
      const from = offset;
      const chunk = bytes.subarray(from, Math.min(size, from + ctx.chunkBytes));
      const outcome = await ctx.client.sendChunk(hash, from, chunk, ctx.signal, (sent) => ctx.progress(from + sent));
      if (outcome.kind === 'offsetMismatch') break;
      if (outcome.kind === 'hashMismatch') {
        // The platform discarded what it had. Our file is checked again: if it changed on disk, no retry can help.
        bytes = readVerified(ctx.blobs, hash, size);
        throw new PlatformError('transient', 'HASH_MISMATCH', `平台校验文件 ${hash.slice(0, 12)}… 的 SM3 不一致，已丢弃：稍后自动重新上传`, { answered: true });
      }
      if (outcome.offset <= from && !outcome.complete) throw malformedAnswer('文件上传', `偏移量没有前进（${outcome.offset}）`);
      offset = outcome.offset;
      ctx.progress(offset);
      if (outcome.complete) return ctx.progress(size, 'done');
    }
    // Everything sent but not confirmed complete, or the offset moved under us: ask again.
  }
  throw new PlatformError('transient', 'UPLOAD_STALLED', `文件 ${hash.slice(0, 12)}… 多次未能与平台的上传进度对齐：稍后自动重试`, { answered: true });
}

/** The file's bytes, checked against its SM3 name and the size the case declared. */
function readVerified(blobs: BlobStore, hash: string, size: number): Buffer {
  let bytes: Uint8Array;
  try {
    bytes = blobs.get(hash);
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
    throw new LocalBlobError(hash, `本机文件已损坏：${hash.slice(0, 12)}…${missing ? '文件缺失' : '内容与 SM3 校验值不符'}，请重新扫描该材料后联系信息技术人员`);
  }
  if (bytes.length !== size) throw new LocalBlobError(hash, `本机文件已损坏：${hash.slice(0, 12)}…大小与记录不符`);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
