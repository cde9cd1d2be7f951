import { mkdirSync, readdirSync, readFileSync, statSync, utimesSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeLeftoverTempPdfs, writeTempPdf } from '../../../../electron/hosts/electron/pdf-temp-file';
import { makeTempDir } from '../../../support/temp-dir';

describe('temporary PDF files', () => {
  it('are written 0600 in a private folder and removed with it', async () => {
    const tmp = makeTempDir('bdc-temp-pdf-');
    try {
      const file = await writeTempPdf(new TextEncoder().encode('%PDF-1.7\n%%EOF'), tmp.path);
      const folder = dirname(file.path);
      expect(readFileSync(file.path, 'utf8')).toBe('%PDF-1.7\n%%EOF');
      if (process.platform !== 'win32') {
        expect(statSync(file.path).mode & 0o777).toBe(0o600);
        expect(statSync(folder).mode & 0o777).toBe(0o700);
      }
      await file.remove();
      expect(readdirSync(tmp.path)).toEqual([]);
    } finally {
      tmp.remove();
    }
  });

  it('left behind by a crash are deleted once old enough, and only ours', async () => {
    const tmp = makeTempDir('bdc-temp-pdf-');
    try {
      const old = await writeTempPdf(new Uint8Array([1]), tmp.path);
      const recent = await writeTempPdf(new Uint8Array([2]), tmp.path);
      const hourAgo = new Date(Date.now() - 2 * 60 * 60_000);
      utimesSync(dirname(old.path), hourAgo, hourAgo);
      mkdirSync(join(tmp.path, 'someone-else'));
      expect(await removeLeftoverTempPdfs(tmp.path)).toBe(1);
      expect(readdirSync(tmp.path).sort()).toEqual([basename(dirname(recent.path)), 'someone-else'].sort());
    } finally {
      tmp.remove();
    }
  });
});
