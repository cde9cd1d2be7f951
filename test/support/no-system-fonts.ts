import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Runs `use` with an environment in which fontconfig sees no fonts at all (TOOLCHAIN.md): text
 * that a renderer (pdftoppm) then draws came from fonts embedded in the PDF. Fails if fonts are
 * still visible, so a test can never pass by accident.
 */
export async function withoutSystemFonts<T>(use: (env: NodeJS.ProcessEnv) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'bdc-nofonts-'));
  try {
    const conf = join(dir, 'fonts.conf');
    writeFileSync(
      conf,
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n<fontconfig><cachedir>${join(dir, 'cache')}</cachedir></fontconfig>\n`,
    );
    const env = { ...process.env, FONTCONFIG_FILE: conf, FONTCONFIG_PATH: dir };
    const { stdout } = await run('fc-list', [], { env });
    if (stdout.trim() !== '') throw new Error(`fontconfig still lists fonts with ${conf}:\n${stdout}`);
    return await use(env);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
