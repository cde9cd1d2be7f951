import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { FONT_DIRS_ENV } from '../../native/printer/font-resolution';

const run = promisify(execFile);

/**
 * Runs `use` with an environment in which fontconfig sees no fonts at all (TOOLCHAIN.md): text
 * that a renderer (pdftoppm) then draws came from fonts embedded in the PDF. Fails if fonts are
 * still visible, so a test can never pass by accident. The environment also hides system fonts
 * from our own font loader (BDC_FONT_DIRS empty, native/printer/font-resolution.ts), for a
 * process started with it; in-process code is hidden with hideSystemFontsFromLoader().
 */
export async function withoutSystemFonts<T>(use: (env: NodeJS.ProcessEnv) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'bdc-nofonts-'));
  try {
    const conf = join(dir, 'fonts.conf');
    writeFileSync(
      conf,
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n<fontconfig><cachedir>${join(dir, 'cache')}</cachedir></fontconfig>\n`,
    );
    const env = { ...process.env, FONTCONFIG_FILE: conf, FONTCONFIG_PATH: dir, [FONT_DIRS_ENV]: '' };
    const { stdout } = await run('fc-list', [], { env });
    if (stdout.trim() !== '') throw new Error(`fontconfig still lists fonts with ${conf}:\n${stdout}`);
    return await use(env);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Hides system fonts from this process's font loader until the returned function is called. */
export function hideSystemFontsFromLoader(): () => void {
  const before = process.env[FONT_DIRS_ENV];
  process.env[FONT_DIRS_ENV] = '';
  return () => {
    if (before === undefined) delete process.env[FONT_DIRS_ENV];
    else process.env[FONT_DIRS_ENV] = before;
  };
}
