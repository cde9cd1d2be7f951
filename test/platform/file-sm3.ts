import { createHash, getHashes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { sm3Hex } from '../../electron/core/crypto/sm3';

/**
 * The SM3 (GB/T 32905) of a file on disk, to verify a finished upload. Plain Node (OpenSSL 3) has
 * SM3: the file is streamed through it (≈ 55 ms for 20 MB, never the whole file in memory). Electron
 * (BoringSSL) has none — the stand-in may run inside the workstation in training mode — so there the
 * core's pure-JS SM3 hashes the file in one piece (≈ 180 ms for 20 MB). Both give the same digest.
 */
const NATIVE_SM3 = getHashes().includes('sm3');

export async function sm3OfFile(path: string, options: { native?: boolean } = {}): Promise<string> {
  if (!(options.native ?? NATIVE_SM3)) return sm3Hex(await readFile(path));
  const hash = createHash('sm3');
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
