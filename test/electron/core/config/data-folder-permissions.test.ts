import { chmodSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../support/temp-dir';
import { makeWorkstation, type TestWorkstation } from '../../../support/workstation';

function modes(dir: string): Array<[string, string]> {
  const out: Array<[string, string]> = [[dir, (statSync(dir).mode & 0o777).toString(8)]];
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const path = join(dir, name);
    out.push([name, (statSync(path).mode & 0o777).toString(8)]);
  }
  return out;
}

describe('the data folder is owner-only (0700, files 0600)', () => {
  let t: TestWorkstation | undefined;
  const dir = makeTempDir('bdc-perm-');
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('a pre-existing 0755 folder with 0644 files is tightened at start, and the WAL and SHM are created 0600', async () => {
    // Under the usual 022 umask, as the vitest process runs.
    const previous = process.umask(0o022);
    try {
      const dataDir = join(dir.path, 'data');
      mkdirSync(join(dataDir, 'notes'), { recursive: true, mode: 0o755 });
      chmodSync(dataDir, 0o755);
      writeFileSync(join(dataDir, 'config.json'), JSON.stringify({ officeCode: '430102', workstationId: 'A7' }), { mode: 0o644 });
      writeFileSync(join(dataDir, 'notes', 'old.txt'), 'x', { mode: 0o644 });
      t = makeWorkstation({ dataDir });
      await t.setup();
      await t.userWithRole('clerk', 'clerk'); // writes: the WAL grows
      const found = modes(dataDir);
      expect(found.map(([n]) => n)).toEqual(expect.arrayContaining(['bdc.sqlite', 'bdc.sqlite-wal', 'bdc.sqlite-shm']));
      const loose = found.filter(([path, mode]) => {
        const isDir = statSync(path.startsWith('/') ? path : join(dataDir, path)).isDirectory();
        return isDir ? mode !== '700' : (Number.parseInt(mode, 8) & 0o077) !== 0;
      });
      expect(loose).toEqual([]);
    } finally {
      process.umask(previous);
    }
  });
});
