import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The OS user-data folder, where Electron's app.getPath('userData') puts it, so the web host,
 * the CLIs and the Electron app share one data folder by default. BDC_DATA_DIR overrides it.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.BDC_DATA_DIR) return env.BDC_DATA_DIR;
  const name = 'bdc-workstation';
  if (process.platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), name);
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', name);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), name);
}
