import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/web-host-process';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(ts|tsx|mts|cts)$/.test(name) ? [path] : [];
  });
}

/** Every module specifier a file imports, re-exports or requires. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs: string[] = [];
  const re = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*['"]([^'"]+)['"]|(?:require|import)\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const m of text.matchAll(re)) specs.push(m[1] ?? m[2] ?? m[3]);
  return specs;
}

const rel = (f: string) => relative(PROJECT_ROOT, f);

describe('layering: the runtime split holds', () => {
  it("only electron/hosts/electron imports 'electron'", () => {
    const offenders = ['electron', 'native', 'renderer/src']
      .flatMap((d) => sourceFiles(join(PROJECT_ROOT, d)))
      .filter((f) => !rel(f).startsWith('electron/hosts/electron/'))
      .filter((f) => importsOf(f).some((s) => s === 'electron' || s.startsWith('electron/')));
    expect(offenders.map(rel)).toEqual([]);
  });

  it('the renderer imports nothing from electron/ but electron/contract', () => {
    const offenders = sourceFiles(join(PROJECT_ROOT, 'renderer/src')).flatMap((f) =>
      importsOf(f)
        .filter((s) => s.startsWith('.'))
        .map((s) => relative(PROJECT_ROOT, join(f, '..', s)))
        .filter((target) => target.startsWith('electron/') && !target.startsWith('electron/contract'))
        .map((target) => `${rel(f)} → ${target}`),
    );
    expect(offenders).toEqual([]);
  });

  it('the contract is pure: no node, DOM-only or back-end imports', () => {
    const offenders = sourceFiles(join(PROJECT_ROOT, 'electron/contract')).flatMap((f) =>
      importsOf(f)
        .filter((s) => !s.startsWith('.') && s !== 'zod')
        .map((s) => `${rel(f)} → ${s}`),
    );
    expect(offenders).toEqual([]);
  });

  it('core and native never import a host', () => {
    const offenders = ['electron/core', 'native'].flatMap((d) =>
      sourceFiles(join(PROJECT_ROOT, d)).flatMap((f) =>
        importsOf(f)
          .filter((s) => s.startsWith('.'))
          .map((s) => relative(PROJECT_ROOT, join(f, '..', s)))
          .filter((target) => target.startsWith('electron/hosts'))
          .map((target) => `${rel(f)} → ${target}`),
      ),
    );
    expect(offenders).toEqual([]);
  });

  it('the platform stand-in (test/platform) is reached only through the training seam', () => {
    const offenders = ['electron', 'native', 'renderer/src'].flatMap((d) =>
      sourceFiles(join(PROJECT_ROOT, d))
        .filter((f) => rel(f) !== 'electron/hosts/training-platform.ts')
        .flatMap((f) =>
          importsOf(f)
            .filter((s) => s.startsWith('.'))
            .map((s) => relative(PROJECT_ROOT, join(f, '..', s)))
            .filter((target) => target.startsWith('test/'))
            .map((target) => `${rel(f)} → ${target}`),
        ),
    );
    expect(offenders).toEqual([]);
  });

  it('catches a violation (the checker itself works)', () => {
    const specs = importsOf(join(PROJECT_ROOT, 'electron/hosts/web/main.ts'));
    expect(specs).toContain('../../core/workstation');
  });
});
