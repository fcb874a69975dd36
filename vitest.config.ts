import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // A mark in the environment of everything the run starts, and a check at its end that nothing marked is still running.
    globalSetup: ['tests/global-setup.ts'],
    setupFiles: ['tests/setup.ts'],
    // Timeouts catch hangs; they are not a measure of speed. A test on a loaded two-core machine may take many times its usual time.
    testTimeout: 120_000,
    // Two test files at a time on a two-core machine (vitest's default is one fewer than the
    // cores): most of a test's time is a mapc process or Chromium it waits for, so two
    // files keep both cores busy where one left one idle.
    maxWorkers: 2,
    // Test files share a worker's module cache: loading mapc's modules, puppeteer and axe
    // again for each file cost 75 s of the run's import time (20 s shared), about 110 s of
    // CPU in all. No test mocks a module or changes the process for longer than its file.
    isolate: false,
    hookTimeout: 120_000,
  },
});
