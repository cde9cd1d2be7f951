import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The release workflow cannot run here (no internet): at least it parses and runs the same steps.
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
const ROOT = join(import.meta.dirname, '..', '..');

interface Workflow {
  jobs: { package: { strategy: { matrix: { include: Array<{ name: string; os: string; arch: string; targets: string }> } }; steps: Array<{ run?: string; uses?: string }> } };
}

describe('.github/workflows/release.yml', () => {
  const wf = yaml.load(readFileSync(join(ROOT, '.github', 'workflows', 'release.yml'), 'utf8')) as Workflow;
  const job = wf.jobs.package;
  const runs = job.steps.map((s) => s.run ?? '').join('\n');

  it('builds win-x64, linux-x64 and linux-arm64, each on its own OS and CPU', () => {
    expect(job.strategy.matrix.include.map((m) => [m.name, m.os, m.arch, m.targets])).toEqual([
      ['win-x64', 'windows-2022', 'x64', '--win nsis --x64'],
      ['linux-x64', 'ubuntu-22.04', 'x64', '--linux deb AppImage --x64'],
      ['linux-arm64', 'ubuntu-22.04-arm', 'arm64', '--linux deb AppImage --arm64'],
    ]);
  });

  it('runs npm ci, the native rebuild, electron-builder and the release checks in release mode, in that order', () => {
    const order = ['npm ci', 'electron-rebuild', 'node scripts/build.mjs', 'electron-builder --config build/electron-builder.json', 'node scripts/release.mjs --check-only release'];
    const at = order.map((s) => runs.indexOf(s));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(runs).not.toContain('--dev-check');
    expect(job.steps.some((s) => s.uses?.startsWith('actions/upload-artifact'))).toBe(true);
  });
});
