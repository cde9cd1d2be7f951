import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db } from './database';
import { sm3OfFile } from './file-sm3';
import { PlatformError } from './http-io';

/**
 * The missing-blob protocol's files (API.md "Files"). A file is expected once a submitted case lists
 * it; its bytes go to `blobs/<hash>.part` as they arrive and the durable offset is written to the
 * database only after an fsync, so a cut connection keeps exactly what reached the disk. When the
 * last byte arrives the SM3 of the whole file decides: complete (renamed to `blobs/<hash>`) or
 * discarded (offset back to 0).
 */
export interface BlobState {
  hash: string;
  size: number;
  mediaType: string;
  offset: number;
  complete: boolean;
}

export interface PatchResult {
  offset: number;
  complete: boolean;
}

interface BlobRow {
  hash: string;
  size: number;
  media_type: string;
  offset: number;
  complete: number;
}

export class BlobStore {
  readonly dir: string;
  /** Uploads being written now: a second PATCH of the same file waits its turn (409, then HEAD). */
  /** Uploads being received, by hash: a HEAD waits for one to settle, so it reports what reached the disk. */
  private readonly writing = new Map<string, Promise<unknown>>();

  constructor(
    private readonly db: Db,
    dataDir: string,
    private readonly now: () => Date,
  ) {
    this.dir = join(dataDir, 'blobs');
    mkdirSync(this.dir, { recursive: true });
  }

  /**
   * Records that a case lists this file (inside the submission's transaction). A hash names its
   * bytes, so the same hash declared with another size is a client error.
   */
  expect(hash: string, size: number, mediaType: string, field: string): void {
    const existing = this.get(hash);
    if (!existing) {
      this.db.prepare('INSERT INTO blobs (hash, size, media_type) VALUES (?, ?, ?)').run(hash, size, mediaType);
    } else if (existing.size !== size) {
      throw new PlatformError(400, 'BAD_REQUEST', `${field}：该文件此前已按 ${existing.size} 字节登记，本次为 ${size} 字节。`);
    }
  }

  get(hash: string): BlobState | null {
    const row = this.db.prepare('SELECT hash, size, media_type, offset, complete FROM blobs WHERE hash = ?').get(hash) as BlobRow | undefined;
    return row ? { hash: row.hash, size: row.size, mediaType: row.media_type, offset: row.offset, complete: row.complete === 1 } : null;
  }

  /**
   * The state once any upload of this hash still being received has settled: a client that saw its
   * connection cut asks at once, and must learn the bytes that were persisted, not a stale offset.
   */
  async settled(hash: string): Promise<BlobState | null> {
    await this.writing.get(hash)?.catch(() => undefined);
    const blob = this.get(hash);
    // All bytes held but never verified (the platform stopped between the last write and the check).
    if (blob && !blob.complete && blob.offset === blob.size && !this.writing.has(hash)) {
      await this.finish(blob).catch(() => undefined);
      return this.get(hash);
    }
    return blob;
  }

  isComplete(hash: string): boolean {
    return this.get(hash)?.complete ?? false;
  }

  /**
   * Appends `body` at `offset`. Throws PlatformError for the protocol's refusals; a body that is cut
   * rethrows the cut after the bytes that did arrive are persisted.
   */
  async patch(hash: string, offset: number, declaredLength: number | null, body: AsyncIterable<Buffer>, onPersisted?: (bytes: number) => void): Promise<PatchResult> {
    const blob = this.get(hash);
    if (!blob) throw new PlatformError(404, 'BLOB_NOT_EXPECTED', '没有案件列出该文件，平台不接收。');
    if (this.writing.has(hash) || offset !== blob.offset) {
      const why = this.writing.has(hash) ? '该文件的另一上传尚未结束' : `平台已持有 ${blob.offset} 字节，本次从 ${offset} 开始`;
      throw new PlatformError(409, 'OFFSET_MISMATCH', `${why}：请先 HEAD 查询偏移，再从该处续传。`, { 'Upload-Offset': String(blob.offset) });
    }
    if (declaredLength !== null && offset + declaredLength > blob.size) throw pastSize(blob, offset + declaredLength);
    if (blob.complete) return { offset: blob.offset, complete: true };

    const work = (async () => {
      let end: number;
      try {
        end = await this.append(blob, body, onPersisted);
      } catch (err) {
        // Cut right after the last byte: every byte is here, so the file is verified all the same
        // (the client, which got no answer, learns it from HEAD). Otherwise nothing would ever finish it.
        if (this.get(blob.hash)?.offset === blob.size) await this.finish(blob).catch(() => undefined);
        throw err;
      }
      return end === blob.size ? this.finish(blob) : { offset: end, complete: false };
    })();
    this.writing.set(hash, work);
    try {
      return await work;
    } finally {
      this.writing.delete(hash);
    }
  }

  /** Streams the body into the part file; returns the new durable offset. */
  private async append(blob: BlobState, body: AsyncIterable<Buffer>, onPersisted?: (bytes: number) => void): Promise<number> {
    const path = this.partPath(blob.hash);
    const file = await open(path, existsSync(path) ? 'r+' : 'w+');
    let position = blob.offset;
    let failure: unknown = null;
    try {
      // Bytes past the durable offset were never confirmed (a crash between write and fsync): drop them.
      await file.truncate(blob.offset);
      for await (const chunk of body) {
        if (position + chunk.length > blob.size) throw pastSize(blob, position + chunk.length);
        await file.write(chunk, 0, chunk.length, position);
        position += chunk.length;
        onPersisted?.(chunk.length);
      }
    } catch (err) {
      failure = err;
      // A request running past the size is refused as a whole; a cut request keeps what arrived.
      if (err instanceof PlatformError) position = blob.offset;
    }
    try {
      await file.datasync();
    } finally {
      await file.close();
    }
    this.db.prepare('UPDATE blobs SET offset = ? WHERE hash = ?').run(position, blob.hash);
    if (failure) throw failure;
    return position;
  }

  /** All bytes are here: the SM3 of the whole file decides. */
  private async finish(blob: BlobState): Promise<PatchResult> {
    const part = this.partPath(blob.hash);
    const actual = await sm3OfFile(part);
    if (actual !== blob.hash) {
      rmSync(part, { force: true });
      this.db.prepare('UPDATE blobs SET offset = 0 WHERE hash = ?').run(blob.hash);
      throw new PlatformError(422, 'HASH_MISMATCH', `收到的文件SM3为 ${actual}，与声明的不一致：已丢弃，请从0重新上传。`, { 'Upload-Offset': '0' });
    }
    renameSync(part, join(this.dir, blob.hash));
    this.db.prepare('UPDATE blobs SET complete = 1, completed_at = ? WHERE hash = ?').run(this.now().toISOString(), blob.hash);
    return { offset: blob.size, complete: true };
  }

  /** Where a complete file's bytes are (GET /api/v1/files), null while it is incomplete or unknown. */
  completePath(hash: string): string | null {
    return this.get(hash)?.complete ? join(this.dir, hash) : null;
  }

  private partPath(hash: string): string {
    return join(this.dir, `${hash}.part`);
  }
}

function pastSize(blob: BlobState, end: number): PlatformError {
  return new PlatformError(400, 'BAD_REQUEST', `数据将超出文件声明的大小（${end} > ${blob.size} 字节）。`, { 'Upload-Offset': String(blob.offset) });
}
