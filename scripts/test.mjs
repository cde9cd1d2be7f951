// `npm test`: everything — set-up check, type-check, then unit, integration and e2e tests (one
// Vitest run). The set-up check installs the Debian packages the tests need (Chromium, CUPS,
// poppler, zbar, socat, fonts: scripts/ci/apt-packages.txt) and starts cupsd when it runs as root
// or with password-less sudo, else it fails with one line naming what is missing
// (scripts/ci/system-setup.mjs). Extra arguments go to Vitest (`npm test -- test/electron/core`).
// Ends with one plain line: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureSystemSetup } from './ci/system-setup.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => join(root, 'node_modules', '.bin', name);
const args = process.argv.slice(2);

console.log('› 检查测试所需的系统软件 (scripts/ci/apt-packages.txt, CUPS)');
const setup = ensureSystemSetup({ root });
if (!setup.ok) {
  console.log(setup.message);
  console.log('set-up: 0 passed, 1 failed');
  process.exit(1);
}

console.log('› 类型检查 (tsc --noEmit)');
const tsc = spawnSync(bin('tsc'), ['--noEmit', '-p', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });
if (tsc.status !== 0) {
  console.log('type-check: 0 passed, 1 failed');
  process.exit(1);
}

const report = join(root, 'test-results', 'vitest.json');
mkdirSync(join(root, 'test-results'), { recursive: true });
console.log('› 单元、集成与端到端测试 (vitest)');
const vitest = spawnSync(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...args], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
});

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed = r.numPassedTests;
  // A file that fails to load has failed suites but no failed tests: count it once.
  failed = r.numFailedTests > 0 ? r.numFailedTests : (r.numFailedTestSuites ?? 0);
  skipped = r.numPendingTests + (r.numTodoTests ?? 0);
}
const ok = vitest.status === 0 && failed === 0 && passed > 0;
if (!ok && failed === 0) failed = 1; // a run that crashed or ran nothing is a failure
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(ok ? 0 : 1);
