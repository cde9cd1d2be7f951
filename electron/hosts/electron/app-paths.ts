import { join } from 'node:path';

export interface AppPaths {
  /** Bundled by esbuild to CommonJS: sandboxed preloads cannot be ES modules. */
  preload: string;
  /** Vite's output, served on app://bdc/. */
  renderer: string;
}

/**
 * Where the built files are, relative to `app.getAppPath()`: the project folder in development,
 * `resources/app.asar` when packaged. Never relative to this file, which esbuild moves.
 */
export function appPaths(appPath: string): AppPaths {
  return {
    preload: join(appPath, 'dist', 'preload.cjs'),
    renderer: join(appPath, 'dist', 'renderer'),
  };
}

/** `BDC_DATA_DIR` lets tests and technicians run on a chosen folder; otherwise Electron's userData. */
export function dataDirFrom(env: NodeJS.ProcessEnv, userDataPath: string): string {
  const fromEnv = env.BDC_DATA_DIR?.trim();
  return fromEnv ? fromEnv : userDataPath;
}
