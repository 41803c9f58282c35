import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    // vitest's default on two cores is one worker: run two files at a time (the long PDF round trip
    // beside the rest). Files share nothing on disk or in the database (temporary folders, own schemas).
    maxWorkers: 2,
    reporters: ['default', './test/support/summary-reporter.ts'],
  },
});
