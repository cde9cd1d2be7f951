import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { PlatformConfig } from '../../contract';
import { ConfigFileError } from '../config/config-file';

/**
 * Where the provincial platform is and how this workstation proves who it is: the platform CA
 * (pinned: the only CA trusted for the platform), and the workstation's client certificate as
 * PEM cert + key or one PFX/P12 with its passphrase.
 */
export interface PlatformConnection {
  url: string;
  ca: string | Buffer;
  cert?: string | Buffer;
  key?: string | Buffer;
  pfx?: Buffer;
  passphrase?: string;
}

/**
 * The connection the config file describes, or null when no platform URL is set. Certificate
 * paths are relative to the data folder. A file that is missing or unreadable is a ConfigFileError
 * naming the field, like any other configuration mistake: better refuse to start than to run
 * "offline" for a reason nobody can see.
 */
export function platformConnectionFromConfig(dataDir: string, configPath: string, platform: PlatformConfig): PlatformConnection | null {
  if (!platform.url) return null;
  if (!platform.caFile) {
    throw new ConfigFileError(configPath, 'platform.caFile', '配置了平台地址（platform.url）时必须同时配置平台 CA 证书文件（只信任该 CA 签发的平台证书）');
  }
  if (Boolean(platform.certFile) !== Boolean(platform.keyFile)) {
    const field = platform.certFile ? 'platform.keyFile' : 'platform.certFile';
    throw new ConfigFileError(configPath, field, '客户端证书（certFile）与私钥（keyFile）须同时配置');
  }
  const read = (field: string, file: string): Buffer => {
    const path = isAbsolute(file) ? file : join(dataDir, file);
    try {
      return readFileSync(path);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? '文件不存在' : code === 'EACCES' ? '没有读取权限' : `无法读取（${code ?? (err as Error).message}）`;
      throw new ConfigFileError(configPath, field, `${why}：${path}`);
    }
  };
  const connection: PlatformConnection = { url: platform.url, ca: read('platform.caFile', platform.caFile) };
  if (platform.certFile && platform.keyFile) {
    connection.cert = read('platform.certFile', platform.certFile);
    connection.key = read('platform.keyFile', platform.keyFile);
  }
  if (platform.pfxFile) connection.pfx = read('platform.pfxFile', platform.pfxFile);
  if (platform.pfxPassphrase !== null) connection.passphrase = platform.pfxPassphrase;
  return connection;
}

/** Whether the connection presents a client certificate at all (the platform refuses a connection without one). */
export function hasClientCertificate(c: PlatformConnection): boolean {
  return Boolean((c.cert && c.key) || c.pfx);
}
