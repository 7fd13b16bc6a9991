import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/helpers/globalSetup.ts'],
    reporters: ['default', './tests/helpers/summaryReporter.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores here: browser and crash tests start whole servers and Chromium.
    maxWorkers: 2,
  },
});
