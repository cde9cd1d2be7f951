import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TempPdf {
  /** Absolute path of the written PDF. */
  readonly path: string;
  /** Deletes the file and its folder; never throws. */
  remove(): Promise<void>;
}

export const TEMP_PDF_PREFIX = 'bdc-print-';

/**
 * Writes a document to be printed where Chromium can load it: a fresh private folder in the OS
 * temp dir (mkdtemp makes it 0700 and unguessable), the file inside created 0600 and exclusively,
 * so nothing planted there beforehand is followed or overwritten. Certificates carry names and ID
 * numbers: callers delete it as soon as the print is over. On Windows the modes mean little, but
 * the temp dir is the user's own (%LOCALAPPDATA%\Temp), which other accounts cannot read.
 */
export async function writeTempPdf(bytes: Uint8Array, root: string = tmpdir()): Promise<TempPdf> {
  const dir = await mkdtemp(join(root, TEMP_PDF_PREFIX));
  const remove = () => rm(dir, { recursive: true, force: true }).catch(() => undefined);
  const path = join(dir, 'document.pdf');
  try {
    await writeFile(path, bytes, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    await remove();
    throw error;
  }
  return { path, remove };
}

/**
 * Deletes job folders a crash or power cut left behind (each holds a certificate's personal data).
 * Only folders older than `olderThanMs`: a job of another running instance is never that old
 * (jobs time out after at most 10 minutes). Returns how many were removed; never throws.
 */
export async function removeLeftoverTempPdfs(root: string = tmpdir(), olderThanMs = 60 * 60_000, now = Date.now()): Promise<number> {
  let names: string[];
  try {
    names = await readdir(root);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names.filter((n) => n.startsWith(TEMP_PDF_PREFIX))) {
    const dir = join(root, name);
    try {
      const info = await stat(dir);
      if (!info.isDirectory() || now - info.mtimeMs < olderThanMs) continue;
      await rm(dir, { recursive: true, force: true });
      removed += 1;
    } catch {
      // Gone meanwhile, or not ours to delete: either way nothing to do.
    }
  }
  return removed;
}
