import type { BlobReader, BlobStore } from '../blobs/blob-store';
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
/** The local file is opened this much at a time, with a turn of the event loop in between. */
const PIECE_BYTES = 256 * 1024;

/**
 * Uploads one file the platform said it is missing (API.md "the missing-blob protocol"): ask the
 * platform how much it holds (HEAD), send the rest in chunks from there (PATCH with the offset),
 * and when an offset conflicts (another upload of the same file, a chunk whose answer was lost)
 * ask again. A cut connection loses nothing: the next attempt starts from the platform's offset.
 *
 * The sealed local file is streamed: opened (SM4-GCM) and hashed (SM3) piece by piece, the next
 * chunk while the previous one is on the wire, so the link is busy from the first chunk on. The
 * last chunk goes only after the whole file has passed its tag and its SM3 name: a file damaged on
 * this disk never reaches the platform complete, and is a dead letter rather than a retry. The
 * same check runs again when the platform says the whole file does not match.
 */
export async function uploadBlob(ctx: BlobUploadContext, hash: string, size: number): Promise<void> {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const state = await ctx.client.blobState(hash, ctx.signal);
    if (state.complete) return ctx.progress(size, 'done');
    if (state.offset > size) throw malformedAnswer('文件状态', `平台持有 ${state.offset} 字节，超过文件大小 ${size}`);
    const source = new ChunkSource(ctx.blobs, hash, size, ctx.chunkBytes);
    try {
      await source.skipTo(state.offset);
      let offset = state.offset;
      ctx.progress(offset, 'uploading');
      let next: Promise<Buffer> | null = offset < size ? source.next() : null;
      while (next) {
        const from = offset;
        const chunk = await next;
        const sending = ctx.client.sendChunk(hash, from, chunk, ctx.signal, (sent) => ctx.progress(from + sent));
        // Open the next chunk while this one travels (it is dropped if this one does not go through).
        next = from + chunk.length < size ? source.next() : null;
        next?.catch(() => undefined);
        const outcome = await sending;
        if (outcome.kind === 'offsetMismatch') break;
        if (outcome.kind === 'hashMismatch') {
          // The platform discarded what it had. Our file is checked again: if it changed on disk, no retry can help.
          await verifyWhole(ctx.blobs, hash, size);
          throw new PlatformError('transient', 'HASH_MISMATCH', `平台校验文件 ${hash.slice(0, 12)}… 的 SM3 不一致，已丢弃：稍后自动重新上传`, { answered: true });
        }
        if (outcome.offset <= from && !outcome.complete) throw malformedAnswer('文件上传', `偏移量没有前进（${outcome.offset}）`);
        if (outcome.complete) return ctx.progress(size, 'done');
        ctx.progress(outcome.offset);
        // The platform holds other than what we sent (a parallel upload of the same file): ask again.
        if (outcome.offset !== from + chunk.length) break;
        offset = outcome.offset;
      }
    } finally {
      source.close();
    }
    // Everything sent but not confirmed complete, or the offset moved under us: ask again.
  }
  throw new PlatformError('transient', 'UPLOAD_STALLED', `文件 ${hash.slice(0, 12)}… 多次未能与平台的上传进度对齐：稍后自动重试`, { answered: true });
}

/** The file's chunks in order, each opened piece by piece; the last one only once the whole file is verified. */
class ChunkSource {
  private readonly reader: BlobReader;
  private closed = false;

  constructor(
    private readonly blobs: BlobStore,
    private readonly hash: string,
    private readonly size: number,
    private readonly chunkBytes: number,
  ) {
    this.reader = local(hash, () => blobs.reader(hash));
    if (this.reader.size !== size) {
      this.reader.close();
      throw new LocalBlobError(hash, `本机文件已损坏：${hash.slice(0, 12)}…大小与记录不符`);
    }
  }

  /** Reads (and checks) up to `offset` without keeping the bytes: the platform holds them. */
  async skipTo(offset: number): Promise<void> {
    while (!this.closed && this.reader.position < offset) await this.piece(offset - this.reader.position);
    if (this.reader.position === this.size) this.verify();
  }

  async next(): Promise<Buffer> {
    const want = Math.min(this.chunkBytes, this.size - this.reader.position);
    const pieces: Buffer[] = [];
    let got = 0;
    while (got < want) {
      const piece = await this.piece(want - got);
      if (piece.length === 0) break;
      pieces.push(piece);
      got += piece.length;
    }
    if (this.reader.position === this.size) this.verify();
    return pieces.length === 1 ? pieces[0]! : Buffer.concat(pieces, got);
  }

  close(): void {
    this.closed = true;
    this.reader.close();
  }

  private async piece(max: number): Promise<Buffer> {
    // A turn of the event loop first: the chunk in flight keeps its socket fed.
    await new Promise((r) => setImmediate(r));
    if (this.closed) throw new Error('upload source closed');
    return local(this.hash, () => this.reader.read(Math.min(max, PIECE_BYTES)));
  }

  private verify(): void {
    local(this.hash, () => this.reader.verify());
  }
}

/** The whole file checked against its tag and SM3 name (nothing kept). */
async function verifyWhole(blobs: BlobStore, hash: string, size: number): Promise<void> {
  const source = new ChunkSource(blobs, hash, size, size);
  try {
    await source.skipTo(size);
  } finally {
    source.close();
  }
}

/** A failure to read or verify the local file is a damaged file: a dead letter with a message for the clerk. */
function local<T>(hash: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
    throw new LocalBlobError(hash, `本机文件已损坏：${hash.slice(0, 12)}…${missing ? '文件缺失' : '内容与 SM3 校验值不符'}，请重新扫描该材料后联系信息技术人员`);
  }
}
