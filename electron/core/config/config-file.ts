import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { configSchema, type WorkstationConfig } from '../../contract/config';

export const CONFIG_FILE_NAME = 'config.json';

/** A config file that cannot be used. The message names the file and the field. */
export class ConfigFileError extends Error {
  readonly file: string;
  readonly field: string;
  constructor(file: string, field: string, problem: string) {
    super(`配置文件 ${file} 有误：${field ? `字段 ${field}：` : ''}${problem}`);
    this.name = 'ConfigFileError';
    this.file = file;
    this.field = field;
  }
}

export interface LoadedConfig {
  path: string;
  exists: boolean;
  config: WorkstationConfig;
  /** The file's text as read, for change detection between starts. */
  raw: string | null;
}

export function configPath(dataDir: string): string {
  return join(dataDir, CONFIG_FILE_NAME);
}

/** Reads and validates `config.json`; a missing file gives the defaults (training mode). */
export function loadConfig(dataDir: string): LoadedConfig {
  const path = configPath(dataDir);
  if (!existsSync(path)) return { path, exists: false, config: configSchema.parse({}), raw: null };
  const raw = readFileSync(path, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new ConfigFileError(path, '', `不是有效的 JSON（${(err as Error).message}）`);
  }
  return { path, exists: true, config: parseConfig(path, json), raw };
}

export function parseConfig(path: string, json: unknown): WorkstationConfig {
  const result = configSchema.safeParse(json);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = describeField(issue);
  throw new ConfigFileError(path, field, translateIssue(issue));
}

function describeField(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') return [...path, ...issue.keys].join('.');
  return path.join('.');
}

function translateIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return '不认识的字段（是否拼写错误？）';
    case 'invalid_type':
      return `类型不正确，应为 ${issue.expected}`;
    case 'too_small':
      return `取值过小，最小为 ${String(issue.minimum)}`;
    case 'too_big':
      return `取值过大，最大为 ${String(issue.maximum)}`;
    case 'invalid_value':
      return `取值不在允许范围内（${issue.values.map(String).join(' / ')}）`;
    case 'invalid_format':
      return '格式不正确';
    default:
      return issue.message;
  }
}

/**
 * Writes the config atomically: a power cut leaves either the old or the new file, never half of
 * one (write to a temporary file, fsync, rename over).
 */
export function writeConfig(dataDir: string, config: WorkstationConfig): string {
  const path = configPath(dataDir);
  const tmp = `${path}.tmp-${process.pid}`;
  const text = `${JSON.stringify(config, null, 2)}\n`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  return text;
}
