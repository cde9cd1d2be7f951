import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { ensureSystemSetup, readAptPackages } from '../../scripts/ci/system-setup.mjs';
import { makeTempDir } from '../support/temp-dir';
import { PROJECT_ROOT } from '../support/web-host-process';

type Setup = { ok: true; installed: string[]; startedCups: boolean } | { ok: false; message: string };
const setupFn = ensureSystemSetup as (o: { root: string; env: NodeJS.ProcessEnv; log: (m: string) => void; uid: number; startCups: string }) => Setup;
const PACKAGES = (readAptPackages as (f: string) => string[])(join(PROJECT_ROOT, 'scripts', 'ci', 'apt-packages.txt'));

/**
 * A machine made of fakes: dpkg-query, apt-get, lpstat and sudo on PATH, backed by files (which
 * packages are installed, whether the scheduler runs). Every call is recorded in calls.log.
 */
function fakeMachine(dir: string, state: { installed: string[]; schedulerRunning: boolean; sudo: boolean; aptFails?: boolean }) {
  const bin = join(dir, 'bin');
  const installed = join(dir, 'installed');
  const scheduler = join(dir, 'scheduler');
  const calls = join(dir, 'calls.log');
  spawnSync('mkdir', ['-p', bin]);
  writeFileSync(installed, state.installed.map((p) => `${p}\n`).join(''));
  if (state.schedulerRunning) writeFileSync(scheduler, 'running');
  writeFileSync(calls, '');
  const script = (name: string, body: string) => {
    writeFileSync(join(bin, name), `#!/bin/bash\necho "${name} $*" >> ${calls}\n${body}\n`);
    chmodSync(join(bin, name), 0o755);
  };
  // dpkg-query -W -f=FORMAT pkg…: one line per known package, exit 1 if one is unknown (as dpkg does).
  script(
    'dpkg-query',
    `shift 2; rc=0; for p in "$@"; do if grep -qx "$p" ${installed}; then echo "$p install ok installed"; else echo "dpkg-query: no packages found matching $p" >&2; rc=1; fi; done; exit $rc`,
  );
  script(
    'apt-get',
    state.aptFails
      ? `[ "$1" = update ] && exit 0; echo "E: Unable to locate package chromium" >&2; exit 100`
      : `[ "$1" = update ] && exit 0; for a in "$@"; do case "$a" in -*|install) ;; *) echo "$a" >> ${installed};; esac; done`,
  );
  script('lpstat', `[ -f ${scheduler} ] && echo "scheduler is running" || echo "scheduler is not running"`);
  script('sudo', state.sudo ? `[ "$1" = -n ] && shift; exec "$@"` : `echo "sudo: a password is required" >&2; exit 1`);
  const startCups = join(dir, 'start-cups.sh');
  writeFileSync(startCups, `#!/bin/bash\necho "start-cups $(id -u)" >> ${calls}\ntouch ${scheduler}\necho "cups: started cupsd (fake)"\n`);
  chmodSync(startCups, 0o755);
  return {
    env: { ...process.env, PATH: `${bin}:/usr/bin:/bin` },
    startCups,
    calls: () => readFileSync(calls, 'utf8').trim().split('\n').filter(Boolean),
    installed: () => readFileSync(installed, 'utf8').trim().split('\n'),
    schedulerRunning: () => existsSync(scheduler),
  };
}

describe('npm test set-up check (scripts/ci/system-setup.mjs)', () => {
  let tmp: ReturnType<typeof makeTempDir> | null = null;
  afterEach(() => {
    tmp?.remove();
    tmp = null;
  });
  const run = (m: ReturnType<typeof fakeMachine>, uid: number) => setupFn({ root: PROJECT_ROOT, env: m.env, log: () => undefined, uid, startCups: m.startCups });

  it('reads one list: the packages .ci/run used to install', () => {
    expect(PACKAGES).toEqual(['chromium', 'socat', 'poppler-utils', 'zbar-tools', 'cups', 'cups-client', 'cups-ipp-utils', 'printer-driver-cups-pdf', 'fonts-noto-cjk']);
    // .ci/run has no list of its own any more: it runs npm test.
    const ciRun = readFileSync(join(PROJECT_ROOT, '.ci', 'run'), 'utf8');
    expect(ciRun).not.toMatch(/apt-get|APT_PACKAGES/);
    expect(ciRun.trim().split('\n').pop()).toBe('npm test');
  });

  it('does nothing on a machine that has everything', () => {
    const dir = (tmp = makeTempDir());
    const m = fakeMachine(dir.path, { installed: PACKAGES, schedulerRunning: true, sudo: false });
    expect(run(m, 1000)).toEqual({ ok: true, installed: [], startedCups: false });
    expect(m.calls().filter((c) => !c.startsWith('dpkg-query') && !c.startsWith('lpstat'))).toEqual([]);
  });

  it('as root, installs exactly what is missing with apt-get and starts cupsd', () => {
    const dir = (tmp = makeTempDir());
    const m = fakeMachine(dir.path, { installed: PACKAGES.filter((p) => !['chromium', 'zbar-tools'].includes(p)), schedulerRunning: false, sudo: false });
    expect(run(m, 0)).toEqual({ ok: true, installed: ['chromium', 'zbar-tools'], startedCups: true });
    expect(m.calls()).toContain('apt-get update -qq');
    expect(m.calls()).toContain('apt-get install -y -qq --no-install-recommends chromium zbar-tools');
    expect(m.calls().some((c) => c.startsWith('sudo'))).toBe(false);
    expect(m.schedulerRunning()).toBe(true);
  });

  it('without root, goes through password-less sudo', () => {
    const dir = (tmp = makeTempDir());
    const m = fakeMachine(dir.path, { installed: PACKAGES.filter((p) => p !== 'socat'), schedulerRunning: true, sudo: true });
    expect(run(m, 1000)).toMatchObject({ ok: true, installed: ['socat'] });
    expect(m.calls()).toContain('sudo -n apt-get install -y -qq --no-install-recommends socat');
  });

  it('without root or sudo, fails with one line naming what is missing, and installs nothing', () => {
    const dir = (tmp = makeTempDir());
    const m = fakeMachine(dir.path, { installed: PACKAGES.filter((p) => !['chromium', 'poppler-utils'].includes(p)), schedulerRunning: true, sudo: false });
    const r = run(m, 1000);
    expect(r).toEqual({
      ok: false,
      message:
        'npm test: missing Debian packages: chromium poppler-utils — run npm test as root (or with password-less sudo) to install them, or: sudo apt-get install -y chromium poppler-utils',
    });
    expect(m.calls().some((c) => c.startsWith('apt-get'))).toBe(false);
  });

  it('without root or sudo, a stopped scheduler is one line too', () => {
    const dir = (tmp = makeTempDir());
    const m = fakeMachine(dir.path, { installed: PACKAGES, schedulerRunning: false, sudo: false });
    expect(run(m, 1000)).toEqual({ ok: false, message: expect.stringMatching(/^npm test: the CUPS scheduler is not running — .*start-cups\.sh$/) });
    expect(m.calls().some((c) => c.startsWith('start-cups'))).toBe(false);
  });

  it('an apt-get that fails is reported with its reason', () => {
    const dir = (tmp = makeTempDir());
    const m = fakeMachine(dir.path, { installed: PACKAGES.filter((p) => p !== 'chromium'), schedulerRunning: true, sudo: false, aptFails: true });
    expect(run(m, 0)).toEqual({ ok: false, message: expect.stringMatching(/^npm test: could not install chromium: apt-get install failed \(exit 100\): E: Unable to locate package chromium$/) });
  });

  it('npm test stops at the set-up check with that line and a failed count, before type-checking', () => {
    const dir = (tmp = makeTempDir());
    const m = fakeMachine(dir.path, { installed: PACKAGES.filter((p) => p !== 'chromium'), schedulerRunning: true, sudo: false, aptFails: true });
    const r = spawnSync(process.execPath, [join(PROJECT_ROOT, 'scripts', 'test.mjs')], { cwd: PROJECT_ROOT, env: m.env, encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(1);
    const lines = r.stdout.trim().split('\n');
    // As root (this machine) it tries apt-get, which fails here; as a user it would name the package.
    expect(lines.at(-2)).toMatch(/^npm test: (could not install chromium|missing Debian packages: chromium)/);
    expect(lines.at(-1)).toBe('set-up: 0 passed, 1 failed');
    expect(r.stdout).not.toContain('类型检查');
  });
});
