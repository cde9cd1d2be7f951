import { crc32, inflateRawSync } from 'node:zlib';
import { OfdError } from './ofd-errors';
import type { OfdFiles } from './ofd-files';

/**
 * Limits for reading a package that may come from anyone (the verifier reads files citizens and
 * banks hand in). A certificate is one page of ~100 KB; the limits leave room for a multi-page
 * document with images while refusing zip bombs and junk.
 */
export interface UnzipLimits {
  maxEntries: number;
  /** Sum of the uncompressed sizes of all parts. */
  maxTotalBytes: number;
  /** Uncompressed size over compressed size, per entry (deflate rarely beats ~10:1 on XML). */
  maxRatio: number;
}

export const DEFAULT_UNZIP_LIMITS: Readonly<UnzipLimits> = {
  maxEntries: 1000,
  maxTotalBytes: 64 * 1024 * 1024,
  maxRatio: 200,
};

/**
 * Reads an OFD package (a ZIP, GB/T 33190 §7.4) into its parts.
 *
 * A small reader of the ZIP central directory (APPNOTE.TXT §4.3) rather than a library: it reads
 * from memory, every limit is decided from the directory before anything is inflated, and each
 * part is checked against its declared size and CRC-32. What OFD writers produce is covered:
 * stored and deflated entries, with or without data descriptors (the directory has the sizes).
 * Refused with OFD_PACKAGE_REFUSED: ZIP64, encryption, multi-disk archives, paths that are
 * absolute, contain `..`, backslashes or empty segments, duplicate paths; with OFD_NOT_A_PACKAGE:
 * anything that is not a consistent ZIP.
 */
export async function unzipOfd(bytes: Uint8Array, limits: UnzipLimits = DEFAULT_UNZIP_LIMITS): Promise<OfdFiles> {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfCentralDirectory(data);
  const entries = readCentralDirectory(data, end, limits);
  const files: OfdFiles = new Map();
  for (const entry of entries) files.set(entry.path, extract(data, entry));
  return files;
}

interface EndOfCentralDirectory {
  entryCount: number;
  directoryOffset: number;
  directorySize: number;
}

interface Entry {
  path: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_LENGTH = 22;

function notAZip(detail: string): OfdError {
  return new OfdError('OFD_NOT_A_PACKAGE', `文件不是有效的 OFD 文件（ZIP 结构损坏：${detail}），请向出具单位重新获取。`);
}

function refused(detail: string): OfdError {
  return new OfdError('OFD_PACKAGE_REFUSED', `OFD 文件不符合要求，已拒绝读取：${detail}。`);
}

function findEndOfCentralDirectory(data: Buffer): EndOfCentralDirectory {
  // The record is the last thing in the file, followed only by a comment of up to 65535 bytes.
  const lowest = Math.max(0, data.length - EOCD_LENGTH - 0xffff);
  for (let at = data.length - EOCD_LENGTH; at >= lowest; at--) {
    if (data.readUInt32LE(at) !== EOCD_SIGNATURE) continue;
    if (at + EOCD_LENGTH + data.readUInt16LE(at + 20) !== data.length) continue;
    const disk = data.readUInt16LE(at + 4);
    const directoryDisk = data.readUInt16LE(at + 6);
    const entriesHere = data.readUInt16LE(at + 8);
    const entryCount = data.readUInt16LE(at + 10);
    const directorySize = data.readUInt32LE(at + 12);
    const directoryOffset = data.readUInt32LE(at + 16);
    if (entryCount === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) throw refused('不支持 ZIP64 格式');
    if (disk !== 0 || directoryDisk !== 0 || entriesHere !== entryCount) throw refused('不支持分卷压缩文件');
    if (directoryOffset + directorySize > at) throw notAZip('中央目录位置越界');
    return { entryCount, directoryOffset, directorySize };
  }
  throw notAZip('找不到中央目录');
}

function readCentralDirectory(data: Buffer, end: EndOfCentralDirectory, limits: UnzipLimits): Entry[] {
  if (end.entryCount > limits.maxEntries) throw refused(`包含 ${end.entryCount} 个文件，超过上限 ${limits.maxEntries}`);
  const entries: Entry[] = [];
  const seen = new Set<string>();
  let total = 0;
  let at = end.directoryOffset;
  const directoryEnd = end.directoryOffset + end.directorySize;
  for (let i = 0; i < end.entryCount; i++) {
    if (at + 46 > directoryEnd || data.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw notAZip('中央目录记录损坏');
    const flags = data.readUInt16LE(at + 8);
    const method = data.readUInt16LE(at + 10);
    const crc = data.readUInt32LE(at + 16);
    const compressedSize = data.readUInt32LE(at + 20);
    const size = data.readUInt32LE(at + 24);
    const nameLength = data.readUInt16LE(at + 28);
    const extraLength = data.readUInt16LE(at + 30);
    const commentLength = data.readUInt16LE(at + 32);
    const localHeaderOffset = data.readUInt32LE(at + 42);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > directoryEnd) throw notAZip('中央目录记录越界');
    const path = decodeName(data.subarray(at + 46, at + 46 + nameLength));
    at = next;
    if (flags & 0x0001) throw refused(`${path} 已加密`);
    if (compressedSize === 0xffffffff || size === 0xffffffff || localHeaderOffset === 0xffffffff) throw refused('不支持 ZIP64 格式');
    if (path.endsWith('/')) continue; // A folder entry carries no part.
    checkPath(path);
    if (seen.has(path)) throw refused(`文件路径 ${path} 重复`);
    seen.add(path);
    if (method !== 0 && method !== 8) throw refused(`${path} 使用了不支持的压缩方法 ${method}`);
    if (method === 0 && size !== compressedSize) throw notAZip(`${path} 的大小不一致`);
    if (size > limits.maxRatio * Math.max(compressedSize, 1024)) throw refused(`${path} 的压缩比异常`);
    total += size;
    if (total > limits.maxTotalBytes) throw refused(`解压后总大小超过上限 ${Math.round(limits.maxTotalBytes / 1048576)} MB`);
    entries.push({ path, method, crc, compressedSize, size, localHeaderOffset });
  }
  return entries;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeName(bytes: Buffer): string {
  // OFD part names are ASCII in practice; UTF-8 (flag bit 11) is read too. Anything else is refused
  // rather than guessed from a legacy code page.
  try {
    return utf8.decode(bytes);
  } catch {
    throw refused('文件名不是 UTF-8 编码');
  }
}

/** Parts are addressed by relative paths inside the package; anything that could escape it is refused. */
function checkPath(path: string): void {
  const unsafe =
    path === '' ||
    path.startsWith('/') ||
    path.includes('\\') ||
    /^[A-Za-z]:/.test(path) ||
    /[\u0000-\u001f]/.test(path) ||
    path.split('/').some((segment) => segment === '' || segment === '.' || segment === '..');
  if (unsafe) throw refused(`文件路径 ${JSON.stringify(path)} 不安全`);
}

function extract(data: Buffer, entry: Entry): Uint8Array {
  const at = entry.localHeaderOffset;
  if (at + 30 > data.length || data.readUInt32LE(at) !== LOCAL_SIGNATURE) throw notAZip(`${entry.path} 的本地文件头损坏`);
  const start = at + 30 + data.readUInt16LE(at + 26) + data.readUInt16LE(at + 28);
  const stop = start + entry.compressedSize;
  if (stop > data.length) throw notAZip(`${entry.path} 的数据越界`);
  const raw = data.subarray(start, stop);
  let content: Buffer;
  if (entry.method === 0) {
    content = Buffer.from(raw);
  } else {
    try {
      // maxOutputLength stops a lying size field from inflating past what was checked.
      content = inflateRawSync(raw, { maxOutputLength: Math.max(entry.size, 1) });
    } catch {
      throw notAZip(`${entry.path} 无法解压`);
    }
  }
  if (content.length !== entry.size) throw notAZip(`${entry.path} 解压后的大小与记录不符`);
  if (crc32(content) >>> 0 !== entry.crc) throw notAZip(`${entry.path} 的校验值（CRC-32）不符`);
  return new Uint8Array(content.buffer, content.byteOffset, content.byteLength);
}
