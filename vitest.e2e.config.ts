import { defineConfig } from 'vitest/config';

// Browser tests: real Chromium (Debian's) driven by playwright-core against the built app.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    globalSetup: ['tests/e2e/global-build.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
