import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every file under a folder (recursively), or none when it does not exist. */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? filesUnder(p) : e.isFile() ? [p] : [];
  });
}

/** The needles as raw bytes: UTF-8 and UTF-16LE. */
function encodings(needle: string): Array<{ label: string; bytes: Buffer }> {
  return [
    { label: 'utf8', bytes: Buffer.from(needle, 'utf8') },
    { label: 'utf16le', bytes: Buffer.from(needle, 'utf16le') },
  ];
}

/** Which needle (and in which encoding) appears in which file: `[]` when the files are clean. */
export function plaintextHits(files: string[], needles: Record<string, string>, root: string): string[] {
  const hits: string[] = [];
  for (const file of files) {
    if (!existsSync(file) || statSync(file).size === 0) continue;
    const bytes = readFileSync(file);
    for (const [what, needle] of Object.entries(needles)) {
      for (const e of encodings(needle)) {
        if (bytes.includes(e.bytes)) hits.push(`${what} (${e.label}) in ${relative(root, file)}`);
      }
    }
  }
  return hits;
}
