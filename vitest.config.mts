import { defineConfig } from 'vitest/config';

// Three suites, one command: `npm test` runs all of them after lint, typecheck and build.
export default defineConfig({
  test: {
    environment: 'node',
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.{ts,tsx}'] },
      },
      {
        // Real Chromium against the built renderer: slower, and run one file at a time.
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        // Reads the real DD documents in ../shared/corpus (ADOPTION_DESK_CORPUS overrides).
        extends: true,
        test: { name: 'corpus', include: ['test/corpus/**/*.test.ts'], testTimeout: 60_000 },
      },
      {
        extends: true,
        test: {
          name: 'packaging',
          include: ['test/packaging/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
