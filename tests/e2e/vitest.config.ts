import { defineConfig } from 'vitest/config';

// End-to-end tests: one production build served on a free port, driven by playwright-core
// in Debian's Chromium (CHROMIUM_PATH). Files run one after another: 2 cores.
// setup.ts fails a test during which a page violated the app's Content-Security-Policy.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    setupFiles: ['tests/e2e/setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
