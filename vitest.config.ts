import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Tests start local HTTP servers and spawn the CLI; two workers fit the 2-core machines we run on.
    maxWorkers: 2,
  },
});
