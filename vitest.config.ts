import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // One temporary folder for the run (TMPDIR), removed at its end, with a check that no browser outlived its test.
    globalSetup: ['tests/global-setup.ts'],
    setupFiles: ['tests/setup.ts'],
    // Timeouts catch hangs; they are not a measure of speed. A test on a loaded two-core machine may take many times its usual time.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
