// The set-up check at the start of `npm test`: the Debian packages of scripts/ci/apt-packages.txt
// and a running CUPS scheduler. What is missing is installed with apt-get when this runs as root
// (or with password-less sudo), and cupsd is started (scripts/ci/start-cups.sh); otherwise it
// fails with one line naming what is missing. `npm start` never runs this: the app itself needs
// none of it. BDC_SKIP_SYSTEM_SETUP=1 skips it (a machine set up by other means).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The package names of apt-packages.txt. */
export function readAptPackages(file) {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter(Boolean);
}

/** Packages dpkg does not list as installed ('install ok installed'); null when dpkg-query is not there. */
export function missingPackages(packages, env = process.env) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Package} ${Status}\\n', ...packages], { encoding: 'utf8', env });
  if (r.error) return null;
  const installed = new Set(
    (r.stdout ?? '')
      .split('\n')
      .filter((l) => / install ok installed$/.test(l))
      .map((l) => l.split(' ')[0].replace(/:.*/, '')),
  );
  return packages.filter((p) => !installed.has(p));
}

/** How to run apt-get: directly as root, through password-less sudo, or not at all. */
export function privilege(env = process.env, uid = process.getuid?.() ?? -1) {
  if (uid === 0) return [];
  const sudo = spawnSync('sudo', ['-n', 'true'], { env, stdio: 'ignore' });
  return !sudo.error && sudo.status === 0 ? ['sudo', '-n'] : null;
}

function schedulerRunning(env) {
  const r = spawnSync('lpstat', ['-r'], { encoding: 'utf8', env: { ...env, LC_ALL: 'C' } });
  return !r.error && /^scheduler is running$/m.test(r.stdout ?? '');
}

function run(prefix, cmd, args, env, log) {
  const [bin, ...rest] = [...prefix, cmd, ...args];
  log(`› ${[bin, ...rest].join(' ')}`);
  const r = spawnSync(bin, rest, { env: { ...env, DEBIAN_FRONTEND: 'noninteractive' }, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (r.error || r.status !== 0) throw new Error(`${cmd} ${args[0]} failed (${r.error?.message ?? `exit ${r.status}`}): ${(r.stderr ?? '').trim().split('\n').slice(-2).join(' ')}`);
}

/**
 * Makes the machine ready for the tests, or says in one line why it cannot. `uid` and
 * `startCups` are there for the tests (test/scripts/system-setup.test.ts). Returns { ok: true, installed: [...], startedCups } or { ok: false, message }.
 */
export function ensureSystemSetup({ root, env = process.env, log = console.log, uid, startCups = join(root, 'scripts', 'ci', 'start-cups.sh') } = {}) {
  if (env.BDC_SKIP_SYSTEM_SETUP === '1') return { ok: true, installed: [], startedCups: false };
  const packages = readAptPackages(join(root, 'scripts', 'ci', 'apt-packages.txt'));
  let missing = missingPackages(packages, env);
  if (missing === null) {
    // Not Debian: nothing to check against; the tests themselves say what they lack.
    log('! dpkg-query not found: not a Debian system, the set-up check is skipped (needs: ' + packages.join(' ') + ')');
    return { ok: true, installed: [], startedCups: false };
  }
  const prefix = missing.length || !schedulerRunning(env) ? privilege(env, uid) : [];
  const installed = [];
  if (missing.length) {
    if (prefix === null) {
      return { ok: false, message: `npm test: missing Debian packages: ${missing.join(' ')} — run npm test as root (or with password-less sudo) to install them, or: sudo apt-get install -y ${missing.join(' ')}` };
    }
    try {
      run(prefix, 'apt-get', ['update', '-qq'], env, log);
      run(prefix, 'apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], env, log);
    } catch (err) {
      return { ok: false, message: `npm test: could not install ${missing.join(' ')}: ${err.message}` };
    }
    installed.push(...missing);
    missing = missingPackages(packages, env) ?? [];
    if (missing.length) return { ok: false, message: `npm test: still missing after apt-get install: ${missing.join(' ')}` };
  }
  let startedCups = false;
  if (!schedulerRunning(env)) {
    if (prefix === null) {
      return { ok: false, message: 'npm test: the CUPS scheduler is not running — run npm test as root (or with password-less sudo) to start it, or: sudo scripts/ci/start-cups.sh' };
    }
    const r = spawnSync(prefix[0] ?? 'bash', [...prefix.slice(1), ...(prefix.length ? ['bash'] : []), startCups], { env, encoding: 'utf8' });
    if (r.error || r.status !== 0) {
      return { ok: false, message: `npm test: could not start the CUPS scheduler: ${((r.stderr ?? '') + (r.stdout ?? '')).trim().split('\n').pop() ?? r.error?.message}` };
    }
    log((r.stdout ?? '').trim());
    startedCups = true;
  }
  return { ok: true, installed, startedCups };
}
