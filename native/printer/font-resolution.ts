import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { CjkFontSource } from './cjk-font';

/**
 * Which Chinese font a document or test page uses. Shared by electron/core/documents and the
 * printer test page (native/ never imports electron/core), so both print in the same face.
 *
 * Order: the font the office configured (a licensed 宋体/仿宋) → the font the app ships (Noto Serif
 * SC Regular, OFL-1.1, npm @expo-google-fonts/noto-serif-sc) → system fonts as a last resort
 * (Debian's fonts-noto-cjk, Windows' SimSun). The shipped font makes a fresh machine with no
 * system fonts print: without it documents depended on a Debian package Windows never has.
 */

/** The shipped face: only the Regular weight is used (build/electron-builder.json leaves the others out). */
export const SHIPPED_FONT_MODULE_PATH = '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf';
export const SHIPPED_FONT_POSTSCRIPT_NAME = 'NotoSerifSC-Regular';

/** System faces tried last, relative to each system font folder, in order of preference. */
export const SYSTEM_FONT_CANDIDATES: ReadonlyArray<{ file: string; postscriptName: string }> = [
  { file: 'opentype/noto/NotoSerifCJK-Regular.ttc', postscriptName: 'NotoSerifCJKsc-Regular' },
  { file: 'opentype/noto/NotoSansCJK-Regular.ttc', postscriptName: 'NotoSansCJKsc-Regular' },
  { file: 'simsun.ttc', postscriptName: 'SimSun' },
];

/**
 * `BDC_FONT_DIRS` (folders separated by the platform's path delimiter) replaces the system font
 * folders; set to the empty string it hides every system font from this loader, as a fresh
 * machine would (the "no system fonts" tests set it, and hide fonts from fontconfig too).
 */
export const FONT_DIRS_ENV = 'BDC_FONT_DIRS';

export function systemFontDirs(env: NodeJS.ProcessEnv = process.env): string[] {
  const configured = env[FONT_DIRS_ENV];
  if (configured !== undefined) return configured.split(delimiter).filter((dir) => dir.trim() !== '');
  if (process.platform === 'win32') return [join(env.WINDIR ?? 'C:\\Windows', 'Fonts')];
  return ['/usr/share/fonts', '/usr/local/share/fonts', join(homedir(), '.local/share/fonts')];
}

/**
 * The shipped font file, found the way Node finds the package: from the source tree in tests and
 * `npm start`, from the app's node_modules (inside app.asar, which Electron's fs reads) when packed.
 * Null when the package is not installed.
 */
export function shippedFontPath(): string | null {
  try {
    // Written out (not the constant) so scripts/release-check.mjs sees the package loaded at run time.
    const require = createRequire(import.meta.url);
    return require.resolve('@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf');
  } catch {
    return null;
  }
}

export interface FontResolutionInputs {
  /** The office's font (config.json `documents.font`); used as given, never silently replaced. */
  configured?: CjkFontSource | null;
  /** The shipped font file; defaults to the installed package's. Null: pretend it is not there. */
  shipped?: string | null;
  /** System font folders; defaults to systemFontDirs(). */
  systemDirs?: readonly string[];
}

/**
 * The font to use, or null when there is none at all. A configured font is returned as is even
 * when its file is missing: the reader then names the office's file in its error, rather than
 * printing in another face than the one the office chose.
 */
export function resolveCjkFont(inputs: FontResolutionInputs = {}): CjkFontSource | null {
  if (inputs.configured) return inputs.configured;
  const shipped = inputs.shipped === undefined ? shippedFontPath() : inputs.shipped;
  if (shipped && existsSync(shipped)) return { path: shipped, postscriptName: SHIPPED_FONT_POSTSCRIPT_NAME };
  for (const dir of inputs.systemDirs ?? systemFontDirs()) {
    for (const candidate of SYSTEM_FONT_CANDIDATES) {
      const path = join(dir, candidate.file);
      if (existsSync(path)) return { path, postscriptName: candidate.postscriptName };
    }
  }
  return null;
}

/** What a clerk reads when no font was found: it says what to install or configure. */
export const NO_CJK_FONT_MESSAGE =
  '找不到可用的中文字体：程序自带的字体文件缺失，系统中也没有可用的中文字体。请重新安装本程序，或在 config.json 的 documents.font 中配置字体文件。';
