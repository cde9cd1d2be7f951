import { closeSync, existsSync, fstatSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { DataKeyRing } from '../crypto/data-keys';
import type { Sm4GcmOpening } from '../crypto/sm4';
import { sm3Hasher, sm3Hex } from '../crypto/sm3';
import type { Db } from '../store/database';

/** The data key operations the blob store needs (a DataKeyRing in production). */
export type BlobKeys = Pick<DataKeyRing, 'seal' | 'open' | 'opening' | 'keyIdOf' | 'currentKeyId'>;

/** Every blob file starts with this header, then the key ring's sealed value of the contents. */
const MAGIC = Buffer.from('BDCBLOB1', 'ascii');
/** Written once every file in the folder is sealed (then the start-up pass is skipped). */
const SEALED_MARKER = '.all-sealed';
const HASH = /^[0-9a-f]{64}$/;

function whereOf(hash: string): string {
  return `blob:${hash}`;
}

/**
 * Content-addressed files (scans, photos, signatures, printed PDFs): named by the SM3 hash of
 * their plaintext (the platform protocol names files by it), so the same scan attached twice is
 * stored once and any later change is detectable. The contents are SM4-GCM sealed at rest with
 * the data keys, bound to their name (associated data `blob:<hash>`); `get` opens and then checks
 * the SM3. The row in `blobs` is written in the caller's transaction; the file is written (and
 * fsynced) first, so a row never points at a missing file.
 */
export class BlobStore {
  constructor(
    private readonly dir: string,
    private readonly keys: BlobKeys,
  ) {}

  put(db: Db, bytes: Uint8Array, mediaType: string, now: Date): string {
    const hash = sm3Hex(bytes);
    const path = this.pathOf(hash);
    if (!existsSync(path)) {
      mkdirSync(join(this.dir, hash.slice(0, 2)), { recursive: true, mode: 0o700 });
      writeDurably(path, this.sealed(hash, bytes));
    }
    db.prepare('INSERT OR IGNORE INTO blobs (hash, size, media_type, created_at) VALUES (?, ?, ?, ?)').run(hash, bytes.length, mediaType, now.toISOString());
    return hash;
  }

  /** The bytes, opened and verified against their name: a changed file is reported, never returned. */
  get(hash: string): Uint8Array {
    if (!HASH.test(hash)) throw new Error('invalid blob hash');
    const raw = readFileSync(this.pathOf(hash));
    if (!hasMagic(raw)) throw new Error(`blob ${hash.slice(0, 12)}… is not sealed (start the workstation once to seal stored files)`);
    let bytes: Buffer;
    try {
      bytes = this.keys.open(whereOf(hash), raw.subarray(MAGIC.length));
    } catch {
      throw new Error(`blob ${hash.slice(0, 12)}… cannot be opened (wrong key, or the file was altered)`);
    }
    if (sm3Hex(bytes) !== hash) throw new Error(`blob ${hash.slice(0, 12)}… does not match its hash`);
    return bytes;
  }

  /**
   * Reads a file piece by piece, opening and hashing as it goes (a 20 MB scan is sent while it is
   * read, not after). The pieces are not yet authenticated: `verify` at the end checks the tag and
   * the SM3 name, and a caller must not let the last piece take effect before it has passed.
   */
  reader(hash: string): BlobReader {
    if (!HASH.test(hash)) throw new Error('invalid blob hash');
    return new BlobReader(hash, this.pathOf(hash), this.keys);
  }

  /**
   * Seals the files stored before encryption at rest (once; afterwards `put` only writes sealed
   * files). Crash-safe and idempotent: each file is replaced by rename after its sealed copy is
   * fsynced, a file whose SM3 matches its name is plaintext, one with the header is sealed, and
   * leftover temporary files (possibly plaintext from an interrupted write) are removed.
   */
  sealPlaintextFiles(): { sealed: number; skipped: string[] } {
    const report = { sealed: 0, skipped: [] as string[] };
    if (!existsSync(this.dir) || existsSync(join(this.dir, SEALED_MARKER))) return report;
    for (const { path, name } of this.files({ withTemporary: true })) {
      if (!HASH.test(name)) {
        if (name.includes('.tmp-')) rmSync(path, { force: true });
        continue;
      }
      const raw = readFileSync(path);
      if (sm3Hex(raw) === name) {
        writeDurably(path, this.sealed(name, raw));
        report.sealed++;
      } else if (!hasMagic(raw)) {
        report.skipped.push(name); // neither plaintext of its name nor sealed: damaged, left for inspection
      }
    }
    writeDurably(join(this.dir, SEALED_MARKER), Buffer.from(`${new Date().toISOString()}\n`));
    return report;
  }

  /** Re-seals every file not sealed by the current key (key rotation); each file replaced atomically. */
  resealFiles(): number {
    let n = 0;
    for (const { path, name } of this.files({ withTemporary: false })) {
      const raw = readFileSync(path);
      if (!hasMagic(raw)) continue;
      if (this.keys.keyIdOf(raw.subarray(MAGIC.length)) === this.keys.currentKeyId) continue;
      writeDurably(path, this.sealed(name, this.get(name)));
      n++;
    }
    return n;
  }

  /** The key ids that sealed the stored files (rotation retires only keys no file uses). */
  keyIdsInUse(): Set<string> {
    const used = new Set<string>();
    const head = Buffer.alloc(MAGIC.length + 2 + 255);
    for (const { path } of this.files({ withTemporary: false })) {
      const fd = openSync(path, 'r');
      let n: number;
      try {
        n = readSync(fd, head, 0, head.length, 0);
      } finally {
        closeSync(fd);
      }
      const start = head.subarray(0, n);
      if (hasMagic(start)) used.add(this.keys.keyIdOf(start.subarray(MAGIC.length)));
    }
    return used;
  }

  /** Removes a file no row refers to any more (the caller deleted its `blobs` row in a committed transaction). */
  remove(hash: string): void {
    if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error('invalid blob hash');
    rmSync(this.pathOf(hash), { force: true });
  }

  private sealed(hash: string, bytes: Uint8Array): Buffer {
    return Buffer.concat([MAGIC, this.keys.seal(whereOf(hash), bytes)]);
  }

  private *files(o: { withTemporary: boolean }): Generator<{ path: string; name: string }> {
    if (!existsSync(this.dir)) return;
    for (const sub of readdirSync(this.dir, { withFileTypes: true })) {
      if (!sub.isDirectory() || !/^[0-9a-f]{2}$/.test(sub.name)) continue;
      for (const f of readdirSync(join(this.dir, sub.name), { withFileTypes: true })) {
        if (!f.isFile()) continue;
        if (!o.withTemporary && !HASH.test(f.name)) continue;
        yield { path: join(this.dir, sub.name, f.name), name: f.name };
      }
    }
  }

  private pathOf(hash: string): string {
    return join(this.dir, hash.slice(0, 2), hash);
  }
}

/** See BlobStore.reader. Errors: ENOENT for a missing file, Error for one not sealed or damaged. */
export class BlobReader {
  /** The plaintext size. */
  readonly size: number;
  private readonly fd: number;
  private readonly opening: Sm4GcmOpening;
  private readonly hasher = sm3Hasher();
  private filePosition: number;
  private plainPosition = 0;
  private closed = false;

  constructor(
    private readonly hash: string,
    path: string,
    keys: BlobKeys,
  ) {
    this.fd = openSync(path, 'r');
    try {
      const fileSize = fstatSync(this.fd).size;
      const start = this.readAt(0, MAGIC.length + 2);
      if (!hasMagic(start)) throw new Error(`blob ${hash.slice(0, 12)}… is not sealed (start the workstation once to seal stored files)`);
      let header: Buffer;
      try {
        const headerLength = DataKeyRing.sealedHeaderLength(start.subarray(MAGIC.length));
        header = this.readAt(MAGIC.length, headerLength);
        if (header.length !== headerLength) throw new Error('short header');
        this.opening = keys.opening(whereOf(hash), header);
      } catch {
        throw new Error(`blob ${hash.slice(0, 12)}… cannot be opened (wrong key, or the file was altered)`);
      }
      this.filePosition = MAGIC.length + header.length;
      this.size = fileSize - this.filePosition;
    } catch (err) {
      closeSync(this.fd);
      throw err;
    }
  }

  /** Plaintext bytes read so far. */
  get position(): number {
    return this.plainPosition;
  }

  /** The next piece of plaintext (at most `max` bytes; empty at the end). Unauthenticated until `verify`. */
  read(max: number): Buffer {
    const n = Math.min(max, this.size - this.plainPosition);
    if (n <= 0) return Buffer.alloc(0);
    const sealed = this.readAt(this.filePosition, n);
    if (sealed.length !== n) throw new Error(`blob ${this.hash.slice(0, 12)}… changed while it was read`);
    this.filePosition += n;
    this.plainPosition += n;
    const plain = this.opening.update(sealed);
    this.hasher.update(plain);
    return plain;
  }

  /** After the last piece: the tag and the SM3 name must match, else the file is damaged. */
  verify(): void {
    if (this.plainPosition !== this.size) throw new Error('BlobReader.verify before the end of the file');
    try {
      this.opening.final();
    } catch {
      throw new Error(`blob ${this.hash.slice(0, 12)}… cannot be opened (wrong key, or the file was altered)`);
    }
    if (this.hasher.digestHex() !== this.hash) throw new Error(`blob ${this.hash.slice(0, 12)}… does not match its hash`);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
  }

  private readAt(position: number, length: number): Buffer {
    const buf = Buffer.allocUnsafe(length);
    let got = 0;
    while (got < length) {
      const n = readSync(this.fd, buf, got, length - got, position + got);
      if (n === 0) break;
      got += n;
    }
    return got === length ? buf : buf.subarray(0, got);
  }
}

function hasMagic(raw: Uint8Array): boolean {
  return raw.length > MAGIC.length && MAGIC.equals(raw.subarray(0, MAGIC.length));
}

/** Write to a temporary file, fsync, rename over the target, fsync the folder. */
function writeDurably(path: string, bytes: Uint8Array): void {
  const tmp = `${path}.tmp-${process.pid}`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  try {
    const dirFd = openSync(join(path, '..'), 'r');
    try {
      fsyncSync(dirFd);
    } finally {
      closeSync(dirFd);
    }
  } catch {
    // fsync of a folder is not supported everywhere (Windows): the rename is still atomic.
  }
}
