import { defineConfig } from 'vitest/config';

// One runner for unit, integration and e2e tests. E2E files spawn real processes and a real
// Chromium, so they get longer timeouts; nothing is retried (a flaky test is a bug).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    environment: 'node',
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
