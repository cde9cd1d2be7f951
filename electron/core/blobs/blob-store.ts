import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { sm3Hex } from '../crypto/sm3';
import type { Db } from '../store/database';

/**
 * Content-addressed files (scans, photos, signatures, printed PDFs): named by their SM3 hash, so
 * the same scan attached twice is stored once and any later change to a file is detectable. The
 * row in `blobs` is written in the caller's transaction; the file is written (and fsynced) first,
 * so a row never points at a missing file. Encryption at rest comes with the personal-data work.
 */
export class BlobStore {
  constructor(private readonly dir: string) {}

  put(db: Db, bytes: Uint8Array, mediaType: string, now: Date): string {
    const hash = sm3Hex(bytes);
    const path = this.pathOf(hash);
    if (!existsSync(path)) {
      mkdirSync(join(this.dir, hash.slice(0, 2)), { recursive: true, mode: 0o700 });
      const tmp = `${path}.tmp-${process.pid}`;
      const fd = openSync(tmp, 'w', 0o600);
      try {
        writeSync(fd, bytes);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(tmp, path);
    }
    db.prepare('INSERT OR IGNORE INTO blobs (hash, size, media_type, created_at) VALUES (?, ?, ?, ?)').run(hash, bytes.length, mediaType, now.toISOString());
    return hash;
  }

  /** The bytes, verified against their name: a changed file is reported, never returned. */
  get(hash: string): Uint8Array {
    if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error('invalid blob hash');
    const bytes = readFileSync(this.pathOf(hash));
    if (sm3Hex(bytes) !== hash) throw new Error(`blob ${hash.slice(0, 12)}… does not match its hash`);
    return bytes;
  }

  private pathOf(hash: string): string {
    return join(this.dir, hash.slice(0, 2), hash);
  }
}
