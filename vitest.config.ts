import { defineConfig } from 'vitest/config';

/**
 * Two projects, run one after the other by `npm test`: the browser journeys never share the two cores
 * with the PDF round trip (which prints through Chromium too), so a page's waits measure the page.
 */
export default defineConfig({
  test: {
    testTimeout: 30_000,
    // vitest's default on two cores is one worker: run two files at a time. Files share nothing on
    // disk or in the database (temporary folders, own schemas).
    maxWorkers: 2,
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['test/browser/**', '**/node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          // expect.poll reads a page as its locators do: allowed the pages' 20 s (newPage), not 1 s.
          expect: { poll: { timeout: 20_000 } },
        },
      },
    ],
  },
});
