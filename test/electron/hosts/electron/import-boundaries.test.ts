import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..', '..');
const HOST = join(ROOT, 'electron', 'hosts', 'electron');

/** A run-time import of 'electron' (type-only imports are erased and harmless). */
const VALUE_IMPORT = /^\s*import\s+(?!type\b)[^;]*?from\s+['"]electron['"]|require\(\s*['"]electron['"]\s*\)|import\(\s*['"]electron['"]\s*\)/m;

function sourceFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(ts|tsx|mts|cts|js|mjs|cjs)$/.test(name) ? [path] : [];
  });
}

describe("who may import 'electron'", () => {
  it('in the Electron host, only main.ts and preload.ts (everything else is tested in plain Node)', () => {
    const importing = sourceFiles(HOST)
      .filter((f) => VALUE_IMPORT.test(readFileSync(f, 'utf8')))
      .map((f) => relative(HOST, f))
      .sort();
    expect(importing).toEqual(['main.ts', 'preload.ts']);
  });

  it('nowhere outside electron/hosts/electron', () => {
    const dirs = ['electron/contract', 'electron/core', 'electron/hosts/web', 'native', 'renderer/src'].map((d) => join(ROOT, d));
    const offenders = dirs
      .flatMap(sourceFiles)
      .filter((f) => /from\s+['"]electron['"]|require\(\s*['"]electron['"]\s*\)/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(ROOT, f));
    expect(offenders).toEqual([]);
  });

  it('recognises a value import and ignores a type import', () => {
    expect(VALUE_IMPORT.test("import { app } from 'electron';")).toBe(true);
    expect(VALUE_IMPORT.test("const { app } = require('electron');")).toBe(true);
    expect(VALUE_IMPORT.test("import type { App } from 'electron';")).toBe(false);
  });
});
