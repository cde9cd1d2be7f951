import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { withoutSystemFonts } from '../../support/no-system-fonts';

const run = promisify(execFile);

/**
 * Reading PDFs back with poppler-utils, the way a person would check a print: the text (NFKC-
 * normalised, since a glyph may come back as a compatibility character such as a Kangxi radical),
 * word positions, page count, and a rendering with every system font hidden, so that only glyphs
 * embedded in the PDF can appear.
 */
export async function pdfText(path: string): Promise<string> {
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', path, '-']);
  return stdout.normalize('NFKC');
}

export interface WordBox {
  word: string;
  /** Points from the page's top-left corner, as pdftotext -bbox reports them. */
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export async function pdfWordBoxes(path: string): Promise<WordBox[]> {
  const { stdout } = await run('pdftotext', ['-bbox', '-enc', 'UTF-8', path, '-']);
  const words: WordBox[] = [];
  for (const m of stdout.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
    words.push({ word: m[5].normalize('NFKC'), xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]) });
  }
  return words;
}

export async function pdfPageCount(path: string): Promise<number> {
  const { stdout } = await run('pdfinfo', [path]);
  const m = /^Pages:\s+(\d+)/m.exec(stdout);
  if (!m) throw new Error(`pdfinfo gave no page count for ${path}:\n${stdout}`);
  return Number(m[1]);
}

/** Fonts listed by pdffonts: name and whether it is embedded. */
export async function pdfFonts(path: string): Promise<Array<{ name: string; embedded: boolean }>> {
  const { stdout } = await run('pdffonts', [path]);
  return stdout
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const cols = line.trim().split(/\s+/);
      // name … emb sub uni objectID gen: "emb" is the 5th column from the end.
      return { name: cols[0], embedded: cols[cols.length - 5] === 'yes' };
    });
}

/**
 * Renders page 1 to PNG with pdftoppm while fontconfig sees no fonts at all (TOOLCHAIN.md): text
 * that shows up in the image was drawn from fonts inside the PDF.
 */
export async function renderWithoutSystemFonts(pdfPath: string, pngPathWithoutExt: string, dpi = 60): Promise<string> {
  return withoutSystemFonts(async (env) => {
    await run('pdftoppm', ['-png', '-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', pdfPath, pngPathWithoutExt], { env });
    return `${pngPathWithoutExt}.png`;
  });
}

export function readBytes(path: string): Uint8Array {
  return new Uint8Array(readFileSync(path));
}
