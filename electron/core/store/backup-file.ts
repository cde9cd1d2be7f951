import { closeSync, fstatSync, fsyncSync, openSync, readSync, writeSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { DataKeyRing } from '../crypto/data-keys';
import { sm3Hex } from '../crypto/sm3';

/**
 * The encrypted backup file (`*.bdcbak`). A backup can be hundreds of MB, so it is sealed in
 * fixed-size chunks, never held in memory whole:
 *
 *   "BDCBAK\0\1" ‖ u32be header length ‖ header (JSON, UTF-8) ‖ chunks
 *   chunk = u32be sealed length ‖ keys.seal(where, plaintext chunk)
 *   where = "backup" ‖ 0 ‖ SM3(header) ‖ 0 ‖ index ‖ "/" ‖ total
 *
 * The header is readable without the key (listing shows time, reason, key and row counts), but
 * every chunk's associated data binds it to the header (an edited header opens nothing), to its
 * position (reordered chunks fail) and to the total (a truncated file, or one with a chunk
 * dropped or appended, fails). Each chunk is SM4-GCM with the data key ring's current key.
 */
const MAGIC = Buffer.from([0x42, 0x44, 0x43, 0x42, 0x41, 0x4b, 0x00, 0x01]);
export const BACKUP_CHUNK_BYTES = 1024 * 1024;
const MAX_HEADER_BYTES = 64 * 1024;

export const backupHeaderSchema = z
  .object({
    format: z.literal('bdc-backup'),
    version: z.literal(1),
    /** Random per file: two backups of the same data never share associated data. */
    id: z.string().min(8).max(64),
    keyId: z.string().min(1).max(16),
    createdAt: z.string(),
    reason: z.string().max(64),
    /** PRAGMA user_version of the copy. */
    schemaVersion: z.number().int().min(0),
    chunkBytes: z.number().int().min(1024).max(64 * 1024 * 1024),
    chunks: z.number().int().min(1),
    plainBytes: z.number().int().min(1),
    /** Row count of every table, as verified against the live database when the copy was taken. */
    tables: z.record(z.string(), z.number().int().min(0)),
  })
  .strict();
export type BackupHeader = z.infer<typeof backupHeaderSchema>;

/** The file is not a backup, was altered or truncated, or needs a key this ring does not have. */
export class BackupFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupFormatError';
  }
}

function chunkWhere(headerJson: Buffer, index: number, total: number): string {
  return `backup\u0000${sm3Hex(headerJson)}\u0000${index}/${total}`;
}

function readExactly(fd: number, length: number, position: number): Buffer {
  const buf = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const n = readSync(fd, buf, got, length - got, position + got);
    if (n === 0) break;
    got += n;
  }
  return got === length ? buf : buf.subarray(0, got);
}

function writeAll(fd: number, buf: Buffer): void {
  let off = 0;
  while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
}

/** Seals the plaintext file `source` into `target` (created 0600, fsynced). Returns the header written. */
export function sealBackupFile(
  source: string,
  target: string,
  keys: Pick<DataKeyRing, 'seal' | 'currentKeyId'>,
  meta: Pick<BackupHeader, 'createdAt' | 'reason' | 'schemaVersion' | 'tables'>,
  chunkBytes = BACKUP_CHUNK_BYTES,
): BackupHeader {
  const src = openSync(source, 'r');
  try {
    const plainBytes = fstatSync(src).size;
    if (plainBytes === 0) throw new BackupFormatError('备份副本为空');
    const header: BackupHeader = {
      format: 'bdc-backup',
      version: 1,
      id: randomUUID(),
      keyId: keys.currentKeyId,
      ...meta,
      chunkBytes,
      chunks: Math.ceil(plainBytes / chunkBytes),
      plainBytes,
    };
    const headerJson = Buffer.from(JSON.stringify(header), 'utf8');
    const out = openSync(target, 'w', 0o600);
    try {
      const len = Buffer.alloc(4);
      len.writeUInt32BE(headerJson.length);
      writeAll(out, Buffer.concat([MAGIC, len, headerJson]));
      for (let i = 0; i < header.chunks; i++) {
        const plain = readExactly(src, Math.min(chunkBytes, plainBytes - i * chunkBytes), i * chunkBytes);
        const sealed = keys.seal(chunkWhere(headerJson, i, header.chunks), plain);
        const l = Buffer.alloc(4);
        l.writeUInt32BE(sealed.length);
        writeAll(out, l);
        writeAll(out, sealed);
      }
      fsyncSync(out);
    } finally {
      closeSync(out);
    }
    return header;
  } finally {
    closeSync(src);
  }
}

function readHeaderFromFd(fd: number): { header: BackupHeader; headerJson: Buffer; bodyStart: number } {
  const head = readExactly(fd, MAGIC.length + 4, 0);
  if (head.length < MAGIC.length + 4 || !head.subarray(0, MAGIC.length).equals(MAGIC)) throw new BackupFormatError('不是工作站备份文件（文件头不正确）');
  const length = head.readUInt32BE(MAGIC.length);
  if (length === 0 || length > MAX_HEADER_BYTES) throw new BackupFormatError('备份文件头长度不正确');
  const headerJson = readExactly(fd, length, MAGIC.length + 4);
  if (headerJson.length !== length) throw new BackupFormatError('备份文件不完整（文件头被截断）');
  let parsed: unknown;
  try {
    parsed = JSON.parse(headerJson.toString('utf8'));
  } catch {
    throw new BackupFormatError('备份文件头无法解析');
  }
  const result = backupHeaderSchema.safeParse(parsed);
  if (!result.success) throw new BackupFormatError('备份文件头内容不正确');
  const header = result.data;
  if (header.chunks !== Math.ceil(header.plainBytes / header.chunkBytes)) throw new BackupFormatError('备份文件头内容不正确（分块数与大小不符）');
  return { header, headerJson, bodyStart: MAGIC.length + 4 + length };
}

/** Reads the header only (no key needed); throws BackupFormatError for anything else. */
export function readBackupHeader(path: string): BackupHeader {
  const fd = openSync(path, 'r');
  try {
    return readHeaderFromFd(fd).header;
  } finally {
    closeSync(fd);
  }
}

export function isSealedBackup(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    return readExactly(fd, MAGIC.length, 0).equals(MAGIC);
  } finally {
    closeSync(fd);
  }
}

/**
 * Opens `source` into the plaintext file `target` (0600, fsynced), checking every chunk's tag,
 * order, size and the total. Throws BackupFormatError naming what is wrong; `target` is then
 * left for the caller to delete.
 */
export function openBackupFile(source: string, target: string, keys: Pick<DataKeyRing, 'open'> & { keyIds?: string[] }): BackupHeader {
  const out = openSync(target, 'w', 0o600);
  try {
    const header = walkBackupFile(source, keys, (plain) => writeAll(out, plain));
    fsyncSync(out);
    return header;
  } finally {
    closeSync(out);
  }
}

/**
 * Checks a backup without writing anything. With `keys`: every chunk's SM4-GCM tag, order, size
 * and the total (the file is proven intact and ours). Without: the structure only — header, chunk
 * lengths and the file's size — which finds a truncated or padded file but not an altered byte.
 * Throws BackupFormatError naming what is wrong.
 */
export function checkBackupFile(source: string, keys?: Pick<DataKeyRing, 'open'> & { keyIds?: string[] }): BackupHeader {
  return walkBackupFile(source, keys ?? null, () => undefined);
}

function walkBackupFile(source: string, keys: (Pick<DataKeyRing, 'open'> & { keyIds?: string[] }) | null, onPlain: (plain: Buffer) => void): BackupHeader {
  const fd = openSync(source, 'r');
  try {
    const { header, headerJson, bodyStart } = readHeaderFromFd(fd);
    if (keys?.keyIds && !keys.keyIds.includes(header.keyId)) {
      throw new BackupFormatError(`备份由数据密钥 ${header.keyId} 加密，本工作站的密钥库中没有该密钥（备份只能在生成它的工作站上恢复）`);
    }
    const size = fstatSync(fd).size;
    let pos = bodyStart;
    for (let i = 0; i < header.chunks; i++) {
      const l = readExactly(fd, 4, pos);
      if (l.length < 4) throw new BackupFormatError(`备份文件不完整：应有 ${header.chunks} 块，只有 ${i} 块（文件被截断）`);
      const length = l.readUInt32BE(0);
      if (length > header.chunkBytes + 256) throw new BackupFormatError(`备份文件第 ${i + 1} 块长度不正确`);
      if (pos + 4 + length > size) throw new BackupFormatError(`备份文件不完整：第 ${i + 1} 块被截断`);
      if (keys) {
        const sealed = readExactly(fd, length, pos + 4);
        if (sealed.length !== length) throw new BackupFormatError(`备份文件不完整：第 ${i + 1} 块被截断`);
        let plain: Buffer;
        try {
          plain = keys.open(chunkWhere(headerJson, i, header.chunks), sealed);
        } catch {
          throw new BackupFormatError(`备份文件第 ${i + 1} 块校验失败（文件被修改、顺序错乱或密钥不符）`);
        }
        const expected = i < header.chunks - 1 ? header.chunkBytes : header.plainBytes - i * header.chunkBytes;
        if (plain.length !== expected) throw new BackupFormatError(`备份文件第 ${i + 1} 块大小不正确`);
        onPlain(plain);
      }
      pos += 4 + length;
    }
    if (pos !== size) throw new BackupFormatError('备份文件末尾有多余的数据（文件被修改）');
    return header;
  } finally {
    closeSync(fd);
  }
}
