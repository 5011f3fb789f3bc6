import { defineConfig } from 'vitest/config';

// One browser at a time: the machine has two cores and each test owns a browser profile.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // What the dashboard's file worker answers (an export built, a roster file read) comes after the
    // worker has started and opened the cache, which can pass vitest's 1 s default on a loaded machine.
    expect: { poll: { timeout: 15_000 } },
  },
});
